import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Solution } from '@cic/shared';
import type { SolutionRepository } from '../contest/contest.ports';
import { countOnPublished, demandUpdate } from './demand.dynamo';
import { conditionally } from './errors';
import { queryAll } from './query-page';
import { indexOf, keysOf, partitionOf } from './table-keys';
import { anyConditionFailed, conditionFailedAt, transact } from './transact';

const SOLUTIONS = keysOf('solutions');
const BY_DEMAND = indexOf('solutions', 'byDemand');
const BY_SUBMITTER = indexOf('solutions', 'bySubmitter');

/** What both indexes sort by (typed so that it must be both their range keys): creation time then id, so equal times keep a stable order. */
const CREATED_KEY: (typeof BY_SUBMITTER)['rangeKey'] = BY_DEMAND.rangeKey;
const createdKey = (s: Solution) => `${s.createdAt}#${s.id}`;
const toItem = (s: Solution) => ({ ...s, [CREATED_KEY]: createdKey(s) });
function fromItem(item: Record<string, unknown>): Solution {
  const { [CREATED_KEY]: _k, ...solution } = item;
  return solution as unknown as Solution;
}

export function createSolutionDynamoRepository(
  doc: DynamoDBDocumentClient,
  tables: { solutions: string; demands: string },
): SolutionRepository {
  const versioned = (next: Solution, expectedVersion: number) => ({
    TableName: tables.solutions,
    Item: toItem(next),
    ConditionExpression: 'attribute_exists(id) AND #version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': expectedVersion },
  });

  return {
    /** The solution's put (one per user per demand: its id is derived from both) and the demand's count, together. */
    async create(solution) {
      const outcome = await transact(
        doc,
        [
          { Put: { TableName: tables.solutions, Item: toItem(solution), ConditionExpression: 'attribute_not_exists(id)' } },
          { Update: countOnPublished(tables.demands, solution.demandId, 'solutionCount') },
        ],
        (reasons) => {
          if (conditionFailedAt(reasons, 0)) return 'exists';
          if (conditionFailedAt(reasons, 1)) return 'not_open';
          return undefined;
        },
      );
      return outcome === 'done' ? 'created' : outcome;
    },

    async get(id) {
      const out = await doc.send(
        new GetCommand({ TableName: tables.solutions, Key: SOLUTIONS.key({ id }), ConsistentRead: true }),
      );
      return out.Item ? fromItem(out.Item) : undefined;
    },

    updateIfVersion(next, expectedVersion) {
      return conditionally(() => doc.send(new PutCommand(versioned(next, expectedVersion))));
    },

    async recordIntent(solution, demand) {
      const outcome = await transact(
        doc,
        [
          { Put: versioned(solution.next, solution.expectedVersion) },
          { Update: demandUpdate(tables.demands, demand.next, demand.expectedVersion) },
        ],
        (reasons) => (anyConditionFailed(reasons) ? 'conflict' : undefined),
      );
      return outcome === 'done' ? 'stored' : outcome;
    },

    async listByDemand(demandId) {
      const items = await queryAll(doc, { TableName: tables.solutions, ...partitionOf(BY_DEMAND, demandId) });
      return items.map(fromItem);
    },

    async listBySubmitter(submitterId) {
      const items = await queryAll(doc, {
        TableName: tables.solutions,
        ...partitionOf(BY_SUBMITTER, submitterId),
        ScanIndexForward: false,
      });
      return items.map(fromItem);
    },
  };
}
