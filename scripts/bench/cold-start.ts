// The code-loading part of a cold start: each function's deployment zip (npm run package), unzipped, and its handler
// file required in a fresh `node` process, timed inside that process (node's own start is not in the figure). An empty
// module required the same way, in the same rounds, is the floor to compare with. Each require is timed as wall-clock
// time and as the child's CPU time, which other processes on a shared machine barely move. The first invocation's
// work (parsing the configuration, building the clients in app()) comes after this and is not in the figure.
//
// Run:  npm run bench -- cold-start        (or: npx tsx scripts/bench/cold-start.ts)
// Options (environment): BENCH_COLD_REPEATS (3, at least 3), BENCH_PACKAGE_DIR (copy the zips there for size.ts),
// BENCH_COLD_BASELINE (a directory of another commit's zips, from its `npm run package`: each of its functions is
// required in the same rounds, interleaved, and the two medians are compared as a ratio).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions } from '../../infra/functions.cjs';
import { packageService, ZIP_LIMIT_KB } from '../package';
import { emitResult, envInt, fmt, median, textTable, verdict } from './lib/result';

const REPEATS = Math.max(3, envInt('BENCH_COLD_REPEATS', 3));
const TARGET_MS = 150;
const OUT = join(__dirname, '..', '..', '.package', 'serverless');

/** Runs in the child: only the require is timed. */
const PROBE = `
const file = process.argv[2], exported = process.argv[3];
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const mod = require(file);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
if (exported && typeof mod[exported] !== 'function') { console.error(file + ' exports no function ' + exported); process.exit(1); }
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;

/** 'functions/src/handlers/stats.read' → the file functions/src/handlers/stats.js and its export `read`. */
function handlerOf(handler: string): { file: string; exported: string } {
  const dot = handler.lastIndexOf('.');
  return { file: `${handler.slice(0, dot)}.js`, exported: handler.slice(dot + 1) };
}

interface Timing {
  ms: number;
  cpuMs: number;
}

function requireTime(probe: string, file: string, exported: string): Timing {
  // What a Lambda has: no NODE_OPTIONS, no loaders, nothing of this shell's environment.
  const env = { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const out = execFileSync(process.execPath, [probe, file, exported], { env, encoding: 'utf8' });
  return JSON.parse(out) as Timing;
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'cic-bench-cold-'));
  try {
    console.log(`Cold start benchmark · ${REPEATS} fresh processes per function`);
    const t0 = performance.now();
    const { zips } = packageService();
    console.log(`packaged ${zips.length} functions in ${fmt((performance.now() - t0) / 1000)} s`);
    // Copied at once: another `npm run package` (npm test runs one) empties .package/serverless.
    const keep = process.env.BENCH_PACKAGE_DIR;
    if (keep) mkdirSync(keep, { recursive: true });
    for (const z of zips) {
      const zip = join(OUT, `${z.name}.zip`);
      if (keep) copyFileSync(zip, join(keep, `${z.name}.zip`));
      execFileSync('unzip', ['-q', '-o', zip, '-d', join(work, z.name)]);
    }

    const probe = join(work, 'probe.cjs');
    writeFileSync(probe, PROBE);
    const empty = join(work, 'empty.js');
    writeFileSync(empty, 'module.exports = {};\n');
    const targets = Object.entries(functions).map(([name, fn]) => {
      const { file, exported } = handlerOf(fn.handler);
      const path = join(work, name, file);
      if (!existsSync(path)) throw new Error(`${name}.zip has no ${file}`);
      return { name, path, exported, kb: zips.find((z) => z.name === name)?.kb ?? 0, runs: [] as Timing[] };
    });
    const other = process.env.BENCH_COLD_BASELINE;
    const compared = other ? baselineTargets(other, work) : [];

    // Round by round over every function, so that a noisy moment spreads over all of them.
    const baseline: Timing[] = [];
    for (let round = 0; round < REPEATS; round += 1) {
      baseline.push(requireTime(probe, empty, ''));
      for (const t of targets) {
        t.runs.push(requireTime(probe, t.path, t.exported));
        const c = compared.find((b) => b.name === t.name);
        if (c) c.runs.push(requireTime(probe, c.path, c.exported));
      }
    }

    const byFunction = targets
      .map((t) => ({
        ...t,
        median: median(t.runs.map((r) => r.ms)),
        max: Math.max(...t.runs.map((r) => r.ms)),
        cpuMedian: median(t.runs.map((r) => r.cpuMs)),
      }))
      .sort((a, b) => b.median - a.median);
    const medians = byFunction.map((f) => f.median);
    const cpuMedians = byFunction.map((f) => f.cpuMedian);
    const worst = byFunction[0];
    const emptyMs = median(baseline.map((r) => r.ms));
    console.log('');
    console.log(
      textTable(
        ['function', 'zip KB', 'require median ms', 'max ms', 'CPU median ms'],
        byFunction.slice(0, 8).map((f) => [f.name, fmt(f.kb), fmt(f.median), fmt(f.max), fmt(f.cpuMedian)]),
      ),
    );
    console.log(`(${byFunction.length - 8} more, down to ${fmt(Math.min(...medians))} ms) · empty module: ${fmt(emptyMs, 2)} ms`);
    const maxMedian = worst?.median ?? 0;
    const overLimit = zips.filter((z) => z.kb > ZIP_LIMIT_KB);
    const sameRun = compared.length > 0 ? comparison(byFunction, compared) : undefined;
    if (sameRun) console.log(`against ${other}: ${sameRun.text}`);
    emitResult({
      rows: [
        ...(sameRun
          ? [
              {
                metric: `cold start: this commit / the baseline's zips, same rounds (${sameRun.functions} functions)`,
                value: sameRun.text,
                target: '—',
                verdict: 'info' as const,
              },
            ]
          : []),
        {
          metric: `cold start: require() of the handler, median over ${byFunction.length} functions (${REPEATS} runs each)`,
          value: `${fmt(median(medians))} ms (CPU ${fmt(median(cpuMedians))} ms; empty module ${fmt(emptyMs, 2)} ms)`,
          target: `≤ ${TARGET_MS} ms`,
          verdict: verdict(median(medians) <= TARGET_MS),
        },
        {
          metric: 'cold start: slowest function (its median)',
          value: `${fmt(maxMedian)} ms (${worst?.name ?? '—'}; its slowest run ${fmt(worst?.max ?? 0)} ms; slowest CPU median ${fmt(Math.max(...cpuMedians))} ms)`,
          target: `≤ ${TARGET_MS} ms`,
          verdict: verdict(maxMedian <= TARGET_MS),
        },
      ],
      figures: {
        repeats: REPEATS,
        emptyModuleMs: emptyMs,
        medianMs: median(medians),
        maxMedianMs: maxMedian,
        cpuMedianMs: median(cpuMedians),
        cpuMaxMedianMs: Math.max(...cpuMedians),
        functions: Object.fromEntries(
          byFunction.map((f) => [f.name, { medianMs: f.median, maxMs: f.max, cpuMedianMs: f.cpuMedian, zipKb: f.kb }]),
        ),
        zips: { count: zips.length, maxKb: zips[0]?.kb, minKb: zips.at(-1)?.kb, overLimit: overLimit.map((z) => z.name) },
        ...(sameRun ? { baseline: { dir: other, ...sameRun.figures } } : {}),
      },
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The functions of another commit's zips that this commit also has, unzipped beside them. */
function baselineTargets(dir: string, work: string): { name: string; path: string; exported: string; runs: Timing[] }[] {
  return Object.entries(functions).flatMap(([name, fn]) => {
    const zip = join(dir, `${name}.zip`);
    if (!existsSync(zip)) return [];
    const into = join(work, 'baseline', name);
    mkdirSync(into, { recursive: true });
    execFileSync('unzip', ['-q', '-o', zip, '-d', into]);
    const { file, exported } = handlerOf(fn.handler);
    const path = join(into, file);
    return existsSync(path) ? [{ name, path, exported, runs: [] as Timing[] }] : [];
  });
}

