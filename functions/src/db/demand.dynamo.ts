import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEMAND_FIELD_LABELS, type Demand } from '@cic/shared';
import type { PageRequest } from '../common/page';
import type { DemandRepository, PublishedFilter } from '../demands/demand.repository';
import { batchGet } from './batch-get';
import { CHANGE_FEED, DEMAND_INDEXES, DEMANDS, fromDemandItem, REMOVABLE_ATTRIBUTES, toDemandItem } from './demand.keys';
import { conditionally } from './errors';
import { queryPage } from './query-page';
import { partitionOf, type PartitionQuery } from './table-keys';

const FORM_ATTRIBUTES = Object.keys(DEMAND_FIELD_LABELS);
/** Follows and solutions change their counters in their own transactions; a rewrite of the demand must not touch them. */
const NEVER_REWRITTEN = new Set(['id', 'followerCount', 'solutionCount']);

/**
 * The write of a whole demand under its version check: every attribute set, every absent optional one removed, the
 * counters (kept by their own transactions) untouched. Used alone, and inside transactions with other tables.
 */
export function demandUpdate(table: string, next: Demand, expectedVersion: number) {
  const item = toDemandItem(next) as unknown as Record<string, unknown>;
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  for (const [attr, value] of Object.entries(item)) {
    if (NEVER_REWRITTEN.has(attr) || value === undefined) continue;
    n += 1;
    names[`#a${n}`] = attr;
    values[`:v${n}`] = value;
    sets.push(`#a${n} = :v${n}`);
  }
  for (const attr of [...FORM_ATTRIBUTES, ...REMOVABLE_ATTRIBUTES]) {
    if (item[attr] !== undefined) continue;
    n += 1;
    names[`#a${n}`] = attr;
    removes.push(`#a${n}`);
  }
  return {
    TableName: table,
    Key: DEMANDS.key({ id: next.id }),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: 'attribute_exists(id) AND #version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** One more follower or solution on a demand, inside the follow's or the solution's transaction: only while it is published. */
export function countOnPublished(table: string, demandId: string, counter: 'followerCount' | 'solutionCount') {
  return {
    TableName: table,
    Key: DEMANDS.key({ id: demandId }),
    UpdateExpression: `ADD ${counter} :one`,
    ConditionExpression: '#status = :published',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':one': 1, ':published': 'published' },
  };
}

export function createDemandDynamoRepository(doc: DynamoDBDocumentClient, table: string): DemandRepository {
  const get = async (id: string) => {
    const out = await doc.send(new GetCommand({ TableName: table, Key: DEMANDS.key({ id }), ConsistentRead: true }));
    return out.Item ? fromDemandItem(out.Item) : undefined;
  };

  return {
    async create(demand) {
      const written = await conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: table,
            Item: toDemandItem(demand),
            ConditionExpression: 'attribute_not_exists(id)',
          }),
        ),
      );
      return written ? 'created' : 'exists';
    },

    get,

    async getMany(ids) {
      const unique = [...new Set(ids)];
      const items = await batchGet(
        doc,
        table,
        unique.map((id) => DEMANDS.key({ id })),
      );
      return items.map(fromDemandItem);
    },

    async updateIfVersion(next, expectedVersion) {
      return conditionally(() => doc.send(new UpdateCommand(demandUpdate(table, next, expectedVersion))));
    },

    deleteIfVersion(id, expectedVersion) {
      return conditionally(() =>
        doc.send(
          new DeleteCommand({
            TableName: table,
            Key: DEMANDS.key({ id }),
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
        ),
      );
    },

    listByOwner(ownerId, page) {
      const ix = DEMAND_INDEXES.byOwner;
      return queryPage(
        doc,
        { TableName: table, ...partitionOf(ix, ownerId), ScanIndexForward: false },
        page,
        ix.cursorKeys,
        fromDemandItem,
      );
    },

    listPendingReview(page, order) {
      const ix = DEMAND_INDEXES.byStatus;
      return queryPage(
        doc,
        { TableName: table, ...partitionOf(ix, 'pending_review'), ScanIndexForward: order === 'oldest' },
        page,
        ix.cursorKeys,
        fromDemandItem,
      );
    },

    listPublished(filter, page) {
      return listPublished(doc, table, filter, page);
    },

    listChangedSince(sinceIso, page) {
      const ix = DEMAND_INDEXES.byChange;
      return queryPage(
        doc,
        { TableName: table, ...partitionOf(ix, CHANGE_FEED, { op: '>=', value: sinceIso }), ScanIndexForward: true },
        page,
        ix.cursorKeys,
        fromDemandItem,
      );
    },
  };
}

/**
 * Published demands, newest first. The most selective key the filter names picks the index (field, then province,
 * else all published); the rest of the filter is a FilterExpression on that Query.
 */
function listPublished(doc: DynamoDBDocumentClient, table: string, filter: PublishedFilter, page: PageRequest) {
  const { publishedByTrack, publishedByField, publishedByProvince, byStatus } = DEMAND_INDEXES;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const filters: string[] = [];
  let partition: PartitionQuery;
  let index: (typeof DEMAND_INDEXES)[keyof typeof DEMAND_INDEXES];

  if (filter.trackId) {
    index = publishedByTrack;
    partition = partitionOf(index, filter.trackId);
  } else if (filter.field) {
    index = publishedByField;
    partition = partitionOf(index, filter.field);
  } else if (filter.province) {
    index = publishedByProvince;
    partition = partitionOf(index, filter.province);
  } else {
    index = byStatus;
    partition = partitionOf(index, 'published');
  }
  // The sparse indexes' keys double as filters: only a published demand carries them.
  if (filter.field && index !== publishedByField) {
    names['#field'] = publishedByField.hashKey;
    values[':field'] = filter.field;
    filters.push('#field = :field');
  }
  if (filter.province && index !== publishedByProvince) {
    names['#province'] = publishedByProvince.hashKey;
    values[':province'] = filter.province;
    filters.push('#province = :province');
  }
  if (filter.regionContains) {
    names['#region'] = 'region';
    values[':region'] = filter.regionContains;
    filters.push('contains(#region, :region)');
  }
  if (filter.cooperation) {
    values[':coop'] = filter.cooperation;
    filters.push('contains(cooperationModes, :coop)');
  }
  if (filter.minBudgetWan !== undefined) {
    values[':minBudget'] = filter.minBudgetWan;
    filters.push('budgetWan >= :minBudget');
  }

  return queryPage(
    doc,
    {
      TableName: table,
      ...partition,
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeNames: { ...partition.ExpressionAttributeNames, ...names },
      ExpressionAttributeValues: { ...partition.ExpressionAttributeValues, ...values },
      ScanIndexForward: false,
    },
    page,
    index.cursorKeys,
    fromDemandItem,
  );
}
