// npm run check:weapp — checks the WeChat build as WeChat would, on this machine and offline:
//   1. builds miniapp/dist/weapp (unless --no-build);
//   2. compiles every .wxml/.wxs with wcc and every .wxss with wcsc (WeChat's own compilers), runs each page's
//      compiled template through the WXML runtime, and makes DevTools' configuration checks (static-check.ts);
//   3. renders every page of the built app.json in WeChat's component framework (miniprogram-simulate) against a local
//      stack, with the taps of the main flows: the jest project `weapp` (miniapp/test/weapp). Skipped with --static.
// Options: --dir <build folder> (default miniapp/dist/weapp), --no-build, --static.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildWeapp, WEAPP_DIST } from '../lib/weapp';
import { formatProblem } from './problems';
import { checkWeappBuild } from './static-check';
import { RENDERED_PAGES_FILE, type RenderedPages } from './rendered-pages';

const ROOT = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const dir = resolve(dirArg >= 0 && args[dirArg + 1] ? args[dirArg + 1]! : WEAPP_DIST);

async function main(): Promise<boolean> {
  if (!args.includes('--no-build')) {
    console.log('Building the weapp package (taro build --type weapp) …');
    buildWeapp();
  }

  const report = await checkWeappBuild(dir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`\nWeChat's compilers on ${dir}:`);
  console.log(`  wcc:  ${report.wxmlFiles} .wxml/.wxs files compiled`);
  console.log(`  wcsc: ${report.wxssFiles} .wxss files compiled`);
  console.log(`  WXML runtime: ${report.templatesRun} of ${report.pages.length} page templates rendered`);
  console.log(`  packages: ${report.packages.map((p) => `${p.root || 'main'} ${kb(p.bytes)}`).join(', ')} (each ≤ 2 MB)`);
  for (const p of report.problems) console.log(`  ✗ ${formatProblem(p)}`);
  let failed = report.problems.length > 0;
  console.log(
    failed
      ? `\n${report.problems.length} problem(s) WeChat would refuse.`
      : '\nEvery file compiles and the configuration is valid.',
  );

  if (!args.includes('--static') && !failed) {
    const resultFile = join(ROOT, RENDERED_PAGES_FILE);
    rmSync(resultFile, { force: true });
    console.log('\nRendering every page in miniprogram-simulate (jest project weapp) …');
    const jest = spawnSync('npx', ['jest', '--selectProjects', 'weapp'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, WEAPP_DIST: dir, WEAPP_BUILT: '1' },
    });
    const rendered = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as RenderedPages) : undefined;
    console.log(
      `\nminiprogram-simulate: ${rendered?.pages.length ?? 0} of ${report.pages.length} pages of app.json rendered with their content`,
    );
    if (jest.status !== 0) failed = true;
    if (!rendered || report.pages.some((p) => !rendered.pages.includes(p))) {
      const missing = report.pages.filter((p) => !rendered?.pages.includes(p));
      console.log(`  ✗ not rendered: ${missing.join(', ')}`);
      failed = true;
    }
  }
  return !failed;
}

main().then(
  (ok) => (process.exitCode = ok ? 0 : 1),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    process.exitCode = 1;
  },
);
