import type { User } from './auth-user';

export interface UserRepository {
  /**
   * The account of an identity: the stored one, or `fresh`, stored with the identity in one transaction when the
   * identity has none (two first logins at once get the same account).
   */
  getOrCreate(fresh: User): Promise<User>;
  get(id: string): Promise<User | undefined>;
  /** Lists a new login session and drops the given ones (expired, or the oldest beyond the limit). False if the account is gone. */
  openSession(userId: string, sessionId: string, expiresAt: number, drop: readonly string[]): Promise<boolean>;
  /** Ends one login session; nothing happens if it is not open. */
  closeSession(userId: string, sessionId: string): Promise<void>;
  /** Deletes the account and its identity (注销): its WeChat identity and nickname are gone, and every session with them. */
  remove(user: Pick<User, 'id' | 'identityKey'>): Promise<void>;
}
