// WeChat's access token, from stable_token, cached in memory (per Lambda container) and in an AccessTokenCache shared by
// all containers. Never force_refresh: stable_token with force_refresh false returns the current token while it is valid
// and a new one once it is not, and forced refreshes are rate-limited and would invalidate every other container's token.
import type { Clock } from '../common/clock';
import { log } from '../log/logger';
import type { AccessTokenCache } from './access-token-cache.port';

/** A token is used only until 5 minutes before it expires, so it never dies on the way to WeChat. */
export const TOKEN_STALE_MARGIN_MS = 5 * 60_000;

export interface AccessTokenProvider {
  /** A token that is not stale: from memory, then the shared cache, then stable_token. */
  get(): Promise<string>;
  /** A token from stable_token, bypassing both caches (after WeChat said the cached one is invalid: 40001/42001/40014). */
  refresh(): Promise<string>;
}

/** Getting a token failed. errcode is WeChat's when it answered with one (40013 bad appid, 40125 bad secret, -1 busy). */
export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
  }
}

/**
 * The name of a thrown value ("TimeoutError", "TypeError", …). Duck-typed: fetch throws DOMExceptions, which are not
 * `instanceof Error` in every realm (jest's sandbox, for one).
 */
export function errorName(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'name' in err && typeof err.name === 'string') return err.name;
  return typeof err;
}

interface StableTokenBody {
  access_token?: unknown;
  expires_in?: unknown;
  errcode?: unknown;
  errmsg?: unknown;
}

interface Entry {
  token: string;
  expiresAt: number;
}

export function createAccessTokenProvider(opts: {
  baseUrl: string;
  appid: string | undefined;
  secret: string | undefined;
  cache: AccessTokenCache;
  clock: Clock;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}): AccessTokenProvider {
  const doFetch = opts.fetchImpl ?? fetch;
  let memory: Entry | undefined;
  /** The one stable_token call in flight, shared by every caller. */
  let fetching: Promise<string> | undefined;
  /** The one cache read in flight, shared by every get(). */
  let loading: Promise<string> | undefined;
  /** Bumped by refresh(): a cache read that started before it must not put the rejected token back in memory. */
  let generation = 0;

  const fresh = (e: Entry | undefined): e is Entry => !!e && opts.clock.now().getTime() < e.expiresAt - TOKEN_STALE_MARGIN_MS;

  async function callStableToken(): Promise<Entry> {
    if (!opts.appid || !opts.secret) {
      log.error('wechat.config_missing', { need: 'WECHAT_APPID and WECHAT_SECRET' });
      throw new AccessTokenError('WeChat appid or secret not configured');
    }
    let body: StableTokenBody;
    try {
      const res = await doFetch(new URL('/cgi-bin/stable_token', opts.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: opts.appid, secret: opts.secret, force_refresh: false }),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      if (!res.ok) {
        log.warn('wechat.stable_token_http', { status: res.status });
        throw new AccessTokenError(`stable_token: HTTP ${res.status}`);
      }
      body = (await res.json()) as StableTokenBody;
    } catch (err) {
      if (err instanceof AccessTokenError) throw err;
      const name = errorName(err);
      log.warn('wechat.stable_token_network', { error: name });
      throw new AccessTokenError(`stable_token: ${name}`);
    }
    if (typeof body.errcode === 'number' && body.errcode !== 0) {
      const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
      log.error('wechat.stable_token_error', { errcode: body.errcode, errmsg });
      throw new AccessTokenError(`stable_token: ${body.errcode} ${errmsg}`.trim(), body.errcode);
    }
    if (typeof body.access_token !== 'string' || body.access_token === '' || typeof body.expires_in !== 'number') {
      log.warn('wechat.stable_token_body', { fields: Object.keys(body) });
      throw new AccessTokenError('stable_token: no access_token in the answer');
    }
    return { token: body.access_token, expiresAt: opts.clock.now().getTime() + body.expires_in * 1000 };
  }

  function fetchNew(): Promise<string> {
    fetching ??= (async () => {
      const entry = await callStableToken();
      memory = entry;
      try {
        await opts.cache.put(entry);
      } catch (err) {
        log.warn('wechat.token_cache_put', { error: errorName(err) });
      }
      log.info('wechat.token_fetched', { expiresAt: new Date(entry.expiresAt).toISOString() });
      return entry.token;
    })().finally(() => {
      fetching = undefined;
    });
    return fetching;
  }

  async function fromCacheOrFetch(): Promise<string> {
    const startedAt = generation;
    let cached: Entry | undefined;
    try {
      cached = await opts.cache.get();
    } catch (err) {
      log.warn('wechat.token_cache_get', { error: errorName(err) });
    }
    if (fresh(cached)) {
      if (startedAt === generation) memory = cached;
      return cached.token;
    }
    return fetchNew();
  }

  return {
    async get() {
      if (fresh(memory)) return memory.token;
      if (fetching) return fetching;
      loading ??= fromCacheOrFetch().finally(() => {
        loading = undefined;
      });
      return loading;
    },
    async refresh() {
      generation += 1;
      memory = undefined;
      return fetchNew();
    },
  };
}

