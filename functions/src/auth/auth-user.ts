import type { UserRole } from '@cic/shared';

/** Who is calling, as proven by their token. */
export interface AuthUser {
  id: string;
  role: UserRole;
}

export interface User extends AuthUser {
  nickname: string;
  createdAt: string;
  /** WeChat identity; never sent to clients. */
  openid?: string;
  unionid?: string;
}
