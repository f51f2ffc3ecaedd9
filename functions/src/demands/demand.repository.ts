import type { CooperationMode, Demand, IndustryField, Province } from '@cic/shared';
import type { ListingRepository } from '../listings/listing.repository';

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

/** The demands store (listings/listing.repository.ts). */
export interface DemandRepository extends ListingRepository<Demand, PublishedFilter> {
  /** Writes `next` only if the stored version is still `expectedVersion`. False on a conflict. Never touches followerCount. */
  updateIfVersion(next: Demand, expectedVersion: number): Promise<boolean>;
}