/** 40001 invalid or not latest, 42001 expired, 40014 malformed: the token, not the request, is wrong. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 42001, 40014]);

/** What came of one call to a WeChat API that takes ?access_token=. */
export type WechatCallResult =
  /** WeChat answered with a JSON object (errcode 0 or missing means success for most APIs). */
  | { kind: 'answered'; body: Record<string, unknown>; errcode: number | undefined; errmsg: string }
  /** No usable answer: no token, HTTP error, network failure, timeout, not JSON, or the token rejected twice. */
  | { kind: 'failed'; detail: string; errcode?: number };

/**
 * POSTs a JSON body to a WeChat API with the access token. When WeChat rejects the token (40001/42001/40014) it refreshes
 * the token once and posts once more; a second token error is a failure. The token is never logged (it is in the URL).
 */
export async function postWithAccessToken(opts: {
  api: string;
  baseUrl: string;
  path: string;
  body: unknown;
  tokens: AccessTokenProvider;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}): Promise<WechatCallResult> {
  const doFetch = opts.fetchImpl ?? fetch;

  async function tokenOrFailure(get: () => Promise<string>): Promise<string | WechatCallResult> {
    try {
      return await get();
    } catch (err) {
      const errcode = err instanceof AccessTokenError ? err.errcode : undefined;
      return {
        kind: 'failed',
        detail: `access token: ${err instanceof Error ? err.message : String(err)}`,
        ...(errcode !== undefined ? { errcode } : {}),
      };
    }
  }

  async function post(token: string): Promise<WechatCallResult> {
    const url = new URL(opts.path, opts.baseUrl);
    url.searchParams.set('access_token', token);
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(opts.body),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (err) {
      const name = errorName(err);
      log.warn(`wechat.${opts.api}_network`, { error: name });
      return { kind: 'failed', detail: name === 'TimeoutError' ? `timeout after ${opts.timeoutMs} ms` : `network: ${name}` };
    }
    if (!res.ok) {
      log.warn(`wechat.${opts.api}_http`, { status: res.status });
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'failed', detail: `HTTP ${res.status}` };
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      const name = errorName(err);
      log.warn(`wechat.${opts.api}_body`, { error: name });
      return { kind: 'failed', detail: name === 'TimeoutError' ? `timeout after ${opts.timeoutMs} ms` : 'answer is not JSON' };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      log.warn(`wechat.${opts.api}_body`, { error: 'not an object' });
      return { kind: 'failed', detail: 'answer is not a JSON object' };
    }
    const record = body as Record<string, unknown>;
    const errcode = typeof record.errcode === 'number' ? record.errcode : undefined;
    const errmsg = typeof record.errmsg === 'string' ? record.errmsg : '';
    return { kind: 'answered', body: record, errcode, errmsg };
  }

  const isTokenError = (r: WechatCallResult) => r.kind === 'answered' && r.errcode !== undefined && TOKEN_ERRCODES.has(r.errcode);

  const token = await tokenOrFailure(() => opts.tokens.get());
  if (typeof token !== 'string') return token;
  const first = await post(token);
  if (!isTokenError(first)) return first;

  log.info(`wechat.${opts.api}_token_rejected`, { errcode: first.kind === 'answered' ? first.errcode : undefined });
  const renewed = await tokenOrFailure(() => opts.tokens.refresh());
  if (typeof renewed !== 'string') return renewed;
  const second = await post(renewed);
  if (second.kind === 'answered' && isTokenError(second)) {
    log.warn(`wechat.${opts.api}_token_rejected_twice`, { errcode: second.errcode });
    return {
      kind: 'failed',
      detail: 'access token rejected again after a refresh',
      ...(second.errcode !== undefined ? { errcode: second.errcode } : {}),
    };
  }
  return second;
}
