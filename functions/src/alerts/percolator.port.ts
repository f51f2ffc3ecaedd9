// The percolator: subscriptions indexed by the key a new demand can find them under.
import type { Subscription } from '@cic/shared';

/**
 * Index keys:
 * - `kw#<canonical keyword>`: a subscription with keywords, under its rarest keyword (synonyms share one canonical form);
 * - `field#<field>` / `region#<name>`: a broad subscription (no keywords), under each of its fields or each of its regions;
 * - `budget`: a subscription with only a minimum budget.
 */
export type IndexKey = string;

/** Entries filed by the keys a new text finds them under: saved searches by default; 成果 by their keywords' concepts. */
export interface PercolatorPort<Entry = Subscription> {
  /** Every entry stored under one index key. Each item read counts toward the cost of matching. */
  readPartition(key: IndexKey): AsyncIterable<Entry>;
  /** The canonical keywords that have at least one entry indexed under them. */
  indexedKeywords(): Promise<ReadonlySet<string>>;
}