/** This commit against the baseline over the functions both have: the medians of their medians, and the ratio. */
function comparison(
  mine: { name: string; median: number; cpuMedian: number }[],
  theirs: { name: string; runs: Timing[] }[],
): { functions: number; text: string; figures: Record<string, number> } {
  const both = mine.filter((m) => theirs.some((t) => t.name === m.name));
  const theirMedian = (pick: (r: Timing) => number) =>
    median(theirs.filter((t) => both.some((m) => m.name === t.name)).map((t) => median(t.runs.map(pick))));
  const figures = {
    medianMs: median(both.map((m) => m.median)),
    baselineMedianMs: theirMedian((r) => r.ms),
    cpuMedianMs: median(both.map((m) => m.cpuMedian)),
    baselineCpuMedianMs: theirMedian((r) => r.cpuMs),
  };
  const ratio = figures.medianMs / figures.baselineMedianMs;
  const cpuRatio = figures.cpuMedianMs / figures.baselineCpuMedianMs;
  return {
    functions: both.length,
    text: `${fmt(figures.medianMs)} vs ${fmt(figures.baselineMedianMs)} ms: ${fmt(ratio, 2)}× (CPU ${fmt(figures.cpuMedianMs)} vs ${fmt(figures.baselineCpuMedianMs)} ms: ${fmt(cpuRatio, 2)}×)`,
    figures: { ...figures, ratio, cpuRatio },
  };
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
