/** site-notice: cookie banners, "requires JavaScript" fallbacks, affiliate disclosures, unrendered shortcodes. */
import { siteNotice } from '../../src/core/rules/site-notice.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: 'cookie banner inside the article container',
    html: `${story(0, 1)}<div class="cookie-notice"><p>We use cookies to improve your experience. By continuing to use this site, you agree to our cookie policy.</p></div>`,
    removed: ['We use cookies to improve your experience. By continuing to use this site, you agree to our cookie policy.'],
    why: 'Small regional sites render their GDPR banner inside <main>; Readability keeps it as a paragraph.',
  },
  {
    title: 'a banner that names the site: "… uses cookies to give you the best experience"',
    html: `${story(0, 1)}<p>The Island Times uses cookies to give you the best experience on our website.</p>${story(1, 2)}`,
    removed: ['The Island Times uses cookies to give you the best experience on our website.'],
    why: 'Consent banners often name the site instead of "this website"; what the cookies are for marks the banner.',
  },
  {
    title: '"This slideshow requires JavaScript."',
    html: `${story(0, 1)}<p>This slideshow requires JavaScript.</p>${story(1, 2)}`,
    removed: ['This slideshow requires JavaScript.'],
    why: 'WordPress Jetpack galleries leave this fallback line in the post body (seen on many WordPress.com news blogs).',
  },
  {
    title: 'affiliate-link disclosure above a review',
    html: `<p><em>This post may contain affiliate links. If you buy something through them, we may earn a commission.</em></p>${story(0, 1)}`,
    removed: ['This post may contain affiliate links. If you buy something through them, we may earn a commission.'],
    why: 'Review sites open gear stories with an affiliate disclosure.',
  },
  {
    title: '"This article contains affiliate links." and the German "Dieser Artikel enthält Affiliate-Links."',
    html: `<p>This article contains affiliate links.</p>${story(0, 1)}<p>Dieser Artikel enthält Affiliate-Links.</p>`,
    removed: ['This article contains affiliate links.', 'Dieser Artikel enthält Affiliate-Links.'],
    why: 'Shopping and tech blogs, English and German, state the disclosure in one short line.',
  },
  {
    title: 'unrendered WordPress shortcode',
    html: `${story(0, 1)}<p>[button link="https://example.com/kit"]Send us YOUR kit review[/button]</p>`,
    removed: ['[button link="https://example.com/kit"]Send us YOUR kit review[/button]'],
    why: 'A plugin-less WordPress export prints shortcodes as text (a cycling site in the dev corpus).',
  },
  {
    title: '"Your browser does not support the video tag."',
    html: `<figure><p>Your browser does not support the video tag.</p></figure>${story(0, 1)}`,
    removed: ['Your browser does not support the video tag.'],
    why: 'The fallback text inside <video> survives when the video element is unwrapped.',
  },
  {
    title: 'German cookie notice',
    html: `<p>Der Hafenrat hat am Dienstag den neuen Fährhaushalt beschlossen.</p><p>Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.</p>`,
    removed: ['Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.'],
    why: 'German consent banners ("Wir verwenden Cookies …") end up in the body on small sites.',
  },
  {
    title: 'French cookie notice',
    html: `<p>Le conseil portuaire a adopté mardi le nouveau budget.</p><p>Ce site utilise des cookies pour mesurer son audience.</p>`,
    removed: ['Ce site utilise des cookies pour mesurer son audience.'],
    why: 'French sites print the CNIL-required cookie line; it leaks into the body the same way.',
  },
  {
    title: 'Spanish affiliate disclosure',
    html: `<p>Este artículo contiene enlaces de afiliados: si compras algo, recibimos una comisión.</p><p>El consejo del puerto aprobó el martes el nuevo presupuesto.</p>`,
    removed: ['Este artículo contiene enlaces de afiliados: si compras algo, recibimos una comisión.'],
    why: 'Spanish shopping sections open with an "enlaces de afiliados" line.',
  },
  {
    title: 'Russian cookie notice',
    html: `<p>Совет порта во вторник утвердил новый бюджет.</p><p>Мы используем файлы cookie, чтобы сайт работал лучше.</p>`,
    removed: ['Мы используем файлы cookie, чтобы сайт работал лучше.'],
    why: 'Russian sites show "Мы используем файлы cookie" banners that some templates place inside the article.',
  },
  {
    title: 'must not remove: a heading about a cookie law',
    html: `<h2>We use cookies: what the new EU rules change</h2>${story(0, 1)}`,
    removed: [],
    why: 'A tech-policy story may quote the banner in a heading; headings are never notices.',
  },
  {
    title: 'must not remove: a legal "provision" in a story sentence',
    html: `${story(0, 1)}<p>The budget includes a provision that keeps the night ferry running until the new boats arrive.</p>`,
    removed: [],
    why: 'English "provision" (a clause of a law or budget) is everyday news vocabulary; the German affiliate word must not catch it.',
  },
  {
    title: 'must not remove: a German sentence about a broker\'s fee',
    html: `<p>Der Hafenrat hat am Dienstag den neuen Fährhaushalt beschlossen.</p><p>Die Reederei zahlt dem Makler eine Provision von drei Prozent.</p>`,
    removed: [],
    why: 'German news uses "Provision" for any commission; only the affiliate disclosure ("erhalten wir eine Provision") is a notice.',
  },
  {
    title: 'must not remove: a news sentence about affiliate links',
    html: `${story(0, 1)}<p>The regulator fined the site for hiding affiliate links in its product reviews.</p>`,
    removed: [],
    why: 'Consumer and media-business stories report on affiliate links; only a disclosure ("contains affiliate links") is a notice.',
  },
  {
    title: 'must not remove: a news sentence about a company\'s cookies',
    html: `${story(0, 1)}<p>The company said it uses cookies to track readers across its sites, the complaint alleges.</p>${story(1, 2)}`,
    removed: [],
    why: 'Privacy stories report that a company "uses cookies to" track people; a banner says what they are for ("to improve your experience").',
  },
  {
    title: 'must not remove: JavaScript advice in a code block',
    html: `<p>Add a fallback for readers without scripts:</p><pre><code>&lt;noscript&gt;Please enable JavaScript to view the map.&lt;/noscript&gt;</code></pre>`,
    removed: [],
    why: 'Developer articles show such notices as code; code is content.',
  },
  {
    title: 'must not remove: a long paragraph reporting on cookie banners',
    html: `<p>The regulator said that sites which write "we use cookies" and hide the refuse button behind three clicks break the law, and it gave publishers until the end of the year to offer readers a one-click choice between accepting and refusing tracking, or face fines of up to four per cent of turnover, which for the largest groups would run into hundreds of millions of euros and, the regulator added, would be collected without further warning once the deadline had passed.</p>`,
    removed: [],
    why: 'A notice is short (≤ 60 words); a long news paragraph quoting a banner is the story.',
  },
];

testRule(siteNotice, cases);
