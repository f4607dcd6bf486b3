/**
 * The posts of a thread that says nothing of them in microdata (phpBB, FluxBB, MyBB, SMF, Flarum, Lemmy,
 * Reddit): the containers one template made, each holding an author (an element named for the author or
 * user name, or a link to a member's page) and text of its own. They are found from their authors: the
 * ancestors of every author, grouped by shape (shapeKey); the shape that holds most authors, each with text
 * beside it, is the post. A post's text is the part of the same shape in most posts that is named as a body
 * (content, message, text…) and holds the most text; else what of the post is not its author's.
 */
import { byDocumentOrder } from '../dom.ts';
import { squash, squashedLength } from '../text.ts';
import { nameWords, shapeKey, titleLink, UNSHAPED } from './shape.ts';
import type { Post } from './thread.ts';

const AUTHOR_WORDS = /^(?:author|username|poster|postername|nickname|commenter|byline|membername|screenname|uname)$/u;
/** The same words anywhere in an element's names: asked first, as most elements have none of them. */
const AUTHOR_NAMED = /author|username|poster|nickname|commenter|byline|membername|screenname|uname/iu;
// A link to a member's page: /u/name, /user/…, /members/name.123/, memberlist.php?mode=viewprofile, ?u=5.
const PROFILE_LINK = /\/(?:u|user|users|member|members|profile|profiles|people|authors?)\/[^/]|\/@[\w.-]+\/?$|(?:memberlist|member|profile|userinfo)\.php|[?&](?:u|uid|userid|showuser)=\d/iu;
const BODY_WORDS = /^(?:content|body|text|message|msg|postbody|postmsg|postcontent|entry|md|cooked|usertext|bbwrapper)$/u;
const DATE_WORDS = /^(?:date|time|timestamp|posted|published|datetime|postdate)$/u;
const DATE_TEXT = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th|\.)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d+ (?:second|minute|hour|day|week|month|year)s? ago\b/iu;

const NAME_LENGTH = 60;
const DATE_LENGTH = 80;
/** Text beside its author that makes a container a post. */
const MIN_POST_TEXT = 30;
const MAX_LEVELS = 12;
const MIN_POSTS = 2;
/** A body part holding this share of the most any holds is as good, and the deeper is the text itself. */
const BODY_SHARE = 0.8;
/** Share of a shape's containers that must be posts (an author and text) for the shape to be the post. */
const POST_SHARE = 0.7;

function isAuthor(el: Element): boolean {
  // What the element is named for first: its text is read only for the few that are named for an author.
  const named =
    el.getAttribute('rel') === 'author' ||
    (el.getAttribute('itemprop') ?? '').includes('author') ||
    (el.localName === 'a' && PROFILE_LINK.test(el.getAttribute('href') ?? '')) ||
    (AUTHOR_NAMED.test(`${el.getAttribute('class') ?? ''} ${el.id}`) && nameWords(el).some((w) => AUTHOR_WORDS.test(w)));
  if (!named) return false;
  const text = squash(el.textContent ?? '');
  // phpBB's p.author is the post's date ("Sun Dec 17, 2023 11:23 am"); the name is a link in the profile.
  return text !== '' && text.length <= NAME_LENGTH && !DATE_TEXT.test(text);
}


function isDate(el: Element): boolean {
  if (el.localName === 'time') return true;
  const text = squash(el.textContent ?? '');
  if (text === '' || text.length > DATE_LENGTH) return false;
  return nameWords(el).some((w) => DATE_WORDS.test(w)) || (el.firstElementChild === null && DATE_TEXT.test(text));
}

