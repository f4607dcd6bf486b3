/**
 * The Firefox build passes `web-ext lint`, the checks addons.mozilla.org runs on every upload.
 *
 * Allowed: BACKGROUND_SERVICE_WORKER_IGNORED (one manifest serves both browsers), and the linter's
 * innerHTML warnings inside the two libraries we bundle unmodified (listed below, each with why it is
 * there). The linter flags any non-literal innerHTML assignment and it cannot tell bundled library code
 * from ours; AMO reviewers check bundled libraries against their published source instead. Every
 * other warning, and any innerHTML warning in ReadOnce's own code, fails this test.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildTargets, ROOT } from './firefox/build-target.ts';
import { attribute, lineIsFromSource, lintFirefoxBuild, type LintMessage, type LintResult } from './firefox/lint.ts';
import { TEST_LIMIT } from './support/step.ts';

const ALLOWED_WARNING_CODES = new Set(['BACKGROUND_SERVICE_WORKER_IGNORED']);

/** Bundled libraries whose own code assigns innerHTML, and where. */
const LIBRARIES_ASSIGNING_INNER_HTML: Record<string, string> = {
  'node_modules/dompurify/dist/purify.es.mjs':
    "DOMPurify's parser fallback (documentElement.innerHTML) when DOMParser fails: the sanitizer itself",
  'node_modules/@mozilla/readability/Readability.js':
    'Readability restoring its cached page between attempts, and unwrapping <noscript> images',
};

const show = (messages: readonly LintMessage[]) =>
  messages.map((m) => `${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`).join('\n');

describe('web-ext lint on dist/firefox', { timeout: 120_000 }, () => {
  let dir: string;
  let report: LintResult;

  before(async () => {
    dir = (await buildTargets('firefox')).firefox ?? '';
    report = await lintFirefoxBuild(dir);
  });

  it('reports no errors', TEST_LIMIT, () => {
    assert.equal(report.errors.length, 0, show(report.errors));
  });

  it('reports no notices', TEST_LIMIT, () => {
    assert.equal(report.notices.length, 0, show(report.notices));
  });

  it('warns only about the service worker key, or innerHTML inside an unmodified bundled library', TEST_LIMIT, async () => {
    const unexpected: string[] = [];
    for (const warning of report.warnings) {
      if (ALLOWED_WARNING_CODES.has(warning.code)) continue;
      if (warning.code === 'UNSAFE_VAR_ASSIGNMENT') {
        const { module, line } = await attribute(dir, warning);
        if (module && module in LIBRARIES_ASSIGNING_INNER_HTML && (await lineIsFromSource(ROOT, module, line))) continue;
        unexpected.push(`${show([warning])}\n  in ${module ?? 'an unknown module'}: ${line}`);
        continue;
      }
      unexpected.push(show([warning]));
    }
    assert.deepEqual(unexpected, [], `unexpected lint warnings:\n${unexpected.join('\n')}`);
  });
});
