/**
 * What the page's main thread does for a clean: serialise its document as it stands (the markup after the
 * page's scripts ran, open shadow roots as declarative <template shadowrootmode> where the browser can
 * serialise them) and hand it over in parts. The engine parses it again in an extension document of its own
 * (src/engine-page), as Firefox's reader view parses its serialised page in a worker: the page pays for the
 * serialisation, not for Readability, the rules or DOMPurify. Nothing here changes the page.
 *
 * A large page is serialised a subtree at a time, with the page's other tasks let in between, so that no task
 * of ours holds its main thread for long: on the 200,000-element page of e2e/hostile.test.ts one outerHTML
 * took 80 to 380 ms on the shared 2-core machine.
 */
import type { PageSnapshot, SnapshotPartReply, SnapshotReply } from '../platform/messages.ts';
import { dom } from './page-dom.ts';

/** The most a part holds, in UTF-16 code units (8 MB in memory, at most 12 MB as UTF-8 in a message). */
export const SNAPSHOT_PART_CHARS = 4 * 1024 * 1024;
/**
 * More elements than this and the page is not read: ten times what the engine reads once the page's
 * furniture is left out (DEFAULT_MAX_ELEMENTS), the ceiling the engine applied to the page itself before.
 */
export const SNAPSHOT_MAX_ELEMENTS = 400_000;
/** Up to this many elements the page is serialised in one call (a few ms on a news page). */
const ONE_TASK_ELEMENTS = 20_000;
/** A subtree up to this size is serialised in one call when the page is cut in pieces. */
const PIECE_ELEMENTS = 4_000;
/** How long one task of a piecewise serialisation runs before the page's own tasks get their turn. */
const SLICE_MS = 12;
/** A text/plain page's text is read up to here: enough for any article, and small to send. */
export const PAGE_TEXT_LIMIT = 200_000;

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

/** The snapshots whose other parts have not all been asked for yet; the oldest go first. */
const pending = new Map<string, string[]>();
const PENDING_MAX = 2;

export async function takeSnapshot(doc: Document): Promise<SnapshotReply> {
  if (dom.readyState(doc) === 'loading') return { ok: false, problem: 'loading' };
  const elements = dom.elementsIn(doc, '*').length;
  if (elements > SNAPSHOT_MAX_ELEMENTS) {
    return {
      ok: false,
      problem: 'too-large',
      detail: `This page is too large to read (${elements.toLocaleString('en')} elements; the limit is ${SNAPSHOT_MAX_ELEMENTS.toLocaleString('en')}).`,
    };
  }
  const contentType = dom.contentType(doc);
  const markup = contentType === 'text/plain' ? plainText(doc) : await serialise(doc, elements);
  const parts = cut(markup, SNAPSHOT_PART_CHARS);
  const id = newId();
  if (parts.length > 1) {
    pending.set(id, parts);
    for (const old of pending.keys()) if (pending.size > PENDING_MAX) pending.delete(old);
  }
  const snapshot: PageSnapshot = { id, url: dom.url(doc), baseUrl: dom.baseUri(doc), contentType, parts: parts.length, length: markup.length, elements };
  return { ok: true, snapshot, part: parts[0] ?? '' };
}

export function snapshotPart(id: string, index: number): SnapshotPartReply {
  const parts = pending.get(id);
  const part = parts?.[index];
  if (!parts || part === undefined || index < 1) return { ok: false, problem: 'failed', detail: `part ${index} of snapshot ${id} is not here (the page was read again meanwhile)` };
  if (index === parts.length - 1) pending.delete(id);
  return { ok: true, part };
}

function newId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a browser shows of a text/plain page: the text of its one <pre>. */
function plainText(doc: Document): string {
  const body = dom.body(doc);
  return (body ? (dom.textContent(body) ?? '') : '').slice(0, PAGE_TEXT_LIMIT);
}

/**
 * `text` in parts of at most `size` code units, never between the two halves of a surrogate pair: Chromium
 * turns a message's strings into UTF-8, where a lone half would become U+FFFD.
 */
