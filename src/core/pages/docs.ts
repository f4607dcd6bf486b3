/**
 * Documentation, told by what documentation generators share and articles rarely have: code samples under
 * headings that link to themselves (the permalink "#" or "¶" beside each heading: Sphinx, MkDocs, Docusaurus,
 * rustdoc), or a link to edit the page's source file. Measured on wcxb-dev: one of the two on 55 of its 91
 * documentation pages, and on 13 of its 793 articles (technical blogs).
 */
const SELF_LINKED_HEADINGS = 2;
const MAX_HREF = 500;
// "Edit this page" / "Edit on GitHub": a link to the page's source in a repository.
const SOURCE_LINK = /\/(?:edit|blob)\/[^?#]*\.(?:md|mdx|rst|adoc|txt)(?:[?#]|$)/iu;

export function isDocumentation(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  for (const a of Array.from(body.getElementsByTagName('a'))) {
    const href = a.getAttribute('href') ?? '';
    // A data: or script address may run to megabytes: only a repository's path is looked at.
    if (href.length < MAX_HREF && (href.includes('/edit/') || href.includes('/blob/')) && SOURCE_LINK.test(href)) return true;
  }
  if (body.getElementsByTagName('pre').length === 0) return false;
  let selfLinked = 0;
  for (const tag of ['h2', 'h3', 'h4']) {
    for (const heading of Array.from(body.getElementsByTagName(tag))) {
      const links = Array.from(heading.getElementsByTagName('a'));
      if (links.some((a) => (a.getAttribute('href') ?? '').startsWith('#')) && ++selfLinked >= SELF_LINKED_HEADINGS) return true;
    }
  }
  return false;
}
