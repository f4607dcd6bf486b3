/**
 * A thread: a forum topic, a Q&A page, a discussion. Every post is content, in order, so Readability's one
 * node (the first post, or the longest reply) is not the page. The posts are found by what the page says of
 * them and by their shape:
 * - schema.org microdata: DiscussionForumPosting, Comment, Question and Answer items, with their author,
 *   date and text properties (Discourse's crawler view, XenForo, vBulletin, Stack Exchange);
 * - their siblings of the same shape, read like them: XenForo marks every post but the first as a Comment,
 *   Invision one post of a page;
 * - without microdata, a run of sibling containers of one shape, each with an author (a link to a member's
 *   page or an element named for the author) and a date (phpBB, FluxBB, MyBB, Lemmy…).
 * Each post becomes an <article> with its author line (author · date) and its text; comments under a Stack
 * Exchange question or answer are not posts. A page that is an article with reader comments under it stays
 * an article.
 */
import { byDocumentOrder, FOLLOWING } from '../dom.ts';
import { squash, wordCount } from '../text.ts';
import { type LdObject, ldTypes } from './json-ld.ts';
import { isItem, items, itemTypes, ownProperties, propertyText } from './microdata.ts';
import { ownText, postsByShape } from './posts-by-shape.ts';
import { classesOf, classLikeness, counterpart, readerCopy } from './shape.ts';

const POST_TYPES = new Set(['DiscussionForumPosting', 'Comment', 'Answer', 'Question', 'SocialMediaPosting']);
const QA_TYPES = new Set(['Answer', 'Question']);
const THREAD_TYPES = new Set(['DiscussionForumPosting', 'QAPage', 'Question', 'SocialMediaPosting']);
const ARTICLE_TYPES = new Set(['Article', 'NewsArticle', 'BlogPosting', 'Report', 'TechArticle', 'ScholarlyArticle', 'Recipe', 'Review']);

export type PostRole = 'question' | 'accepted' | 'answer' | 'post';

export interface Post {
  el: Element;
  author: string;
  date: string;
  /** The element holding the post's text; null when the page gives the text only as a property value. */
  body: Element | null;
  /** The text, where the page gives it only in a <meta content> (no element shows it). */
  textOnly: string;
  role: PostRole;
}

/** The least a thread has: two posts (a question alone, or one post, is read as an article). */
const MIN_POSTS = 2;

export function findPosts(doc: Document, ld: readonly LdObject[]): Post[] | null {
  const body = doc.body;
  if (!body) return null;
  const marks = items(doc);
  const seeds = marks.filter((el) => body.contains(el)).filter((el) => isItem(el, POST_TYPES) && !commentOnQa(el));
  const marked = seeds.length > 0 ? withSiblings(seeds.map(fromMicrodata)).filter((p) => p.body !== null || p.textOnly !== '') : [];
  const usable = marked.length >= MIN_POSTS ? marked : (postsByShape(body) ?? []);
  if (usable.length < MIN_POSTS || !holdsThePage(body, usable)) return null;
  if (isArticleWithComments(doc, usable, ld, marks)) return null;
  return usable;
}

/** A comment on a Stack Exchange question or answer: a remark under the post, not a post of the thread. */
function commentOnQa(el: Element): boolean {
  if (itemTypes(el).some((t) => QA_TYPES.has(t))) return false;
  for (let up = el.parentElement; up; up = up.parentElement) if (isItem(up, QA_TYPES)) return true;
  return false;
}

function fromMicrodata(item: Element): Post {
  const props = ownProperties(item);
  const first = (...names: string[]) => names.map((n) => props.get(n)?.[0]).find((el) => el !== undefined) ?? null;
  const author = seedPart(item, ['author', 'creator']);
  // A date shown beats one given only to machines (Discourse's topic has both).
  const dates = [...(props.get('datePublished') ?? []), ...(props.get('dateCreated') ?? [])];
  const date = dates.find((el) => el.localName !== 'meta') ?? dates[0] ?? null;
  const text = first('text', 'articleBody');
  const types = itemTypes(item);
  const itemprop = item.getAttribute('itemprop') ?? '';
  const role: PostRole = types.includes('Question') ? 'question' : itemprop.includes('acceptedAnswer') ? 'accepted' : types.includes('Answer') ? 'answer' : 'post';
  return {
    el: item,
    author: author ? propertyText(author) : '',
    date: date ? dateText(date) : '',
    body: text && text.localName !== 'meta' ? text : null,
    textOnly: text?.localName === 'meta' ? propertyText(text) : '',
    role,
  };
}

/** A sibling this much like the seed in its classes, of its tag, is a post of the same kind (the first post adds one). */
const SAME_KIND = 0.6;

/**
 * The posts, with the siblings that share a seed's shape and are not items themselves: XenForo's first post
 * (the topic is the page's DiscussionForumPosting, given in JSON-LD), or a forum that marks one post only.
 * A sibling's author, date and text are where the seed has them (counterpart). A sibling that holds a post's
 * text already found is that post's frame (Discourse's first post, whose item is the whole topic).
 */
