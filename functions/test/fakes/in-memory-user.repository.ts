// UserRepository in memory: an identity keeps the account it was first given, as the conditional transaction does.
import type { User } from '../../src/auth/auth-user';
import type { UserRepository } from '../../src/auth/user.repository';

export interface InMemoryUserRepository extends UserRepository {
  /** Every stored account, as stored. */
  all(): User[];
  /** Identity key → account id. */
  identities(): Record<string, string>;
}

export function createInMemoryUserRepository(): InMemoryUserRepository {
  const users = new Map<string, User>();
  const identities = new Map<string, string>();
  const copy = (user: User | undefined) => (user ? structuredClone(user) : undefined);
  return {
    async getOrCreate(fresh) {
      const existing = users.get(identities.get(fresh.identityKey) ?? '');
      if (existing) return structuredClone(existing);
      identities.set(fresh.identityKey, fresh.id);
      users.set(fresh.id, structuredClone(fresh));
      return structuredClone(fresh);
    },
    get: async (id) => copy(users.get(id)),
    async openSession(userId, sessionId, expiresAt, drop) {
      const user = users.get(userId);
      if (!user) return false;
      for (const id of drop) delete user.sessions[id];
      user.sessions[sessionId] = expiresAt;
      return true;
    },
    async closeSession(userId, sessionId) {
      delete users.get(userId)?.sessions[sessionId];
    },
    async remove(user) {
      users.delete(user.id);
      identities.delete(user.identityKey);
    },
    all: () => [...users.values()].map((u) => structuredClone(u)),
    identities: () => Object.fromEntries(identities),
  };
}
