// The achievements table (成果): the demands' key layout (listing.keys.ts) and adapter (listing.dynamo.ts), with the
// 成果's own filters (技术成熟度 at least trlMin).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ACHIEVEMENT_FIELD_LABELS, provinceOf, type Achievement } from '@cic/shared';
import type { AchievementRepository, PublishedAchievementFilter } from '../achievements/achievement.repository';
import { LISTING_REMOVABLE_ATTRIBUTES, listingItems } from './listing.keys';
import { createListingDynamoStore, listingFilters, type ListingTable, type PublishedPlan } from './listing.dynamo';
import { indexOf, type IndexName } from './table-keys';

export const ACHIEVEMENT_INDEXES = {
  byOwner: indexOf('achievements', 'byOwner'),
  byStatus: indexOf('achievements', 'byStatus'),
  publishedByField: indexOf('achievements', 'publishedByField'),
  publishedByProvince: indexOf('achievements', 'publishedByProvince'),
  byChange: indexOf('achievements', 'byChange'),
} as const satisfies { [I in IndexName<'achievements'>]: unknown };

export const ACHIEVEMENT_ITEMS = listingItems<Achievement>({
  changeFeed: 'achievement',
  field: (a) => a.field,
  province: (a) => (a.region ? provinceOf(a.region) : undefined),
});

const ACHIEVEMENTS_TABLE: ListingTable<Achievement> = {
  items: ACHIEVEMENT_ITEMS,
  indexes: ACHIEVEMENT_INDEXES,
  changeFeed: 'achievement',
  formAttributes: Object.keys(ACHIEVEMENT_FIELD_LABELS),
  removable: [...LISTING_REMOVABLE_ATTRIBUTES, 'example'],
};

function planOf(filter: PublishedAchievementFilter): PublishedPlan {
  const filters = listingFilters(filter);
  if (filter.trlMin !== undefined) filters.push({ expression: 'trl >= :trlMin', values: { ':trlMin': filter.trlMin } });
  return {
    keyed: [
      { index: ACHIEVEMENT_INDEXES.publishedByField, value: filter.field },
      { index: ACHIEVEMENT_INDEXES.publishedByProvince, value: filter.province },
    ],
    filters,
  };
}

export function createAchievementDynamoRepository(doc: DynamoDBDocumentClient, table: string): AchievementRepository {
  const store = createListingDynamoStore(ACHIEVEMENTS_TABLE, doc, table);
  return { ...store, listPublished: (filter, page) => store.listPublished(planOf(filter), page) };
}
