// The weapp check can fail: copies of the real build, each broken the way WeChat would refuse, are reported with the
// file and line; the build itself passes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEAPP_DIST } from '../lib/weapp';
import { formatProblem, type Problem } from '../weapp/problems';
import { checkWeappBuild } from '../weapp/static-check';

const ROOT = join(__dirname, '..', '..');
const copies: string[] = [];

/** A copy of the build for one test to break. */
function copyOfBuild(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cic-weapp-')), 'dist', 'weapp');
  cpSync(WEAPP_DIST, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
}

function editJson(dir: string, file: string, change: (json: Record<string, unknown>) => void): void {
  edit(dir, file, (text) => {
    const json = JSON.parse(text) as Record<string, unknown>;
    change(json);
    return JSON.stringify(json);
  });
}

const messages = (problems: Problem[]) => problems.map(formatProblem);

afterAll(() => {
  for (const dir of copies) rmSync(join(dir, '..', '..'), { recursive: true, force: true });
});

test('the build as it is: every file compiles, every page template runs, the configuration is valid', async () => {
  const report = await checkWeappBuild(WEAPP_DIST);
  expect(messages(report.problems)).toEqual([]);
  expect(report.wxmlFiles).toBeGreaterThan(report.pages.length);
  expect(report.wxssFiles).toBeGreaterThan(report.pages.length);
  expect(report.templatesRun).toBe(report.pages.length);
  expect(report.pages).toEqual(expect.arrayContaining(['pages/index/index', 'mine/review/index', 'contest/stats/index']));
});

test('a broken tag and a * selector are both reported with file and line, and the command fails', async () => {
  const dir = copyOfBuild();
  writeFileSync(join(dir, 'pages/me/index.wxml'), '<import src="../../base.wxml"/>\n<view class="x">\n  <text>未闭合\n</view>\n');
  edit(dir, 'mine/review/index.wxss', (css) => `${css}\n.review-meta > * { margin-right: 20px; }\n`);

  const problems = messages((await checkWeappBuild(dir)).problems);
  expect(problems).toContainEqual(expect.stringMatching(/^pages\/me\/index\.wxml:4:3: \[wcc\] expect end-tag `text`/));
  expect(problems).toContainEqual(
    expect.stringMatching(/^mine\/review\/index\.wxss:\d+:\d+: \[wcsc\] error at token `\*`\n {4}near: .*\.review-meta > \*/),
  );

  // The command, as a person runs it (without blocking this process: the local stack's sockets live here too).
  const failure = await promisify(execFile)('npx', ['tsx', 'scripts/weapp/check.ts', '--no-build', '--static', '--dir', dir], {
    cwd: ROOT,
  }).then(
    () => undefined,
    (err: { code: number; stdout: string }) => err,
  );
  expect(failure?.code).toBe(1);
  const output = failure?.stdout ?? '';
  expect(output).toContain('pages/me/index.wxml:4:3');
  expect(output).toMatch(/mine\/review\/index\.wxss:\d+:\d+: \[wcsc\] error at token `\*`/);
});

test('every broken file is named, though wcc stops at the first', async () => {
  const dir = copyOfBuild();
  writeFileSync(join(dir, 'pages/me/index.wxml'), '<view>\n<text>a</view>\n');
  writeFileSync(join(dir, 'contest/stats/index.wxml'), '<view>\n  <view>\n');
  const files = (await checkWeappBuild(dir)).problems.filter((p) => p.source === 'wcc').map((p) => `${p.file}:${p.line}`);
  expect(files).toEqual(expect.arrayContaining(['pages/me/index.wxml:2', 'contest/stats/index.wxml:2']));
});

test('the WXML runtime: a template that does not exist is a warning, and a warning fails', async () => {
  const dir = copyOfBuild();
  edit(dir, 'pages/inbox/index.wxml', (wxml) => `${wxml}\n<template is="tmpl_missing" />\n`);
  const problems = (await checkWeappBuild(dir)).problems.filter((p) => p.source === 'wxml-runtime');
  expect(problems).toEqual([
    expect.objectContaining({ file: 'pages/inbox/index.wxml', message: 'Template `tmpl_missing` not found.' }),
  ]);
  expect(problems[0]!.line).toBeGreaterThan(0);
});

test('configuration DevTools refuses: missing page files, tab icons, components, subpackage roots, cross-package requires', async () => {
  const dir = copyOfBuild();
  // The fake nested subpackage goes after the real ones: its index is however many the build has.
  let nested = -1;
  editJson(dir, 'app.json', (app) => {
    (app.pages as string[]).push('pages/ghost/index');
    const tabBar = app.tabBar as { list: { iconPath: string; selectedIconPath: string }[] };
    tabBar.list[0]!.iconPath = 'assets/tab/missing.png';
    tabBar.list[1]!.selectedIconPath = 'assets/tab/huge.png';
    const subPackages = app.subPackages as { root: string; pages: string[] }[];
    expect(subPackages[0]!.root).toBe('mine');
    nested = subPackages.push({ root: 'mine/nested', pages: ['x/index'] }) - 1;
  });
  writeFileSync(join(dir, 'assets/tab/huge.png'), Buffer.alloc(41 * 1024, 1));
  editJson(dir, 'pages/index/index.json', (json) => {
    json.usingComponents = { ...(json.usingComponents as object), 'no-such': '../../components/no-such' };
  });
  edit(dir, 'mine/review/index.js', (js) => `require("../../contest/sub-vendors.js");${js}`);

  const problems = messages((await checkWeappBuild(dir)).problems);
  expect(problems).toEqual(
    expect.arrayContaining([
      'app.json: [config] pages: page "pages/ghost/index" has no pages/ghost/index.js',
      'app.json: [config] tabBar.list[0].iconPath: "assets/tab/missing.png" does not exist',
      'app.json: [config] tabBar.list[1].selectedIconPath: "assets/tab/huge.png" is 41.0 KB (WeChat allows 40 KB)',
      `app.json: [config] subPackages[${nested}]: root "mine/nested" lies inside subPackages[0] root "mine"`,
      expect.stringMatching(
        /^pages\/index\/index\.json: \[config\] usingComponents\.no-such "\.\.\/\.\.\/components\/no-such" does not resolve/,
      ),
      'mine/review/index.js: [config] require("../../contest/sub-vendors.js") loads contest/sub-vendors.js from another package',
    ]),
  );
});

test('a main package over 2 MB is refused', async () => {
  const dir = copyOfBuild();
  writeFileSync(join(dir, 'big-asset.js'), Buffer.alloc(2 * 1024 * 1024, 32));
  expect(messages((await checkWeappBuild(dir)).problems)).toContainEqual(
    expect.stringMatching(/^\.: \[config\] main package is 2\.\d\d MB \(WeChat allows 2\.00 MB\)$/),
  );
});
