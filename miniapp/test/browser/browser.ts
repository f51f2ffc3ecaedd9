// Helpers for the browser tests: Debian's Chromium through playwright-core at a phone's size, screenshots into the
// git-ignored .artifacts/screenshots, and a check that Chinese text renders as glyphs rather than boxes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumForTests, PHONE } from '../../../scripts/lib/chromium';

export const SCREENSHOTS = join(__dirname, '..', '..', '..', '.artifacts', 'screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch(chromiumForTests());
}

export async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext(PHONE);
  return context.newPage();
}

export const h5 = (hashPath = '/pages/index/index') => `${process.env.STACK_H5_URL as string}/#${hashPath}`;

/** True when the page's CJK text renders with real glyphs: a box (.notdef) looks the same for every character. */
export async function rendersChinese(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 32;
      const ctx = canvas.getContext('2d');
      if (!ctx) return '';
      ctx.font = `24px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
      ctx.fillText(text, 2, 26);
      return canvas.toDataURL();
    };
    return draw('需') !== draw('求') && draw('需') !== draw('\u{10FFFD}');
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
