// What every benchmark prints last: one `BENCH_RESULT <json>` line that scripts/bench/index.ts collects into the
// summary table. Rows are already judged against their target, so the summary needs no knowledge of each bench.

export type Verdict = 'PASS' | 'FAIL' | 'info';

export interface Row {
  metric: string;
  value: string;
  target: string;
  verdict: Verdict;
}

export interface BenchResult {
  rows: Row[];
  /** The raw figures, for anyone who wants more than the table. */
  figures?: Record<string, unknown>;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

export function emitResult(result: BenchResult): void {
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}

export const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');

/** The nearest-rank percentile (p in 0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A positive integer from the environment, or the fallback. */
export function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

export { seededRandom } from '../../lib/seeded-random';

/** Plain-text table with a header and a rule, columns padded to their widest cell (counting a Han character as two). */
export function textTable(header: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/u.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
