import type { UserRole } from '@cic/shared';

/** Who is calling, as proven by their token. */
export interface AuthUser {
  id: string;
  role: UserRole;
  /** The login session the call came with (POST /auth/logout ends it). */
  sessionId?: string;
}

/** What a token proves: who, with which role, in which login session. */
export interface TokenClaims {
  id: string;
  role: UserRole;
  sessionId: string;
}

export interface User {
  /**
   * Random, new for each life of an account: after 注销 and a new sign-up, nothing of the former life (its tokens,
   * follows, subscriptions, anything an erasure may have missed) can be reached through the new account.
   */
  id: string;
  role: UserRole;
  nickname: string;
  createdAt: string;
  /** The identity the account was created for (a WeChat openid, a dev login), as its key in the users table. */
  identityKey: string;
  /** Open login sessions: session id → expiry (epoch seconds). A token works while its session is listed here. */
  sessions: Record<string, number>;
  /** WeChat identity; never sent to clients. */
  openid?: string;
  unionid?: string;
}
