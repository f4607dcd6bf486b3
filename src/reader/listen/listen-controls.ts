/**
 * The Listen control, in the popup and in reader mode alike: Listen / Pause / Resume, previous and next
 * paragraph, speed and voice. It reads with the browser's own speechSynthesis in a voice of the article's
 * language; where the browser has none, the button stays disabled and says so. The paragraph being read is
 * highlighted (.ro-speaking) and scrolled into view. Speed and the voice per language are remembered
 * (src/platform/listen-settings.ts).
 */
import { t, uiLanguage } from '../../platform/i18n.ts';
import { DEFAULT_LISTEN_SETTINGS, LISTEN_RATES, loadListenSettings, saveListenSettings, type ListenRate } from '../../platform/listen-settings.ts';
import { SpeechPlayer, type PlayerState, type SpeechEngine } from './player.ts';
import type { Segment } from './segments.ts';
import { chooseVoice, languageName, primaryLanguage, voicesFor } from './voices.ts';

/** How long to wait for the browser's voice list before saying there is no voice (it may still come later). */
export const VOICES_WAIT_MS = 4000;

/** At most this many voices in the choice (the best first, src/reader/listen/voices.ts). */
export const MAX_VOICES_OFFERED = 40;

/** Keys inside reader mode: letters no browser binds without a modifier, by position (KeyK is K on every layout). */
export const LISTEN_KEYS = { toggle: { code: 'KeyK', label: 'K' }, previous: { code: 'KeyJ', label: 'J' }, next: { code: 'KeyL', label: 'L' } } as const;

export interface ListenHost {
  /** What to read, in order (src/reader/listen/segments.ts). */
  segments: () => Segment[];
  /** The language to read in. */
  lang: string;
  /** What the reader scrolls: the paragraph being read is kept in view in it. */
  scroller: HTMLElement;
  /** 'ro-tool' in reader mode's toolbar, 'ro-button' in the popup. */
  buttonClass: string;
  /** Reader mode shows speed and voice from the start; the popup, short of room, once listening began. */
  panel: 'always' | 'when-listening';
  /** The browser's speech synthesis; undefined where there is none. */
  speech?: (SpeechEngine & Pick<SpeechSynthesis, 'getVoices' | 'addEventListener'>) | undefined;
}

export interface ListenControls {
  /** The Listen / Pause / Resume button. */
  button: HTMLButtonElement;
  /** Previous, next, speed, voice and the note; shown once listening started, or when there is something to say. */
  panel: HTMLElement;
  player(): SpeechPlayer | null;
  /** Handles the reader-mode keys; true when the event was one of them. */
  handleKey(event: KeyboardEvent): boolean;
  stop(): void;
}

function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The browser's voices once it has listed them: at once, on voiceschanged, or none after `waitMs`. */
export function voicesReady(speech: NonNullable<ListenHost['speech']>, waitMs: number): Promise<SpeechSynthesisVoice[]> {
  const now = speech.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(speech.getVoices()), waitMs);
    speech.addEventListener('voiceschanged', () => {
      const voices = speech.getVoices();
      if (voices.length === 0) return;
      clearTimeout(timer);
      resolve(voices);
    });
  });
}

