// The key layout of the demands table: which attributes feed which index. Only this file knows it; the indexes
// themselves are defined in infra/tables.cjs.
import type { Demand } from '@cic/shared';
import { demandProvince } from '../demands/demand.lifecycle';
import { indexOf, keysOf, type IndexName } from './table-keys';

export const DEMANDS = keysOf('demands');

export const DEMAND_INDEXES = {
  byOwner: indexOf('demands', 'byOwner'),
  byStatus: indexOf('demands', 'byStatus'),
  publishedByField: indexOf('demands', 'publishedByField'),
  publishedByProvince: indexOf('demands', 'publishedByProvince'),
  publishedByTrack: indexOf('demands', 'publishedByTrack'),
  byChange: indexOf('demands', 'byChange'),
} as const satisfies { [I in IndexName<'demands'>]: unknown };

/** One partition holds the change feed: a few thousand demands a year is far below a partition's limits. */
export const CHANGE_FEED = 'demand';

type DemandIndex = (typeof DEMAND_INDEXES)[keyof typeof DEMAND_INDEXES];

/** The attributes an item carries only for the indexes (never a field of the demand): each is an index's key. */
const INDEX_ATTRIBUTES = [
  'statusKey',
  'changeFeed',
  'changeKey',
  'pubKey',
  'pubField',
  'pubProvince',
  'pubTrack',
] as const satisfies readonly (DemandIndex['hashKey'] | DemandIndex['rangeKey'])[];

/** When the demand entered its current status: what its place in the status lists is sorted by. */
function statusAt(d: Demand): string {
  if (d.status === 'published' && d.publishedAt) return d.publishedAt;
  if (d.status === 'pending_review' && d.submittedAt) return d.submittedAt;
  return d.updatedAt;
}

export type DemandItem = Demand & Partial<Record<(typeof INDEX_ATTRIBUTES)[number], string>>;

export function toDemandItem(d: Demand): DemandItem {
  const item: DemandItem = {
    ...d,
    statusKey: `${statusAt(d)}#${d.id}`,
    changeFeed: CHANGE_FEED,
    changeKey: `${d.updatedAt}#${d.id}`,
  };
  // Published demands only: these two indexes are sparse.
  if (d.status === 'published' && d.publishedAt) {
    item.pubKey = `${d.publishedAt}#${d.id}`;
    if (d.field) item.pubField = d.field;
    const province = demandProvince(d);
    if (province) item.pubProvince = province;
    if (d.trackId) item.pubTrack = d.trackId;
  }
  return item;
}

export function fromDemandItem(item: Record<string, unknown>): Demand {
  const demand = { ...item };
  for (const attr of INDEX_ATTRIBUTES) delete demand[attr];
  return demand as unknown as Demand;
}

/** Attributes that a full rewrite of a demand must remove when the new state lacks them. */
export const REMOVABLE_ATTRIBUTES = [
  'pubKey',
  'pubField',
  'pubProvince',
  'pubTrack',
  'trackId',
  'matchedAt',
  'submittedAt',
  'publishedAt',
  'closedAt',
  'rejectReason',
  'source',
  'safety',
] as const;
