/**
 * Where cleanDocument spends its time in Chromium: the CPU profiler (CDP Profiler) over repeated cleans of the
 * given pages of a corpus, self time summed per function.
 *   node --import tsx scripts/bench-chromium-profile.ts [DIR] --pages id1,id2 [--runs N] [--top N]
 */
import { parseArgs } from 'node:util';
import { CONTENT_SCRIPT_OPTIONS, corpusTab, engineBundle } from './bench-chromium.ts';
import { corpusDir, readCorpus } from './lib/corpus.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pages: { type: 'string', default: '' }, runs: { type: 'string', default: '10' }, top: { type: 'string', default: '30' } } });
const wanted = new Set(values.pages!.split(',').filter(Boolean));
const bundle = await engineBundle();
const tab = await corpusTab();
const selfTime = new Map<string, number>();
/** Time with the function anywhere on the stack (once per sample, however deep it recurses). */
const totalTime = new Map<string, number>();
let total = 0;
try {
  const { page, cdp, show } = tab;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  for (const { id, url, html } of readCorpus(corpusDir(positionals[0]))) {
    if (wanted.size > 0 && ![...wanted].some((w) => id.startsWith(w))) continue;
    await show(url, html);
    await page.evaluate(bundle);
    const run = `(() => { const b = globalThis.__readOnceBench; for (let i = 0; i < ${Number(values.runs)}; i++) { try { b.cleanDocument(document, ${JSON.stringify(CONTENT_SCRIPT_OPTIONS)}); } catch (e) { if (e.name !== 'ReadOnceError') throw e; } } })()`;
    await page.evaluate(run.replace(/< \d+/u, '< 1'));
    await cdp.send('Profiler.start');
    await page.evaluate(run);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parentOf = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
    const keyOf = ({ callFrame: f }: ProfileNode) => `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:` : ''}${f.lineNumber}`;
    profile.samples.forEach((sample, i) => {
      const key = keyOf(byId.get(sample)!);
      const dt = profile.timeDeltas[i] ?? 0;
      selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
      const onStack = new Set<string>();
      for (let id: number | undefined = sample; id !== undefined; id = parentOf.get(id)) onStack.add(keyOf(byId.get(id)!));
      for (const k of onStack) totalTime.set(k, (totalTime.get(k) ?? 0) + dt);
      total += dt;
    });
    console.log(`profiled ${id}`);
  }
} finally {
  await tab.close();
}
console.log(`\n| total ms | share | function |\n|---|---|---|`);
for (const [key, us] of [...totalTime].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  console.log(`| ${(us / 1000).toFixed(1)} | ${((100 * us) / total).toFixed(1)}% | ${key} |`);
}
console.log(`\n| self ms | share | function |\n|---|---|---|`);
for (const [key, us] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  console.log(`| ${(us / 1000).toFixed(1)} | ${((100 * us) / total).toFixed(1)}% | ${key} |`);
}