export function postsByShape(root: Element): Post[] | null {
  const authors: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (isAuthor(el)) {
      authors.push(el);
      continue;
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  if (authors.length < MIN_POSTS) return null;
  const byShape = new Map<string, Set<Element>>();
  for (const author of authors) {
    for (let el = author.parentElement, level = 0; el && el !== root && level < MAX_LEVELS; el = el.parentElement, level++) {
      const key = shapeKey(el);
      const set = byShape.get(key) ?? new Set<Element>();
      byShape.set(key, set.add(el));
    }
  }
  let best: Group | null = null;
  for (const [key, members] of byShape) {
    if (members.size < MIN_POSTS || (best && members.size < best.posts.length) || UNSHAPED.has(key)) continue;
    const group = readGroup([...members], authors);
    // More posts wins; of as many, the containers with more text of their own (MyBB's author box is in
    // every post, beside the text); of as much, the smaller (less of the page's chrome around each post).
    if (!group) continue;
    const more = !best || group.posts.length > best.posts.length || (group.posts.length === best.posts.length && group.text > best.text * 1.05);
    const asMuch = best && group.posts.length === best.posts.length && group.text >= best.text * 0.95 && best.posts[0]!.el.contains(group.posts[0]!.el);
    if (more || asMuch) best = group;
  }
  return best?.posts ?? null;
}

interface Group {
  posts: Post[];
  /** The posts' own text (ownText), in all. */
  text: number;
}

/** The group as posts, if nearly every container is one: an author, and text of its own beside it. */
function readGroup(members: Element[], authors: readonly Element[]): Group | null {
  // Containers nested in one another are a reply tree (Reddit, Lemmy): each keeps only what is its own. An
  // element of `post` is another's when a member other than `post` stands between them (or is the element).
  const memberSet = new Set(members);
  const nested = (post: Element, el: Element) => {
    for (let up: Element | null = el; up && up !== post; up = up.parentElement) if (memberSet.has(up)) return true;
    return false;
  };
  const found: Array<{ el: Element; author: Element }> = [];
  let total = 0;
  for (const el of members) {
    const author = authors.find((a) => el.contains(a) && !nested(el, a));
    if (!author) continue;
    const text = ownText(el, (d) => d === author || nested(el, d));
    if (text < MIN_POST_TEXT) continue;
    found.push({ el, author });
    total += text;
  }
  if (found.length < MIN_POSTS || found.length < POST_SHARE * members.length || areCards(found.map((f) => f.el))) return null;
  const bodyKey = commonBody(found.map((f) => f.el), (post, el) => nested(post, el));
  const posts: Post[] = [];
  for (const { el, author } of found) {
    const body = (bodyKey && ownDescendants(el, (d) => !nested(el, d)).find((d) => partKey(d) === bodyKey && !d.contains(author))) || largestPart(el, author);
    if (!body || squash(body.textContent ?? '') === '') continue;
    const date = ownDescendants(el, (d) => !nested(el, d)).find((d) => d !== author && !author.contains(d) && !body.contains(d) && isDate(d));
    posts.push({ el, author: authorName(author), date: date ? squash(date.textContent ?? '') : '', body, textOnly: '', role: 'post' });
  }
  posts.sort((a, b) => byDocumentOrder(a.el, b.el));
  return posts.length >= MIN_POSTS ? { posts, text: total } : null;
}

/**
 * Cards of a listing, not posts: most containers are headed by a title that links to another page, and the
 * titles differ (a news index with bylines: cabletv.com/news in wcxb-dev 0083). A thread's post titles are
 * anchors in the page or one subject again ("Re: …", phpBB).
 */
function areCards(containers: readonly Element[]): boolean {
  const titles = containers.map(cardTitle).filter((t): t is string => t !== null);
  return titles.length * 2 > containers.length && new Set(titles).size >= 0.8 * titles.length;
}

function cardTitle(container: Element): string | null {
  for (const heading of Array.from(container.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const link = titleLink(heading);
    if (!link || PROFILE_LINK.test(link.getAttribute('href') ?? '')) continue;
    const title = squash(heading.textContent ?? '').replace(/^re:\s*/iu, '');
    if (title.length >= 10) return title.toLowerCase();
  }
  return null;
}

/** The name: the link in an author box ("StarredSkies" of "StarredSkies Big Board Owner"), or its text. */
function authorName(author: Element): string {
  const link = author.localName === 'a' ? author : author.querySelector('a');
  const name = link ? squash(link.textContent ?? '') : '';
  return name || squash(author.textContent ?? '');
}

/**
 * How much text the post has of its own: not its author's, not in links or dates (a tagline of links and a
 * time is not a post), not in posts nested in it.
 */
export function ownText(post: Element, skip: (el: Element) => boolean = () => false): number {
  let length = 0;
  const stack: Element[] = [post];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) length += squashedLength(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const c = child as Element;
        if (c.localName !== 'a' && c.localName !== 'time' && !skip(c) && !isDate(c)) stack.push(c);
      }
    }
  }
  return length;
}

/** A part's shape; one without classes is told by its id without numbers (vBulletin's div#post_message_123). */
function partKey(el: Element): string {
  const key = shapeKey(el);
  return key === el.localName && el.id ? `${key}#${el.id.replace(/\d+/gu, '')}` : key;
}

function ownDescendants(post: Element, own: (el: Element) => boolean): Element[] {
  return Array.from(post.getElementsByTagName('*')).filter(own);
}

/**
 * The shape of the post's text: of the parts named as a body and found in at least half the posts, the
 * deepest that holds nearly as much text (not in links or dates) as the one that holds the most. MyBB's
 * post_content holds the post_body and an "edited" line.
 */
function commonBody(posts: readonly Element[], nested: (post: Element, el: Element) => boolean): string | null {
  const stats = new Map<string, { posts: Set<Element>; text: number; depth: number }>();
  for (const post of posts) {
    for (const el of ownDescendants(post, (d) => !nested(post, d))) {
      if (!nameWords(el).some((w) => BODY_WORDS.test(w))) continue;
      const key = partKey(el);
      const stat = stats.get(key) ?? { posts: new Set<Element>(), text: 0, depth: 0 };
      if (!stat.posts.has(post)) stat.text += ownText(el, (d) => nested(post, d));
      stat.posts.add(post);
      let depth = 0;
      for (let up: Element | null = el; up && up !== post; up = up.parentElement) depth++;
      stat.depth = Math.max(stat.depth, depth);
      stats.set(key, stat);
    }
  }
  let most = 0;
  for (const stat of stats.values()) if (stat.posts.size * 2 >= posts.length) most = Math.max(most, stat.text);
  let best: string | null = null;
  let bestDepth = -1;
  for (const [key, stat] of stats) {
    if (stat.posts.size * 2 < posts.length || stat.text < BODY_SHARE * most) continue;
    if (stat.depth > bestDepth) [best, bestDepth] = [key, stat.depth];
  }
  return best;
}

/** Without a part named as the body: down from the post, the child with the most text that is not the author's. */
function largestPart(post: Element, author: Element): Element | null {
  let at = post;
  for (;;) {
    let best: Element | null = null;
    let bestText = 0;
    let total = 0;
    for (let child = at.firstElementChild; child; child = child.nextElementSibling) {
      const text = squashedLength(child.textContent ?? '');
      total += text;
      if (!child.contains(author) && text > bestText) [best, bestText] = [child, text];
    }
    if (!best || bestText < 0.6 * total) return at === post ? best : at;
    at = best;
  }
}
