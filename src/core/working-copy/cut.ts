/**
 * The cut around the prose region: which of the body's parts the copy takes. Not a step of its own: 03-region
 * probes it to see what it would leave out, the copy takes its decisions (04-walk as it goes; pruned in place,
 * after a probe), and 05-outside reads what it left out.
 */
import { walkElements } from '../dom.ts';

const CONTENT_TAGS = new Set(['p', 'img', 'picture', 'figure', 'video', 'h1', 'h2', 'h3']);
/** How many levels above the region its siblings are looked at, at least: an article's header and lead image sit there. */
const SIBLING_LEVELS = 2;

/** A sibling of the region worth Readability's look: a lede, a lead image, the headline, a dateline; not a bar of links. */
function holdsContent(node: Node): boolean {
  if (node.nodeType === 3) return (node.textContent ?? '').trim() !== '';
  return node.nodeType === 1 && (walkElements(node as Element, (el) => CONTENT_TAGS.has(el.localName)) !== null || holdsPlainText(node as Element));
}

/** Where a line of text is not a link's or a control's: a dateline, an editor's or a source line. */
const NOT_PLAIN_TEXT = new Set(['a', 'script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'textarea', 'nav', 'option']);

function holdsPlainText(root: Element): boolean {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (NOT_PLAIN_TEXT.has(el.localName)) continue;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 && (child.textContent ?? '').trim() !== '') return true;
      if (child.nodeType === 1) stack.push(child as Element);
    }
  }
  return false;
}

/**
 * Which of the body's parts the copy takes: all but, when there is a region, what lies around it. With a
 * region, the body holds only that element, those of its siblings that hold content (Readability weighs the
 * siblings of what it picks) up to a few levels above it, and the chain of their ancestors.
 */
export class RegionCut {
  /** The region's ancestors, with how far above it each is. */
  private readonly chain = new Map<Node, number>();
  /** Siblings are looked at up to a few levels above the region, or up to the <article> that holds it. */
  private readonly siblingLevels: number = SIBLING_LEVELS;
  /** What is left out around the region. */
  readonly skipped: Element[] = [];
  /** Of that, the siblings near the region that hold no content (where Readability might still find the byline). */
  readonly passedOver: Element[] = [];
  /** The other nodes left out around the region (white space, comments), which a pruned clone must remove too. */
  readonly skippedOther: Node[] = [];

  constructor(
    readonly region: Element | null,
    body: Element | null,
  ) {
    if (!region || !body || body === region || !body.contains(region)) return;
    let level = 1;
    let article = false;
    for (let el: Element | null = region.parentElement; el && el !== body; el = el.parentElement, level++) {
      this.chain.set(el, level);
      if (!article && el.localName === 'article') {
        article = true;
        this.siblingLevels = Math.max(this.siblingLevels, level);
      }
    }
    this.chain.set(body, level);
  }

  get cuts(): boolean {
    return this.chain.size > 0;
  }

  /** Makes the decisions over the page alone, to see what the cut would leave out. */
  probe(): readonly Element[] {
    for (const parent of this.chain.keys()) {
      for (let child = parent.firstChild; child; child = child.nextSibling) this.takes(parent, child);
    }
    return this.skipped;
  }

  /** Whether the copy takes this child of `parent`: all of them, except on the way down to the region. */
  takes(parent: Node, child: Node): boolean {
    const level = this.chain.get(parent);
    if (level === undefined || child === this.region || this.chain.has(child)) return true;
    if (level <= this.siblingLevels && holdsContent(child)) return true;
    if (child.nodeType === 1) {
      this.skipped.push(child as Element);
      if (level <= this.siblingLevels) this.passedOver.push(child as Element);
    } else {
      this.skippedOther.push(child);
    }
    return false;
  }
}
