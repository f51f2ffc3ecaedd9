import { once } from '../common/once';
import { createAccessTokenCacheDynamo } from '../db/access-token-cache.dynamo';
import { createContentScreen } from '../demands/content-screen';
import { createAccessTokenProvider } from '../wechat/access-token.provider';
import { createContentSafetyAdapter } from '../wechat/content-safety.adapter';
import { base, type Base } from './base';

/** WeChat's access token, shared by the content check and the pushes of one container. */
export function createWechatTokens(b: Base) {
  const { cfg } = b;
  return createAccessTokenProvider({
    baseUrl: cfg.WECHAT_API_BASE,
    appid: cfg.WECHAT_APPID ?? '',
    secret: cfg.WECHAT_SECRET ?? '',
    cache: createAccessTokenCacheDynamo(b.doc, b.names.system),
    clock: b.clock,
    timeoutMs: cfg.WECHAT_TIMEOUT_MS,
  });
}
export type WechatTokens = ReturnType<typeof createWechatTokens>;

export const wechatTokens = once(() => createWechatTokens(base()));

/** WeChat's content check of what a user submits for publication (a demand, a 成果). */
export function contentScreenOf(b: Base, tokens: WechatTokens) {
  const { cfg } = b;
  return createContentScreen({
    users: b.users,
    safety: createContentSafetyAdapter({ baseUrl: cfg.WECHAT_API_BASE, tokens, timeoutMs: cfg.WECHAT_TIMEOUT_MS }),
  });
}

/** The subscribe-message templates from the WeChat console; a blank one is not used. */
export function templatesOf(b: Base) {
  return { newMatch: b.cfg.WECHAT_TEMPLATE_NEW_MATCH ?? '', statusChange: b.cfg.WECHAT_TEMPLATE_STATUS ?? '' };
}
