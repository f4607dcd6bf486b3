/**
 * Reads segments aloud with the browser's speech synthesis, one sentence-sized piece at a time, and says which
 * segment is being read. Pausing cancels the piece being spoken and remembers where it was (the last word the
 * engine reported, else the piece's start); resuming speaks from there. speechSynthesis.pause() is not used:
 * in Chromium on Linux (speech-dispatcher) it left `paused` false and the utterance never ended, and
 * Firefox's own narrator pauses by stopping too. Everything the speech engine says about an utterance that is no
 * longer the current one (its "interrupted" error after a cancel) is ignored.
 */
import type { Segment } from './segments.ts';
import { speechChunks } from './segments.ts';

/** Node.DOCUMENT_POSITION_FOLLOWING, spelt out: Node is not a global where tests build views in jsdom. */
const FOLLOWING = 4;

export type PlayerState = 'stopped' | 'playing' | 'paused';

/** The part of SpeechSynthesis the player uses (a test gives its own). */
export interface SpeechEngine {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
}

export interface PlayerOptions {
  engine: SpeechEngine;
  /** new SpeechSynthesisUtterance(text), or a test's stand-in. */
  utterance: (text: string) => SpeechSynthesisUtterance;
  /** What to read, asked again before each segment (folds may have opened). */
  segments: () => Segment[];
  lang: string;
  voice: SpeechSynthesisVoice | null;
  rate: number;
  /** Called whenever the state or the segment being read changes. */
  onChange: (state: PlayerState, segment: Segment | null) => void;
  /** An error from the engine (not one the player caused by cancelling). */
  onError: (code: string) => void;
}

interface Position {
  element: HTMLElement;
  chunk: number;
  /** Characters of the chunk already spoken (from the engine's word boundaries). */
  offset: number;
}

export class SpeechPlayer {
  state: PlayerState = 'stopped';
  private position: Position | null = null;
  /** Each utterance gets the next number; events of any other are stale. */
  private token = 0;

  constructor(private readonly options: PlayerOptions) {}

  get voice(): SpeechSynthesisVoice | null {
    return this.options.voice;
  }

  get current(): Segment | null {
    if (!this.position) return null;
    return this.options.segments().find((s) => s.element === this.position!.element) ?? null;
  }

  /** Starts at `from` (a segment's element), or at the first segment; or resumes when paused. */
  play(from?: HTMLElement): void {
    if (this.state === 'playing') return;
    if (this.state === 'paused' && this.position && from === undefined) {
      this.state = 'playing';
      this.speakFromPosition();
      return;
    }
    const segments = this.options.segments();
    const start = (from && segments.find((s) => s.element === from)) || segments[0];
    if (!start) return this.stop();
    this.position = { element: start.element, chunk: 0, offset: 0 };
    this.state = 'playing';
    this.speakFromPosition();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.state = 'paused';
    this.silence();
    this.changed();
  }

  toggle(): void {
    if (this.state === 'playing') this.pause();
    else this.play();
  }

  /** The next segment (or the previous one: -1), kept playing or paused as it was. */
  step(by: 1 | -1): void {
    if (this.state === 'stopped' || !this.position) return;
    const segments = this.options.segments();
    const at = this.indexOfPosition(segments);
    const target = segments[Math.max(0, at + by)];
    if (!target || (by > 0 && at + by >= segments.length)) {
      if (by > 0) this.stop();
      return;
    }
    this.position = { element: target.element, chunk: 0, offset: 0 };
    if (this.state === 'playing') this.speakFromPosition();
    else this.changed();
  }

  stop(): void {
    const wasActive = this.state !== 'stopped';
    this.state = 'stopped';
    this.position = null;
    this.silence();
    if (wasActive) this.changed();
    else this.options.onChange('stopped', null);
  }

  setRate(rate: number): void {
    this.options.rate = rate;
    if (this.state === 'playing') this.speakFromPosition();
  }

  setVoice(voice: SpeechSynthesisVoice | null): void {
    this.options.voice = voice;
    if (this.state === 'playing') this.speakFromPosition();
  }

  private silence(): void {
    this.token++;
    this.options.engine.cancel();
  }

  private changed(): void {
    this.options.onChange(this.state, this.current);
  }

  /** Where the position's element stands in `segments`; a segment that went (folded again) counts as the one before it. */
  private indexOfPosition(segments: Segment[]): number {
    const element = this.position?.element;
    if (!element) return -1;
    const exact = segments.findIndex((s) => s.element === element);
    if (exact >= 0) return exact;
    let before = -1;
    segments.forEach((s, i) => {
      if (s.element.compareDocumentPosition(element) & FOLLOWING) before = i;
    });
    return before;
  }

  private speakFromPosition(): void {
    this.silence();
    const position = this.position;
    const segments = this.options.segments();
    const segment = position ? segments.find((s) => s.element === position.element) : undefined;
    if (!position || !segment) {
      // The segment went away (its fold closed): go on with the one after where it was.
      const next = segments[this.indexOfPosition(segments) + 1];
      if (!next) return this.stop();
      this.position = { element: next.element, chunk: 0, offset: 0 };
      return this.speakFromPosition();
    }
    const chunks = speechChunks(segment.text, this.options.lang);
    const chunk = chunks[position.chunk];
    if (chunk === undefined) return this.advance();
    const text = chunk.slice(position.offset);
    const token = ++this.token;
    const utterance = this.options.utterance(text);
    utterance.lang = this.options.lang;
    if (this.options.voice) utterance.voice = this.options.voice;
    utterance.rate = this.options.rate;
    const base = position.offset;
    utterance.onboundary = (event) => {
      if (token !== this.token || event.name === 'sentence') return;
      position.offset = base + event.charIndex;
    };
    utterance.onend = () => {
      if (token !== this.token) return;
      position.chunk++;
      position.offset = 0;
      if (position.chunk < chunks.length) this.speakFromPosition();
      else this.advance();
    };
    utterance.onerror = (event) => {
      if (token !== this.token) return;
      if (event.error === 'interrupted' || event.error === 'canceled') return;
      this.stop();
      this.options.onError(event.error);
    };
    this.changed();
    this.options.engine.speak(utterance);
  }

  private advance(): void {
    const segments = this.options.segments();
    const next = segments[this.indexOfPosition(segments) + 1];
    if (!next) return this.stop();
    this.position = { element: next.element, chunk: 0, offset: 0 };
    this.speakFromPosition();
  }
}
