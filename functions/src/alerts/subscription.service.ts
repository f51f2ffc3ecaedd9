import { fail, ok, SUBSCRIPTION_LIMITS, type Result, type Subscription, type SubscriptionConditions } from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import { indexKeysOf } from './matching/matcher';
import { canonicalOf } from './matching/concepts';
import type { SubscriptionRepository } from './subscription.repository';

export function createSubscriptionService(deps: {
  subscriptions: SubscriptionRepository;
  /** How many published demands contain a keyword: the rarest keyword is the cheapest to index under. */
  documentFrequency: (keyword: string) => Promise<number>;
  clock: Clock;
  newId: () => string;
}) {
  return {
    async create(user: AuthUser, conditions: SubscriptionConditions): Promise<Result<Subscription>> {
      const frequencies = new Map<string, number>();
      for (const keyword of conditions.keywords) {
        const canonical = canonicalOf(keyword);
        if (!frequencies.has(canonical)) frequencies.set(canonical, await deps.documentFrequency(canonical));
      }
      const keys = indexKeysOf(conditions, (k) => frequencies.get(k) ?? 0);
      const subscription: Subscription = {
        ...conditions,
        id: deps.newId(),
        userId: user.id,
        createdAt: deps.clock.now().toISOString(),
      };
      const outcome = await deps.subscriptions.create(subscription, keys, SUBSCRIPTION_LIMITS.perUser);
      return outcome === 'created' ? ok(subscription) : fail('SUBSCRIPTION.LIMIT');
    },

    async list(user: AuthUser): Promise<Result<{ items: Subscription[] }>> {
      return ok({ items: await deps.subscriptions.listByUser(user.id) });
    },

    async remove(user: AuthUser, id: string): Promise<Result<{ deleted: true }>> {
      const outcome = await deps.subscriptions.delete(user.id, id);
      return outcome === 'deleted' ? ok({ deleted: true }) : fail('SUBSCRIPTION.NOT_FOUND');
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
