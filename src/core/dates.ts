/**
 * A date as ISO 8601, or null when the text is not one. `publishedTime` is a date a program can read: an
 * infobox's "February 28, 1998; 18 years ago" is a date, "Founded" or a card's "6 min read" is not.
 */

// Month names in the five languages of the phrase lists (src/core/phrases/), with the abbreviations pages
// print ("Sept.", "Mai", "févr.").
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'января', 'январь', 'янв'],
  ['february', 'feb', 'februar', 'février', 'févr', 'fevrier', 'febrero', 'февраля', 'февраль', 'фев'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'марта', 'март', 'мар'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'апреля', 'апрель', 'апр'],
  ['may', 'mai', 'mayo', 'мая', 'май'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'июня', 'июнь', 'июн'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'июля', 'июль', 'июл'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'августа', 'август', 'авг'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'сентября', 'сентябрь', 'сен'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'октября', 'октябрь', 'окт'],
  ['november', 'nov', 'novembre', 'noviembre', 'ноября', 'ноябрь', 'ноя'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'diciembre', 'dic', 'декабря', 'декабрь', 'дек'],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;
const YMD = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/u;
const DMY_NUMERIC = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/u;
const MONTH_DAY_YEAR = new RegExp(`(?<!\\p{L})${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?${MONTH}(?!\\p{L})(?:\\s+de)?,?\\s+(\\d{4})(?!\\d)`, 'iu');

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** The first calendar date in the text, as ISO 8601 (a full timestamp stays one), or null. */
export function toIsoDate(text: string): string | null {
  const t = text.trim();
  if (ISO.test(t)) {
    const iso = t.replace(' ', 'T');
    return Number.isNaN(Date.parse(iso)) ? null : iso;
  }
  let m = YMD.exec(t);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY_YEAR.exec(t);
  if (m) return isoDay(Number(m[3]), MONTHS.get(m[1]!.toLowerCase()) ?? 0, Number(m[2]));
  m = DAY_MONTH_YEAR.exec(t);
  if (m) return isoDay(Number(m[3]), MONTHS.get(m[2]!.toLowerCase()) ?? 0, Number(m[1]));
  m = DMY_NUMERIC.exec(t);
  if (m) {
    // 07.05.2025 is European day-month; with a slash, a first number over 12 is a day, else US month/day.
    const [a, b] = [Number(m[1]), Number(m[2])];
    const dayFirst = t.includes('.') || a > 12;
    return isoDay(Number(m[3]), dayFirst ? b : a, dayFirst ? a : b);
  }
  return null;
}
