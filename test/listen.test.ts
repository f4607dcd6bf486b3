/**
 * Reading aloud without a speech engine: which voices read which language, what is read and in what order
 * (folded and removed blocks skipped until shown), sentence pieces, pausing and resuming at the last word the
 * engine reported, events of a cancelled utterance ignored, the stored settings surviving bad values; and which
 * way an article runs. The speech engine is a stand-in that records what it is given; e2e/listen*.test.ts run
 * the real one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { cleanHtml } from '../src/node/index.ts';
import { articleDirection, explicitDirection, languageDirection } from '../src/reader/direction.ts';
import { articleLanguage, languageOfScript } from '../src/reader/listen/language.ts';
import type { SpeechPlayer as Player, SpeechEngine } from '../src/reader/listen/player.ts';
import { speechChunks } from '../src/reader/listen/segments.ts';
import { chooseVoice, primaryLanguage, voicesFor, type VoiceInfo } from '../src/reader/listen/voices.ts';
import { importViews, viewDocument, type Views } from './views.ts';

let views: Views;
let segmentsModule: typeof import('../src/reader/listen/segments.ts');
let playerModule: typeof import('../src/reader/listen/player.ts');
let settingsModule: typeof import('../src/platform/listen-settings.ts');
before(async () => {
  views = await importViews();
  [segmentsModule, playerModule, settingsModule] = await Promise.all([
    import('../src/reader/listen/segments.ts'),
    import('../src/reader/listen/player.ts'),
    import('../src/platform/listen-settings.ts'),
  ]);
});

const voice = (name: string, lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({ name, lang, voiceURI: `uri:${name}`, default: false, localService: true, ...extra });

describe('voices', () => {
  const all = [voice('Anna', 'de-DE'), voice('Hans', 'de-AT'), voice('Sam', 'en-US', { default: true }), voice('Mandarin', 'cmn'), voice('Cantonese', 'yue'), voice('Remote', 'de-DE', { localService: false })];

  it('offers the voices of the language, the page region first', () => {
    assert.deepEqual(voicesFor(all, 'de-AT').map((v) => v.name), ['Hans', 'Anna', 'Remote']);
    assert.deepEqual(voicesFor(all, 'de').map((v) => v.name), ['Anna', 'Hans', 'Remote']);
  });

  it('counts espeak-ng\'s Mandarin and Cantonese as Chinese', () => {
    assert.deepEqual(voicesFor(all, 'zh-CN').map((v) => v.name).sort(), ['Cantonese', 'Mandarin']);
  });

  it('offers none for a language without a voice, or for no language', () => {
    assert.deepEqual(voicesFor(all, 'ja'), []);
    assert.deepEqual(voicesFor(all, ''), []);
    assert.equal(primaryLanguage('not a tag'), '');
  });

  it('keeps the remembered voice while it is offered', () => {
    const de = voicesFor(all, 'de');
    assert.equal(chooseVoice(de, 'uri:Hans')?.name, 'Hans');
    assert.equal(chooseVoice(de, 'uri:Gone')?.name, 'Anna');
    assert.equal(chooseVoice([], 'uri:Hans'), null);
  });
});

describe('language and direction', () => {
  it('guesses a page\'s language from its letters only when they are not Latin', () => {
    assert.equal(languageOfScript('東京でひらかれた会議は、予定より早く終わった。'), 'ja');
    assert.equal(languageOfScript('北京市政府周二宣布新的交通规则。'), 'zh');
    assert.equal(languageOfScript('أعلنت الحكومة يوم الثلاثاء عن خطة جديدة'), 'ar');
    assert.equal(languageOfScript('Правительство объявило во вторник'), 'ru');
    assert.equal(languageOfScript('The council voted on Tuesday'), null);
    assert.equal(articleLanguage('pt_BR', 'x', 'en'), 'pt-BR');
    assert.equal(articleLanguage(null, 'The council voted', 'de'), 'de');
  });

  it('lays out right to left from the page\'s dir, else its language', () => {
    assert.equal(explicitDirection(' RTL '), 'rtl');
    assert.equal(explicitDirection('auto'), null);
    assert.equal(languageDirection('ar'), 'rtl');
    assert.equal(languageDirection('he-IL'), 'rtl');
    assert.equal(languageDirection('pa-Arab'), 'rtl');
    assert.equal(languageDirection('az-Latn'), 'ltr');
    assert.equal(languageDirection('en'), 'ltr');
    assert.equal(languageDirection('???'), null);
    assert.equal(articleDirection('ltr', 'ar'), 'ltr', "the page's own dir wins");
    assert.equal(articleDirection(null, 'fa'), 'rtl');
    assert.equal(articleDirection(null, null), null);
  });
});

describe('what is read', () => {
  const html = readFileSync(path.join(import.meta.dirname, '../e2e/fixtures/listen/b.html'), 'utf8');
  const result = cleanHtml(html, { url: 'http://127.0.0.1/listen/b.html' });

  it('reads the title and kept blocks in order; a hidden (folded) block only once shown, a removal only while shown in place', () => {
    const doc = viewDocument();
    const view = views.article.renderArticle(doc, result);
    doc.body.append(view.element);
    const ids = () => segmentsModule.readableSegments(view, result).map((s) => s.id);
    assert.deepEqual(ids(), ['title', 'b0', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7']);
    for (const id of ['b2', 'b3', 'b4']) (view.body.querySelector(`[data-ro-block="${id}"]`) as HTMLElement).hidden = true;
    assert.deepEqual(ids(), ['title', 'b0', 'b5', 'b6', 'b7']);
    const removal = result.removed.find((r) => r.id === 'b1')!;
    const marker = views.article.showRemovalInPlace(view, removal, 0);
    assert.deepEqual(ids(), ['title', 'b0', 'b1', 'b5', 'b6', 'b7']);
    assert.equal(segmentsModule.readableSegments(view, result)[2]!.text, 'Read also: City buses get three new routes');
    marker.remove();
    assert.deepEqual(ids(), ['title', 'b0', 'b5', 'b6', 'b7']);
  });

  it('cuts a paragraph at sentence ends into pieces of about the size asked', () => {
    const text = 'One two three. Four five six. Seven eight nine. Ten.';
    assert.deepEqual(speechChunks(text, 'en', 20), ['One two three.', 'Four five six.', 'Seven eight nine.', 'Ten.']);
    assert.deepEqual(speechChunks(text, 'en', 240), [text]);
    assert.deepEqual(speechChunks('東京は晴れ。大阪は雨。', 'ja', 6), ['東京は晴れ。', '大阪は雨。']);
  });
});

/** A speech engine that records what it is told and lets the test finish utterances. */
class RecordingEngine implements SpeechEngine {
  spoken: SpeechSynthesisUtterance[] = [];
  cancels = 0;
  speak(u: SpeechSynthesisUtterance): void {
    this.spoken.push(u);
  }
  cancel(): void {
    this.cancels++;
    // What Chromium does: the utterance being spoken hears "interrupted".
    const last = this.spoken[this.spoken.length - 1];
    last?.onerror?.({ error: 'interrupted' } as SpeechSynthesisErrorEvent);
  }
  finish(): void {
    const last = this.spoken[this.spoken.length - 1]!;
    last.onend?.({} as SpeechSynthesisEvent);
  }
  get texts(): string[] {
    return this.spoken.map((u) => u.text);
  }
}

