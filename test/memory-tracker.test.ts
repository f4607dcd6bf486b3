/** When an article counts as read (jsdom, a hand-driven clock): a while visible, or half scrolled; never hidden time. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { DWELL_MS, trackReading } from '../src/reader/reading-tracker.ts';

function setup() {
  const dom = new JSDOM('<!doctype html><body><main id="content"></main></body>');
  const doc = dom.window.document;
  let visibility: DocumentVisibilityState = 'visible';
  Object.defineProperty(doc, 'visibilityState', { get: () => visibility });
  const scroller = doc.getElementById('content')!;
  const box = { scrollTop: 0, scrollHeight: 3000, clientHeight: 500 };
  for (const key of Object.keys(box) as (keyof typeof box)[]) Object.defineProperty(scroller, key, { get: () => box[key] });
  let clock = 0;
  let reads = 0;
  const stop = trackReading(doc, scroller, () => reads++, { now: () => clock });
  const at = (ms: number) => {
    clock = ms;
    doc.dispatchEvent(new dom.window.Event('visibilitychange'));
  };
  return {
    at,
    hide: () => (visibility = 'hidden'),
    show: () => (visibility = 'visible'),
    scrollTo: (top: number, ms: number) => {
      box.scrollTop = top;
      clock = ms;
      scroller.dispatchEvent(new dom.window.Event('scroll'));
    },
    reads: () => reads,
    stopTracking: stop,
    stop: () => {
      stop();
      dom.window.close();
    },
  };
}

test('read after DWELL_MS visible, once', () => {
  const t = setup();
  t.at(DWELL_MS - 1);
  assert.equal(t.reads(), 0);
  t.at(DWELL_MS);
  t.at(DWELL_MS * 3);
  assert.equal(t.reads(), 1);
  t.stop();
});

test('time in a background tab does not count', () => {
  const t = setup();
  t.at(5_000);
  t.hide();
  t.at(60_000);
  assert.equal(t.reads(), 0);
  t.show();
  t.at(60_000 + DWELL_MS - 5_001);
  assert.equal(t.reads(), 0);
  t.at(60_000 + DWELL_MS - 5_000);
  assert.equal(t.reads(), 1);
  t.stop();
});

test('half scrolled counts, but not a flick in the first 2 s; a small scroll does not', () => {
  const t = setup();
  t.scrollTo(1250, 1_000); // half of the 2500 px that scroll, after 1 s
  assert.equal(t.reads(), 0);
  t.at(2_000);
  assert.equal(t.reads(), 1);
  t.stop();
  const u = setup();
  u.scrollTo(400, 5_000);
  assert.equal(u.reads(), 0);
  u.stop();
});

test('stopped (the view went away): never read', () => {
  const t = setup();
  t.at(1_000);
  t.stopTracking();
  t.at(DWELL_MS * 2);
  t.scrollTo(2500, DWELL_MS * 3);
  assert.equal(t.reads(), 0);
  t.stop();
});
