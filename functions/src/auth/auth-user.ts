import type { UserRole } from '@cic/shared';

/** Who is calling, as proven by their token. */
export interface AuthUser {
  id: string;
  role: UserRole;
}

/** What a token proves: who, with which role, for which life of the account. */
export interface TokenClaims extends AuthUser {
  sessionKey?: string;
}

export interface User extends AuthUser {
  nickname: string;
  createdAt: string;
  /**
   * New for each life of the account, and carried by its tokens: after the account is deleted and created again,
   * the tokens of its former life do not work.
   */
  sessionKey?: string;
  /** WeChat identity; never sent to clients. */
  openid?: string;
  unionid?: string;
}
