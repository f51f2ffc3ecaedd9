/** WeChat's answer to jscode2session, without session_key: nothing downstream needs it and it must not leak. */
export type WechatSession =
  { ok: true; openid: string; unionid?: string } | { ok: false; reason: 'invalid_code' | 'unavailable'; errcode?: number };

export interface WechatSessionPort {
  exchangeCode(code: string): Promise<WechatSession>;
}
