// A PercolatorPort over a Map of index key → subscriptions, recording every partition read.
import { conditionsOf, type Subscription, type SubscriptionConditions } from '@cic/shared';
import type { IndexKey, PercolatorPort } from '../../../src/alerts/percolator.port';
import { indexKeysOf } from '../../../src/alerts/matching/matcher';

export class InMemoryPercolator implements PercolatorPort {
  private readonly partitions = new Map<IndexKey, Subscription[]>();
  /** Every readPartition call, in order. */
  readonly reads: IndexKey[] = [];

  /** Stores the subscription under the given keys, or under indexKeysOf with the given document frequencies. */
  add(subscription: Subscription, keys: readonly IndexKey[] = indexKeysOf(subscription, () => 0)): this {
    for (const key of keys) {
      const partition = this.partitions.get(key);
      if (partition) partition.push(subscription);
      else this.partitions.set(key, [subscription]);
    }
    return this;
  }

  keys(): IndexKey[] {
    return [...this.partitions.keys()];
  }

  async *readPartition(key: IndexKey): AsyncIterable<Subscription> {
    this.reads.push(key);
    for (const subscription of this.partitions.get(key) ?? []) yield subscription;
  }

  async indexedKeywords(): Promise<ReadonlySet<string>> {
    const out = new Set<string>();
    for (const key of this.partitions.keys()) if (key.startsWith('kw#')) out.add(key.slice('kw#'.length));
    return out;
  }
}

let sequence = 0;

/** A stored subscription: no conditions unless given, a fresh id, user `subscriber-1` unless given. */
export function subscription(
  conditions: Partial<SubscriptionConditions>,
  meta: Partial<Pick<Subscription, 'id' | 'userId'>> = {},
): Subscription {
  sequence += 1;
  return {
    ...conditionsOf(conditions),
    id: meta.id ?? `sub-${String(sequence).padStart(4, '0')}`,
    userId: meta.userId ?? 'subscriber-1',
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}
