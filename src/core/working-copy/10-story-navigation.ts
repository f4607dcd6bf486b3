/**
 * Step 10, after Readability: the site navigation it kept in the article, which the copy kept because it sat
 * inside the story (a <nav> of section tabs), found so that it is recorded as removed like what 09-restore put back.
 */
import { linksStayInPage } from '../article.ts';
import type { Restored } from './left-out.ts';

/**
 * The <nav> elements Readability kept in the article, as the copy kept them inside the story: each goes, as
 * site navigation, unless it is the article's own outline (every link in-page, and not a row of ARIA tabs,
 * which switch panels of the page), which the rules judge.
 */
export function storyNavigation(root: Element): Restored[] {
  const found: Restored[] = [];
  for (const nav of Array.from(root.getElementsByTagName('nav'))) {
    if (found.some((r) => r.el.contains(nav)) || (linksStayInPage(nav) && nav.querySelector('[role="tab"], [role="tablist"]') === null)) continue;
    found.push({ el: nav, reason: 'site-navigation' });
  }
  return found;
}
