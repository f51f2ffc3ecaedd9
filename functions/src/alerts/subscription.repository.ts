import type { Subscription } from '@cic/shared';
import type { IndexKey } from './percolator.port';

export interface SubscriptionRepository {
  /**
   * Stores the subscription and its percolator entries in one transaction, and counts it against the user's limit.
   * 'limit_reached' when the user already has `limit` subscriptions; nothing is written then.
   */
  create(sub: Subscription, indexKeys: readonly IndexKey[], limit: number): Promise<'created' | 'limit_reached'>;
  /** Removes the subscription and its percolator entries; 'not_found' if the user has no such subscription. */
  delete(userId: string, subId: string): Promise<'deleted' | 'not_found'>;
  /** A user's subscriptions (at most the per-user limit, so one page). */
  listByUser(userId: string): Promise<Subscription[]>;
}
