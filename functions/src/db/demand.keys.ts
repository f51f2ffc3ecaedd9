// The key layout of the demands table (listing.keys.ts, plus the track index). Only this file knows it; the indexes
// themselves are defined in infra/tables.cjs.
import type { Demand } from '@cic/shared';
import { demandProvince } from '../demands/demand.lifecycle';
import { LISTING_REMOVABLE_ATTRIBUTES, listingItems } from './listing.keys';
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

export const DEMAND_ITEMS = listingItems<Demand>({
  changeFeed: CHANGE_FEED,
  field: (d) => d.field,
  province: demandProvince,
  morePublished: { attributes: [DEMAND_INDEXES.publishedByTrack.hashKey], of: (d) => ({ pubTrack: d.trackId }) },
});

export const toDemandItem = DEMAND_ITEMS.toItem;
export const fromDemandItem = DEMAND_ITEMS.fromItem;

/** Attributes that a full rewrite of a demand must remove when the new state lacks them. */
export const REMOVABLE_ATTRIBUTES = [...LISTING_REMOVABLE_ATTRIBUTES, 'pubTrack', 'trackId', 'matchedAt', 'source'] as const;
