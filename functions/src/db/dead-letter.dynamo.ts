import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeadLetterPort } from '../alerts/dead-letter.port';
import { deleteQueried } from './delete-queried';
import { indexOf, keysOf, partitionOf } from './table-keys';

const DEAD_LETTERS = keysOf('deadLetters');
const BY_USER = indexOf('deadLetters', 'byUser');

const KEEP_DAYS = 30;

/** Dead letters are kept in a table (on AWS and locally alike), queryable by id, and by user for an erasure, for 30 days. */
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
    deleteAllOf(userId) {
      return deleteQueried(doc, { TableName: table, ...partitionOf(BY_USER, userId) }, DEAD_LETTERS.keyAttributes);
    },
  };
}
