// npm run bench [-- api match search cold-start size]: runs each benchmark in its own process, one after the other
// (never two at once: they would measure each other), shows their output as it comes, and ends with one table of
// every figure against its target. BENCHMARKS.md explains each figure.
//
// Exit code: 1 when a benchmark could not run; a missed target is a FAIL in the table (and exit 1 with BENCH_STRICT=1).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fmt, RESULT_PREFIX, textTable, verdict, type BenchResult, type Row } from './lib/result';

const ROOT = join(__dirname, '..', '..');
const BENCH = join(ROOT, 'scripts', 'bench');

interface MatchFigures {
  itemsRatio: number;
  timeRatio: number;
  p50Ms: number;
  p95Ms: number;
  percolatorItemsMedian: number;
  scanItemsMedian: number;
  mismatches: number;
}

/** scripts/bench/match.ts predates the common result shape: its figures become rows here. */
function matchRows(f: MatchFigures): Row[] {
  const subscriptions = Number(process.env.BENCH_SUBSCRIPTIONS) > 0 ? Number(process.env.BENCH_SUBSCRIPTIONS) : 1_000_000;
  return [
    {
      metric: `alert fan-out: subscriptions read per new demand, scan / percolator (${fmt(subscriptions, 0)} subscriptions, median)`,
      value: `${fmt(f.itemsRatio)}× fewer (${fmt(f.percolatorItemsMedian, 0)} vs ${fmt(f.scanItemsMedian, 0)})`,
      target: '≥ 100×',
      verdict: verdict(f.itemsRatio >= 100),
    },
    {
      metric: 'alert fan-out: percolator time per demand p50 / p95',
      value: `${fmt(f.p50Ms)} / ${fmt(f.p95Ms)} ms (the scan takes ${fmt(f.timeRatio)}× as long)`,
      target: '≤ 1,000 ms',
      verdict: verdict(f.p50Ms <= 1000 && f.p95Ms <= 1000),
    },
    {
      metric: 'alert fan-out: same matches as the full scan',
      value: `${f.mismatches} demands differ`,
      target: '0',
      verdict: verdict(f.mismatches === 0),
    },
  ];
}

interface Bench {
  name: string;
  aliases: string[];
  /** Node's arguments: every bench runs TypeScript through tsx's loader. */
  args: string[];
  rows?: (figures: unknown) => Row[];
}

const BENCHES: Bench[] = [
  { name: 'api', aliases: ['api-overhead'], args: [join(BENCH, 'api-overhead.ts')] },
  // Both hold big in-memory structures (the matcher ~2 GB, the search index ~3.5 GB at 100,000 demands).
  {
    name: 'match',
    aliases: ['alerts', 'fan-out'],
    args: ['--max-old-space-size=8192', join(BENCH, 'match.ts')],
    rows: (figures) => matchRows(figures as MatchFigures),
  },
  { name: 'search', aliases: [], args: ['--max-old-space-size=8192', '--expose-gc', join(BENCH, 'search.ts')] },
  { name: 'cold-start', aliases: ['cold'], args: [join(BENCH, 'cold-start.ts')] },
  { name: 'size', aliases: ['sizes'], args: [join(BENCH, 'size.ts')] },
];

function selected(names: string[]): Bench[] {
  if (names.length === 0) return BENCHES;
  return names.map((name) => {
    const bench = BENCHES.find((b) => b.name === name || b.aliases.includes(name));
    if (!bench) throw new Error(`no benchmark "${name}": choose from ${BENCHES.map((b) => b.name).join(', ')}`);
    return bench;
  });
}

function machine(): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return `${cpus().length} cores (${model}) · ${fmt(totalmem() / 1024 ** 3, 0)} GB RAM · node ${process.version} · ${new Date().toISOString()}`;
}

const load = () =>
  loadavg()
    .map((l) => fmt(l, 2))
    .join(' ');

interface Outcome {
  bench: Bench;
  seconds: number;
  loadBefore: string;
  result?: BenchResult;
  error?: string;
}

function run(bench: Bench, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const loadBefore = load();
  const started = performance.now();
  console.log(`\n━━ ${bench.name} ━━ (load average ${loadBefore})`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...bench.args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let raw: string | undefined;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(RESULT_PREFIX)) raw = line.slice(RESULT_PREFIX.length);
      else console.log(line);
    });
    child.once('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const outcome: Outcome = { bench, seconds, loadBefore };
      if (raw === undefined) outcome.error = `ended (${signal ?? `code ${code}`}) without a result`;
      else {
        try {
          const parsed: unknown = JSON.parse(raw);
          outcome.result = bench.rows ? { rows: bench.rows(parsed) } : (parsed as BenchResult);
        } catch (err) {
          outcome.error = `unreadable result: ${(err as Error).message}`;
        }
      }
      resolve(outcome);
    });
  });
}

async function main(): Promise<number> {
  const benches = selected(process.argv.slice(2));
  const about = machine();
  console.log(`Benchmarks: ${benches.map((b) => b.name).join(', ')} · ${about}`);
  const packageDir = mkdtempSync(join(tmpdir(), 'cic-bench-zips-'));
  const env = { ...process.env, BENCH_PACKAGE_DIR: packageDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const outcomes: Outcome[] = [];
  try {
    for (const bench of benches) outcomes.push(await run(bench, env));
  } finally {
    rmSync(packageDir, { recursive: true, force: true });
  }

  const rows = outcomes.flatMap((o) =>
    o.result
      ? o.result.rows.map((r) => [o.bench.name, r.metric, r.value, r.target, r.verdict])
      : [[o.bench.name, 'did not run to the end', o.error ?? '', '', 'ERROR']],
  );
  console.log(`\n━━ Summary ━━ ${about}\n`);
  console.log(textTable(['bench', 'metric', 'value', 'target', 'result'], rows));
  console.log(
    `\n${outcomes.map((o) => `${o.bench.name} ${fmt(o.seconds, 0)} s (load ${o.loadBefore})`).join(' · ')} · load average now ${load()}`,
  );
  const failed = rows.filter((r) => r[4] === 'FAIL').length;
  const errors = outcomes.filter((o) => o.error).length;
  console.log(
    `${failed} target${failed === 1 ? '' : 's'} missed${errors ? `, ${errors} benchmark${errors === 1 ? '' : 's'} did not finish` : ''}`,
  );
  return errors > 0 || (process.env.BENCH_STRICT === '1' && failed > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
