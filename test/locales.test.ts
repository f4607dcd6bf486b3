/**
 * Every interface string exists in every locale ReadOnce ships (the five languages its cleaning rules know, plus
 * Japanese and Simplified Chinese), with the same placeholders as English, and is translated: a locale that lacks
 * a key, has one English does not, names a placeholder differently, or leaves an English sentence in place fails
 * here. Also: every key the code and pages ask for (t('…'), data-i18n…, __MSG_…__) exists.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCALES_DIR = join(ROOT, '_locales');
export const REQUIRED_LOCALES = ['en', 'de', 'fr', 'es', 'ru', 'ja', 'zh_CN'];

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

function load(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

/** The placeholders a message uses: named ($COUNT$, any case, as Chrome reads them) and positional ($1). */
function usedPlaceholders(m: Message): string[] {
  const named = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/gu)].map((x) => `$${x[1]!.toLowerCase()}$`);
  const positional = [...m.message.replace(/\$[A-Za-z0-9_@]+\$/gu, '').matchAll(/\$(\d)/gu)].map((x) => `$${x[1]}`);
  return [...new Set([...named, ...positional])].sort();
}

/** Each declared placeholder's name (lower case) and what it stands for ($1, $2). */
function declaredPlaceholders(m: Message): string[] {
  return Object.entries(m.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();
}

/**
 * Messages that are the same as English on purpose: the product's name, and words other languages take as they
 * are. Anything else identical to English is a string left untranslated.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  '*': ['extName', 'popupTitle', 'listenSpeedValue'],
  de: ['lineHeightNormal', 'themeSepia', 'listenPause'],
  fr: ['openOptions', 'lineHeightNormal', 'optionsSitesLabel', 'optionsImagesLegend', 'listenPause'],
  es: ['lineHeightNormal', 'themeSepia'],
};

const en = load('en');

describe('locales', () => {
  it('ships every required locale, and English is the default', () => {
    const present = readdirSync(LOCALES_DIR).sort();
    for (const locale of REQUIRED_LOCALES) assert.ok(present.includes(locale), `_locales/${locale} is missing`);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { default_locale: string };
    assert.equal(manifest.default_locale, 'en');
  });

  for (const locale of REQUIRED_LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const messages = load(locale);

      it('has exactly the keys English has', () => {
        const missing = Object.keys(en).filter((key) => !(key in messages));
        const extra = Object.keys(messages).filter((key) => !(key in en));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
      });

      it('uses and declares the same placeholders as English in every message', () => {
        const wrong: string[] = [];
        for (const [key, english] of Object.entries(en)) {
          const m = messages[key];
          if (!m) continue;
          const used = usedPlaceholders(m).join(' ');
          const declared = declaredPlaceholders(m).join(' ');
          if (used !== usedPlaceholders(english).join(' ')) wrong.push(`${key}: uses ${used || 'none'}, English ${usedPlaceholders(english).join(' ') || 'none'}`);
          if (declared !== declaredPlaceholders(english).join(' ')) wrong.push(`${key}: declares ${declared || 'none'}, English ${declaredPlaceholders(english).join(' ') || 'none'}`);
        }
        assert.deepEqual(wrong, []);
      });

      it('translates every message (none empty, none left in English)', () => {
        const allowed = new Set([...(SAME_AS_ENGLISH['*'] ?? []), ...(SAME_AS_ENGLISH[locale] ?? [])]);
        const empty = Object.entries(messages).filter(([, m]) => typeof m.message !== 'string' || m.message.trim() === '').map(([k]) => k);
        const english = Object.entries(messages)
          .filter(([key, m]) => !allowed.has(key) && en[key] && m.message === en[key]!.message)
          .map(([key]) => key);
        assert.deepEqual({ empty, english }, { empty: [], english: [] });
      });
    });
  }

  it('has every key that the code, the pages and the manifest ask for', () => {
    const asked = new Map<string, string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
    for (const file of [...walk(join(ROOT, 'src')), join(ROOT, 'manifest.json')]) {
      if (!/\.(ts|html|json)$/u.test(file) || file.includes(`${join('src', 'core')}`)) continue;
      const text = readFileSync(file, 'utf8');
      const patterns = [/\bt\(\s*'([A-Za-z0-9_]+)'/gu, /data-i18n(?:-title|-aria-label|-placeholder)?="([A-Za-z0-9_]+)"/gu, /__MSG_([A-Za-z0-9_]+)__/gu, /\b[A-Z_]*KEYS?\b[^=]*=\s*[{[]([^;]*?)[}\]];/gsu];
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
          const found = pattern.source.includes('KEYS') ? [...match[1]!.matchAll(/'([a-z][A-Za-z0-9]+)'/gu)].map((m) => m[1]!) : [match[1]!];
          for (const key of found) asked.set(key, relative(ROOT, file));
        }
      }
    }
    const missing = [...asked].filter(([key]) => !(key in en) && key !== 'key').map(([key, file]) => `${key} (${file})`);
    assert.ok(asked.size > 150, `found only ${asked.size} keys asked for: the scan is broken`);
    assert.deepEqual(missing, []);
  });
});
