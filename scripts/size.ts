// npm run size: builds the WeChat package and prints the main package's size against the 512 KB target
// (WeChat's own limit is 2 MB per package).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const MINIAPP = join(__dirname, '..', 'miniapp');
const DIST = join(MINIAPP, 'dist', 'weapp');
const TARGET_KB = 512;
const WECHAT_LIMIT_KB = 2048;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

if (process.argv[2] !== '--no-build') {
  console.log('Building the weapp package (taro build --type weapp) …');
  execFileSync('npm', ['run', 'build:weapp'], {
    cwd: MINIAPP,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Subpackage roots, as app.json lists them after the build. */
const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
const everything = files(DIST)
  .filter((f) => !f.endsWith('.LICENSE.txt') && !f.endsWith('project.config.json'))
  .map((f) => ({ file: relative(DIST, f), bytes: statSync(f).size }))
  .sort((a, b) => b.bytes - a.bytes);
const inRoot = (file: string, root: string) => file === root || file.startsWith(`${root}/`);
const all = everything.filter((f) => !roots.some((r) => inRoot(f.file, r)));
const kb = (list: { bytes: number }[]) => list.reduce((sum, f) => sum + f.bytes, 0) / 1024;
const totalKb = kb(all);
console.log('\nLargest files of the main package:');
for (const f of all.slice(0, 8)) console.log(`  ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  ${f.file}`);
for (const root of roots) {
  const sub = everything.filter((f) => inRoot(f.file, root));
  console.log(`subpackage ${root}/: ${kb(sub).toFixed(1)} KB in ${sub.length} files`);
}
console.log(`total: ${kb(everything).toFixed(1)} KB`);
console.log(`\nmain package: ${totalKb.toFixed(1)} KB in ${all.length} files`);
console.log(`target ≤ ${TARGET_KB} KB: ${totalKb <= TARGET_KB ? 'PASS' : 'FAIL'} · ${((100 * totalKb) / WECHAT_LIMIT_KB).toFixed(1)}% of WeChat's ${WECHAT_LIMIT_KB / 1024} MB limit`);
process.exitCode = totalKb <= WECHAT_LIMIT_KB ? 0 : 1;
