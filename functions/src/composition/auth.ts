import { createAuthService } from '../auth/auth.service';
import { createWechatSessionAdapter } from '../auth/wechat-session.adapter';
import { once } from '../common/once';
import { createRoute } from '../http/route';
import { base, type Base } from './base';

export function createAuth(b: Base) {
  const { cfg, limiter } = b;
  return createAuthService({
    users: b.users,
    tokens: b.tokens,
    wechat: createWechatSessionAdapter({
      baseUrl: cfg.WECHAT_API_BASE,
      appid: cfg.WECHAT_APPID,
      secret: cfg.WECHAT_SECRET,
      timeoutMs: cfg.WECHAT_TIMEOUT_MS,
    }),
    clock: b.clock,
    devLoginEnabled: cfg.DEV_LOGIN,
    // Per user, once the login says who it is (the route limits per IP before).
    limitUser: (userId) => limiter.check('login', { kind: 'user', id: userId }),
    appScope: cfg.WECHAT_APPID ?? 'no-appid',
    sessionSeconds: cfg.TOKEN_TTL_SECONDS,
  });
}

export const auth = once(() => createAuth(base()));

/** Every HTTP handler is `route(options, fn)`: the caller's token is checked against the stored user. */
export const route = createRoute(() => ({
  verifyToken: async (token) => auth().currentUser(await base().tokens.verify(token)),
  maxBodyBytes: base().cfg.MAX_BODY_BYTES,
  limit: (action, subject) => base().limiter.check(action, subject),
}));
