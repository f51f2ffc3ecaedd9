import { createHash, randomBytes } from 'node:crypto';
import { fail, ok, type AuthResponse, type DevLoginRequest, type Result, type UserView } from '@cic/shared';
import type { Clock } from '../common/clock';
import type { AuthUser, TokenClaims, User } from './auth-user';
import type { TokenService } from './token.service';
import type { UserRepository } from './user.repository';
import type { WechatSessionPort } from './wechat-session.port';

export interface AuthServiceDeps {
  users: UserRepository;
  tokens: TokenService;
  wechat: WechatSessionPort;
  clock: Clock;
  devLoginEnabled: boolean;
  /** Scopes WeChat user ids to the app, since an openid is only unique within one appid. */
  appScope: string;
  /** A per-user limit on logins, checked before a session is issued. */
  limitUser?: (userId: string) => Promise<Result<void>>;
}

/** Stable, opaque user ids: the same person gets the same id, and the id reveals no openid. */
function userId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22)}`;
}

/** A fresh key for a new life of an account (see User.sessionKey). */
const newSessionKey = (): string => randomBytes(12).toString('base64url');

export function toUserView(user: User): UserView {
  return { id: user.id, nickname: user.nickname, role: user.role };
}

export function createAuthService(deps: AuthServiceDeps) {
  async function session(user: User): Promise<Result<AuthResponse>> {
    const allowed = deps.limitUser ? await deps.limitUser(user.id) : ok(undefined);
    if (!allowed.ok) return allowed;
    const { token, expiresIn } = await deps.tokens.issue(user);
    return ok({ token, expiresIn, user: toUserView(user) });
  }

  return {
    async loginWithWechat(code: string): Promise<Result<AuthResponse>> {
      const answer = await deps.wechat.exchangeCode(code);
      if (!answer.ok) {
        return fail(answer.reason === 'invalid_code' ? 'AUTH.WECHAT_CODE_INVALID' : 'AUTH.WECHAT_UNAVAILABLE');
      }
      const user = await deps.users.getOrCreate({
        id: userId('wx', deps.appScope, answer.openid),
        role: 'user',
        nickname: '微信用户',
        createdAt: deps.clock.now().toISOString(),
        openid: answer.openid,
        sessionKey: newSessionKey(),
        ...(answer.unionid ? { unionid: answer.unionid } : {}),
      });
      return session(user);
    },

    /**
     * Who a verified token belongs to now: the stored user, with their current role. A token of a deleted account,
     * or one whose role changed, stops carrying the old rights at once.
     */
    async currentUser(claims: TokenClaims | undefined): Promise<AuthUser | undefined> {
      if (!claims) return undefined;
      const user = await deps.users.get(claims.id);
      if (!user || (user.sessionKey ?? '') !== (claims.sessionKey ?? '')) return undefined;
      return { id: user.id, role: user.role };
    },

    /** DELETE /me: the account is deleted (注销); demands and solutions stay with the organisers' records. */
    async deleteAccount(user: AuthUser): Promise<Result<{ deleted: true }>> {
      await deps.users.remove(user.id);
      return ok({ deleted: true });
    },

    /** For the local stack and tests only: anyone can be anyone, so it is off unless DEV_LOGIN=1. */
    async devLogin(input: DevLoginRequest): Promise<Result<AuthResponse>> {
      if (!deps.devLoginEnabled) return fail('AUTH.DEV_LOGIN_DISABLED');
      const user = await deps.users.getOrCreate({
        id: userId('dev', input.role, input.nickname),
        role: input.role,
        nickname: input.nickname,
        createdAt: deps.clock.now().toISOString(),
        sessionKey: newSessionKey(),
      });
      return session(user);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
