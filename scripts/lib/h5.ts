// The H5 build of the mini-program, served as static files: what a browser test (and a person at :8080) opens.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const MINIAPP = join(__dirname, '..', '..', 'miniapp');
export const H5_DIST = join(MINIAPP, 'dist', 'h5');

/** Builds the H5 app against the given API (only TARO_APP_* variables reach the bundle). */
export function buildH5(
  apiBase: string,
  opts: { echo?: boolean; templates?: { newMatch: string; status: string } } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
      cwd: MINIAPP,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        TARO_APP_API_BASE: apiBase,
        TARO_APP_TEMPLATE_NEW_MATCH: opts.templates?.newMatch ?? '',
        TARO_APP_TEMPLATE_STATUS: opts.templates?.status ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-10_000);
      if (opts.echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 && existsSync(join(H5_DIST, 'index.html'))
        ? resolve()
        : reject(new Error(`H5 build failed (exit ${code}):\n${output}`)),
    );
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Serves a folder on 127.0.0.1; unknown paths get index.html (the app routes by hash). */
export function serveStatic(dir: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) }),
    );
  });
}
