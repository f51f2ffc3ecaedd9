// What a session looks like in storage. Kept apart from session.ts (which needs Taro) so that a test of the built
// weapp can put a session in WeChat's storage the way the app itself does.
import type { AuthResponse, UserView } from '@cic/shared';

export const SESSION_STORAGE_KEY = 'cic.session';

export interface Session {
  token: string;
  user: UserView;
  /** Epoch ms. */
  expiresAt: number;
}

export function sessionOf(auth: AuthResponse, now: number = Date.now()): Session {
  return { token: auth.token, user: auth.user, expiresAt: now + auth.expiresIn * 1000 };
}
