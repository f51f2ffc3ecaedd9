import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateCounterPort } from '../ratelimit/rate-limiter';
import { conditionally } from './errors';

/** One item per (action, subject, window); a conditional ADD counts a hit only below the limit. */
export function createRateCounterDynamo(doc: DynamoDBDocumentClient, table: string): RateCounterPort {
  return {
    hit(key, limit, expiresAt) {
      return conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { key },
            UpdateExpression: 'ADD hits :one SET expiresAt = :exp',
            ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
            ExpressionAttributeValues: { ':one': 1, ':exp': expiresAt, ':limit': limit },
          }),
        ),
      );
    },
  };
}
