import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEMAND_FIELD_LABELS, type Demand } from '@cic/shared';
import type { DemandRepository, PublishedFilter } from '../demands/demand.repository';
import { CHANGE_FEED, DEMAND_INDEXES, DEMAND_ITEMS, DEMANDS, REMOVABLE_ATTRIBUTES } from './demand.keys';
import { createListingDynamoStore, listingFilters, listingUpdate, type ListingTable, type PublishedPlan } from './listing.dynamo';

const DEMANDS_TABLE: ListingTable<Demand> = {
  items: DEMAND_ITEMS,
  indexes: DEMAND_INDEXES,
  changeFeed: CHANGE_FEED,
  formAttributes: Object.keys(DEMAND_FIELD_LABELS),
  removable: REMOVABLE_ATTRIBUTES,
  /** Follows and solutions change their counters in their own transactions; a rewrite of the demand must not touch them. */
  neverRewritten: ['followerCount', 'solutionCount'],
};

/**
 * The write of a whole demand under its version check: every attribute set, every absent optional one removed, the
 * counters (kept by their own transactions) untouched. Used alone, and inside transactions with other tables.
 */
export function demandUpdate(table: string, next: Demand, expectedVersion: number) {
  return listingUpdate(DEMANDS_TABLE, table, next, expectedVersion);
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

/** The published demands a list filter asks for: by track, then field, then province, else all published. */
function planOf(filter: PublishedFilter): PublishedPlan {
  const { publishedByTrack, publishedByField, publishedByProvince } = DEMAND_INDEXES;
  const filters = listingFilters(filter);
  if (filter.cooperation)
    filters.push({ expression: 'contains(cooperationModes, :coop)', values: { ':coop': filter.cooperation } });
  if (filter.minBudgetWan !== undefined) {
    filters.push({ expression: 'budgetWan >= :minBudget', values: { ':minBudget': filter.minBudgetWan } });
  }
  return {
    keyed: [
      { index: publishedByTrack, value: filter.trackId },
      { index: publishedByField, value: filter.field },
      { index: publishedByProvince, value: filter.province },
    ],
    filters,
  };
}

export function createDemandDynamoRepository(doc: DynamoDBDocumentClient, table: string): DemandRepository {
  const store = createListingDynamoStore(DEMANDS_TABLE, doc, table);
  return { ...store, listPublished: (filter, page) => store.listPublished(planOf(filter), page) };
}
