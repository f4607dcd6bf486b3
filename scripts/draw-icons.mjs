#!/usr/bin/env node
/**
 * Draws icons/icon-{16,32,48,128}.png from SVG, rendered by headless Chromium (Debian's /usr/bin/chromium).
 * The mark: a clean page (heading bar, text lines) on a teal tile, with an amber "1": read it once.
 * Small sizes drop detail instead of shrinking it, so the 16 px icon stays crisp.
 *
 *   node scripts/draw-icons.mjs
 */
import { chromium } from 'playwright';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEAL_TOP = '#12858b';
const TEAL_BOTTOM = '#0a5b61';
const INK = '#0b4d52';
const AMBER = '#f2a516';

/** Every drawing is on a 128-unit grid; `detail` chooses how much survives at a size. */
function svg(size) {
  const detail = size >= 48 ? 'full' : size >= 32 ? 'medium' : 'small';
  const lines =
    detail === 'full'
      ? [[47, 56], [47, 66], [47, 76], [47, 86]]
      : detail === 'medium'
        ? [[47, 60], [47, 74], [47, 88]]
        : [[44, 62], [44, 82]];
  const lineWidth = detail === 'full' ? 5 : detail === 'medium' ? 7 : 11;
  const pageX = detail === 'small' ? 26 : 30;
  const pageW = detail === 'small' ? 76 : 68;
  const lineEnd = pageX + pageW - 14;
  const textLines = lines
    .map(([x, y], i) => {
      const end = i === lines.length - 1 ? lineEnd - 16 : lineEnd;
      return `<line x1="${x}" y1="${y}" x2="${end}" y2="${y}" stroke="${INK}" stroke-width="${lineWidth}" stroke-linecap="round" opacity="0.78"/>`;
    })
    .join('');
  const heading =
    detail === 'small'
      ? `<rect x="${pageX + 14}" y="34" width="${pageW - 28}" height="13" rx="3" fill="${TEAL_TOP}"/>`
      : `<rect x="${pageX + 14}" y="32" width="${pageW - 34}" height="10" rx="3" fill="${TEAL_TOP}"/>`;
  const badge =
    detail === 'full'
      ? `<circle cx="96" cy="96" r="22" fill="${AMBER}" stroke="${TEAL_BOTTOM}" stroke-width="5"/>
         <path d="M92 87 L99 82 L99 110" fill="none" stroke="#3a2300" stroke-width="6.5" stroke-linecap="round" stroke-linejoin="round"/>`
      : detail === 'medium'
        ? `<circle cx="98" cy="98" r="18" fill="${AMBER}" stroke="${TEAL_BOTTOM}" stroke-width="6"/>`
        : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${TEAL_TOP}"/><stop offset="1" stop-color="${TEAL_BOTTOM}"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="28" fill="url(#g)"/>
  <path d="M${pageX} 22 h${pageW - 16} l16 16 v${106 - 38 - 4} a6 6 0 0 1 -6 6 h-${pageW - 12} a6 6 0 0 1 -6 -6 v-${106 - 22 - 10} a6 6 0 0 1 6 -6 z" fill="#ffffff"/>
  <path d="M${pageX + pageW - 16} 22 v12 a4 4 0 0 0 4 4 h12 z" fill="#cfe6e7"/>
  ${heading}${textLines}${badge}
</svg>`;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await mkdir(join(ROOT, 'icons'), { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    const file = join(ROOT, 'icons', `icon-${size}.png`);
    await page.locator('svg').screenshot({ path: file, omitBackground: true });
    console.log(`wrote ${file.replace(ROOT + '/', '')}`);
  }
  // A contact sheet of the PNGs themselves, scaled up with hard pixels: only for looking at them.
  await page.setViewportSize({ width: 900, height: 560 });
  const { readFile } = await import('node:fs/promises');
  const images = [];
  for (const size of [16, 32, 48, 128]) {
    const data = (await readFile(join(ROOT, 'icons', `icon-${size}.png`))).toString('base64');
    images.push(`<img src="data:image/png;base64,${data}" width="${Math.min(size * 8, 384)}" style="image-rendering:pixelated">`);
  }
  await page.setContent(`<body style="margin:20px;background:#e8e8e8;display:flex;gap:24px;align-items:end">${images.join('')}</body>`);
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'test-results', 'icons-sheet.png') });
} finally {
  await browser.close();
}
