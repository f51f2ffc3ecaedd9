// The browser tests need Debian's Chromium, the local stack, and the H5 build served against that stack's API.
import { ensureChromium } from '../scripts/lib/chromium';
import { h5Once } from './stack-once';

export default async function browserGlobalSetup(): Promise<void> {
  process.env.CHROMIUM_PATH = ensureChromium();
  await h5Once();
}
