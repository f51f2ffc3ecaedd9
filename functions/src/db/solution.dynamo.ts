import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Solution } from '@cic/shared';
import type { SolutionRepository } from '../contest/contest.ports';
import { demandUpdate } from './demand.dynamo';
import { cancellationReasons, conditionally, withTransactionRetry } from './errors';
import { queryAll } from './query-page';

/** Index attribute: creation time then id, so equal times keep a stable order. */
const createdKey = (s: Solution) => `${s.createdAt}#${s.id}`;
const toItem = (s: Solution) => ({ ...s, createdKey: createdKey(s) });
function fromItem(item: Record<string, unknown>): Solution {
  const { createdKey: _k, ...solution } = item;
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
      try {
        await withTransactionRetry(() =>
          doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: tables.solutions, Item: toItem(solution), ConditionExpression: 'attribute_not_exists(id)' } },
                {
                  Update: {
                    TableName: tables.demands,
                    Key: { id: solution.demandId },
                    UpdateExpression: 'ADD solutionCount :one',
                    ConditionExpression: '#status = :published',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: { ':one': 1, ':published': 'published' },
                  },
                },
              ],
            }),
          ),
        );
        return 'created';
      } catch (err) {
        const reasons = cancellationReasons(err);
        if (reasons?.[0] === 'ConditionalCheckFailed') return 'exists';
        if (reasons?.[1] === 'ConditionalCheckFailed') return 'not_open';
        throw err;
      }
    },

    async get(id) {
      const out = await doc.send(new GetCommand({ TableName: tables.solutions, Key: { id }, ConsistentRead: true }));
      return out.Item ? fromItem(out.Item) : undefined;
    },

    updateIfVersion(next, expectedVersion) {
      return conditionally(() => doc.send(new PutCommand(versioned(next, expectedVersion))));
    },

    async recordIntent(solution, demand) {
      try {
        await withTransactionRetry(() =>
          doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: versioned(solution.next, solution.expectedVersion) },
                { Update: demandUpdate(tables.demands, demand.next, demand.expectedVersion) },
              ],
            }),
          ),
        );
        return 'stored';
      } catch (err) {
        if (cancellationReasons(err)?.includes('ConditionalCheckFailed')) return 'conflict';
        throw err;
      }
    },

    async listByDemand(demandId) {
      const items = await queryAll(doc, {
        TableName: tables.solutions,
        IndexName: 'byDemand',
        KeyConditionExpression: 'demandId = :d',
        ExpressionAttributeValues: { ':d': demandId },
      });
      return items.map(fromItem);
    },

    async listBySubmitter(submitterId) {
      const items = await queryAll(doc, {
        TableName: tables.solutions,
        IndexName: 'bySubmitter',
        KeyConditionExpression: 'submitterId = :s',
        ExpressionAttributeValues: { ':s': submitterId },
        ScanIndexForward: false,
      });
      return items.map(fromItem);
    },
  };
}
