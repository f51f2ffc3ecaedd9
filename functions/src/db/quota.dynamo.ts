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
  /** One update of a template's count, under a condition when one is given. */
  const update = (userId: string, templateId: string, expression: string, values: Record<string, number>, condition?: string) =>
    doc.send(
      new UpdateCommand({
        TableName: table,
        Key: QUOTAS.key({ userId, slot: `${TEMPLATE}${templateId}` }),
        UpdateExpression: expression,
        ...(condition ? { ConditionExpression: condition } : {}),
        ExpressionAttributeValues: values,
      }),
    );
  return {
    async add(userId, templateId, count) {
      await update(userId, templateId, 'ADD remaining :n', { ':n': count });
    },

    async consume(userId, templateId) {
      return conditionally(() =>
        update(userId, templateId, 'ADD remaining :minus', { ':minus': -1, ':zero': 0 }, 'remaining > :zero'),
      );
    },

    // A send is given back, or zeroed, only on a quota that exists: a push that ran while its account was erased
    // must not write the quota back.
    async giveBack(userId, templateId) {
      await conditionally(() => update(userId, templateId, 'ADD remaining :one', { ':one': 1 }, 'attribute_exists(remaining)'));
    },

    async zero(userId, templateId) {
      await conditionally(() =>
        update(userId, templateId, 'SET remaining = :zero', { ':zero': 0 }, 'attribute_exists(remaining)'),
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
