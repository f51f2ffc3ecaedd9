import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { QuotaRepository } from '../alerts/quota.repository';
import { deleteQueried } from './delete-queried';
import { conditionally } from './errors';
import { keysOf, partitionOf } from './table-keys';

const QUOTAS = keysOf('quotas');

const TEMPLATE = 'tmpl#';
const DIGEST = 'digest#';
const TWO_DAYS_S = 2 * 24 * 3600;

export function createQuotaDynamoRepository(doc: DynamoDBDocumentClient, table: string): QuotaRepository {
  const key = (userId: string, templateId: string) => QUOTAS.key({ userId, slot: `${TEMPLATE}${templateId}` });
  return {
    async add(userId, templateId, count) {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: key(userId, templateId),
          UpdateExpression: 'ADD remaining :n',
          ExpressionAttributeValues: { ':n': count },
        }),
      );
    },

    async consume(userId, templateId) {
      return conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: key(userId, templateId),
            UpdateExpression: 'ADD remaining :minus',
            ConditionExpression: 'remaining > :zero',
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          }),
        ),
      );
    },

    // A send is given back, or zeroed, only on a quota that exists: a push that ran while its account was erased
    // must not write the quota back.
    async giveBack(userId, templateId) {
      await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: key(userId, templateId),
            UpdateExpression: 'ADD remaining :one',
            ConditionExpression: 'attribute_exists(remaining)',
            ExpressionAttributeValues: { ':one': 1 },
          }),
        ),
      );
    },

    async zero(userId, templateId) {
      await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: key(userId, templateId),
            UpdateExpression: 'SET remaining = :zero',
            ConditionExpression: 'attribute_exists(remaining)',
            ExpressionAttributeValues: { ':zero': 0 },
          }),
        ),
      );
    },

    deleteAllOf(userId) {
      return deleteQueried(doc, { TableName: table, ...partitionOf(QUOTAS, userId), ConsistentRead: true }, QUOTAS.keyAttributes);
    },

    async get(userId) {
      const out = await doc.send(
        new QueryCommand({ TableName: table, ...partitionOf(QUOTAS, userId, { beginsWith: TEMPLATE }), ConsistentRead: true }),
      );
      const quota: Record<string, number> = {};
      for (const item of out.Items ?? [])
        quota[String(item[QUOTAS.rangeKey]).slice(TEMPLATE.length)] = Number(item.remaining ?? 0);
      return quota;
    },

    async claimDigest(userId, date) {
      return conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { userId, slot: `${DIGEST}${date}`, expiresAt: Math.floor(Date.now() / 1000) + TWO_DAYS_S },
            ConditionExpression: 'attribute_not_exists(slot)',
          }),
        ),
      );
    },
  };
}
