// msg_sec_check v2 over HTTP. Any failure (no token, HTTP error, network, timeout, an errcode, an answer without a
// verdict) is `unavailable`: the caller decides whether text waits for a later check or goes to manual review.
import { log } from '../log/logger';
import { postWithAccessToken, type AccessTokenProvider } from './access-token.provider';
import type { ContentSafetyPort, SafetyVerdict } from '../demands/content-safety.port';

/** WeChat checks at most 2500 characters of content. */
export const MAX_CONTENT_CHARS = 2500;
/** 1 = 资料 (profile and listing text). */
const SCENE_PROFILE = 1;

const SUGGESTS = new Set(['pass', 'review', 'risky']);

function verdictOf(body: Record<string, unknown>): SafetyVerdict | undefined {
  const result = body.result;
  if (typeof result !== 'object' || result === null) return undefined;
  const { suggest, label } = result as { suggest?: unknown; label?: unknown };
  if (typeof suggest !== 'string' || !SUGGESTS.has(suggest) || typeof label !== 'number') return undefined;
  return { kind: 'checked', suggest: suggest as 'pass' | 'review' | 'risky', label };
}

export function createContentSafetyAdapter(opts: {
  baseUrl: string;
  tokens: AccessTokenProvider;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}): ContentSafetyPort {
  return {
    async check({ openid, title, content }): Promise<SafetyVerdict> {
      const result = await postWithAccessToken({
        api: 'msg_sec_check',
        baseUrl: opts.baseUrl,
        path: '/wxa/msg_sec_check',
        body: {
          version: 2,
          openid,
          scene: SCENE_PROFILE,
          content: Array.from(content).slice(0, MAX_CONTENT_CHARS).join(''),
          ...(title ? { title } : {}),
        },
        tokens: opts.tokens,
        timeoutMs: opts.timeoutMs,
        ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
      });
      if (result.kind === 'failed') {
        return {
          kind: 'unavailable',
          detail: result.errcode !== undefined ? `${result.errcode} ${result.detail}` : result.detail,
        };
      }
      if (result.errcode !== undefined && result.errcode !== 0) {
        // 61010: the user has not opened the mini-program in the last 2 hours; 47001: bad request.
        log.warn('wechat.msg_sec_check_error', { errcode: result.errcode, errmsg: result.errmsg });
        return { kind: 'unavailable', detail: `${result.errcode} ${result.errmsg}`.trim() };
      }
      const verdict = verdictOf(result.body);
      if (!verdict) {
        log.warn('wechat.msg_sec_check_body', { fields: Object.keys(result.body) });
        return { kind: 'unavailable', detail: 'answer without a verdict' };
      }
      return verdict;
    },
  };
}