describe('the player', () => {
  function setUp(texts: string[]): { engine: RecordingEngine; player: Player; states: string[]; errors: string[]; elements: HTMLElement[] } {
    const doc = viewDocument();
    const elements = texts.map((text) => Object.assign(doc.createElement('p'), { textContent: text }));
    doc.body.append(...elements);
    const engine = new RecordingEngine();
    const states: string[] = [];
    const errors: string[] = [];
    const player = new playerModule.SpeechPlayer({
      engine,
      utterance: (text) => ({ text }) as SpeechSynthesisUtterance,
      segments: () => elements.map((element, i) => ({ element, text: texts[i]!, id: `p${i}` })),
      lang: 'en',
      voice: null,
      rate: 1.5,
      onChange: (state, segment) => states.push(`${state}:${segment?.id ?? '-'}`),
      onError: (code) => errors.push(code),
    });
    return { engine, player, states, errors, elements };
  }

  it('reads every segment in order, then stops', () => {
    const { engine, player, states } = setUp(['First.', 'Second.', 'Third.']);
    player.play();
    engine.finish();
    engine.finish();
    engine.finish();
    assert.deepEqual(engine.texts, ['First.', 'Second.', 'Third.']);
    assert.equal(player.state, 'stopped');
    assert.deepEqual(states, ['playing:p0', 'playing:p1', 'playing:p2', 'stopped:-']);
    assert.equal(engine.spoken[0]!.rate, 1.5);
    assert.equal(engine.spoken[0]!.lang, 'en');
  });

  it('pauses, and resumes at the last word the engine reported', () => {
    const { engine, player } = setUp(['The ferry sails in May.', 'Next.']);
    player.play();
    engine.spoken[0]!.onboundary?.({ name: 'word', charIndex: 10 } as SpeechSynthesisEvent);
    player.pause();
    assert.equal(player.state, 'paused');
    assert.equal(engine.spoken.length, 1, 'nothing new while paused');
    player.play();
    assert.equal(engine.texts[1], 'sails in May.');
    // The resumed piece reports boundaries from its own start: they add to where it resumed.
    engine.spoken[1]!.onboundary?.({ name: 'word', charIndex: 6 } as SpeechSynthesisEvent);
    player.pause();
    player.play();
    assert.equal(engine.texts[2], 'in May.');
    engine.finish();
    assert.equal(engine.texts[3], 'Next.');
  });

  it('ignores what a cancelled utterance says, and stops on a real error', () => {
    const { engine, player, errors } = setUp(['One.', 'Two.']);
    player.play();
    const first = engine.spoken[0]!;
    player.step(1);
    first.onend?.({} as SpeechSynthesisEvent);
    assert.deepEqual(engine.texts, ['One.', 'Two.'], "the first utterance's late end does not skip ahead");
    engine.spoken[1]!.onerror?.({ error: 'synthesis-failed' } as SpeechSynthesisErrorEvent);
    assert.equal(player.state, 'stopped');
    assert.deepEqual(errors, ['synthesis-failed']);
  });

  it('goes to the previous and next segment while paused, and starts from the one asked', () => {
    const { engine, player, elements } = setUp(['One.', 'Two.', 'Three.']);
    player.play(elements[1]);
    assert.deepEqual(engine.texts, ['Two.']);
    player.pause();
    player.step(-1);
    assert.equal(player.current?.id, 'p0');
    assert.equal(engine.spoken.length, 1, 'still paused');
    player.play();
    assert.deepEqual(engine.texts, ['Two.', 'One.']);
    player.stop();
    assert.equal(player.current, null);
  });
});

describe('listen settings', () => {
  it('keep what is valid of what was stored, each value on its own', () => {
    const { parseListenSettings } = settingsModule;
    assert.deepEqual(parseListenSettings({ rate: 1.5, voices: { de: 'uri:Anna', ja: 7, 'not a lang': 'x' } }), { rate: 1.5, voices: { de: 'uri:Anna' } });
    assert.deepEqual(parseListenSettings({ rate: 3, voices: [] }), { rate: 1, voices: {} });
    assert.deepEqual(parseListenSettings('garbage'), { rate: 1, voices: {} });
  });
});
