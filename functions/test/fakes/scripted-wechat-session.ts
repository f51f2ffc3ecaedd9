// A WechatSessionPort that answers each code as scripted, and records the codes it was asked about.
import type { WechatSession, WechatSessionPort } from '../../src/auth/wechat-session.port';

export interface ScriptedWechatSession extends WechatSessionPort {
  readonly calls: string[];
}

/** Codes not in the script are answered as WeChat answers an unknown code: invalid_code (errcode 40029). */
export function createScriptedWechatSession(script: Record<string, WechatSession>): ScriptedWechatSession {
  const calls: string[] = [];
  return {
    calls,
    async exchangeCode(code) {
      calls.push(code);
      return script[code] ?? { ok: false, reason: 'invalid_code', errcode: 40029 };
    },
  };
}
