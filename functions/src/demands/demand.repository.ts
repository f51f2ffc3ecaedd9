import type { CooperationMode, Demand, IndustryField, Province, ReviewOrder } from '@cic/shared';
import type { PageRequest, StorePage } from '../common/page';

export interface PublishedFilter {
  /** The track (专场) the demand is in. */
  trackId?: string;
  field?: IndustryField;
  province?: Province;
  /** Matches anywhere in 所属地区, e.g. 苏州 in "江苏省 / 苏州市 / 江宁区". */
  regionContains?: string;
  cooperation?: CooperationMode;
  minBudgetWan?: number;
}

/** The demands store. Each method is one named access pattern on a key or an index. */
export interface DemandRepository {
  /** Stores a new demand; 'exists' if the id is taken (seeding twice keeps the first). */
  create(demand: Demand): Promise<'created' | 'exists'>;
  get(id: string): Promise<Demand | undefined>;
  getMany(ids: readonly string[]): Promise<Demand[]>;
  /** Writes `next` only if the stored version is still `expectedVersion`. False on a conflict. Never touches followerCount. */
  updateIfVersion(next: Demand, expectedVersion: number): Promise<boolean>;
  /** Deletes a demand nobody else has seen (a draft, one under review or rejected) if it is still at `expectedVersion`. */
  deleteIfVersion(id: string, expectedVersion: number): Promise<boolean>;
  /** A user's own demands, newest first. */
  listByOwner(ownerId: string, page: PageRequest): Promise<StorePage<Demand>>;
  /** The review queue by submission time: oldest first, or newest first. */
  listPendingReview(page: PageRequest, order: ReviewOrder): Promise<StorePage<Demand>>;
  /** Published demands, newest first, narrowed by the filter. */
  listPublished(filter: PublishedFilter, page: PageRequest): Promise<StorePage<Demand>>;
  /** Every demand changed at or after `sinceIso`, oldest change first: feeds the search index. */
  listChangedSince(sinceIso: string, page: PageRequest): Promise<StorePage<Demand>>;
}
