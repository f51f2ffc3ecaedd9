import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally } from './errors';
import type { AwardRepository, StoredAward } from '../contest/contest.ports';
import { queryAll } from './query-page';
import { indexOf, keysOf, partitionOf } from './table-keys';

const AWARDS = keysOf('awards');
/** Sparse: only awards to a user (a solution's submitter, a demand's owner) carry its hash key. */
const BY_WINNER = indexOf('awards', 'byWinner');

export function createAwardDynamoRepository(doc: DynamoDBDocumentClient, table: string): AwardRepository {
  return {
    async create(award) {
      await doc.send(new PutCommand({ TableName: table, Item: award, ConditionExpression: 'attribute_not_exists(id)' }));
    },
    async listByDemand(demandId) {
      const items = await queryAll(doc, { TableName: table, ...partitionOf(AWARDS, demandId) });
      return items as unknown as StoredAward[];
    },
    async listByWinner(userId) {
      const items = await queryAll(doc, { TableName: table, ...partitionOf(BY_WINNER, userId), ScanIndexForward: false });
      return items as unknown as StoredAward[];
    },
    async clearWinner(award) {
      await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: AWARDS.key({ demandId: award.demandId, id: award.id }),
            UpdateExpression: 'REMOVE #winner',
            ConditionExpression: 'attribute_exists(id)',
            ExpressionAttributeNames: { '#winner': BY_WINNER.hashKey },
          }),
        ),
      );
    },
  };
}
