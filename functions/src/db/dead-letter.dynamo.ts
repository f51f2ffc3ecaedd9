import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeadLetterPort } from '../alerts/dead-letter.port';

const KEEP_DAYS = 30;

/** Dead letters are kept in a table (on AWS and locally alike), queryable by id, for 30 days. */
export function createDeadLetterDynamoAdapter(doc: DynamoDBDocumentClient, table: string): DeadLetterPort {
  return {
    async put(entry) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...entry, expiresAt: Math.floor(Date.parse(entry.at) / 1000) + KEEP_DAYS * 24 * 3600 },
        }),
      );
    },
  };
}
