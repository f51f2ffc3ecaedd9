// The DynamoDB adapter of a listings table (demands, achievements): one item per listing under a version, with the
// index keys of listing.keys.ts. Each method is one named access pattern on the key or an index; no Scan.
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ListingMeta, ReviewOrder } from '@cic/shared';
import type { PageRequest, StorePage } from '../common/page';
import { batchGet } from './batch-get';
import { conditionally } from './errors';
import type { ListingIndexes, ListingItems } from './listing.keys';
import { queryPage } from './query-page';
import { partitionOf, type KeyOrder, type PartitionQuery } from './table-keys';

export interface ListingTable<L extends ListingMeta> {
  items: ListingItems<L>;
  indexes: ListingIndexes;
  changeFeed: string;
  /** The names of the form's fields: a rewrite removes the ones the new state lacks. */
  formAttributes: readonly string[];
  /** More attributes a rewrite removes when the new state lacks them (listing.keys.ts and the kind's own). */
  removable: readonly string[];
  /** Attributes a rewrite never touches (counters kept by their own transactions). */
  neverRewritten?: readonly string[];
}

/** Published listings narrowed: the first keyed value given picks the sparse index, the rest filter that Query. */
export interface PublishedPlan {
  /** In order of selectivity: each a sparse index of published listings and the value of its hash key. */
  keyed: { index: KeyOrder; value: string | undefined }[];
  /** Further conditions, each with the names and values it uses. */
  filters: { expression: string; names?: Record<string, string>; values: Record<string, unknown> }[];
}

/** The filters of a published list that every kind has: `regionContains` anywhere in the listing's region. */
export function listingFilters(filter: { regionContains?: string }): PublishedPlan['filters'] {
  if (!filter.regionContains) return [];
  return [
    { expression: 'contains(#region, :region)', names: { '#region': 'region' }, values: { ':region': filter.regionContains } },
  ];
}

/**
 * The write of a whole listing under its version check: every attribute set, every absent optional one removed, the
 * counters untouched. Used alone, and inside transactions with other tables.
 */
export function listingUpdate<L extends ListingMeta>(spec: ListingTable<L>, table: string, next: L, expectedVersion: number) {
  const item = spec.items.toItem(next) as Record<string, unknown>;
  const never = new Set(['id', ...(spec.neverRewritten ?? [])]);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  for (const [attr, value] of Object.entries(item)) {
    if (never.has(attr) || value === undefined) continue;
    n += 1;
    names[`#a${n}`] = attr;
    values[`:v${n}`] = value;
    sets.push(`#a${n} = :v${n}`);
  }
  for (const attr of [...spec.formAttributes, ...spec.removable]) {
    if (item[attr] !== undefined) continue;
    n += 1;
    names[`#a${n}`] = attr;
    removes.push(`#a${n}`);
  }
  return {
    TableName: table,
    Key: { id: next.id },
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: 'attribute_exists(id) AND #version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

export function createListingDynamoStore<L extends ListingMeta>(
  spec: ListingTable<L>,
  doc: DynamoDBDocumentClient,
  table: string,
) {
  const { items, indexes } = spec;
  const fromItem = items.fromItem;
  const inPartition = (index: KeyOrder, partition: PartitionQuery, page: PageRequest, forward: boolean) =>
    queryPage(doc, { TableName: table, ...partition, ScanIndexForward: forward }, page, index.cursorKeys, fromItem);

  return {
    create: async (listing: L): Promise<'created' | 'exists'> => {
      const written = await conditionally(() =>
        doc.send(
          new PutCommand({ TableName: table, Item: items.toItem(listing), ConditionExpression: 'attribute_not_exists(id)' }),
        ),
      );
      return written ? 'created' : 'exists';
    },

    get: async (id: string): Promise<L | undefined> => {
      const out = await doc.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }));
      return out.Item ? fromItem(out.Item) : undefined;
    },

    getMany: async (ids: readonly string[]): Promise<L[]> => {
      const keys = [...new Set(ids)].map((id) => ({ id }));
      return (await batchGet(doc, table, keys)).map(fromItem);
    },

    updateIfVersion: (next: L, expectedVersion: number): Promise<boolean> => {
      return conditionally(() => doc.send(new UpdateCommand(listingUpdate(spec, table, next, expectedVersion))));
    },

    deleteIfVersion: (id: string, expectedVersion: number): Promise<boolean> => {
      return conditionally(() =>
        doc.send(
          new DeleteCommand({
            TableName: table,
            Key: { id },
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
        ),
      );
    },

    listByOwner: (ownerId: string, page: PageRequest): Promise<StorePage<L>> => {
      return inPartition(indexes.byOwner, partitionOf(indexes.byOwner, ownerId), page, false);
    },

    listPendingReview: (page: PageRequest, order: ReviewOrder): Promise<StorePage<L>> => {
      return inPartition(indexes.byStatus, partitionOf(indexes.byStatus, 'pending_review'), page, order === 'oldest');
    },

    listChangedSince: (sinceIso: string, page: PageRequest): Promise<StorePage<L>> => {
      const ix = indexes.byChange;
      return inPartition(ix, partitionOf(ix, spec.changeFeed, { op: '>=', value: sinceIso }), page, true);
    },

    /**
     * Published listings, newest first. The most selective key the plan names picks the index, else all published;
     * the rest of the plan is a FilterExpression on that Query.
     */
    listPublished: (plan: PublishedPlan, page: PageRequest): Promise<StorePage<L>> => {
      const chosen = plan.keyed.find((k) => k.value !== undefined);
      const index = chosen?.index ?? indexes.byStatus;
      const partition = partitionOf(index, chosen?.value ?? 'published');
      const names: Record<string, string> = { ...partition.ExpressionAttributeNames };
      const values: Record<string, unknown> = { ...partition.ExpressionAttributeValues };
      const filters: string[] = [];
      // The sparse indexes' keys double as filters: only a published listing carries them.
      plan.keyed.forEach(({ index: other, value }, i) => {
        if (value === undefined || other === index) return;
        names[`#k${i}`] = other.hashKey;
        values[`:k${i}`] = value;
        filters.push(`#k${i} = :k${i}`);
      });
      for (const f of plan.filters) {
        Object.assign(names, f.names ?? {});
        Object.assign(values, f.values);
        filters.push(f.expression);
      }
      return queryPage(
        doc,
        {
          TableName: table,
          ...partition,
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
        },
        page,
        index.cursorKeys,
        fromItem,
      );
    },
  };
}
