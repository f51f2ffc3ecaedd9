// The configuration checks WeChat DevTools makes before it opens a project: pages and components resolve, the tabBar
// is valid, subpackage roots are sound, no package reaches into another, and each package is within its size limit.
// Written here rather than taken from miniprogram-ci (about 300 MB installed for these few rules).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import {
  inRoot,
  listBuildFiles,
  packageSizes,
  readAppJson,
  subPackagesOf,
  type AppJson,
  type BuildFile,
  type SubPackage,
} from './build-files';
import type { Problem } from './problems';

/** WeChat's limits (developers.weixin.qq.com, 分包加载 and 全局配置 tabBar). */
export const WECHAT_LIMITS = {
  packageBytes: 2 * 1024 * 1024,
  allPackagesBytes: 20 * 1024 * 1024,
  tabIconBytes: 40 * 1024,
  tabItems: { min: 2, max: 5 },
} as const;

export interface ConfigReport {
  pages: string[];
  problems: Problem[];
  packages: { root: string; bytes: number }[];
}

const APP = 'app.json';
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function problem(file: string, message: string): Problem {
  return { source: 'config', file, message };
}

function readJson(dir: string, file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

/** Which package a file belongs to: a subpackage root, or '' for the main package. */
function packageOf(file: string, roots: string[]): string {
  return roots.find((r) => inRoot(file, r)) ?? '';
}

/** May code in package `from` use a file of package `to`? Anyone may use the main package; nobody another subpackage. */
function mayReach(from: string, to: string): boolean {
  return to === '' || to === from;
}

function checkPageFiles(dir: string, page: string, where: string, problems: Problem[]): void {
  for (const ext of ['.js', '.wxml', '.json']) {
    if (!existsSync(join(dir, page + ext))) problems.push(problem(APP, `${where}: page "${page}" has no ${page}${ext}`));
  }
}

function checkSubPackages(dir: string, mainPages: string[], subs: SubPackage[], problems: Problem[]): string[] {
  const pages: string[] = [];
  subs.forEach((sub, i) => {
    const where = `subPackages[${i}]`;
    if (!sub.root) return problems.push(problem(APP, `${where}: root is missing`));
    if (sub.root.startsWith('/') || sub.root.split('/').includes('..')) {
      problems.push(problem(APP, `${where}: root "${sub.root}" must be a relative folder inside the project`));
    }
    if (!existsSync(join(dir, sub.root)) || !statSync(join(dir, sub.root)).isDirectory()) {
      problems.push(problem(APP, `${where}: root "${sub.root}" is not a folder of the build`));
    }
    subs.forEach((other, j) => {
      if (j !== i && other.root && (other.root === sub.root || inRoot(sub.root, other.root))) {
        problems.push(problem(APP, `${where}: root "${sub.root}" lies inside subPackages[${j}] root "${other.root}"`));
      }
    });
    for (const page of mainPages.filter((p) => inRoot(p, sub.root))) {
      problems.push(problem(APP, `${where}: main-package page "${page}" lies inside root "${sub.root}"`));
    }
    if (sub.pages.length === 0) problems.push(problem(APP, `${where}: no pages`));
    for (const page of sub.pages) {
      const full = `${sub.root}/${page}`;
      checkPageFiles(dir, full, where, problems);
      pages.push(full);
    }
  });
  return pages;
}

function checkIcon(dir: string, path: unknown, where: string, problems: Problem[]): void {
  if (path === undefined) return;
  if (typeof path !== 'string' || path === '') return void problems.push(problem(APP, `${where}: must be a file path`));
  if (/^https?:/.test(path))
    return void problems.push(problem(APP, `${where}: "${path}" is a network image (tabBar icons must be local)`));
  if (!/\.(png|jpe?g)$/i.test(path)) problems.push(problem(APP, `${where}: "${path}" must be a png, jpg or jpeg`));
  const file = join(dir, path.replace(/^\//, ''));
  if (!existsSync(file)) return void problems.push(problem(APP, `${where}: "${path}" does not exist`));
  const bytes = statSync(file).size;
  if (bytes > WECHAT_LIMITS.tabIconBytes) {
    problems.push(
      problem(
        APP,
        `${where}: "${path}" is ${(bytes / 1024).toFixed(1)} KB (WeChat allows ${WECHAT_LIMITS.tabIconBytes / 1024} KB)`,
      ),
    );
  }
}

function checkTabBar(dir: string, app: AppJson, mainPages: string[], problems: Problem[]): void {
  if (app.tabBar === undefined) return;
  const tabBar = (app.tabBar ?? {}) as Record<string, unknown>;
  const list = Array.isArray(tabBar.list) ? (tabBar.list as unknown[]) : [];
  const { min, max } = WECHAT_LIMITS.tabItems;
  if (list.length < min || list.length > max)
    problems.push(problem(APP, `tabBar.list has ${list.length} items (WeChat needs ${min}–${max})`));
  for (const key of ['color', 'selectedColor', 'backgroundColor']) {
    const value = tabBar[key];
    if (value !== undefined && (typeof value !== 'string' || !HEX_COLOUR.test(value))) {
      problems.push(problem(APP, `tabBar.${key} ${JSON.stringify(value)} must be a hex colour such as #c8102e`));
    }
  }
  if (tabBar.borderStyle !== undefined && tabBar.borderStyle !== 'black' && tabBar.borderStyle !== 'white') {
    problems.push(problem(APP, `tabBar.borderStyle must be black or white`));
  }
  list.forEach((raw, i) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    const where = `tabBar.list[${i}]`;
    if (typeof item.pagePath !== 'string' || !mainPages.includes(item.pagePath)) {
      problems.push(problem(APP, `${where}.pagePath "${String(item.pagePath)}" is not a page of the main package`));
    }
    if (typeof item.text !== 'string' || item.text === '') problems.push(problem(APP, `${where}.text is missing`));
    checkIcon(dir, item.iconPath, `${where}.iconPath`, problems);
    checkIcon(dir, item.selectedIconPath, `${where}.selectedIconPath`, problems);
  });
}

function checkWindow(file: string, window: unknown, problems: Problem[]): void {
  if (!window || typeof window !== 'object') return;
  const w = window as Record<string, unknown>;
  if (w.navigationBarTextStyle !== undefined && w.navigationBarTextStyle !== 'black' && w.navigationBarTextStyle !== 'white') {
    problems.push(problem(file, `navigationBarTextStyle must be black or white`));
  }
  if (w.backgroundTextStyle !== undefined && w.backgroundTextStyle !== 'dark' && w.backgroundTextStyle !== 'light') {
    problems.push(problem(file, `backgroundTextStyle must be dark or light`));
  }
}

/** Every usingComponents entry of every .json resolves to a component (js, wxml, json with component: true) it may use. */
function checkComponents(dir: string, files: BuildFile[], roots: string[], problems: Problem[]): void {
  for (const { file } of files.filter((f) => f.file.endsWith('.json'))) {
    const json = readJson(dir, file);
    if (!json || typeof json.usingComponents !== 'object' || json.usingComponents === null) continue;
    for (const [tag, target] of Object.entries(json.usingComponents as Record<string, unknown>)) {
      if (typeof target !== 'string') {
        problems.push(problem(file, `usingComponents.${tag} must be a path`));
        continue;
      }
      if (target.startsWith('plugin://') || target.startsWith('plugin-private://')) continue;
      const base = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(file), target);
      const resolved = posix.normalize(base).replace(/\.(js|json|wxml)$/, '');
      const missing = ['.js', '.wxml', '.json'].filter((ext) => !existsSync(join(dir, resolved + ext)));
      if (missing.length) {
        problems.push(
          problem(
            file,
            `usingComponents.${tag} "${target}" does not resolve (${missing.map((e) => resolved + e).join(', ')} missing)`,
          ),
        );
        continue;
      }
      if (readJson(dir, `${resolved}.json`)?.component !== true) {
        problems.push(problem(file, `usingComponents.${tag} "${target}": ${resolved}.json does not declare "component": true`));
      }
      if (!mayReach(packageOf(file, roots), packageOf(resolved, roots))) {
        problems.push(
          problem(file, `usingComponents.${tag} "${target}" lies in another package (${packageOf(resolved, roots)})`),
        );
      }
    }
  }
}

const REQUIRE = /\brequire\(\s*["']([^"']+)["']\s*\)/g;

/** Static requires between the built scripts resolve, and stay within what each package may load. */
function checkRequires(dir: string, files: BuildFile[], roots: string[], problems: Problem[]): void {
  const names = new Set(files.map((f) => f.file));
  for (const { file } of files.filter((f) => f.file.endsWith('.js'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(REQUIRE)) {
      const spec = m[1];
      if (!spec || !(spec.startsWith('.') || spec.startsWith('/'))) continue;
      const base = posix.normalize(spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(file), spec));
      const target = [base, `${base}.js`, `${base}/index.js`].find((candidate) => names.has(candidate));
      if (!target) {
        problems.push(problem(file, `require("${spec}") does not resolve to a file of the build`));
      } else if (!mayReach(packageOf(file, roots), packageOf(target, roots))) {
        problems.push(problem(file, `require("${spec}") loads ${target} from another package`));
      }
    }
  }
}

function checkSizes(files: BuildFile[], subs: SubPackage[], problems: Problem[]): { root: string; bytes: number }[] {
  const sizes = packageSizes(files, subs);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  for (const p of sizes) {
    if (p.bytes > WECHAT_LIMITS.packageBytes) {
      problems.push(
        problem(
          p.root || '.',
          `${p.root ? `subpackage ${p.root}` : 'main package'} is ${mb(p.bytes)} (WeChat allows ${mb(WECHAT_LIMITS.packageBytes)})`,
        ),
      );
    }
  }
  const total = sizes.reduce((sum, p) => sum + p.bytes, 0);
  if (total > WECHAT_LIMITS.allPackagesBytes)
    problems.push(problem('.', `all packages come to ${mb(total)} (WeChat allows ${mb(WECHAT_LIMITS.allPackagesBytes)})`));
  return sizes.map(({ root, bytes }) => ({ root, bytes }));
}

export function checkAppConfig(dir: string): ConfigReport {
  if (!existsSync(join(dir, APP)))
    return { pages: [], packages: [], problems: [problem(APP, 'missing: is this a weapp build?')] };
  let app: AppJson;
  try {
    app = readAppJson(dir);
  } catch (err) {
    return { pages: [], packages: [], problems: [problem(APP, `not valid JSON: ${(err as Error).message}`)] };
  }
  const problems: Problem[] = [];
  const mainPages = strings(app.pages);
  if (mainPages.length === 0) problems.push(problem(APP, 'pages is empty'));
  mainPages.forEach((page) => checkPageFiles(dir, page, 'pages', problems));
  const subs = subPackagesOf(app);
  const subPages = checkSubPackages(dir, mainPages, subs, problems);
  const pages = [...mainPages, ...subPages];
  for (const page of pages.filter((p, i) => pages.indexOf(p) !== i))
    problems.push(problem(APP, `page "${page}" is listed twice`));
  checkTabBar(dir, app, mainPages, problems);
  checkWindow(APP, app.window, problems);
  for (const page of pages) checkWindow(`${page}.json`, readJson(dir, `${page}.json`), problems);
  const files = listBuildFiles(dir);
  const roots = subs.map((s) => s.root).filter(Boolean);
  checkComponents(dir, files, roots, problems);
  checkRequires(dir, files, roots, problems);
  const packages = checkSizes(files, subs, problems);
  return { pages, problems, packages };
}
