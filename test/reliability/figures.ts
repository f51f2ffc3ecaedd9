// Figures of the reliability suite. Each test records what it measured; test/reliability-reporter.cjs prints them all
// as one table after the run (`npm run test:reliability`, and as part of `npm test`).
import { appendFileSync } from 'node:fs';

export interface Figure {
  /** The part of the suite: 'bad input', 'authorisation', 'confidentiality', 'faults', 'concurrency', 'rate limits'. */
  section: string;
  name: string;
  value: string | number;
  /** What it should be, e.g. '0' or '≥ 10,000'. */
  target?: string;
  /** Whether the value meets the target (the test also asserts it). */
  pass?: boolean;
}

export function recordFigure(figure: Figure): void {
  const file = process.env.RELIABILITY_FIGURES_FILE;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify(figure)}\n`);
}