function withSiblings(seeds: Post[]): Post[] {
  const known = new Set(seeds.map((p) => p.el));
  const bodies = seeds.flatMap((p) => (p.body ? [p.body] : []));
  const added: Post[] = [];
  for (const seed of seeds) {
    const parent = seed.el.parentElement;
    if (!parent || !seed.body) continue;
    // A bare <div> beside the seed (a title bar) is no evidence of a post: only a classed shape is.
    if (classesOf(seed.el).length === 0) continue;
    const kind = classesOf(seed.el);
    const authorEl = seedPart(seed.el, ['author', 'creator']);
    const dateEl = seedPart(seed.el, ['datePublished', 'dateCreated']);
    for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
      if (known.has(sibling) || sibling.localName !== seed.el.localName) continue;
      if (classLikeness(kind, classesOf(sibling)) < SAME_KIND) continue;
      known.add(sibling);
      if (bodies.some((b) => sibling.contains(b))) continue;
      const body = counterpart(sibling, seed.el, seed.body);
      if (!body || squash(body.textContent ?? '') === '') continue;
      const author = authorEl ? counterpart(sibling, seed.el, authorEl, SHORT_PART) : null;
      if (authorEl && !author) continue;
      const date = dateEl ? counterpart(sibling, seed.el, dateEl, SHORT_PART) : null;
      added.push({ el: sibling, author: author ? propertyText(author) : '', date: date ? dateText(date) : '', body, textOnly: '', role: 'post' });
    }
  }
  const all = [...seeds, ...added];
  // Document order; a post inside another (a reply nested in its parent) is read after it.
  return all.sort((a, b) => byDocumentOrder(a.el, b.el));
}

/** The seed's element for the first of these properties; for an author that is a Person, its name. */
function seedPart(item: Element, names: string[]): Element | null {
  const props = ownProperties(item);
  for (const name of names) {
    const el = props.get(name)?.[0];
    if (!el) continue;
    return (el.hasAttribute('itemscope') && ownProperties(el).get('name')?.find((n) => n.localName !== 'meta')) || el;
  }
  return null;
}

/**
 * An author's name or a date is short: where a post marks it up otherwise than the seed (a link for the
 * seed's <span itemprop="name">), the element the path reached is it, if it is this short.
 */
const SHORT_PART = 60;

/** The share of the page's own text (not in links) the posts' text must hold to be the page. */
const POSTS_SHARE = 0.4;

/**
 * Whether the posts are what the page is about, not a widget beside it: "Latest threads" and "Similar
 * threads" rows have an author and a date too (defence.pk, a thread of one long post).
 */
function holdsThePage(body: Element, posts: readonly Post[]): boolean {
  const inPosts = posts.reduce((n, p) => n + (p.body ? ownText(p.body) : p.textOnly.length), 0);
  return inPosts >= POSTS_SHARE * ownText(body);
}

/** Words of running text outside the posts, before them, that make the page an article with comments. */
const ARTICLE_WORDS = 150;

/**
 * A news story or a blog post with its readers' comments under it: the page says it is an article and not a
 * thread, or a long text stands before the first post, outside every post.
 */
function isArticleWithComments(doc: Document, posts: readonly Post[], ld: readonly LdObject[], marks: readonly Element[]): boolean {
  if (posts.some((p) => p.role !== 'post' || itemTypes(p.el).includes('DiscussionForumPosting'))) return false;
  const types = new Set(ld.flatMap(ldTypes));
  for (const el of marks) for (const t of itemTypes(el)) types.add(t);
  if ([...THREAD_TYPES].some((t) => types.has(t))) return false;
  if ([...ARTICLE_TYPES].some((t) => types.has(t))) return true;
  const first = posts[0]!.el;
  let words = 0;
  for (const p of Array.from(doc.body?.getElementsByTagName('p') ?? [])) {
    if (!(p.compareDocumentPosition(first) & FOLLOWING) || posts.some((post) => post.el.contains(p))) continue;
    words += wordCount(squash(p.textContent ?? ''));
    if (words >= ARTICLE_WORDS) return true;
  }
  return false;
}

/** A time or date that reads "3 hours ago" is stale once the page is read later: its machine date is shown. */
const RELATIVE = /\b(?:ago|just now|yesterday|today)\b/iu;

/** A post's date as the page shows it; an ISO date given only to machines, as its day (and time). */
function dateText(el: Element): string {
  const shown = el.localName === 'meta' ? '' : squash(el.textContent ?? '');
  const machine = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? '';
  if (shown !== '' && !(RELATIVE.test(shown) && machine !== '')) return shown;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/u.exec(machine.trim());
  return iso ? [iso[1], iso[2]].filter(Boolean).join(' ') : squash(machine) || shown;
}

const ROLE_LABEL: Record<PostRole, string> = { question: 'Question', accepted: 'Accepted answer', answer: 'Answer', post: '' };

/** Elements a post's author line is made of, so that no rule takes it for a byline or a stale date. */
export const authorLines = new WeakSet<Element>();

/**
 * The thread as the article: a container of one <article> a post, each opening with its author line in a
 * <header> (["Question" ·] **author** · date), then a copy of the post's text; a rule between posts, which the
 * Markdown writes as "---".
 */
export function threadRoot(doc: Document, posts: readonly Post[]): Element {
  const root = doc.createElement('div');
  for (const post of posts) {
    if (root.firstChild) root.appendChild(doc.createElement('hr'));
    const article = root.appendChild(doc.createElement('article'));
    const line = authorLine(doc, post);
    if (line) article.appendChild(doc.createElement('header')).appendChild(line);
    const body = post.body && readerCopy(post.body);
    if (body) {
      article.appendChild(body);
    } else {
      article.appendChild(doc.createElement('p')).textContent = post.textOnly;
    }
  }
  return root;
}

function authorLine(doc: Document, post: Post): Element | null {
  const parts: Node[] = [];
  if (ROLE_LABEL[post.role]) parts.push(doc.createTextNode(ROLE_LABEL[post.role]));
  if (post.author) {
    const name = doc.createElement('strong');
    name.textContent = post.author;
    parts.push(name);
  }
  if (post.date) parts.push(doc.createTextNode(post.date));
  if (parts.length === 0) return null;
  const p = doc.createElement('p');
  parts.forEach((part, i) => {
    if (i > 0) p.append(' · ');
    p.appendChild(part);
  });
  authorLines.add(p);
  return p;
}
