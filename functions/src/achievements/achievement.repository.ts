import type { Achievement, IndustryField, Province, ReviewOrder } from '@cic/shared';
import type { PageRequest, StorePage } from '../common/page';

export interface PublishedAchievementFilter {
  field?: IndustryField;
  province?: Province;
  /** Matches anywhere in 所在地区, e.g. 苏州 in "江苏省 / 苏州市". */
  regionContains?: string;
  trlMin?: number;
}

/** The 成果 store. Each method is one named access pattern on a key or an index (infra/tables.cjs `achievements`). */
export interface AchievementRepository {
  /** Stores a new 成果; 'exists' if the id is taken (seeding twice keeps the first). */
  create(achievement: Achievement): Promise<'created' | 'exists'>;
  get(id: string): Promise<Achievement | undefined>;
  getMany(ids: readonly string[]): Promise<Achievement[]>;
  /** Writes `next` only if the stored version is still `expectedVersion`. False on a conflict. */
  updateIfVersion(next: Achievement, expectedVersion: number): Promise<boolean>;
  /** Deletes a 成果 nobody else has seen (a draft, one under review or rejected) if it is still at `expectedVersion`. */
  deleteIfVersion(id: string, expectedVersion: number): Promise<boolean>;
  /** A holder's own 成果, newest first. */
  listByOwner(ownerId: string, page: PageRequest): Promise<StorePage<Achievement>>;
  /** The review queue by submission time: oldest first, or newest first. */
  listPendingReview(page: PageRequest, order: ReviewOrder): Promise<StorePage<Achievement>>;
  /** Published 成果, newest first, narrowed by the filter. */
  listPublished(filter: PublishedAchievementFilter, page: PageRequest): Promise<StorePage<Achievement>>;
  /** Every 成果 changed at or after `sinceIso`, oldest change first: feeds the 成果 search index. */
  listChangedSince(sinceIso: string, page: PageRequest): Promise<StorePage<Achievement>>;
}
