import type { User } from './auth-user';

export interface UserRepository {
  /** Stores the user unless one with that id exists; returns the stored one either way. */
  getOrCreate(user: User): Promise<User>;
  get(id: string): Promise<User | undefined>;
}
