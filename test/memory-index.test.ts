/** Fingerprints and the in-memory index: near-duplicates, what never counts, limits, forgetting, JSON. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_SIMILARITY, SKETCH_SIZE, fingerprint, fromBase64, similarity, toBase64 } from '../src/core/memory/fingerprint.ts';
import { InMemoryReadingMemory, MEMORY_FORMAT_VERSION } from '../src/core/memory/in-memory.ts';
import { countedBlocks, markRepeatsNow, rememberedArticle, siteOf } from '../src/core/memory/mark.ts';
import type { RememberedArticle } from '../src/core/memory/types.ts';

const LEDE =
  'Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday to call for better pay and more respect from the Republican-dominated state government in a protest that closed more than half of the state’s school districts for the day.';

const near: { why: string; a: string; b: string; same: boolean }[] = [
  { why: 'straight quotes and apostrophes for curly ones', a: '“We get that you’re frustrated,” Bosma said. “We get that you are concerned about issues.”', b: '"We get that you\'re frustrated," Bosma said. "We get that you are concerned about issues."', same: true },
  { why: 'a hyphen for a dash, other spacing and case', a: 'after lower scores on the state’s new ILEARN standardized exam taken last spring – one of the top concerns of the teachers unions.', b: 'After lower scores on the state\'s new ILEARN standardized exam taken last spring - one of the top  concerns of the teachers unions', same: true },
  { why: 'a lede with three words changed and a dateline added', a: LEDE, b: `INDIANAPOLIS (AP) — ${LEDE.replace('call for', 'demand').replace('closed', 'shut')}`, same: true },
  { why: 'a German sentence with its umlauts spelt the same', a: 'Die Gewerkschaft sagte, mehr als 15.000 Menschen hätten sich für die Kundgebung vor dem Parlament angemeldet.', b: '„Die Gewerkschaft sagte, mehr als 15.000 Menschen hätten sich für die Kundgebung vor dem Parlament angemeldet.“', same: true },
  { why: 'Japanese has no spaces: words come from Intl.Segmenter', a: '東京都は火曜日、新しい防災計画を発表し、住民に避難経路の確認を呼びかけた。', b: '東京都は火曜日、新しい防災計画を発表し、住民に避難経路の確認を呼びかけました。', same: true },
  { why: 'the same subject in other words is another text', a: 'WeWork is reportedly being investigated by the New York State Attorney General over founder Adam Neumann.', b: 'New York’s attorney general has opened an inquiry into WeWork and whether Adam Neumann engaged in self-dealing.', same: false },
  { why: 'two paragraphs of one story', a: LEDE, b: 'The union-organized rally represented Indiana’s biggest such teacher protest amid a wave of educator activism across the country over the past two years.', same: false },
];

for (const { why, a, b, same } of near) {
  test(`near-duplicates: ${why}`, () => {
    const sim = similarity(fingerprint(a), fingerprint(b));
    if (same) assert.ok(sim >= MIN_SIMILARITY, `similarity ${sim}`);
    else assert.ok(sim < 0.2, `similarity ${sim}`);
  });
}

const blocks = (...texts: string[]) => texts.map((text, i) => ({ id: `b${i}`, kind: 'paragraph' as const, text }));

test('short, generic and refrain blocks never count, headings never', () => {
  const refrain = 'Here is what we know so far about the storm and the damage it caused overnight in the region.';
  const counted = countedBlocks([
    ...blocks('Photo: Reuters', 'WASHINGTON (AP) —', 'The company did not respond to a request for comment.', refrain, LEDE, refrain),
    { id: 'h', kind: 'heading', text: 'Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday to call for better pay' },
  ]);
  assert.deepEqual(counted.map((c) => c.id), ['b4']);
});

test('a memory holding only short and generic blocks folds nothing', () => {
  const page = blocks('Photo: Reuters', 'The company did not respond to a request for comment.', 'Sign up for our newsletter.', 'Associated Press');
  const memory = new InMemoryReadingMemory();
  // As if an older version had stored them: fingerprints of the short blocks themselves.
  memory.recordNow({ url: 'https://a.example/1', title: 'A', site: 'a.example', time: 1, fingerprints: page.map((b) => fingerprint(b.text)) });
  assert.deepEqual(markRepeatsNow({ blocks: page }, memory, 'https://b.example/2').repeats, []);
});

const article = (n: number, time = n): RememberedArticle => ({
  url: `https://site${n % 7}.example/story/${n}`,
  title: `Story ${n}`,
  site: `site${n % 7}.example`,
  time,
  fingerprints: Array.from({ length: 5 }, (_, i) => fingerprint(`story ${n} paragraph ${i}: ${Array.from({ length: 20 }, (_, w) => `w${(n * 31 + i * 7 + w * 13) % 997}x${n}`).join(' ')}`)),
});

test('the memory is bounded: the oldest articles go first', () => {
  const memory = new InMemoryReadingMemory({ maxArticles: 3 });
  for (let n = 0; n < 5; n++) memory.recordNow(article(n));
  assert.equal(memory.size, 3);
  const found = (n: number) => memory.lookupNow(article(n).fingerprints).every((s) => s.length === 1 && s[0]!.url === article(n).url);
  assert.deepEqual([0, 1, 2, 3, 4].map(found), [false, false, true, true, true]);
});

test('forgotten slots are reclaimed and lookups stay right across many evictions', () => {
  const memory = new InMemoryReadingMemory({ maxArticles: 20 });
  for (let n = 0; n < 2000; n++) memory.recordNow(article(n));
  assert.equal(memory.size, 20);
  assert.equal(memory.stats().blocks, 100);
  assert.ok(memory.tableBytes() < 64 * 1024, `table of ${memory.tableBytes()} bytes for 100 blocks`);
  for (const n of [0, 500, 1979]) assert.ok(memory.lookupNow(article(n).fingerprints).every((s) => s.length === 0), `article ${n} still found`);
  for (const n of [1980, 1999]) assert.ok(memory.lookupNow(article(n).fingerprints).every((s) => s.length === 1), `article ${n} lost`);
});

test('the same url recorded again replaces the earlier record', () => {
  const memory = new InMemoryReadingMemory();
  memory.recordNow(article(1, 100));
  memory.recordNow({ ...article(1, 200), title: 'Story 1, updated' });
  assert.equal(memory.size, 1);
  const [s] = memory.lookupNow([article(1).fingerprints[0]!]);
  assert.deepEqual(s!.map((x) => [x.title, x.time]), [['Story 1, updated', 200]]);
});

test('a block read on several pages: the closest first, then the earliest', () => {
  const memory = new InMemoryReadingMemory();
  const text = LEDE;
  memory.recordNow({ url: 'https://late.example/a', title: 'late', site: 'late.example', time: 300, fingerprints: [fingerprint(text)] });
  memory.recordNow({ url: 'https://early.example/a', title: 'early', site: 'early.example', time: 100, fingerprints: [fingerprint(text)] });
  memory.recordNow({ url: 'https://edited.example/a', title: 'edited', site: 'edited.example', time: 50, fingerprints: [fingerprint(text.replace('call for', 'demand'))] });
  const [s] = memory.lookupNow([fingerprint(text)]);
  assert.deepEqual(s!.map((x) => x.title), ['early', 'late', 'edited']);
});

test('pages read at one time (a batch given --time, a corpus memory): the first recorded first, whatever its url', () => {
  const memory = new InMemoryReadingMemory();
  for (const host of ['z.example', 'm.example', 'a.example']) {
    memory.recordNow({ url: `https://${host}/a`, title: host, site: host, time: 100, fingerprints: [fingerprint(LEDE)] });
  }
  const [s] = memory.lookupNow([fingerprint(LEDE)]);
  assert.deepEqual(s!.map((x) => x.title), ['z.example', 'm.example', 'a.example']);
  // the same after a reload, which records oldest first and, among equal times, in the order written
  const [again] = InMemoryReadingMemory.fromJSON(JSON.parse(JSON.stringify(memory.toJSON()))).memory.lookupNow([fingerprint(LEDE)]);
  assert.deepEqual(again!.map((x) => x.title), ['z.example', 'm.example', 'a.example']);
});

test('forget picks articles; clear forgets all', () => {
  const memory = new InMemoryReadingMemory();
  for (let n = 0; n < 14; n++) memory.recordNow(article(n));
  assert.equal(memory.forget((a) => a.site === 'site3.example'), 2);
  assert.equal(memory.size, 12);
  assert.ok(memory.lookupNow(article(3).fingerprints).every((s) => s.length === 0));
  assert.ok(memory.lookupNow(article(4).fingerprints).every((s) => s.length === 1));
  memory.clear();
  assert.equal(memory.size, 0);
  assert.ok(memory.lookupNow(article(4).fingerprints).every((s) => s.length === 0));
});

test('toJSON and fromJSON: the same lookups after a round trip through JSON text', () => {
  const memory = new InMemoryReadingMemory();
  for (let n = 0; n < 30; n++) memory.recordNow(article(n, 1000 + n));
  const json = JSON.parse(JSON.stringify(memory)) as unknown;
  const { memory: back, message } = InMemoryReadingMemory.fromJSON(json);
  assert.equal(message, null);
  assert.equal(back.size, 30);
  const probe = [...article(7).fingerprints, ...article(29).fingerprints];
  assert.deepEqual(back.lookupNow(probe), memory.lookupNow(probe));
  assert.deepEqual(back.toJSON(), memory.toJSON());
});

test('fromJSON never throws: another version or junk gives an empty memory and a message; bad articles are dropped', () => {
  const good = new InMemoryReadingMemory();
  good.recordNow(article(1));
  const valid = good.toJSON();
  const cases: { why: string; value: unknown; size: number; message: RegExp | null }[] = [
    { why: 'null', value: null, size: 0, message: /could not be read/u },
    { why: 'a string', value: 'oops', size: 0, message: /could not be read/u },
    { why: 'articles not a list', value: { version: MEMORY_FORMAT_VERSION, articles: {} }, size: 0, message: /could not be read/u },
    { why: 'an older version', value: { ...valid, version: 0 }, size: 0, message: /another format \(version 0\)/u },
    { why: 'a newer version', value: { ...valid, version: MEMORY_FORMAT_VERSION + 1 }, size: 0, message: /another format/u },
    {
      why: 'one good article, one with a broken sketch, one without a url, one with a string time',
      value: {
        version: MEMORY_FORMAT_VERSION,
        articles: [valid.articles[0], { ...valid.articles[0], url: 'x', fingerprints: 'AAA' }, { ...valid.articles[0], url: undefined }, { ...valid.articles[0], url: 'y', time: '1' }],
      },
      size: 1,
      message: /^3 remembered articles could not be read/u,
    },
  ];
  for (const c of cases) {
    const { memory, message } = InMemoryReadingMemory.fromJSON(c.value);
    assert.equal(memory.size, c.size, c.why);
    if (c.message) assert.match(message ?? '', c.message, c.why);
    else assert.equal(message, null, c.why);
  }
});

test('fromJSON keeps the newest when the limit is lower than what was stored', () => {
  const memory = new InMemoryReadingMemory();
  for (let n = 0; n < 10; n++) memory.recordNow(article(n, 10 - n)); // recorded newest first
  const { memory: back } = InMemoryReadingMemory.fromJSON(memory.toJSON(), { maxArticles: 4 });
  assert.deepEqual(back.articles().map((a) => a.time), [7, 8, 9, 10]);
});

test('base64 round trip and rejection', () => {
  for (const n of [0, 1, 2, 3, 64, 65, 130]) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
    assert.deepEqual(fromBase64(toBase64(bytes)), bytes);
  }
  assert.equal(fromBase64('A$=='), null);
  assert.equal(fromBase64('AAA'), null);
  assert.equal(toBase64(fingerprint(LEDE)).length, Math.ceil(SKETCH_SIZE / 3) * 4);
});

test('what is remembered holds no text: url without fragment, site, title, time and sketches', () => {
  const remembered = rememberedArticle({ title: 'T', blocks: blocks(LEDE, 'Photo: AP') }, 'https://www.apnews.com/article/x#comments', 5);
  assert.deepEqual(Object.keys(remembered).sort(), ['fingerprints', 'site', 'time', 'title', 'url']);
  assert.equal(remembered.url, 'https://www.apnews.com/article/x');
  assert.equal(remembered.site, 'apnews.com');
  assert.equal(remembered.fingerprints.length, 1);
  assert.ok(remembered.fingerprints[0] instanceof Uint8Array && remembered.fingerprints[0].length === SKETCH_SIZE);
  assert.equal(siteOf('not a url'), '');
});

test("a site's template block under another story of that site does not fold; the same block elsewhere, or a story sharing more, does", () => {
  const bio = 'Regan is a Southeastern Connecticut native now living in Central Massachusetts with her husband, two children and a very old cat.';
  const topics = ['the town budget', 'a bridge closing', 'the school board vote', 'a new bakery', 'the river flooding', 'a library reopening', 'the mayor race'];
  const places = ['Worcester', 'Leominster', 'Fitchburg', 'Gardner', 'Shrewsbury', 'Auburn', 'Holden'];
  const story = (n: number) => `In ${places[n]} this week, ${topics[n]} drew ${n + 2} dozen residents to a meeting that ran late into ${['Monday', 'Tuesday', 'Friday', 'Sunday', 'Thursday', 'Saturday', 'Wednesday'][n]} night.`;
  const earlier = { title: 'Earlier', blocks: blocks(story(1), story(2), bio) };
  const memory = new InMemoryReadingMemory();
  memory.recordNow(rememberedArticle(earlier, 'https://blog.example/earlier', 1));
  const now = { blocks: blocks(story(3), story(4), story(5), bio) };
  assert.deepEqual(markRepeatsNow(now, memory, 'https://blog.example/now').repeats, [], 'same site, one shared block: the template');
  assert.deepEqual(markRepeatsNow(now, memory, 'https://copy.example/now').repeats.map((r) => r.blockId), ['b3'], 'another site copied it');
  const update = { blocks: blocks(story(1), story(2), story(6), bio) };
  assert.deepEqual(markRepeatsNow(update, memory, 'https://blog.example/update').repeats.map((r) => r.blockId), ['b0', 'b1', 'b3'], 'same site, the same story: all it shares');
});

test('recordAll (how a stored memory loads) answers as recordNow one by one: limit, same url again, lookups', () => {
  const para = (n: number, i: number) => fingerprint(`Paragraph ${i} of story ${n}: ${Array.from({ length: 16 }, (_, w) => `w${(n * 131 + i * 17 + w * 7) % 1009}v${n}`).join(' ')}`);
  const articles: RememberedArticle[] = [];
  for (let n = 0; n < 300; n++) articles.push({ url: `https://a.example/${n % 250}`, title: `Story ${n}`, site: 'a.example', time: n, fingerprints: [0, 1, 2].map((i) => para(n % 250, i)) });
  const one = new InMemoryReadingMemory({ maxArticles: 200 });
  for (const article of articles) one.recordNow(article);
  const all = new InMemoryReadingMemory({ maxArticles: 200 });
  all.recordAll(articles);
  assert.deepEqual(all.articles(), one.articles());
  assert.deepEqual(all.stats(), one.stats());
  const probe = [0, 40, 60, 120, 249].flatMap((n) => [para(n, 1), para(n, 2)]);
  assert.deepEqual(all.lookupNow(probe), one.lookupNow(probe));
  // Urls 0-49 were read again last: they stay, and 50-99 went first.
  assert.deepEqual(all.lookupNow(probe).map((s) => s.length), [1, 1, 1, 1, 0, 0, 1, 1, 1, 1]);
  all.recordNow({ url: 'https://b.example/x', title: 'X', site: 'b.example', time: 400, fingerprints: [para(900, 0)] });
  assert.equal(all.lookupNow([para(900, 0)])[0]![0]!.url, 'https://b.example/x');
});
