// A fake of WeChat's server APIs over real HTTP on 127.0.0.1, with the real paths, field names and error codes.
// The local stack and the tests point WECHAT_API_BASE at it.
//
// APIs: GET /sns/jscode2session, POST /cgi-bin/stable_token, POST /cgi-bin/message/subscribe/send?access_token=,
// POST /wxa/msg_sec_check?access_token=.
//
// Control endpoints (not WeChat's):
// - POST /__fail {"api": "jscode2session" | "stable_token" | "subscribe_send" | "msg_sec_check", "errcode": -1, "times": 2}
//   (or "status": 500) makes the next calls fail that way; {"api", "delayMs", "times"} makes them slow (then answer
//   normally, or with the errcode/status if one is given too).
// - POST /__expire_tokens makes every access token issued so far invalid (40001); the next stable_token issues a new one.
// - GET /__sent lists every accepted subscribe message; POST /__reset clears failures, used codes and sent messages
//   (issued tokens stay valid, like WeChat's would).
// - POST /__chaos {"api", "rate": 0.2, "outcomes": [{"errcode": -1}, {"status": 502}, {"delayMs": 8000}, …]} makes
//   each call of that api fail with probability `rate`, the way picked at random from `outcomes` (a delay alone
//   answers late, for client timeouts); GET /__chaos counts what was injected. {"api", "rate": 0} turns it off.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Where the mini-program's pages live: its main package and its subpackages' roots (miniapp/src/app.config.ts). */
const MINIAPP_PAGE_ROOTS = ['pages/', 'mine/', 'contest/', 'achievements/'];

export interface FakeWechatOptions {
  appid: string;
  secret: string;
  port: number;
  /** Template ids subscribe/send accepts (others get 40037). Without it, any non-empty template id is accepted. */
  templates?: string[];
  /** Print each accepted subscribe message on the console, one line each (for the local stack). */
  logSends?: boolean;
  /** The server's clock in epoch ms (tests can move it to expire tokens). Defaults to Date.now. */
  now?: () => number;
}

export type FakeWechatApi = 'jscode2session' | 'stable_token' | 'subscribe_send' | 'msg_sec_check';

// ---- the control endpoints' requests and answers, shared with the tests' client (functions/test/support/fake-wechat-control.ts) ----

/** One way a call fails: an errcode in a 200 answer, an HTTP status, or a delay (then the normal answer, or the errcode/status). */
export interface ChaosOutcome {
  errcode?: number;
  status?: number;
  delayMs?: number;
}

/** POST /__fail: the next `times` calls of `api` (1 by default) fail that way; a delay alone only makes them slow. */
export interface FailRequest extends ChaosOutcome {
  api: FakeWechatApi;
  times?: number;
}

/** POST /__chaos: each call of `api` fails with probability `rate`, the way picked at random from `outcomes`; rate 0 turns it off. */
export interface ChaosRequest {
  api: FakeWechatApi;
  rate: number;
  outcomes?: ChaosOutcome[];
}

/** The answer of every control POST. */
export interface ControlAck {
  ok: true;
}

/** GET /__sent: every accepted subscribe message, oldest first. */
export interface SentAnswer {
  sent: SentMessage[];
}

/** GET /__chaos: the failures injected so far (by /__fail or /__chaos), by label ('subscribe_send http 502', …). */
export interface ChaosAnswer {
  injected: Record<string, number>;
}

/** Every control route, with what it takes and what it answers. */
export interface FakeWechatControlRoutes {
  'POST /__fail': { request: FailRequest; answer: ControlAck };
  'POST /__expire_tokens': { request: undefined; answer: ControlAck };
  'GET /__sent': { request: undefined; answer: SentAnswer };
  'POST /__reset': { request: undefined; answer: ControlAck };
  'POST /__chaos': { request: ChaosRequest; answer: ControlAck };
  'GET /__chaos': { request: undefined; answer: ChaosAnswer };
}

interface Failure {
  api: string;
  errcode?: number;
  status?: number;
  delayMs?: number;
  times: number;
}

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string | undefined;
  data: Record<string, { value: string }>;
  miniprogram_state: string | undefined;
  lang: string | undefined;
  /** When the fake accepted it (ISO 8601). */
  at: string;
}

export interface FakeWechat {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const TOKEN_LIFETIME_S = 7200;

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41001: 'access_token missing',
  41030: 'invalid page',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  47001: 'data format error',
  47003: 'argument invalid! data.thing1.value invalid',
};

