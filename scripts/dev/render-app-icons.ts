/**
 * Draws the web app's icons (PNG, 192 and 512 px, plain and maskable) from
 * extension/public/icons/dampingi.svg with the system Chromium. Run after changing the drawing:
 * `npx tsx scripts/dev/render-app-icons.ts`; the PNGs are committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/e2e/support/chromium';

const ICONS = resolve(import.meta.dirname, '../../extension/public/icons');
const svg = readFileSync(join(ICONS, 'dampingi.svg'), 'utf8');

// The plain icon has rounded corners; the maskable one is full bleed (the launcher cuts its own shape).
const variants = [
  { file: 'dampingi-192.png', size: 192, radius: '18%' },
  { file: 'dampingi-512.png', size: 512, radius: '18%' },
  { file: 'dampingi-maskable-192.png', size: 192, radius: '0' },
  { file: 'dampingi-maskable-512.png', size: 512, radius: '0' },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
try {
  for (const { file, size, radius } of variants) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${url}" width="${size}" height="${size}" style="display:block;border-radius:${radius}"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(join(ICONS, file), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
