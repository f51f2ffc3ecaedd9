// The key layout shared by the tables of listings (demands, achievements): which attributes feed which index. Each
// table's own file (demand.keys.ts, achievement.dynamo.ts) names its indexes and any extra sparse key; the indexes
// themselves are defined in infra/tables.cjs.
import type { ListingMeta } from '@cic/shared';
import type { KeyOrder } from './table-keys';

/** The indexes every listings table has (infra/tables.cjs): the owner's list, the status lists, the published lists and the change feed. */
export interface ListingIndexes {
  byOwner: KeyOrder;
  byStatus: KeyOrder;
  publishedByField: KeyOrder;
  publishedByProvince: KeyOrder;
  byChange: KeyOrder;
}

/** The index attributes every listings table's items carry (each is an index's key, never a field of the listing). */
export const LISTING_INDEX_ATTRIBUTES = ['statusKey', 'changeFeed', 'changeKey', 'pubKey', 'pubField', 'pubProvince'] as const;

/** Attributes that a full rewrite of a listing must remove when the new state lacks them. */
export const LISTING_REMOVABLE_ATTRIBUTES = [
  'pubKey',
  'pubField',
  'pubProvince',
  'submittedAt',
  'publishedAt',
  'closedAt',
  'rejectReason',
  'safety',
] as const;

/** When the listing entered its current status: what its place in the status lists is sorted by. */
export function statusAt(l: ListingMeta): string {
  if (l.status === 'published' && l.publishedAt) return l.publishedAt;
  if (l.status === 'pending_review' && l.submittedAt) return l.submittedAt;
  return l.updatedAt;
}

export interface ListingKeySpec<L extends ListingMeta> {
  /** The one partition of the change feed (a few thousand listings a year is far below a partition's limits). */
  changeFeed: string;
  field(listing: L): string | undefined;
  province(listing: L): string | undefined;
  /** More sparse keys of a published listing (a demand's track), and their attribute names. */
  morePublished?: { attributes: readonly string[]; of(listing: L): Record<string, string | undefined> };
}

/** The item codec of a listings table: a listing with its index keys, and back. */
export function listingItems<L extends ListingMeta>(spec: ListingKeySpec<L>) {
  const indexAttributes: readonly string[] = [...LISTING_INDEX_ATTRIBUTES, ...(spec.morePublished?.attributes ?? [])];
  return {
    indexAttributes,
    toItem: (l: L): L & Record<string, unknown> => {
      const item: Record<string, unknown> = {
        ...(l as object),
        statusKey: `${statusAt(l)}#${l.id}`,
        changeFeed: spec.changeFeed,
        changeKey: `${l.updatedAt}#${l.id}`,
      };
      // Published listings only: these indexes are sparse.
      if (l.status === 'published' && l.publishedAt) {
        item.pubKey = `${l.publishedAt}#${l.id}`;
        const field = spec.field(l);
        if (field) item.pubField = field;
        const province = spec.province(l);
        if (province) item.pubProvince = province;
        for (const [attr, value] of Object.entries(spec.morePublished?.of(l) ?? {})) if (value) item[attr] = value;
      }
      return item as L & Record<string, unknown>;
    },
    fromItem: (item: Record<string, unknown>): L => {
      const listing = { ...item };
      for (const attr of indexAttributes) delete listing[attr];
      return listing as unknown as L;
    },
  };
}
export type ListingItems<L extends ListingMeta> = ReturnType<typeof listingItems<L>>;
