// Helpers for the browser tests: Debian's Chromium through playwright-core at a phone's size, screenshots into the
// git-ignored .artifacts/screenshots, and a check that Chinese text renders as glyphs rather than boxes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
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

// Taro's H5 router keeps earlier pages in the DOM, hidden, so every lookup keeps to what a person can see, in the
// page or in one part of it (a card).
export const visibleText = (scope: Page | Locator, value: string) =>
  scope.getByText(value, { exact: true }).filter({ visible: true }).first();
/** The inner <input>/<textarea> of a Taro field labelled for people (aria-label on the Taro component). */
export const visibleField = (scope: Page | Locator, label: string) =>
  scope
    .locator(
      `input[aria-label="${label}"], textarea[aria-label="${label}"], [aria-label="${label}"] input, [aria-label="${label}"] textarea`,
    )
    .filter({ visible: true })
    .first();
/** Every visible element matching `selector`, optionally containing `hasText`. */
export const visible = (page: Page, selector: string, hasText?: string) =>
  page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true });

/** Logs in on 我的 with the development login (nickname and role label), logging out whoever was in first. */
export async function devLogin(page: Page, nickname: string, roleLabel: '普通用户' | '管理员' | '评委'): Promise<void> {
  await page.goto(h5('/pages/me/index'));
  const logout = visibleText(page, '退出登录');
  // The page shows either the login form or, for someone still logged in, 退出登录: wait for one of them to render.
  await logout.or(visibleField(page, '昵称')).first().waitFor();
  if (await logout.isVisible()) await logout.click();
  await visibleField(page, '昵称').fill(nickname);
  await visibleText(page, roleLabel).click();
  await visibleText(page, '登录').click();
  await page.getByText(nickname).filter({ visible: true }).first().waitFor();
}

/** A screenshot of what a person sees now, once the last action's toast has gone, with its Chinese checked to render. */
export async function shot(page: Page, name: string): Promise<void> {
  await page
    .locator('.taro__toast')
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  expect(await rendersChinese(page)).toBe(true);
  await screenshot(page, name);
}
