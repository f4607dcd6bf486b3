/**
 * Is this cleaned HTML inert? Two checks on the parsed output DOM, not on the string:
 * - hazards(): every element and attribute that could run script or fetch something, listed by name;
 * - executions(): the HTML loaded into a jsdom that runs scripts (and so parses like a browser, with
 *   scripting on), then every element sent the events that fire handlers, and every link clicked.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

/** Elements that run, load, submit, rebase, refresh, embed or hide markup for later. */
const DANGEROUS_ELEMENTS = new Set([
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'form', 'input', 'button', 'select', 'textarea', 'template', 'noscript', 'noembed', 'noframes', 'xmp',
  'plaintext', 'portal', 'foreignobject', 'animate', 'set', 'animatemotion', 'animatetransform', 'handler',
  'listener', 'dialog', 'isindex', 'keygen',
]);

/** Attributes that carry CSS, documents, or URLs the reader never asked for. */
const DANGEROUS_ATTRIBUTES = new Set([
  'style', 'srcdoc', 'formaction', 'action', 'ping', 'background', 'srcset', 'http-equiv', 'is', 'dynsrc', 'lowsrc',
  'attributename', 'to', 'from', 'values', 'by',
]);

/** Where a data: URL is only a picture or a sound. */
const MEDIA_SRC = new Set(['img', 'video', 'audio', 'source', 'track']);

/** The URL the parser would see: entities are already decoded; strip what the URL parser strips. */
function scheme(value: string): string | null {
  const stripped = value.replace(/[\u0000-\u0020\u007f-\u009f]/gu, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/u.exec(stripped)?.[1] ?? null;
}

/** A blank page to ask "is this name already a property of document, a form or window?" (DOMPurify's own test). */
const blank = new JSDOM('<!doctype html><title></title>', { virtualConsole: new VirtualConsole() }).window;
const blankForm = blank.document.createElement('form');

export function parseOutput(html: string): Document {
  return new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`, { virtualConsole: new VirtualConsole() }).window.document;
}

/**
 * Everything in `html` that could execute or phone home, one line each (empty when inert). `needles` are
 * strings that must not appear in any attribute (the vector's URL, say): text content may quote them.
 */
export function hazards(html: string, needles: readonly string[] = []): string[] {
  const doc = parseOutput(html);
  const found: string[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName.toLowerCase();
      const where = `<${tag}>`;
      if (DANGEROUS_ELEMENTS.has(tag)) found.push(`element ${where}`);
      if (el.shadowRoot) found.push(`shadow root on ${where}`), walk(el.shadowRoot);
      if (tag === 'template') walk((el as HTMLTemplateElement).content);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const local = attr.localName.toLowerCase();
        const value = attr.value;
        const what = `${where} ${attr.name}="${value.slice(0, 80)}"`;
        if (name.startsWith('on')) found.push(`event handler ${what}`);
        if (DANGEROUS_ATTRIBUTES.has(local)) found.push(`attribute ${what}`);
        // The engine's block id is the one data attribute allowed, and only with its own value shape.
        if (name.startsWith('data-') && !(name === 'data-ro-block' && /^b\d+$/u.test(value))) found.push(`data attribute ${what}`);
        const s = scheme(value);
        if (s === 'javascript' || s === 'vbscript' || s === 'livescript') found.push(`script URL ${what}`);
        if (s === 'data' && !(MEDIA_SRC.has(tag) && local === 'src' && /^data:(image\/(?!svg)|video\/|audio\/)/iu.test(value.trim()))) {
          found.push(`data URL ${what}`);
        }
        if (/url\s*\(|expression\s*\(|@import/iu.test(value) && local !== 'href' && local !== 'src' && local !== 'alt' && local !== 'title') {
          found.push(`CSS in ${what}`);
        }
        if ((local === 'id' || local === 'name') && (value in blank.document || value in blankForm || value in blank || value === '__proto__')) {
          found.push(`clobbering ${what}`);
        }
        for (const needle of needles) if (value.includes(needle)) found.push(`reference to ${needle} in ${what}`);
      }
    }
  };
  walk(doc);
  doc.defaultView?.close();
  return found;
}

/**
 * Runs `html` in a jsdom with scripts on, with `__xss(n)` defined, fires every handler-bearing event on every
 * element and clicks every link. Returns what ran: the numbers passed to `__xss`, and script errors that
 * mention it (code that ran in a context where `__xss` is not defined).
 */
export async function executions(html: string): Promise<string[]> {
  const ran: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (e: Error) => {
    const text = `${e.message} ${(e as { detail?: unknown }).detail ?? ''}`;
    if (/__xss/u.test(text)) ran.push(`script error: ${text.slice(0, 200)}`);
  });
  const dom = new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`, {
    runScripts: 'dangerously',
    virtualConsole,
    beforeParse(window) {
      (window as unknown as { __xss: (n: unknown) => void }).__xss = (n) => void ran.push(`__xss(${String(n)})`);
    },
  });
  const { window } = dom;
  const events = ['load', 'error', 'click', 'mouseover', 'focus', 'toggle', 'animationstart', 'begin', 'start', 'submit', 'input', 'change'];
  for (const el of window.document.querySelectorAll('*')) {
    for (const type of events) el.dispatchEvent(new window.Event(type, { bubbles: false }));
  }
  for (const a of window.document.querySelectorAll('a[href], area[href]')) (a as HTMLElement).click();
  window.dispatchEvent(new window.Event('load'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  window.close();
  return ran;
}
