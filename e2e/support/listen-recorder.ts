/**
 * What reading aloud does, seen from the page that reads (the popup, or the reader's frame): every utterance
 * handed to speechSynthesis.speak, its start, end or error, and which paragraph was highlighted when it
 * started. The real speechSynthesis still speaks each one: the recorder only wraps speak() to listen in.
 * Installed with `evaluate(installListenRecorder)`; read with `evaluate(spokenSoFar)`.
 */

export interface Spoken {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
  voiceLang: string | null;
  /** The highlighted segment when the utterance started: a block id, 'title', or null. */
  highlighted: string | null;
  /** Whether the highlighted element was inside the scroller's view 800 ms after the start. */
  inView: boolean | null;
  events: string[];
}

/** Runs in the page. No named inner functions: tsx would wrap them in a helper the page lacks. */
export function installListenRecorder(): void {
  const w = window as unknown as { __spoken?: Spoken[] };
  if (w.__spoken) return;
  const log: Spoken[] = [];
  w.__spoken = log;
  const synth = window.speechSynthesis;
  const speak = synth.speak.bind(synth);
  synth.speak = (utterance: SpeechSynthesisUtterance) => {
    const entry: Spoken = {
      text: utterance.text,
      lang: utterance.lang,
      rate: utterance.rate,
      voice: utterance.voice?.name ?? null,
      voiceLang: utterance.voice?.lang ?? null,
      highlighted: null,
      inView: null,
      events: [],
    };
    log.push(entry);
    utterance.addEventListener('start', () => {
      entry.events.push('start');
      const el = document.querySelector('.ro-speaking');
      entry.highlighted = el ? (el.getAttribute('data-ro-block') ?? (el.classList.contains('ro-title') ? 'title' : '?')) : null;
      setTimeout(() => {
        const now = document.querySelector('.ro-speaking');
        const scroller = document.querySelector('#content') ?? document.querySelector('#root');
        if (!now || !scroller) return;
        const box = now.getBoundingClientRect();
        const view = scroller.getBoundingClientRect();
        entry.inView = box.bottom > view.top && box.top < view.bottom;
      }, 800);
    });
    utterance.addEventListener('end', () => entry.events.push('end'));
    utterance.addEventListener('error', (event) => entry.events.push(`error:${event.error}`));
    speak(utterance);
  };
}

export function spokenSoFar(): Spoken[] {
  return (window as unknown as { __spoken?: Spoken[] }).__spoken ?? [];
}

/** The segments read, in order: consecutive utterances under one highlight joined (a paragraph is read sentence by sentence). */
export function segmentsRead(spoken: readonly Spoken[]): { id: string | null; text: string }[] {
  const out: { id: string | null; text: string }[] = [];
  for (const entry of spoken) {
    if (!entry.events.includes('start')) continue;
    const last = out[out.length - 1];
    if (last && last.id === entry.highlighted) last.text = `${last.text} ${entry.text}`.trim();
    else out.push({ id: entry.highlighted, text: entry.text });
  }
  return out;
}
