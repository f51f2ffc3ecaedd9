import type { ReviewOrder } from '@cic/shared';
import type { PageRequest, StorePage } from '../common/page';

/**
 * A listings store (demands, 成果), `F` the filter of its published list. Each method is one named access pattern on a
 * key or an index (infra/tables.cjs).
 */
export interface ListingRepository<L, F> {
  /** Stores a new listing; 'exists' if the id is taken (seeding twice keeps the first). */
  create(listing: L): Promise<'created' | 'exists'>;
  get(id: string): Promise<L | undefined>;
  getMany(ids: readonly string[]): Promise<L[]>;
  /** Writes `next` only if the stored version is still `expectedVersion`. False on a conflict. */
  updateIfVersion(next: L, expectedVersion: number): Promise<boolean>;
  /** Deletes a listing nobody else has seen (a draft, one under review or rejected) if it is still at `expectedVersion`. */
  deleteIfVersion(id: string, expectedVersion: number): Promise<boolean>;
  /** An owner's own listings, newest first. */
  listByOwner(ownerId: string, page: PageRequest): Promise<StorePage<L>>;
  /** The review queue by submission time: oldest first, or newest first. */
  listPendingReview(page: PageRequest, order: ReviewOrder): Promise<StorePage<L>>;
  /** Published listings, newest first, narrowed by the filter. */
  listPublished(filter: F, page: PageRequest): Promise<StorePage<L>>;
  /** Every listing changed at or after `sinceIso`, oldest change first: feeds the kind's search index. */
  listChangedSince(sinceIso: string, page: PageRequest): Promise<StorePage<L>>;
}
