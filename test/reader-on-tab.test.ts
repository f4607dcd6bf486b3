/**
 * Reader mode from a keyboard command or the context menu (src/background/reader-on-tab.ts), browser APIs
 * mocked: a failure comes back with its kind and the browser's message, and the toolbar button says the same
 * to the reader as before (badge "!" and a tooltip per kind); success clears the button.
 */
import assert from 'node:assert/strict';
import { before, beforeEach, test } from 'node:test';
import type { ReaderAction, ReaderOutcome } from '../src/platform/messages.ts';
import type { TabInfo } from '../src/platform/extension.ts';

type Injection = { files?: string[]; func?: unknown; args?: unknown[] };
/** What executeScript does with each call: the content script file, then the request to it. */
let inject: (injection: Injection) => Promise<{ result?: unknown }[]>;
let injections: Injection[];
let button: { badge?: string; title?: string };
let buttonBroken: boolean;
let readerOnTab: (tab: TabInfo | undefined, action: ReaderAction) => Promise<ReaderOutcome>;

before(async () => {
  const g = globalThis as Record<string, unknown>;
  g.chrome ??= { runtime: { id: 'readonce-test' } };
  const setButton = (field: 'badge' | 'title') => async (details: { text?: string; title?: string }) => {
    if (buttonBroken) throw new Error('No tab with id: 7');
    button[field] = details.text ?? details.title;
  };
  g.browser = {
    runtime: { id: 'readonce-test', getURL: (path: string) => `chrome-extension://readonce-test/${path}` },
    i18n: { getMessage: (key: string) => `<${key}>` },
    scripting: {
      executeScript: (injection: Injection) => {
        injections.push(injection);
        return inject(injection);
      },
    },
    action: { setBadgeText: setButton('badge'), setBadgeBackgroundColor: async () => undefined, setTitle: setButton('title') },
  };
  ({ readerOnTab } = await import('../src/background/reader-on-tab.ts'));
});

beforeEach(() => {
  injections = [];
  button = { badge: 'stale', title: 'stale' };
  buttonBroken = false;
});

const PAGE = { id: 7, url: 'https://news.example/story' };
/** The content script answers the request with `reply` (undefined: it is not there to answer). */
const contentAnswers = (reply: unknown) => async (injection: Injection) => (injection.files ? [] : [{ result: reply }]);
const refused = (message: string) => async () => {
  throw new Error(message);
};

test('reader mode opens: the state comes back and the button is cleared', async () => {
  inject = contentAnswers({ open: true });
  assert.deepEqual(await readerOnTab(PAGE, 'open'), { ok: true, open: true });
  assert.deepEqual(injections.map((i) => (i.files ? 'file' : (i.args?.[1] as { action: string }).action)), ['file', 'open']);
  assert.deepEqual(button, { badge: '', title: '<actionTitle>' });
});

const FAILURES: { why: string; tab?: TabInfo; inject: typeof inject; problem: string; detail: RegExp; title: string | undefined }[] = [
  {
    why: 'no gesture on the page (Chromium refuses the injection)',
    inject: refused('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'),
    problem: 'no-access',
    detail: /^Cannot access contents of the page/,
    title: 'problemNoAccessTitle',
  },
  {
    why: 'no host permission (Firefox)',
    inject: refused('Missing host permission for the tab'),
    problem: 'no-access',
    detail: /^Missing host permission/,
    title: 'problemNoAccessTitle',
  },
  {
    why: 'the tab shows an error page',
    inject: refused('Frame with ID 0 is showing error page'),
    problem: 'restricted',
    detail: /showing error page/,
    title: 'problemRestrictedTitle',
  },
  {
    why: 'a browser page, known from its URL: nothing is injected',
    tab: { id: 7, url: 'chrome://settings/' },
    inject: refused('executeScript must not be called'),
    problem: 'restricted',
    detail: /chrome:\/\/settings\//,
    title: 'problemRestrictedTitle',
  },
  {
    why: 'the content script did not answer',
    inject: contentAnswers(undefined),
    problem: 'failed',
    detail: /not running in this page/,
    title: 'problemFailedTitle',
  },
  {
    why: 'no tab at all (TAB_ID_NONE): no button to flag',
    tab: { id: -1 },
    inject: refused('executeScript must not be called'),
    problem: 'failed',
    detail: /no tab/,
    title: undefined,
  },
];

for (const failure of FAILURES) {
  test(`a failure carries its kind and the browser's message: ${failure.why}`, async () => {
    inject = failure.inject;
    const outcome = await readerOnTab(failure.tab ?? PAGE, 'toggle');
    if (outcome.ok) assert.fail(`reader mode answered ${JSON.stringify(outcome)}`);
    assert.equal(outcome.problem, failure.problem);
    assert.match(outcome.detail ?? '', failure.detail);
    if (failure.title === undefined) {
      assert.deepEqual(button, { badge: 'stale', title: 'stale' });
    } else {
      assert.deepEqual(button, { badge: '!', title: `<extName>: <${failure.title}>` });
    }
    if (failure.tab) assert.equal(injections.length, 0);
  });
}

test('a button that cannot be flagged (the tab closed meanwhile) does not hide the failure', async () => {
  inject = refused('No tab with id: 7');
  buttonBroken = true;
  assert.deepEqual(await readerOnTab(PAGE, 'close'), { ok: false, problem: 'failed', detail: 'No tab with id: 7' });
});
