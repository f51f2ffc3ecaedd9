// npm run size: builds the WeChat package and prints the main package's size against the 512 KB target
// (WeChat's own limit is 2 MB per package).
import { buildWeapp, WEAPP_DIST } from './lib/weapp';
import { listBuildFiles, packageSizes, readAppJson, subPackagesOf, type BuildFile } from './weapp/build-files';

const TARGET_KB = 512;
const WECHAT_LIMIT_KB = 2048;

if (process.argv[2] !== '--no-build') {
  console.log('Building the weapp package (taro build --type weapp) …');
  buildWeapp();
}

const [main, ...subs] = packageSizes(listBuildFiles(WEAPP_DIST), subPackagesOf(readAppJson(WEAPP_DIST)));
const kb = (list: BuildFile[]) => list.reduce((sum, f) => sum + f.bytes, 0) / 1024;
const totalKb = main!.bytes / 1024;
console.log('\nLargest files of the main package:');
for (const f of [...main!.files].sort((a, b) => b.bytes - a.bytes).slice(0, 8)) {
  console.log(`  ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  ${f.file}`);
}
for (const sub of subs) console.log(`subpackage ${sub.root}/: ${kb(sub.files).toFixed(1)} KB in ${sub.files.length} files`);
console.log(`total: ${kb([main!, ...subs].flatMap((p) => p.files)).toFixed(1)} KB`);
console.log(`\nmain package: ${totalKb.toFixed(1)} KB in ${main!.files.length} files`);
console.log(
  `target ≤ ${TARGET_KB} KB: ${totalKb <= TARGET_KB ? 'PASS' : 'FAIL'} · ${((100 * totalKb) / WECHAT_LIMIT_KB).toFixed(1)}% of WeChat's ${WECHAT_LIMIT_KB / 1024} MB limit`,
);
process.exitCode = totalKb <= WECHAT_LIMIT_KB ? 0 : 1;
