import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateCounterPort } from '../ratelimit/rate-limiter';
import { deleteQueried } from './delete-queried';
import { conditionally } from './errors';
import { keysOf, partitionOf } from './table-keys';

const RATE_LIMITS = keysOf('rateLimits');

/**
 * One partition per (action, subject), one item per window in it: a conditional ADD counts a hit only below the
 * limit, and a person's windows can all be found (and erased) with one Query per action.
 */
export function createRateCounterDynamo(doc: DynamoDBDocumentClient, table: string): RateCounterPort {
  return {
    hit(key, windowStart, limit, expiresAt) {
      return conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: RATE_LIMITS.key({ key, window: windowStart }),
            UpdateExpression: 'ADD hits :one SET expiresAt = :exp',
            ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
            ExpressionAttributeValues: { ':one': 1, ':exp': expiresAt, ':limit': limit },
          }),
        ),
      );
    },
    async deleteAll(keys) {
      const counts = await Promise.all(
        keys.map((key) =>
          deleteQueried(
            doc,
            { TableName: table, ...partitionOf(RATE_LIMITS, key), ConsistentRead: true },
            RATE_LIMITS.keyAttributes,
          ),
        ),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
  };
}
