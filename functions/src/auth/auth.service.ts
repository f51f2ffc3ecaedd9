import { createHash, randomBytes } from 'node:crypto';
import { fail, ok, type AuthResponse, type DevLoginRequest, type Result, type UserRole, type UserView } from '@cic/shared';
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
  /** How long a token (and so its login session) lasts. */
  sessionSeconds: number;
  /** A per-user limit on logins, checked before a session is issued. */
  limitUser?: (userId: string) => Promise<Result<void>>;
}

/** A person may stay logged in on this many devices at once; a further login ends the oldest session. */
export const MAX_SESSIONS = 20;

/** The key of an identity in the users table: hashed, so the table holds no openid in a key. */
function identityKey(kind: 'wx' | 'dev', ...parts: string[]): string {
  return `identity#${kind}#${createHash('sha256').update(parts.join('\u0000')).digest('base64url')}`;
}

/** A new account's id: random, so it says nothing of the person and a new life of the account gets a new one. */
const newUserId = (kind: 'wx' | 'dev'): string => `${kind}_${randomBytes(16).toString('base64url')}`;

const newSessionId = (): string => randomBytes(12).toString('base64url');

export function toUserView(user: User): UserView {
  return { id: user.id, nickname: user.nickname, role: user.role };
}

/** Sessions to drop when one more opens: the expired ones, and the oldest beyond the limit. */
function sessionsToDrop(sessions: Record<string, number>, nowSeconds: number): string[] {
  const live = Object.entries(sessions)
    .filter(([, exp]) => exp > nowSeconds)
    .sort((a, b) => b[1] - a[1]);
  const expired = Object.keys(sessions).filter((id) => !(sessions[id]! > nowSeconds));
  return [...expired, ...live.slice(MAX_SESSIONS - 1).map(([id]) => id)];
}

export function createAuthService(deps: AuthServiceDeps) {
  const nowSeconds = () => Math.floor(deps.clock.now().getTime() / 1000);

  function freshUser(kind: 'wx' | 'dev', key: string, role: UserRole, nickname: string, extra: Partial<User> = {}): User {
    return {
      id: newUserId(kind),
      role,
      nickname,
      createdAt: deps.clock.now().toISOString(),
      identityKey: key,
      sessions: {},
      ...extra,
    };
  }

  async function session(user: User): Promise<Result<AuthResponse>> {
    const allowed = deps.limitUser ? await deps.limitUser(user.id) : ok(undefined);
    if (!allowed.ok) return allowed;
    const sessionId = newSessionId();
    const expiresAt = nowSeconds() + deps.sessionSeconds;
    if (!(await deps.users.openSession(user.id, sessionId, expiresAt, sessionsToDrop(user.sessions ?? {}, nowSeconds())))) {
      // The account was erased between reading it and opening the session.
      return fail('AUTH.INVALID_TOKEN');
    }
    const { token, expiresIn } = await deps.tokens.issue({ id: user.id, role: user.role, sessionId });
    return ok({ token, expiresIn, user: toUserView(user) });
  }

  return {
    async loginWithWechat(code: string): Promise<Result<AuthResponse>> {
      const answer = await deps.wechat.exchangeCode(code);
      if (!answer.ok) {
        return fail(answer.reason === 'invalid_code' ? 'AUTH.WECHAT_CODE_INVALID' : 'AUTH.WECHAT_UNAVAILABLE');
      }
      const key = identityKey('wx', deps.appScope, answer.openid);
      const user = await deps.users.getOrCreate(
        freshUser('wx', key, 'user', '微信用户', {
          openid: answer.openid,
          ...(answer.unionid ? { unionid: answer.unionid } : {}),
        }),
      );
      return session(user);
    },

    /**
     * Who a verified token belongs to now: the stored user, with their current role, if the token's session is still
     * open. A token of a deleted account, of a closed session, or of a former life of the account carries no right.
     */
    async currentUser(claims: TokenClaims | undefined): Promise<AuthUser | undefined> {
      if (!claims) return undefined;
      const user = await deps.users.get(claims.id);
      const expiresAt = user?.sessions?.[claims.sessionId];
      if (!user || expiresAt === undefined || expiresAt <= nowSeconds()) return undefined;
      return { id: user.id, role: user.role, sessionId: claims.sessionId };
    },

    /** POST /auth/logout: the caller's session ends; their other devices stay logged in. */
    async logout(user: AuthUser): Promise<Result<{ loggedOut: true }>> {
      if (user.sessionId) await deps.users.closeSession(user.id, user.sessionId);
      return ok({ loggedOut: true });
    },

    /** For the local stack and tests only: anyone can be anyone, so it is off unless DEV_LOGIN=1. */
    async devLogin(input: DevLoginRequest): Promise<Result<AuthResponse>> {
      if (!deps.devLoginEnabled) return fail('AUTH.DEV_LOGIN_DISABLED');
      const key = identityKey('dev', input.role, input.nickname);
      const user = await deps.users.getOrCreate(freshUser('dev', key, input.role, input.nickname));
      return session(user);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
