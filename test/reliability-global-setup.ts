// The reliability suite: the local stack, the H5 build (for the script-injection check in Chromium), and a file the
// tests write their figures to, which test/reliability-reporter.cjs prints as one table at the end.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import browserGlobalSetup from './browser-global-setup';

export default async function reliabilityGlobalSetup(): Promise<void> {
  process.env.RELIABILITY_FIGURES_FILE ??= join(mkdtempSync(join(tmpdir(), 'cic-reliability-')), 'figures.jsonl');
  await browserGlobalSetup();
}
