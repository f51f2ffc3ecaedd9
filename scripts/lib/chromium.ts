// Debian's Chromium for the browser tests (Playwright's own browser download cannot work here), with a CJK font so
// Chinese renders as text, not boxes. Installed with apt-get when we are root; otherwise we stop with the command.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const FONT_DIR = '/usr/share/fonts/truetype/wqy';
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium fonts-wqy-microhei';

export function ensureChromium(log: (line: string) => void = console.log): string {
  if (existsSync(CHROMIUM) && existsSync(FONT_DIR)) return CHROMIUM;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    throw new Error(
      `Chromium or the Chinese font is missing. Install them as root, then run the tests again:\n  ${INSTALL_COMMAND}`,
    );
  }
  log(`Installing Chromium and fonts-wqy-microhei (${INSTALL_COMMAND}) …`);
  execFileSync('bash', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL_COMMAND} -qq`], { stdio: 'inherit' });
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is still missing after: ${INSTALL_COMMAND}`);
  return CHROMIUM;
}

/**
 * Flags that keep Chromium quiet on a machine with no network but loopback: without the background-networking ones it
 * opens connections the closed network refuses, many at a time, and looks up Google's hosts at every start.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How the browser tests launch the Chromium that their jest project's global setup found (it sets CHROMIUM_PATH). */
export function chromiumForTests(): { executablePath: string; args: string[] } {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error("CHROMIUM_PATH is not set: run through jest (the project's global setup finds Chromium)");
  return { executablePath, args: CHROMIUM_ARGS };
}

/** The phone the H5 app is tested on: 375×812 at twice the density, in Chinese, by touch. */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  isMobile: true,
  hasTouch: true,
};
