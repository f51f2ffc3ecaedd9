// WeChat's own compilers over a built weapp folder: wcc (WXML and WXS) and wcsc (WXSS), the Linux binaries that ship
// in the npm package miniprogram-compiler. They are called directly: the package's JS wrapper returns some errors
// instead of throwing them.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { listBuildFiles } from './build-files';
import { excerptAt, type Problem } from './problems';

export interface Compilers {
  wcc: string;
  wcsc: string;
}

/** The binaries inside miniprogram-compiler, made executable (npm does not always keep their run bit). */
export function wechatCompilers(): Compilers {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`miniprogram-compiler 的 Linux 编译器只能在 linux-x64 上运行（当前为 ${process.platform}-${process.arch}）`);
  }
  const bin = join(dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux');
  const found = { wcc: join(bin, 'wcc'), wcsc: join(bin, 'wcsc') };
  for (const path of Object.values(found)) {
    if (!existsSync(path)) throw new Error(`WeChat compiler missing: ${path} (npm install should have brought it)`);
    try {
      accessSync(path, constants.X_OK);
    } catch {
      chmodSync(path, 0o755);
    }
  }
  return found;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a compiler without blocking the event loop (a test process may hold sockets to a local stack meanwhile). */
function run(binary: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

function readText(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), 'utf8');
  } catch {
    return '';
  }
}

/** One problem per line of a compiler's complaint; lines it cannot place are charged to the file being compiled. */
function parseComplaints(text: string, pattern: RegExp, source: Problem['source'], dir: string, fallbackFile: string): Problem[] {
  const problems: Problem[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || /^error file count: \d+$/.test(line)) continue;
    const m = pattern.exec(line);
    if (m?.[1] && m[2] && m[3] && m[4] !== undefined) {
      const [file, lineNo, col] = [m[1], Number(m[2]), Number(m[3])];
      const excerpt = excerptAt(readText(dir, file), lineNo, col);
      problems.push({ source, file, line: lineNo, column: col, message: m[4], ...(excerpt ? { excerpt } : {}) });
    } else {
      problems.push({ source, file: fallbackFile, message: line.replace(/^ERR:\s*/, '') });
    }
  }
  return problems;
}

function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.source}|${p.file}|${p.line}|${p.column}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface WxmlReport {
  files: string[];
  problems: Problem[];
  /** The compiled `$gwx` program, when every file compiled. */
  program?: string;
}

// `pages/x.wxml:3:21: end tag missing, near `view``
const WCC_COMPLAINT = /^(.+?\.(?:wxml|wxs)):(-?\d+):(-?\d+):\s*(.*)$/;

/**
 * Compiles every .wxml and .wxs together, as DevTools does. wcc stops at its first error, so on failure each file is
 * compiled alone as well, and every broken file is named.
 */
export async function compileWxml(dir: string, compilers: Compilers = wechatCompilers()): Promise<WxmlReport> {
  const files = listBuildFiles(dir)
    .map((f) => f.file)
    .filter((f) => f.endsWith('.wxml') || f.endsWith('.wxs'));
  if (files.length === 0) return { files, problems: [{ source: 'wcc', file: '.', message: 'no .wxml file in the build' }] };
  const whole = await run(compilers.wcc, ['-d', ...files, '-gn', '$gwx'], dir);
  if (whole.status === 0 && whole.stderr.trim() === '') return { files, problems: [], program: whole.stdout };
  const problems = parseComplaints(whole.stderr, WCC_COMPLAINT, 'wcc', dir, files.join(' '));
  const wxs = files.filter((f) => f.endsWith('.wxs'));
  for (const file of files.filter((f) => f.endsWith('.wxml'))) {
    const alone = await run(compilers.wcc, ['-d', file, ...wxs, '-gn', '$gwx'], dir);
    if (alone.status !== 0 || alone.stderr.trim() !== '') {
      problems.push(...parseComplaints(alone.stderr || `wcc exited with ${alone.status}`, WCC_COMPLAINT, 'wcc', dir, file));
    }
  }
  if (problems.length === 0) problems.push({ source: 'wcc', file: '.', message: `wcc exited with ${whole.status}` });
  return { files, problems: unique(problems) };
}