export function cut(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length || parts.length === 0; ) {
    let end = Math.min(text.length, start + size);
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The document as markup. The doctype only says whether the page is in quirks mode, which changes how a
 * <table> after a <p> parses; its other parts change nothing the engine reads.
 */
async function serialise(doc: Document, elements: number): Promise<string> {
  const root = dom.documentElement(doc);
  if (!root) return '';
  const doctype = dom.compatMode(doc) === 'BackCompat' ? '' : '<!DOCTYPE html>';
  const markup = elements <= ONE_TASK_ELEMENTS ? outerMarkup(root) : await piecewise(root);
  return doctype + withNoscriptAsText(doc, markup);
}

/**
 * A page that runs scripts parsed each <noscript>'s content as text, and the serialiser writes that text as
 * it is; the engine's DOMParser runs none, so it would parse that text as markup, where an unclosed <style>
 * or a "</noscript>" inside an attribute takes in the rest of the page (e2e/hostile.test.ts's "noscript title
 * breakout" hid the article's last paragraphs). Each <noscript> in the body is written instead as a document
 * without scripts writes it, its text escaped; one in the head is written empty, since text there would end
 * the head for a parser without scripts, and nothing the engine reads is in it. Found in the markup by its own
 * serialisation, in document order.
 */
function withNoscriptAsText(doc: Document, markup: string): string {
  const noscripts = dom.elementsIn(doc, 'noscript');
  if (noscripts.length === 0) return markup;
  const head = dom.head(doc);
  const inert = dom.createHtmlDocument(dom.implementation(doc), '');
  const pieces: string[] = [];
  let from = 0;
  for (let i = 0; i < noscripts.length; i++) {
    const noscript = noscripts[i]!;
    const live = dom.outerHtml(noscript);
    const at = markup.indexOf(live, from);
    if (at < 0) continue;
    const [start, end] = tagsOf(noscript);
    pieces.push(markup.slice(from, at), head && dom.contains(head, noscript) ? start + end : dom.outerHtml(dom.importNode(inert, noscript, true) as Element));
    from = at + live.length;
  }
  pieces.push(markup.slice(from));
  return pieces.join('');
}

/** The open shadow roots under `el` (its own, and those inside other roots), for getHTML to serialise. */
function openShadowRoots(el: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (candidates: ArrayLike<Element>) => {
    for (let i = 0; i < candidates.length; i++) {
      const root = dom.shadowRoot(candidates[i]!);
      if (!root) continue;
      roots.push(root);
      visit(dom.elementsInShadow(root, '*'));
    }
  };
  visit([el]);
  visit(dom.elementsUnder(el, '*'));
  return roots;
}

/** `el` with what it holds, shadow roots included where the browser can serialise them. */
function outerMarkup(el: Element): string {
  const getHtml = dom.elementGetHtml;
  const roots = getHtml ? openShadowRoots(el) : [];
  if (!getHtml || roots.length === 0) return dom.outerHtml(el);
  const [start, end] = tagsOf(el);
  return start + getHtml(el, { shadowRoots: roots }) + end;
}

/** The start and end tags of `el` as the serialiser writes them (from a childless clone: no page method). */
function tagsOf(el: Element): [string, string] {
  const html = dom.outerHtml(dom.cloneNode(el, false) as Element);
  const end = html.lastIndexOf('</');
  return end < 0 ? [html, ''] : [html.slice(0, end), html.slice(end)];
}

/** A shadow root as the declarative template that getHTML would write for it. */
function shadowTemplate(root: ShadowRoot): string {
  const getHtml = dom.shadowGetHtml;
  if (!getHtml) return '';
  const inner = getHtml(root, { shadowRoots: openShadowRootsIn(root) });
  return `<template shadowrootmode="${dom.shadowMode(root)}">${inner}</template>`;
}

function openShadowRootsIn(root: ShadowRoot): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const all = dom.elementsInShadow(root, '*');
  for (let i = 0; i < all.length; i++) {
    const inner = dom.shadowRoot(all[i]!);
    if (inner) roots.push(inner, ...openShadowRootsIn(inner));
  }
  return roots;
}

interface Frame {
  children: Node[];
  next: number;
  end: string;
}

/**
 * The document a subtree at a time: an element of more than PIECE_ELEMENTS is written as its tags around its
 * children, anything smaller in one call, and every SLICE_MS the page's own tasks are let in. The children of
 * each opened element are listed when it is opened, so a page that changes meanwhile still gives whole markup
 * (of the moments each piece was read).
 */
async function piecewise(root: Element): Promise<string> {
  const pieces: string[] = [];
  const stack: Frame[] = [];
  const open = (el: Element) => {
    const [start, end] = tagsOf(el);
    const shadow = dom.shadowRoot(el);
    pieces.push(start, shadow ? shadowTemplate(shadow) : '');
    stack.push({ children: childNodes(el), next: 0, end });
  };
  open(root);
  let sliceStart = performance.now();
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.children[frame.next++];
    if (node === undefined) {
      pieces.push(frame.end);
      stack.pop();
      continue;
    }
    const type = dom.nodeType(node);
    if (type === ELEMENT) {
      const el = node as Element;
      if (dom.firstElementChild(el) && dom.elementsUnder(el, '*').length > PIECE_ELEMENTS) open(el);
      else pieces.push(outerMarkup(el));
    } else if (type === TEXT) {
      pieces.push(escapeText(dom.data(node as Text)));
    } else if (type === COMMENT) {
      pieces.push(`<!--${dom.data(node as Comment)}-->`);
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
  return pieces.join('');
}

function childNodes(el: Element): Node[] {
  const out: Node[] = [];
  for (let child = dom.firstChild(el); child; child = dom.nextSibling(child)) out.push(child);
  return out;
}

/**
 * Text as the serialiser escapes it outside raw-text elements. Only elements with more than PIECE_ELEMENTS
 * elements in them are opened, and <script>, <style> and the like hold none, so no raw text comes here.
 */
function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
}

/** Lets the page's queued tasks (input, timers, rendering) run before the next slice. */
function nextTask(): Promise<void> {
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done();
    };
    channel.port2.postMessage(null);
  });
}
