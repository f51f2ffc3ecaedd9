import {
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Subscription } from '@cic/shared';
import type { IndexKey, PercolatorPort } from '../alerts/percolator.port';
import type { SubscriptionRepository } from '../alerts/subscription.repository';
import { cancellationReasons, withTransactionRetry } from './errors';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The partition of the percolator table that lists the indexed keywords. */
const DICTIONARY = '#dictionary';
const KEYWORD_PREFIX = 'kw#';

interface StoredSubscription extends Subscription {
  subId: string;
  indexKeys: IndexKey[];
}

const percolatorKey = (sub: Subscription) => `${sub.userId}#${sub.id}`;

function fromItem(item: Record<string, unknown>): Subscription {
  const { subId: _s, indexKeys: _k, pkey: _p, skey: _sk, ...rest } = item;
  return rest as unknown as Subscription;
}

export function createSubscriptionDynamoRepository(
  doc: DynamoDBDocumentClient,
  tables: { subscriptions: string; percolator: string; users: string },
): SubscriptionRepository & PercolatorPort {
  function dictionaryUpdate(key: IndexKey, delta: 1 | -1): TransactItem[] {
    if (!key.startsWith(KEYWORD_PREFIX)) return [];
    return [
      {
        Update: {
          TableName: tables.percolator,
          Key: { pkey: DICTIONARY, skey: key.slice(KEYWORD_PREFIX.length) },
          UpdateExpression: 'ADD refs :d',
          ExpressionAttributeValues: { ':d': delta },
        },
      },
    ];
  }

  return {
    async create(sub, indexKeys, limit) {
      const stored: StoredSubscription = { ...sub, subId: sub.id, indexKeys: [...indexKeys] };
      const items: TransactItem[] = [
        {
          // The per-user limit is guarded by the counter's condition, in the same transaction as the writes.
          Update: {
            TableName: tables.users,
            Key: { id: sub.userId },
            UpdateExpression: 'SET subscriptionCount = if_not_exists(subscriptionCount, :zero) + :one',
            ConditionExpression: 'attribute_exists(id) AND (attribute_not_exists(subscriptionCount) OR subscriptionCount < :limit)',
            ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':limit': limit },
          },
        },
        { Put: { TableName: tables.subscriptions, Item: stored, ConditionExpression: 'attribute_not_exists(subId)' } },
        ...indexKeys.map(
          (key): TransactItem => ({
            Put: { TableName: tables.percolator, Item: { ...sub, pkey: key, skey: percolatorKey(sub) } },
          }),
        ),
        ...indexKeys.flatMap((key) => dictionaryUpdate(key, 1)),
      ];
      try {
        await withTransactionRetry(() => doc.send(new TransactWriteCommand({ TransactItems: items })));
        return 'created';
      } catch (err) {
        if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return 'limit_reached';
        throw err;
      }
    },

    async delete(userId, subId) {
      const out = await doc.send(
        new QueryCommand({
          TableName: tables.subscriptions,
          KeyConditionExpression: 'userId = :u AND subId = :s',
          ExpressionAttributeValues: { ':u': userId, ':s': subId },
          ConsistentRead: true,
        }),
      );
      const stored = out.Items?.[0] as StoredSubscription | undefined;
      if (!stored) return 'not_found';
      const items: TransactItem[] = [
        {
          Delete: {
            TableName: tables.subscriptions,
            Key: { userId, subId },
            ConditionExpression: 'attribute_exists(subId)',
          },
        },
        {
          Update: {
            TableName: tables.users,
            Key: { id: userId },
            UpdateExpression: 'ADD subscriptionCount :minus',
            ExpressionAttributeValues: { ':minus': -1 },
          },
        },
        ...stored.indexKeys.map(
          (key): TransactItem => ({
            Delete: { TableName: tables.percolator, Key: { pkey: key, skey: percolatorKey(stored) } },
          }),
        ),
        ...stored.indexKeys.flatMap((key) => dictionaryUpdate(key, -1)),
      ];
      try {
        await withTransactionRetry(() => doc.send(new TransactWriteCommand({ TransactItems: items })));
        return 'deleted';
      } catch (err) {
        if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return 'not_found';
        throw err;
      }
    },

    async listByUser(userId) {
      const out = await doc.send(
        new QueryCommand({
          TableName: tables.subscriptions,
          KeyConditionExpression: 'userId = :u',
          ExpressionAttributeValues: { ':u': userId },
          ScanIndexForward: false,
        }),
      );
      return (out.Items ?? []).map(fromItem);
    },

    async *readPartition(key) {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: tables.percolator,
            KeyConditionExpression: 'pkey = :k',
            ExpressionAttributeValues: { ':k': key },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) yield fromItem(item);
        start = out.LastEvaluatedKey;
      } while (start);
    },

    async indexedKeywords() {
      const keywords = new Set<string>();
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: tables.percolator,
            KeyConditionExpression: 'pkey = :d',
            FilterExpression: 'refs > :zero',
            ExpressionAttributeValues: { ':d': DICTIONARY, ':zero': 0 },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) keywords.add(String(item.skey));
        start = out.LastEvaluatedKey;
      } while (start);
      return keywords;
    },
  };
}