export interface WxssReport {
  files: string[];
  problems: Problem[];
}

// `ERR: mine/review/index.wxss(1:917): error at token `*`` or `y.wxss(2:1): unexpected ...`
const WCSC_COMPLAINT = /^(?:ERR:\s*)?(\S+?\.wxss)\((\d+):(\d+)\):\s*(.*)$/;
const IMPORT = /@import\s+(?:url\(\s*)?["']([^"']+)["']/g;

/** The file and every stylesheet it imports, directly or not (wcsc needs them listed beside it). */
function withImports(dir: string, file: string): string[] {
  const closure: string[] = [];
  const visit = (f: string) => {
    if (closure.includes(f)) return;
    closure.push(f);
    for (const m of readText(dir, f).matchAll(IMPORT)) {
      const spec = m[1];
      if (!spec) continue;
      const target = spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(f), spec);
      if (existsSync(join(dir, target))) visit(posix.normalize(target));
    }
  };
  visit(file);
  return closure;
}

/**
 * Compiles the whole set as DevTools does (component stylesheets first, counted by -pc), then each stylesheet with
 * its imports, so that every broken file is named even where wcsc would stop at the first one.
 */
export async function compileWxss(dir: string, compilers: Compilers = wechatCompilers()): Promise<WxssReport> {
  const files = listBuildFiles(dir)
    .map((f) => f.file)
    .filter((f) => f.endsWith('.wxss'));
  const hasJson = (f: string) => existsSync(join(dir, f.replace(/\.wxss$/, '.json')));
  const components = files.filter(hasJson);
  const others = files.filter((f) => !hasJson(f));
  const problems: Problem[] = [];
  const whole = await run(compilers.wcsc, ['-db', '-pc', String(components.length), ...components, ...others], dir);
  if (whole.status !== 0 || whole.stderr.trim() !== '') {
    problems.push(...parseComplaints(whole.stderr || `wcsc exited with ${whole.status}`, WCSC_COMPLAINT, 'wcsc', dir, '.'));
  }
  for (const file of files) {
    const alone = await run(compilers.wcsc, ['-db', '-pc', '1', ...withImports(dir, file)], dir);
    if (alone.status !== 0 || alone.stderr.trim() !== '') {
      problems.push(...parseComplaints(alone.stderr || `wcsc exited with ${alone.status}`, WCSC_COMPLAINT, 'wcsc', dir, file));
    }
  }
  return { files, problems: unique(problems) };
}

// `WXMLRT_$gwx:pages/x.wxml:template:2:14: Template `nope` not found.`
const RUNTIME_WARNING = /^WXMLRT_\$gwx:(.+?\.wxml):[^:]*:(-?\d+):(-?\d+):\s*(.*)$/;

/**
 * Runs the compiled `$gwx` program for each page with Taro's empty root, as the WXML runtime first renders it, and
 * collects the runtime's warnings (a template or import that cannot be found, a wx:for without wx:key, ...).
 */
export function templateWarnings(program: string, pages: string[]): Problem[] {
  const warnings: string[] = [];
  const record = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const sandbox: Record<string, unknown> = {
    console: { warn: record, error: record, log: () => undefined, info: () => undefined },
  };
  sandbox.window = sandbox;
  createContext(sandbox);
  const gwx = runInContext(`${program}\n;$gwx`, sandbox) as (path: string) => ((data: object) => unknown) | undefined;
  const problems: Problem[] = [];
  for (const page of pages) {
    const render = gwx(`${page}.wxml`);
    if (typeof render !== 'function') {
      problems.push({
        source: 'wxml-runtime',
        file: `${page}.wxml`,
        message: 'the compiled program has no template for this page',
      });
      continue;
    }
    try {
      render({ root: { cn: [] } });
    } catch (err) {
      problems.push({ source: 'wxml-runtime', file: `${page}.wxml`, message: `rendering threw: ${(err as Error).message}` });
    }
  }
  for (const warning of warnings) {
    const m = RUNTIME_WARNING.exec(warning);
    problems.push(
      m?.[1] && m[2] && m[3] && m[4] !== undefined
        ? { source: 'wxml-runtime', file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] }
        : { source: 'wxml-runtime', file: '.', message: warning },
    );
  }
  return unique(problems);
}
