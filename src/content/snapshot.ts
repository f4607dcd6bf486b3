/**
 * What the page's main thread does for a clean: serialise its document as it stands (the markup after the
 * page's scripts ran, open shadow roots as declarative <template shadowrootmode> where the browser can
 * serialise them) and hand it over in parts. The engine parses it again in an extension document of its own
 * (src/engine-page), as Firefox's reader view parses its serialised page in a worker: the page pays for the
 * serialisation, not for Readability, the rules or DOMPurify. Nothing here changes the page.
 *
 * A large page is serialised a subtree at a time, with the page's other tasks let in between, and handed over
 * in parts small enough that turning one into a message is a short task too: on the 200,000-element page of
 * e2e/hostile.test.ts one outerHTML took 80 to 380 ms on the shared 2-core machine, and handing over 4M code
 * units at once 230 ms.
 */
import type { PageSnapshot, SnapshotPartReply, SnapshotReply } from '../platform/messages.ts';
import { pageDirection } from './page-direction.ts';
import { dom } from './page-dom.ts';

/** The most a part holds, in UTF-16 code units (2 MB in memory, at most 3 MB as UTF-8 in a message). */
export const SNAPSHOT_PART_CHARS = 1024 * 1024;
/**
 * More elements than this and the page is not read: ten times what the engine reads once the page's
 * furniture is left out (DEFAULT_MAX_ELEMENTS), the ceiling the engine applied to the page itself before.
 */
export const SNAPSHOT_MAX_ELEMENTS = 400_000;
/** Up to this many elements the page is serialised in one call (a few ms on a news page). */
const ONE_TASK_ELEMENTS = 20_000;
/** A subtree up to this size is serialised in one call when the page is cut in pieces. */
const PIECE_ELEMENTS = 2_000;
/** How long one task of a piecewise serialisation runs before the page's own tasks get their turn. */
const SLICE_MS = 10;
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
  const all = dom.elementsIn(doc, '*');
  const elements = all.length;
  if (elements > SNAPSHOT_MAX_ELEMENTS) {
    return {
      ok: false,
      problem: 'too-large',
      detail: `This page is too large to read (${elements.toLocaleString('en')} elements; the limit is ${SNAPSHOT_MAX_ELEMENTS.toLocaleString('en')}).`,
    };
  }
  const contentType = dom.contentType(doc);
  const parts = contentType === 'text/plain' ? cut(plainText(doc), SNAPSHOT_PART_CHARS) : await serialise(doc, all);
  const id = newId();
  if (parts.length > 1) {
    pending.set(id, parts);
    for (const old of pending.keys()) if (pending.size > PENDING_MAX) pending.delete(old);
  }
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const snapshot: PageSnapshot = { id, url: dom.url(doc), baseUrl: dom.baseUri(doc), contentType, dir: pageDirection(doc), parts: parts.length, length, elements };
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
 * The document as markup, in parts. The doctype only says whether the page is in quirks mode, which changes how
 * a <table> after a <p> parses; its other parts change nothing the engine reads.
 */
async function serialise(doc: Document, all: HTMLCollectionOf<Element>): Promise<string[]> {
  const root = dom.documentElement(doc);
  if (!root) return [''];
  const doctype = dom.compatMode(doc) === 'BackCompat' ? '' : '<!DOCTYPE html>';
  const head = dom.head(doc);
  if (all.length <= ONE_TASK_ELEMENTS) {
    const markup = outerMarkup(root, openShadowRoots(root));
    return cut(doctype + withNoscriptAsText(markup, dom.elementsIn(doc, 'noscript'), head), SNAPSHOT_PART_CHARS);
  }
  const writer = new PartWriter();
  writer.write(doctype);
  await piecewise(root, await survey(all), writer, head);
  return writer.finish();
}

/** The open shadow roots under `el` (its own, and those inside other roots), for getHTML to serialise. */
function openShadowRoots(el: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const own = dom.shadowRoot(el);
  if (own) roots.push(own, ...rootsInside(own));
  const under = dom.elementsUnder(el, '*');
  for (let i = 0; i < under.length; i++) {
    const root = dom.shadowRoot(under[i]!);
    if (root) roots.push(root, ...rootsInside(root));
  }
  return roots;
}

function rootsInside(root: ShadowRoot): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const all = dom.elementsInShadow(root, '*');
  for (let i = 0; i < all.length; i++) {
    const inner = dom.shadowRoot(all[i]!);
    if (inner) roots.push(inner, ...rootsInside(inner));
  }
  return roots;
}

/** `el` with what it holds, the given shadow roots (of `el` and hosts inside it) serialised where the browser can. */
function outerMarkup(el: Element, roots: ShadowRoot[]): string {
  const getHtml = dom.elementGetHtml;
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
  return `<template shadowrootmode="${dom.shadowMode(root)}">${getHtml(root, { shadowRoots: rootsInside(root) })}</template>`;
}

/**
 * A page that runs scripts parsed each <noscript>'s content as text, and the serialiser writes that text as
 * it is; the engine's DOMParser runs none, so it would parse that text as markup, where an unclosed <style>
 * or a "</noscript>" inside an attribute takes in the rest of the page (e2e/hostile.test.ts's "noscript title
 * breakout" hid the article's last paragraphs). Each <noscript> in the body is written instead as a document
 * without scripts writes it, its text escaped; one in the head is written empty, since text there would end
 * the head for a parser without scripts, and nothing the engine reads is in it. Found in `markup` (which holds
 * them all, in document order) by their own serialisation.
 */
