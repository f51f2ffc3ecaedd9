import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally } from './errors';
import type { AwardRepository, StoredAward } from '../contest/contest.ports';
import { queryAll } from './query-page';

export function createAwardDynamoRepository(doc: DynamoDBDocumentClient, table: string): AwardRepository {
  return {
    async create(award) {
      await doc.send(new PutCommand({ TableName: table, Item: award, ConditionExpression: 'attribute_not_exists(id)' }));
    },
    async listByDemand(demandId) {
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'demandId = :d',
        ExpressionAttributeValues: { ':d': demandId },
      });
      return items as unknown as StoredAward[];
    },
    async listByWinner(userId) {
      const items = await queryAll(doc, {
        TableName: table,
        IndexName: 'byWinner',
        KeyConditionExpression: 'winnerId = :w',
        ExpressionAttributeValues: { ':w': userId },
        ScanIndexForward: false,
      });
      return items as unknown as StoredAward[];
    },
    async clearWinner(award) {
      await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { demandId: award.demandId, id: award.id },
            UpdateExpression: 'REMOVE winnerId',
            ConditionExpression: 'attribute_exists(id)',
          }),
        ),
      );
    },
  };
}
