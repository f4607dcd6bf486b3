/**
 * Documentation, told by what documentation generators share and articles rarely have: code samples under
 * headings that link to themselves (the permalink "#" or "¶" beside each heading: Sphinx, MkDocs, Docusaurus,
 * rustdoc), or a link to edit the page's source file. Measured on wcxb-dev: one of the two on 55 of its 91
 * documentation pages, and on 13 of its 793 articles (technical blogs).
 */
const SELF_LINKED_HEADINGS = 2;
// "Edit this page" / "Edit on GitHub": a link to the page's source in a repository.
const SOURCE_LINK = /\/(?:edit|blob)\/[^?#]*\.(?:md|mdx|rst|adoc|txt)(?:[?#]|$)/iu;

export function isDocumentation(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  for (const a of Array.from(body.getElementsByTagName('a'))) if (SOURCE_LINK.test(a.getAttribute('href') ?? '')) return true;
  if (!body.querySelector('pre')) return false;
  let selfLinked = 0;
  for (const heading of Array.from(body.querySelectorAll('h2, h3, h4'))) {
    if (heading.querySelector('a[href^="#"]') && ++selfLinked >= SELF_LINKED_HEADINGS) return true;
  }
  return false;
}
