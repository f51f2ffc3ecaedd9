// A fake of WeChat's server APIs over real HTTP on 127.0.0.1, with the real paths, field names and error codes.
// The local stack and the tests point WECHAT_API_BASE at it. It can be told to fail: POST /__fail
// {"api": "jscode2session", "errcode": -1, "times": 2} (or "status": 500) makes the next calls fail that way.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeWechatOptions {
  appid: string;
  secret: string;
  port: number;
}

interface Failure {
  api: string;
  errcode?: number;
  status?: number;
  times: number;
}

export interface FakeWechat {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40029: 'invalid code',
  40163: 'code been used',
  40013: 'invalid appid',
  40125: 'invalid appsecret',
};

/** The same fake openid for the same code prefix, so `user-alice-1` and `user-alice-2` are one person. */
export function fakeOpenid(appid: string, code: string): string {
  const person = /^user-([^-]+)-/.exec(code)?.[1] ?? code;
  return `o${createHash('sha256').update(`${appid}:${person}`).digest('base64url').slice(0, 27)}`;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

export function startFakeWechat(opts: FakeWechatOptions): Promise<FakeWechat> {
  const failures: Failure[] = [];
  const usedCodes = new Set<string>();

  function injectedFailure(api: string, res: ServerResponse): boolean {
    const f = failures.find((x) => x.api === api && x.times > 0);
    if (!f) return false;
    f.times -= 1;
    if (f.status) send(res, f.status, { errcode: -1, errmsg: 'injected http failure' });
    else send(res, 200, { errcode: f.errcode, errmsg: ERRMSG[f.errcode ?? -1] ?? 'injected' });
    return true;
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === '/__fail') {
        const body = (await readJson(req)) as Partial<Failure>;
        failures.push({ api: String(body.api), errcode: body.errcode, status: body.status, times: body.times ?? 1 });
        return send(res, 200, { ok: true });
      }
      if (req.method === 'POST' && url.pathname === '/__reset') {
        failures.length = 0;
        usedCodes.clear();
        return send(res, 200, { ok: true });
      }
      if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
        if (injectedFailure('jscode2session', res)) return;
        const q = url.searchParams;
        if (q.get('appid') !== opts.appid) return send(res, 200, { errcode: 40013, errmsg: ERRMSG[40013] });
        if (q.get('secret') !== opts.secret) return send(res, 200, { errcode: 40125, errmsg: ERRMSG[40125] });
        const code = q.get('js_code') ?? '';
        if (!code || code.startsWith('invalid')) return send(res, 200, { errcode: 40029, errmsg: ERRMSG[40029] });
        if (usedCodes.has(code)) return send(res, 200, { errcode: 40163, errmsg: ERRMSG[40163] });
        usedCodes.add(code);
        return send(res, 200, {
          openid: fakeOpenid(opts.appid, code),
          session_key: createHash('sha256').update(`session:${code}`).digest('base64'),
        });
      }
      send(res, 404, { errcode: 404, errmsg: `fake wechat: no ${req.method} ${url.pathname}` });
    })().catch((err: Error) => send(res, 500, { errcode: -1, errmsg: err.message }));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${opts.port}`,
        server,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    );
  });
}
