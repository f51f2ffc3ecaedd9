// The files of a built weapp folder and how they fall into WeChat's packages (the main package and each subpackage).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The weapp build that the check and the page tests look at: miniapp/dist/weapp, or WEAPP_DIST. */
export const WEAPP_DIST = process.env.WEAPP_DIST ?? join(__dirname, '..', '..', 'miniapp', 'dist', 'weapp');

export interface AppJson {
  pages?: unknown;
  subPackages?: unknown;
  subpackages?: unknown;
  tabBar?: unknown;
  window?: unknown;
  usingComponents?: unknown;
}

export interface BuildFile {
  /** Relative to the build folder, with forward slashes. */
  file: string;
  bytes: number;
}

/** Every file under `dir`, relative and sorted, so that runs and reports are stable. */
export function listBuildFiles(dir: string): BuildFile[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dir)
    .map((path) => ({ file: relative(dir, path).split(sep).join('/'), bytes: statSync(path).size }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function readAppJson(dir: string): AppJson {
  return JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;
}

export interface SubPackage {
  root: string;
  pages: string[];
}

/** The subpackages as app.json lists them (either spelling WeChat accepts), roots without a trailing slash. */
export function subPackagesOf(app: AppJson): SubPackage[] {
  const list = app.subPackages ?? app.subpackages ?? [];
  if (!Array.isArray(list)) return [];
  return list.map((p: unknown) => {
    const entry = (p ?? {}) as { root?: unknown; pages?: unknown };
    return {
      root: typeof entry.root === 'string' ? entry.root.replace(/\/+$/, '') : '',
      pages: Array.isArray(entry.pages) ? entry.pages.filter((x): x is string => typeof x === 'string') : [],
    };
  });
}

/** Files that WeChat does not upload with the package (licence notes, the DevTools project file). */
export function isPackaged(file: string): boolean {
  return !file.endsWith('.LICENSE.txt') && file !== 'project.config.json' && file !== 'project.private.config.json';
}

export function inRoot(file: string, root: string): boolean {
  return root !== '' && (file === root || file.startsWith(`${root}/`));
}

export interface PackageSize {
  /** '' for the main package, else the subpackage root. */
  root: string;
  bytes: number;
  files: BuildFile[];
}

/** The main package first, then each subpackage, with the files that belong to it. */
export function packageSizes(files: BuildFile[], subPackages: SubPackage[]): PackageSize[] {
  const packaged = files.filter((f) => isPackaged(f.file));
  const roots = subPackages.map((p) => p.root).filter((r) => r !== '');
  const sum = (list: BuildFile[]) => list.reduce((total, f) => total + f.bytes, 0);
  const main = packaged.filter((f) => !roots.some((r) => inRoot(f.file, r)));
  return [
    { root: '', bytes: sum(main), files: main },
    ...roots.map((root) => {
      const own = packaged.filter((f) => inRoot(f.file, root));
      return { root, bytes: sum(own), files: own };
    }),
  ];
}