function withNoscriptAsText(markup: string, noscripts: ArrayLike<Element>, head: Element | null): string {
  if (noscripts.length === 0) return markup;
  inert ??= dom.createHtmlDocument(dom.implementation(document), '');
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

/** Where a <noscript> is copied to be written without scripts: made once, the content script stays on the page. */
let inert: Document | undefined;

/** What a piecewise serialisation needs to know of the page, found in one pass over its elements. */
interface Survey {
  /** Elements with more than PIECE_ELEMENTS elements in them: written as their tags around their children. */
  big: Set<Element>;
  /** Shadow hosts of the document (not of shadow trees), in document order. */
  hosts: Element[];
}

/**
 * One pass over the page's elements in document order, a slice at a time: an element's subtree ends where the
 * next element it does not contain starts, which gives each element's size without asking each for it.
 */
async function survey(all: HTMLCollectionOf<Element>): Promise<Survey> {
  const big = new Set<Element>();
  const hosts: Element[] = [];
  // The elements open at this point of the pass and where each started: two arrays, not an object an element,
  // to leave the page's collector little to do.
  const open: Element[] = [];
  const starts: number[] = [];
  const close = (until: Element | null, at: number) => {
    while (open.length > 0 && (until === null || !dom.contains(open[open.length - 1]!, until))) {
      const el = open.pop()!;
      if (at - starts.pop()! - 1 > PIECE_ELEMENTS) big.add(el);
    }
  };
  const slice = new Slicer();
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    close(el, i);
    open.push(el);
    starts.push(i);
    if (dom.shadowRoot(el)) hosts.push(el);
    if (slice.due) await slice.yield();
  }
  close(null, all.length);
  return { big, hosts };
}

interface Frame {
  el: Element;
  next: Node | null;
  end: string;
}

/**
 * The document a subtree at a time: a big element (see Survey) is written as its tags around its children,
 * anything smaller in one call, and every SLICE_MS the page's own tasks are let in. Children are taken one by
 * one (listing 100,000 of them at once was a long task of its own); should the page move the next one out of
 * its element meanwhile, that element's list ends there. Every element opened is closed, so a page that changes
 * meanwhile still gives whole markup, of the moments each piece was read.
 */
async function piecewise(root: Element, { big, hosts }: Survey, writer: PartWriter, head: Element | null): Promise<void> {
  const stack: Frame[] = [];
  const open = (el: Element) => {
    const [start, end] = tagsOf(el);
    const shadow = dom.shadowRoot(el);
    writer.write(start);
    if (shadow) writer.write(shadowTemplate(shadow));
    stack.push({ el, next: dom.firstChild(el), end });
  };
  open(root);
  const slice = new Slicer();
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (node === null || dom.parentNode(node) !== frame.el) {
      writer.write(frame.end);
      stack.pop();
      continue;
    }
    frame.next = dom.nextSibling(node);
    const type = dom.nodeType(node);
    if (type === ELEMENT) {
      const el = node as Element;
      if (big.has(el)) open(el);
      else writer.write(pieceOf(el, hosts, head));
    } else if (type === TEXT) {
      writer.write(escapeText(dom.data(node as Text)));
    } else if (type === COMMENT) {
      writer.write(`<!--${dom.data(node as Comment)}-->`);
    }
    if (slice.due) await slice.yield();
  }
}

/** A subtree of the page, with the shadow roots of the hosts in it and its <noscript>s as text. */
function pieceOf(el: Element, hosts: readonly Element[], head: Element | null): string {
  let markup: string;
  if (hosts.length === 0) {
    markup = dom.outerHtml(el);
  } else {
    const roots: ShadowRoot[] = [];
    for (const host of hosts) {
      const root = dom.contains(el, host) ? dom.shadowRoot(host) : null;
      if (root) roots.push(root, ...rootsInside(root));
    }
    markup = outerMarkup(el, roots);
  }
  if (!markup.includes('<noscript')) return markup;
  const noscripts = dom.localName(el) === 'noscript' ? [el] : Array.from(dom.elementsUnder(el, 'noscript'));
  return withNoscriptAsText(markup, noscripts, head);
}

/**
 * Text as the serialiser escapes it outside raw-text elements. Only elements with more than PIECE_ELEMENTS
 * elements in them are opened, and <script>, <style> and the like hold none, so no raw text comes here.
 */
function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
}

/**
 * Markup written piece by piece, joined into parts of about SNAPSHOT_PART_CHARS as it comes (never the whole
 * page as one string, whose joining alone was a long task), then cut to size.
 */
class PartWriter {
  private readonly parts: string[] = [];
  private pieces: string[] = [];
  private length = 0;

  write(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
    if (this.length >= SNAPSHOT_PART_CHARS) this.flush();
  }

  finish(): string[] {
    this.flush(true);
    return this.parts.length > 0 ? this.parts : [''];
  }

  private flush(last = false): void {
    if (this.pieces.length === 0) return;
    const text = this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    const parts = cut(text, SNAPSHOT_PART_CHARS);
    // A short tail waits for the next pieces, so that parts stay near full.
    const tail = !last && parts.length > 1 && parts[parts.length - 1]!.length < SNAPSHOT_PART_CHARS / 2 ? parts.pop()! : null;
    for (const part of parts) this.parts.push(part);
    if (tail !== null) this.write(tail);
  }
}

/** Says when a slice has run SLICE_MS, and lets the page's queued tasks (input, timers, rendering) run then. */
class Slicer {
  private start = performance.now();

  /** Checked at every step (an await at every step would cost a microtask each). */
  get due(): boolean {
    return performance.now() - this.start >= SLICE_MS;
  }

  async yield(): Promise<void> {
    await nextTask();
    this.start = performance.now();
  }
}

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
