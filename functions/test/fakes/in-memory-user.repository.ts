// UserRepository in memory: getOrCreate keeps the first user stored under an id, as the conditional put does.
import type { User } from '../../src/auth/auth-user';
import type { UserRepository } from '../../src/auth/user.repository';

export interface InMemoryUserRepository extends UserRepository {
  /** Every stored user, as stored. */
  all(): User[];
}

export function createInMemoryUserRepository(): InMemoryUserRepository {
  const users = new Map<string, User>();
  return {
    async getOrCreate(user) {
      const existing = users.get(user.id);
      if (existing) return structuredClone(existing);
      users.set(user.id, structuredClone(user));
      return structuredClone(user);
    },
    async get(id) {
      const user = users.get(id);
      return user ? structuredClone(user) : undefined;
    },
    async remove(id) {
      users.delete(id);
    },
    all: () => [...users.values()].map((u) => structuredClone(u)),
  };
}