export function renderListenControls(doc: Document, host: ListenHost): ListenControls {
  const button = make(doc, 'button', `${host.buttonClass} ro-listen-toggle`, t('listenPlay'));
  button.type = 'button';
  button.id = 'listen';
  button.disabled = true;
  button.setAttribute('aria-pressed', 'false');
  const panel = make(doc, 'div', 'ro-listen');
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', t('listenLabel'));
  const previous = make(doc, 'button', `${host.buttonClass} ro-listen-previous`);
  const next = make(doc, 'button', `${host.buttonClass} ro-listen-next`);
  previous.append(icon(doc, 'M5 3h2v10H5zM14 3v10L7.5 8z'));
  next.append(icon(doc, 'M9 3h2v10H9zM2 3v10l6.5-5z'));
  previous.type = next.type = 'button';
  previous.id = 'listen-previous';
  next.id = 'listen-next';
  for (const [node, key, shortcut] of [[previous, 'listenPrevious', LISTEN_KEYS.previous], [next, 'listenNext', LISTEN_KEYS.next]] as const) {
    node.title = t(key, shortcut.label);
    node.setAttribute('aria-label', node.title);
  }
  const speedLabel = make(doc, 'label', 'ro-listen-field');
  const speed = make(doc, 'select', 'ro-listen-speed');
  speed.id = 'listen-speed';
  for (const rate of LISTEN_RATES) {
    const option = make(doc, 'option', '', t('listenSpeedValue', rate.toLocaleString(uiLanguage())));
    option.value = String(rate);
    speed.append(option);
  }
  speed.value = String(DEFAULT_LISTEN_SETTINGS.rate);
  speedLabel.append(make(doc, 'span', 'ro-listen-caption', t('listenSpeed')), speed);
  const voiceLabel = make(doc, 'label', 'ro-listen-field');
  const voice = make(doc, 'select', 'ro-listen-voice');
  voice.id = 'listen-voice';
  voiceLabel.append(make(doc, 'span', 'ro-listen-caption', t('listenVoice')), voice);
  voiceLabel.hidden = true;
  const note = make(doc, 'span', 'ro-listen-note');
  note.id = 'listen-note';
  note.setAttribute('role', 'status');
  panel.append(previous, next, speedLabel, voiceLabel, note);
  panel.hidden = host.panel === 'when-listening';

  const lang = primaryLanguage(host.lang) || primaryLanguage(uiLanguage());
  let player: SpeechPlayer | null = null;
  let candidates: SpeechSynthesisVoice[] = [];
  let highlighted: HTMLElement | null = null;

  const say = (text: string) => {
    note.textContent = text;
    if (text !== '') panel.hidden = false;
  };
  const highlight = (segment: Segment | null) => {
    const element = segment?.element ?? null;
    if (element === highlighted) return;
    highlighted?.classList.remove('ro-speaking');
    highlighted = element;
    if (!element) return;
    element.classList.add('ro-speaking');
    keepInView(element, host.scroller);
  };
  const show = (state: PlayerState, segment: Segment | null) => {
    button.textContent = t(state === 'playing' ? 'listenPause' : state === 'paused' ? 'listenResume' : 'listenPlay');
    button.title = t(state === 'playing' ? 'listenPauseHint' : 'listenPlayHint', LISTEN_KEYS.toggle.label);
    button.setAttribute('aria-pressed', String(state === 'playing'));
    button.dataset.state = state;
    previous.disabled = next.disabled = state === 'stopped';
    if (state !== 'stopped') panel.hidden = false;
    highlight(state === 'stopped' ? null : segment);
  };
  show('stopped', null);

  const speech = host.speech;
  if (!speech || typeof SpeechSynthesisUtterance !== 'function') {
    button.title = t('listenUnavailable');
    say(t('listenUnavailable'));
  } else {
    void start(speech);
  }

  async function start(engine: NonNullable<ListenHost['speech']>): Promise<void> {
    const settings = await loadListenSettings();
    speed.value = String(settings.rate);
    const voices = await voicesReady(engine, VOICES_WAIT_MS);
    const offer = (list: SpeechSynthesisVoice[]) => {
      candidates = voicesFor(list, host.lang);
      // espeak-ng through speech-dispatcher lists each voice with its hundred variants (816 for English): the
      // choice offers the best ones and the reader's own, not a list no one can read through.
      const remembered = candidates.find((v) => v.voiceURI === settings.voices[lang]);
      candidates = candidates.slice(0, MAX_VOICES_OFFERED);
      if (remembered && !candidates.includes(remembered)) candidates.push(remembered);
      if (candidates.length === 0) {
        button.disabled = true;
        voiceLabel.hidden = true;
        button.title = t('listenNoVoice', languageName(host.lang, uiLanguage()));
        say(button.title);
        return;
      }
      const chosen = chooseVoice(candidates, settings.voices[lang]);
      voice.replaceChildren(
        ...candidates.map((v) => {
          const option = make(doc, 'option', '', v.name);
          option.value = v.voiceURI;
          return option;
        }),
      );
      voice.value = chosen?.voiceURI ?? '';
      voiceLabel.hidden = candidates.length < 2;
      if (note.textContent === button.title) say('');
      button.disabled = false;
      player ??= new SpeechPlayer({
        engine,
        utterance: (text) => new SpeechSynthesisUtterance(text),
        segments: host.segments,
        lang: host.lang,
        voice: chosen,
        rate: settings.rate,
        onChange: show,
        onError: (code) => say(t('listenFailed', code)),
      });
      if (!player.voice) player.setVoice(chosen);
    };
    offer(voices);
    // A browser that lists its voices late (or installs one) is heard afterwards.
    engine.addEventListener('voiceschanged', () => offer(engine.getVoices()));
  }

  button.addEventListener('click', () => {
    if (!player) return;
    if (player.state === 'stopped') {
      say('');
      player.play(firstInView(host.segments(), host.scroller));
    } else player.toggle();
  });
  previous.addEventListener('click', () => player?.step(-1));
  next.addEventListener('click', () => player?.step(1));
  speed.addEventListener('change', () => {
    const rate = Number(speed.value) as ListenRate;
    player?.setRate(rate);
    void saveListenSettings({ rate });
  });
  voice.addEventListener('change', () => {
    const chosen = candidates.find((v) => v.voiceURI === voice.value) ?? null;
    player?.setVoice(chosen);
    if (chosen && lang) void saveListenSettings({ voice: { lang, uri: chosen.voiceURI } });
  });

  const handleKey = (event: KeyboardEvent): boolean => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.repeat) return false;
    const target = event.target as HTMLElement | null;
    if (target?.closest?.('input, select, textarea, [contenteditable=""], [contenteditable="true"]')) return false;
    const control = event.code === LISTEN_KEYS.toggle.code ? button : event.code === LISTEN_KEYS.previous.code ? previous : event.code === LISTEN_KEYS.next.code ? next : null;
    if (!control) return false;
    event.preventDefault();
    if (!control.disabled) control.click();
    return true;
  };

  return {
    button,
    panel,
    player: () => player,
    handleKey,
    stop: () => player?.stop(),
  };
}

/** A 16×16 icon drawn in the text colour (glyphs such as ⏮ are missing from many fonts). */
function icon(doc: Document, path: string): SVGSVGElement {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', 'currentColor');
  const shape = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

/** The first segment the reader can see: listening starts where the reader is. */
function firstInView(segments: Segment[], scroller: HTMLElement): HTMLElement | undefined {
  const top = scroller.getBoundingClientRect().top;
  return segments.find((s) => s.element.getBoundingClientRect().bottom > top + 1)?.element ?? segments[0]?.element;
}

/** Scrolls the paragraph being read to the middle when it is not wholly in view. */
function keepInView(element: HTMLElement, scroller: HTMLElement): void {
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top >= view.top + 48 && box.bottom <= view.bottom) return;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
