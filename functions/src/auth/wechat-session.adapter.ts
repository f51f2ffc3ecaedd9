// jscode2session over HTTP. The base URL comes from config so that tests and the local stack use the fake WeChat server.
import { log } from '../log/logger';
import type { WechatSessionPort } from './wechat-session.port';

interface Code2SessionBody {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** 40029: invalid code; 40163: code already used; 40226: user blocked by risk control. */
const INVALID_CODE_ERRORS = new Set([40029, 40163, 40226]);

export function createWechatSessionAdapter(opts: {
  baseUrl: string;
  appid: string | undefined;
  secret: string | undefined;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}): WechatSessionPort {
  const doFetch = opts.fetchImpl ?? fetch;
  return {
    async exchangeCode(code) {
      if (!opts.appid || !opts.secret) {
        log.error('wechat.config_missing', { need: 'WECHAT_APPID and WECHAT_SECRET' });
        return { ok: false, reason: 'unavailable' };
      }
      const url = new URL('/sns/jscode2session', opts.baseUrl);
      url.search = new URLSearchParams({
        appid: opts.appid,
        secret: opts.secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let body: Code2SessionBody;
      try {
        const res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
        if (!res.ok) {
          log.warn('wechat.code2session_http', { status: res.status });
          return { ok: false, reason: 'unavailable' };
        }
        body = (await res.json()) as Code2SessionBody;
      } catch (err) {
        log.warn('wechat.code2session_network', { error: err instanceof Error ? err.name : String(err) });
        return { ok: false, reason: 'unavailable' };
      }
      if (body.errcode && body.errcode !== 0) {
        log.warn('wechat.code2session_error', { errcode: body.errcode, errmsg: body.errmsg });
        return INVALID_CODE_ERRORS.has(body.errcode)
          ? { ok: false, reason: 'invalid_code', errcode: body.errcode }
          : { ok: false, reason: 'unavailable', errcode: body.errcode };
      }
      if (typeof body.openid !== 'string' || body.openid === '') return { ok: false, reason: 'unavailable' };
      // session_key is deliberately dropped here.
      return { ok: true, openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
    },
  };
}
