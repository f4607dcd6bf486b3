/**
 * Which of the browser's voices can read an article: those of its language. Pure (voices are plain objects
 * here), so tests need no speech engine. Voice languages come as BCP 47 tags ("de-DE", "en-GB-x-rp") or, from
 * espeak-ng through speech-dispatcher on Linux, as its own codes: Mandarin is "cmn", Cantonese "yue".
 */

export interface VoiceInfo {
  name: string;
  lang: string;
  voiceURI: string;
  default: boolean;
  localService: boolean;
}

/** Language codes that stand for one another when matching a voice to an article. */
const SAME_LANGUAGE: Record<string, readonly string[]> = {
  zh: ['zh', 'cmn', 'yue'],
  cmn: ['cmn', 'zh'],
  yue: ['yue', 'zh'],
  no: ['no', 'nb', 'nn'],
  nb: ['nb', 'no'],
  he: ['he', 'iw'],
  iw: ['iw', 'he'],
  id: ['id', 'in'],
  fil: ['fil', 'tl'],
  tl: ['tl', 'fil'],
};

/** "de-AT" -> "de"; "" for what is no language tag. */
export function primaryLanguage(tag: string | null | undefined): string {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  return /^[a-z]{2,3}$/u.test(primary) ? primary : '';
}

function region(tag: string): string {
  return (tag.toLowerCase().split(/[-_]/u).find((part, i) => i > 0 && /^([a-z]{2}|\d{3})$/u.test(part)) ?? '').toLowerCase();
}

/**
 * The voices for `lang`, best first: the article's own region ("pt-BR" for a Brazilian page), then the
 * browser's default voice, then voices on this device (no network needed), then by name.
 */
export function voicesFor<V extends VoiceInfo>(voices: readonly V[], lang: string | null | undefined): V[] {
  const primary = primaryLanguage(lang);
  if (!primary) return [];
  const accepted = new Set(SAME_LANGUAGE[primary] ?? [primary]);
  const wantRegion = region(lang ?? '');
  const score = (v: V) =>
    (wantRegion !== '' && region(v.lang) === wantRegion ? 8 : 0) +
    (primaryLanguage(v.lang) === primary ? 4 : 0) +
    (v.default ? 2 : 0) +
    (v.localService ? 1 : 0);
  return voices
    .filter((v) => accepted.has(primaryLanguage(v.lang)))
    .map((v) => ({ v, s: score(v) }))
    .sort((a, b) => b.s - a.s || (a.v.name < b.v.name ? -1 : a.v.name > b.v.name ? 1 : 0))
    .map(({ v }) => v);
}

/** The remembered voice when it is still offered, else the best one; null when none reads the language. */
export function chooseVoice<V extends VoiceInfo>(candidates: readonly V[], remembered: string | undefined): V | null {
  return candidates.find((v) => v.voiceURI === remembered) ?? candidates[0] ?? null;
}

/** "German", "Deutsch": the language's name in the UI's language, or the tag itself when the browser has none. */
export function languageName(lang: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
