import type { Achievement, IndustryField, Province } from '@cic/shared';
import type { ListingRepository } from '../listings/listing.repository';

export interface PublishedAchievementFilter {
  field?: IndustryField;
  province?: Province;
  /** Matches anywhere in 所在地区, e.g. 苏州 in "江苏省 / 苏州市". */
  regionContains?: string;
  trlMin?: number;
}

/** The 成果 store (listings/listing.repository.ts) on the achievements table. */
export type AchievementRepository = ListingRepository<Achievement, PublishedAchievementFilter>;
