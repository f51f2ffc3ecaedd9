import type { DemandStatus } from './demand.enums';
import type { HiddenDemandField } from './demand.labels';
import type { DemandDraft } from './demand.schema';

/** Where an imported demand came from (the seeded real demands). */
export interface DemandSource {
  name: 'jstec';
  label: string;
  externalId: string;
  url: string;
}

export interface StatusEvent {
  status: DemandStatus;
  at: string;
  /** The reject reason, shown to the owner. */
  note?: string;
}

/** What every listing (a demand or a 成果) carries besides its form; a kind adds its own metadata. */
export interface ListingMeta<S extends DemandStatus = DemandStatus> {
  id: string;
  ownerId: string;
  status: S;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  publishedAt?: string;
  closedAt?: string;
  rejectReason?: string;
  /** Bumped on every write of the form or the status. */
  version: number;
  history: StatusEvent[];
  /** Set when WeChat's content check asked for a person's review, or could not run: the review queue flags it. */
  safety?: 'review' | 'unchecked';
}

export interface DemandMeta extends ListingMeta {
  followerCount: number;
  /** Solutions submitted (揭榜), kept exact by the transaction that stores each one. Absent on older items: 0. */
  solutionCount?: number;
  /** When the owner recorded an intent agreement with a solution's team. */
  matchedAt?: string;
  /** The track (专场) an organiser put the demand in. */
  trackId?: string;
  source?: DemandSource;
}

/** A demand as its owner and the organisers see it. Form fields are optional because drafts are partial. */
export type Demand = DemandMeta & DemandDraft;

/** A demand as anyone else sees it: no owner id, no review notes, and no hidden field when anonymous. */
export type PublicDemand = Omit<Demand, 'ownerId' | 'rejectReason' | 'safety' | HiddenDemandField> &
  Partial<Pick<Demand, HiddenDemandField>>;

/** What every list card shows of a listing, a demand's or a 成果's; each kind adds its own fields (and an excerpt). */
export const LISTING_SUMMARY_KEYS = [
  'id',
  'status',
  'title',
  'field',
  'fieldOther',
  'region',
  'publishedAt',
  'anonymous',
] as const;

/** What a demand's list card needs besides its excerpt. */
export const DEMAND_SUMMARY_KEYS = [
  ...LISTING_SUMMARY_KEYS,
  'budgetWan',
  'cooperationModes',
  'cooperationOther',
  'followerCount',
] as const;

/** What a list card needs. */
export type DemandSummary = Pick<PublicDemand, (typeof DEMAND_SUMMARY_KEYS)[number]> & { excerpt: string };
