// The percolator: subscriptions indexed by the key a new demand can find them under.
import type { Subscription } from '@cic/shared';

/**
 * Index keys:
 * - `kw#<canonical keyword>`: a subscription with keywords, under its rarest keyword (synonyms share one canonical form);
 * - `field#<field>` / `region#<name>`: a broad subscription (no keywords), under each of its fields or each of its regions;
 * - `budget`: a subscription with only a minimum budget.
 */
export type IndexKey = string;

export interface PercolatorPort {
  /** Every subscription stored under one index key. Each item read counts toward the cost of matching. */
  readPartition(key: IndexKey): AsyncIterable<Subscription>;
  /** The canonical keywords that have at least one subscription indexed under them. */
  indexedKeywords(): Promise<ReadonlySet<string>>;
}