/** The same fake openid for the same code prefix, so `user-alice-1` and `user-alice-2` are one person. */
export function fakeOpenid(appid: string, code: string): string {
  const person = /^user-([^-]+)-/.exec(code)?.[1] ?? code;
  return `o${createHash('sha256').update(`${appid}:${person}`).digest('base64url').slice(0, 27)}`;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, errcode: number, errmsg?: string): void {
  send(res, 200, { errcode, errmsg: errmsg ?? ERRMSG[errcode] ?? 'error' });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const parsed = JSON.parse(text) as unknown;
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

// ---- subscribe message data, checked the way WeChat documents it ----

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const DATE_PART = String.raw`(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2})|/(\d{1,2})/(\d{1,2}))`;
const TIME_PART = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;

function validDate(s: string): boolean {
  const m = new RegExp(`^${DATE_PART}$`).exec(s);
  if (!m) return false;
  const month = Number(m[2] ?? m[4] ?? m[6]);
  const day = Number(m[3] ?? m[5] ?? m[7]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function validClock(s: string): boolean {
  const m = new RegExp(`^${TIME_PART}$`).exec(s);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59 && Number(m[3] ?? 0) <= 59;
}

/** One point in time: "2026年11月22日 14:30", "2026-11-22 14:30", "14:30" (time) or "2026-11-22" (date). */
function validPoint(s: string, kind: 'time' | 'date'): boolean {
  const [first, second, ...rest] = s.trim().split(/\s+/);
  if (first === undefined || rest.length > 0) return false;
  if (second !== undefined) return validDate(first) && validClock(second);
  return kind === 'time' ? validClock(first) : validDate(first);
}

/** time and date also take a range, two points joined by "~". */
function validTimeValue(s: string, kind: 'time' | 'date'): boolean {
  const points = s.split('~');
  return points.length <= 2 && points.every((p) => validPoint(p, kind));
}

function codePoints(s: string): number {
  return Array.from(s).length;
}

/** Why a data value is not accepted, or undefined when it is. */
function invalidValue(kind: string, value: string): string | undefined {
  if (value.trim() === '') return 'empty';
  switch (kind) {
    case 'thing':
      return codePoints(value) <= 20 ? undefined : 'longer than 20 characters';
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && value.length <= 32 ? undefined : 'not a number of up to 32 digits';
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value) ? undefined : 'not up to 32 digits, letters or symbols';
    case 'phrase':
      return /^[\u3400-\u4dbf\u4e00-\u9fff]{1,5}$/u.test(value) ? undefined : 'not up to 5 Chinese characters';
    case 'name':
      // Up to 10 characters when it has any Chinese (mixed names count as Chinese), up to 20 letters or symbols otherwise.
      return codePoints(value) <= (CJK.test(value) ? 10 : 20) ? undefined : 'name too long';
    case 'amount': {
      const m = /^[¥￥$€£]?(\d+(?:\.\d+)?)元?$/u.exec(value);
      const digits = m?.[1]?.replace('.', '') ?? '';
      return digits !== '' && digits.length <= 10 ? undefined : 'not a currency sign and up to 10 digits';
    }
    case 'time':
    case 'date':
      return validTimeValue(value, kind) ? undefined : `not a ${kind}`;
    default:
      return 'unknown keyword';
  }
}

const DATA_KEY = /^(thing|number|character_string|phrase|name|amount|time|date)([1-9]\d*)$/;

/** The 47003 message for bad data, or undefined when every entry is valid. */
function invalidData(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'argument invalid! data is not an object';
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return 'argument invalid! data is empty';
  for (const [key, entry] of entries) {
    const kind = DATA_KEY.exec(key)?.[1];
    if (!kind) return `argument invalid! data.${key} is not a template keyword`;
    const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (typeof value !== 'string') return `argument invalid! data.${key}.value is missing`;
    const why = invalidValue(kind, value);
    if (why) return `argument invalid! data.${key}.value invalid: ${why}`;
  }
  return undefined;
}

// ---- content safety ----

function safetyOf(text: string): { suggest: 'pass' | 'review' | 'risky'; label: number; keyword?: string } {
  if (text.includes('违禁')) return { suggest: 'risky', label: 20001, keyword: '违禁' };
  if (text.includes('待人工')) return { suggest: 'review', label: 10001, keyword: '待人工' };
  return { suggest: 'pass', label: 100 };
}

export function startFakeWechat(opts: FakeWechatOptions): Promise<FakeWechat> {
  const now = opts.now ?? Date.now;
  const failures: Failure[] = [];
  const chaos = new Map<string, { rate: number; outcomes: ChaosOutcome[] }>();
  const injected: Record<string, number> = {};
  const usedCodes = new Set<string>();
  const sent: SentMessage[] = [];
  /** Every token still valid, with its expiry (epoch ms). */
  const tokens = new Map<string, number>();
  let current: { token: string; expiresAt: number } | undefined;
  const timers = new Set<NodeJS.Timeout>();

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      timers.add(timer);
    });
  }

  /** Applies the next injected failure for this api: true when it has answered. A delay alone answers nothing. */
  async function injectedFailure(api: string, res: ServerResponse): Promise<boolean> {
    const random = chaos.get(api);
    const f: Failure | undefined =
      failures.find((x) => x.api === api && x.times > 0) ??
      (random && random.outcomes.length > 0 && Math.random() < random.rate
        ? { api, times: 1, ...random.outcomes[Math.floor(Math.random() * random.outcomes.length)] }
        : undefined);
    if (!f) return false;
    const label = f.status
      ? `${api} http ${f.status}`
      : f.errcode !== undefined
        ? `${api} errcode ${f.errcode}`
        : `${api} delay ${f.delayMs} ms`;
    injected[label] = (injected[label] ?? 0) + 1;
    f.times -= 1;
    if (f.delayMs) await sleep(f.delayMs);
    if (f.status) {
      send(res, f.status, { errcode: -1, errmsg: 'injected http failure' });
      return true;
    }
    if (f.errcode !== undefined) {
      fail(res, f.errcode, ERRMSG[f.errcode] ?? 'injected');
      return true;
    }
    if (f.delayMs) return false;
    fail(res, -1);
    return true;
  }

  function validToken(token: string | null): boolean {
    if (!token) return false;
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt <= now()) {
      tokens.delete(token);
      return false;
    }
    return true;
  }

  function issueToken(): { token: string; expiresAt: number } {
    if (current) tokens.delete(current.token);
    const token = `fake-at-${randomBytes(24).toString('base64url')}`;
    current = { token, expiresAt: now() + TOKEN_LIFETIME_S * 1000 };
    tokens.set(token, current.expiresAt);
    return current;
  }

  /** Answers 41001 without a token, 40001 for an unknown, expired or revoked one (true); false when it is valid. */
  function tokenError(url: URL, res: ServerResponse): boolean {
    const token = url.searchParams.get('access_token');
    if (!token) {
      fail(res, 41001);
      return true;
    }
    if (!validToken(token)) {
      fail(res, 40001);
      return true;
    }
    return false;
  }

  async function stableToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await injectedFailure('stable_token', res)) return;
    const body = await readJson(req);
    if (body.grant_type !== 'client_credential') return fail(res, 40002, 'invalid grant_type');
    if (body.appid !== opts.appid) return fail(res, 40013);
    if (body.secret !== opts.secret) return fail(res, 40125);
    const live = current && validToken(current.token) ? current : undefined;
    const entry = live && body.force_refresh !== true ? live : issueToken();
    // Like WeChat, the same token comes back with the seconds it has left.
    send(res, 200, { access_token: entry.token, expires_in: Math.max(1, Math.ceil((entry.expiresAt - now()) / 1000)) });
  }

  async function subscribeSend(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (await injectedFailure('subscribe_send', res)) return;
    if (tokenError(url, res)) return;
    const body = await readJson(req);
    const { touser, template_id: templateId, page, data, miniprogram_state: state, lang } = body;
    if (typeof touser !== 'string' || !touser.startsWith('o')) return fail(res, 40003);
    if (typeof templateId !== 'string' || templateId === '' || (opts.templates && !opts.templates.includes(templateId))) {
      return fail(res, 40037);
    }
    // page is optional (no page: the message opens nothing); when given it must be a page of the mini-program: of its
    // main package (pages/) or of a subpackage (miniapp/src/app.config.ts).
    if (page !== undefined && (typeof page !== 'string' || !MINIAPP_PAGE_ROOTS.some((root) => page.startsWith(root)))) {
      return fail(res, 41030);
    }
    const pagePath = typeof page === 'string' ? page : undefined;
    if (state !== undefined && state !== 'developer' && state !== 'trial' && state !== 'formal') {
      return fail(res, 47003, 'argument invalid! miniprogram_state');
    }
    const bad = invalidData(data);
    if (bad) return fail(res, 47003, bad);
    const message: SentMessage = {
      touser,
      template_id: templateId,
      page: pagePath,
      data: data as Record<string, { value: string }>,
      miniprogram_state: typeof state === 'string' ? state : undefined,
      lang: typeof lang === 'string' ? lang : undefined,
      at: new Date(now()).toISOString(),
    };
    sent.push(message);
    if (opts.logSends) {
      const fields = Object.entries(message.data)
        .map(([k, v]) => `${k}=${v.value}`)
        .join(' | ');
      console.log(`[fake-wechat] subscribe/send → ${touser} template=${templateId} page=${pagePath ?? '-'} data=${fields}`);
    }
    send(res, 200, { errcode: 0, errmsg: 'ok' });
  }

  async function msgSecCheck(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (await injectedFailure('msg_sec_check', res)) return;
    if (tokenError(url, res)) return;
    const body = await readJson(req);
    const { version, openid, scene, content, title } = body;
    if (version !== 2) return fail(res, 47001, 'data format error: version must be 2');
    if (typeof openid !== 'string' || !openid.startsWith('o')) return fail(res, 40003);
    if (typeof scene !== 'number' || !Number.isInteger(scene) || scene < 1 || scene > 4) {
      return fail(res, 40003, 'invalid scene');
    }
    if (typeof content !== 'string' || content === '') return fail(res, 47001, 'data format error: content missing');
    if (codePoints(content) > 2500) return fail(res, 47001, 'data format error: content longer than 2500 characters');
    if (title !== undefined && typeof title !== 'string') return fail(res, 47001, 'data format error: title');
    const verdict = safetyOf(`${title ?? ''}\n${content}`);
    send(res, 200, {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: verdict.suggest, label: verdict.label },
      detail: [
        {
          strategy: 'content_model',
          errcode: 0,
          suggest: verdict.suggest,
          label: verdict.label,
          prob: verdict.suggest === 'pass' ? 0 : 90,
          ...(verdict.keyword ? { keyword: verdict.keyword } : {}),
        },
      ],
      trace_id: randomBytes(8).toString('hex'),
    });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = `${req.method ?? 'GET'} ${url.pathname}`;
      switch (route) {
        case 'POST /__fail': {
          const body = await readJson(req);
          const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
          failures.push({
            api: String(body.api),
            errcode: num(body.errcode),
            status: num(body.status),
            delayMs: num(body.delayMs),
            times: num(body.times) ?? 1,
          });
          return send(res, 200, { ok: true } satisfies ControlAck);
        }
        case 'POST /__chaos': {
          const body = await readJson(req);
          const rate = typeof body.rate === 'number' ? body.rate : 0;
          const outcomes = Array.isArray(body.outcomes) ? (body.outcomes as ChaosOutcome[]) : [];
          if (rate > 0) chaos.set(String(body.api), { rate, outcomes });
          else chaos.delete(String(body.api));
          return send(res, 200, { ok: true } satisfies ControlAck);
        }
        case 'GET /__chaos':
          return send(res, 200, { injected } satisfies ChaosAnswer);
        case 'POST /__reset':
          chaos.clear();
          for (const key of Object.keys(injected)) delete injected[key];
          failures.length = 0;
          usedCodes.clear();
          sent.length = 0;
          return send(res, 200, { ok: true } satisfies ControlAck);
        case 'POST /__expire_tokens':
          tokens.clear();
          current = undefined;
          return send(res, 200, { ok: true } satisfies ControlAck);
        case 'GET /__sent':
          return send(res, 200, { sent } satisfies SentAnswer);
        case 'POST /cgi-bin/stable_token':
          return stableToken(req, res);
        case 'POST /cgi-bin/message/subscribe/send':
          return subscribeSend(req, res, url);
        case 'POST /wxa/msg_sec_check':
          return msgSecCheck(req, res, url);
        case 'GET /sns/jscode2session': {
          if (await injectedFailure('jscode2session', res)) return;
          const q = url.searchParams;
          if (q.get('appid') !== opts.appid) return fail(res, 40013);
          if (q.get('secret') !== opts.secret) return fail(res, 40125);
          const code = q.get('js_code') ?? '';
          if (!code || code.startsWith('invalid')) return fail(res, 40029);
          if (usedCodes.has(code)) return fail(res, 40163);
          usedCodes.add(code);
          return send(res, 200, {
            openid: fakeOpenid(opts.appid, code),
            session_key: createHash('sha256').update(`session:${code}`).digest('base64'),
          });
        }
        default:
          send(res, 404, { errcode: 404, errmsg: `fake wechat: no ${req.method} ${url.pathname}` });
      }
    })().catch((err: Error) => send(res, 500, { errcode: -1, errmsg: err.message }));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${opts.port}`,
        server,
        close: () =>
          new Promise<void>((r) => {
            for (const timer of timers) clearTimeout(timer);
            timers.clear();
            server.close(() => r());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
