// Sizes: the WeChat package (built and measured by scripts/size.ts, whose figures are read from its output so the
// rules of what counts as the main package stay in one place) and every function's deployment zip.
//
// Run:  npm run bench -- size       (or: npx tsx scripts/bench/size.ts)
// BENCH_PACKAGE_DIR: read the zips there (index.ts passes the ones cold-start.ts just built); else package anew.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageService, ZIP_LIMIT_KB } from '../package';
import { emitResult, fmt, verdict, type Row } from './lib/result';

const ROOT = join(__dirname, '..', '..');
const MAIN_TARGET_KB = 512;
const WECHAT_PACKAGE_LIMIT_KB = 2048;
/** WeChat's limit on the main package and every subpackage together. */
const WECHAT_TOTAL_LIMIT_KB = 20 * 1024;

function weapp(): { mainKb: number; totalKb: number; files: number } {
  const t0 = performance.now();
  // The build's progress bars go to stderr: kept, and shown only if it fails.
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'size.ts')], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr.slice(-5000));
    throw new Error(`scripts/size.ts failed (${run.signal ?? `code ${run.status}`})`);
  }
  const out = run.stdout;
  process.stdout.write(out);
  const main = /main package: ([\d.]+) KB in (\d+) files/.exec(out);
  const total = /^total: ([\d.]+) KB/m.exec(out);
  if (!main || !total) throw new Error('scripts/size.ts printed no "main package:" or "total:" line');
  console.log(`(weapp built and measured in ${fmt((performance.now() - t0) / 1000)} s)`);
  return { mainKb: Number(main[1]), totalKb: Number(total[1]), files: Number(main[2]) };
}

function zips(): { name: string; kb: number }[] {
  const dir = process.env.BENCH_PACKAGE_DIR;
  if (dir && existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.zip'))) {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.zip'))
      .map((f) => ({ name: f.replace(/\.zip$/, ''), kb: statSync(join(dir, f)).size / 1024 }))
      .sort((a, b) => b.kb - a.kb);
  }
  return packageService().zips;
}

function main(): void {
  console.log('Size benchmark');
  const app = weapp();
  const all = zips();
  const largest = all[0];
  const smallest = all.at(-1);
  const over = all.filter((z) => z.kb > ZIP_LIMIT_KB);
  console.log(
    `function zips: ${all.length}, largest ${largest?.name} ${fmt(largest?.kb ?? 0)} KB, smallest ${smallest?.name} ${fmt(smallest?.kb ?? 0)} KB`,
  );
  const rows: Row[] = [
    {
      metric: `weapp main package (${app.files} files)`,
      value: `${fmt(app.mainKb)} KB (${fmt((100 * app.mainKb) / WECHAT_PACKAGE_LIMIT_KB)}% of WeChat's 2 MB)`,
      target: `≤ ${MAIN_TARGET_KB} KB`,
      verdict: verdict(app.mainKb <= MAIN_TARGET_KB),
    },
    {
      metric: 'weapp total, main package and subpackages',
      value: `${fmt(app.totalKb)} KB`,
      target: `≤ ${WECHAT_TOTAL_LIMIT_KB / 1024} MB (WeChat)`,
      verdict: verdict(app.totalKb <= WECHAT_TOTAL_LIMIT_KB),
    },
    {
      metric: `function zips: largest / smallest of ${all.length}`,
      value: `${fmt(largest?.kb ?? 0)} KB (${largest?.name}) / ${fmt(smallest?.kb ?? 0)} KB (${smallest?.name})`,
      target: `each ≤ ${ZIP_LIMIT_KB} KB`,
      verdict: verdict(all.length > 0 && over.length === 0),
    },
  ];
  emitResult({
    rows,
    figures: {
      weapp: app,
      zips: { count: all.length, maxKb: largest?.kb, minKb: smallest?.kb, overLimit: over.map((z) => z.name) },
    },
  });
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
