import type { User } from './auth-user';

export interface UserRepository {
  /** Stores the user unless one with that id exists; returns the stored one either way. */
  getOrCreate(user: User): Promise<User>;
  get(id: string): Promise<User | undefined>;
  /** Removes the account (注销): its WeChat identity and nickname are deleted, and its sessions stop working. */
  remove(id: string): Promise<void>;
}
