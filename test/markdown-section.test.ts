import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asMarkdown, commandLine, isDefaultCorpus, replaceSection } from '../scripts/lib/markdown-section.ts';

const BEGIN = (name: string) => `<!-- BEGIN ${name}: written by the script, do not edit by hand -->`;
const END = (name: string) => `<!-- END ${name} -->`;

describe('replaceSection: a script rewrites only its own part of a Markdown file', () => {
  const doc = ['# Benchmarks', '', 'Prose by hand.', BEGIN('eval'), 'old table', END('eval'), '', 'More prose.', BEGIN('bench'), 'bench table', END('bench'), ''].join('\n');

  it('replaces what lies between the markers, and nothing else', () => {
    const out = replaceSection(doc, 'eval', '| new | table |\n');
    assert.equal(out, doc.replace('old table', '| new | table |'));
  });

  it('gives the same file when run twice with the same figures', () => {
    const once = replaceSection(doc, 'bench', 'figures');
    assert.equal(replaceSection(once, 'bench', 'figures'), once);
  });

  it('appends a missing section at the end only when asked', () => {
    assert.throws(() => replaceSection(doc, 'eval-peer', 'x'), /no section "eval-peer"/u);
    const out = replaceSection(doc, 'eval-peer', 'x', { append: true });
    assert.ok(out.startsWith(doc.trimEnd()));
    assert.ok(out.endsWith(`\n\n${BEGIN('eval-peer')}\nx\n${END('eval-peer')}\n`));
  });

  it('does not take a section for another whose name it begins with', () => {
    const out = replaceSection(doc, 'eval-peer', 'peer', { append: true });
    assert.equal(replaceSection(out, 'eval', 'new'), out.replace('old table', 'new'));
  });

  it('refuses markers out of order, half a pair, a section given twice and a bad name', () => {
    assert.throws(() => replaceSection(`${END('eval')}\n${BEGIN('eval')}`, 'eval', 'x'), /out of order/u);
    assert.throws(() => replaceSection(`${BEGIN('eval')}\nno end`, 'eval', 'x'), /missing or out of order/u);
    assert.throws(() => replaceSection(`${doc}\n${BEGIN('eval')}\n${END('eval')}`, 'eval', 'x'), /given twice/u);
    assert.throws(() => replaceSection(doc, 'Eval table', 'x'), /section name/u);
  });

  it('keeps a body holding $ patterns as written (no replacement-string expansion)', () => {
    assert.ok(replaceSection(doc, 'eval', "cost $& and $' here").includes("cost $& and $' here"));
  });
});

describe('asMarkdown and commandLine', () => {
  it('makes each printed line outside a table a paragraph of its own, and leaves tables whole', () => {
    assert.equal(asMarkdown('load after: 3\nratio: 0.9\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'), 'load after: 3\n\nratio: 0.9\n\n| a | b |\n|---|---|\n| 1 | 2 |');
  });

  it('writes the command as it would be typed again', () => {
    assert.equal(commandLine('npm run eval', []), 'npm run eval');
    assert.equal(commandLine('npm run eval', ['--markdown']), 'npm run eval -- --markdown');
  });
});

describe('commandLine and the default corpus', () => {
  it('leaves out a corpus folder named as the default, wherever it lies, and keeps any other', () => {
    const args = ['/data/corpora/eval-dev', '--markdown'];
    assert.equal(commandLine('npm run eval', args, '/elsewhere/corpora/eval-dev'), 'npm run eval -- --markdown');
    assert.equal(commandLine('npm run eval', ['/data/other', '--markdown'], '/elsewhere/corpora/eval-dev'), 'npm run eval -- /data/other --markdown');
    assert.ok(isDefaultCorpus('/data/corpora/eval-dev/', '/x/corpora/eval-dev'));
    assert.ok(!isDefaultCorpus('/data/corpora/eval-test', '/x/corpora/eval-dev'));
  });
});
