import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionsOf, type Subscription } from '@cic/shared';
import type { IndexKey, PercolatorPort } from '../alerts/percolator.port';
import type { SubscriptionRepository } from '../alerts/subscription.repository';
import { percolatorPartitions } from './percolator-partitions';
import { keysOf, partitionOf } from './table-keys';
import { conditionFailedAt, transact, type TransactItem } from './transact';

const SUBSCRIPTIONS = keysOf('subscriptions');
const USERS = keysOf('users');

interface StoredSubscription extends Subscription {
  subId: string;
  indexKeys: IndexKey[];
}

const percolatorKey = (sub: Subscription) => `${sub.userId}#${sub.id}`;

/** A stored subscription, with the conditions added since it was stored at their defaults. */
function fromItem(item: Record<string, unknown>): Subscription {
  const { subId: _s, indexKeys: _k, pkey: _p, skey: _sk, ...rest } = item;
  const stored = rest as unknown as Subscription;
  return { ...stored, ...conditionsOf(stored) };
}

export function createSubscriptionDynamoRepository(
  doc: DynamoDBDocumentClient,
  tables: { subscriptions: string; percolator: string; users: string },
): SubscriptionRepository & PercolatorPort {
  const percolator = percolatorPartitions(doc, tables.percolator);
  const dictionaryUpdate = percolator.dictionaryUpdate;

  return {
    async create(sub, indexKeys, limit) {
      const stored: StoredSubscription = { ...sub, subId: sub.id, indexKeys: [...indexKeys] };
      const items: TransactItem[] = [
        {
          // The per-user limit is guarded by the counter's condition, in the same transaction as the writes.
          Update: {
            TableName: tables.users,
            Key: USERS.key({ id: sub.userId }),
            UpdateExpression: 'SET subscriptionCount = if_not_exists(subscriptionCount, :zero) + :one',
            ConditionExpression:
              'attribute_exists(id) AND (attribute_not_exists(subscriptionCount) OR subscriptionCount < :limit)',
            ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':limit': limit },
          },
        },
        { Put: { TableName: tables.subscriptions, Item: stored, ConditionExpression: 'attribute_not_exists(subId)' } },
        ...indexKeys.map((key): TransactItem => ({
          Put: { TableName: tables.percolator, Item: { ...sub, ...percolator.key(key, percolatorKey(sub)) } },
        })),
        ...indexKeys.flatMap((key) => dictionaryUpdate(key, 1)),
      ];
      const outcome = await transact(doc, items, (reasons) => (conditionFailedAt(reasons, 0) ? 'limit_reached' : undefined));
      return outcome === 'done' ? 'created' : outcome;
    },

    async delete(userId, subId) {
      const out = await doc.send(
        new QueryCommand({
          TableName: tables.subscriptions,
          ...partitionOf(SUBSCRIPTIONS, userId, { op: '=', value: subId }),
          ConsistentRead: true,
        }),
      );
      const stored = out.Items?.[0] as StoredSubscription | undefined;
      if (!stored) return 'not_found';
      const items: TransactItem[] = [
        {
          Delete: {
            TableName: tables.subscriptions,
            Key: SUBSCRIPTIONS.key({ userId, subId }),
            ConditionExpression: 'attribute_exists(subId)',
          },
        },
        {
          Update: {
            TableName: tables.users,
            Key: USERS.key({ id: userId }),
            UpdateExpression: 'ADD subscriptionCount :minus',
            ExpressionAttributeValues: { ':minus': -1 },
          },
        },
        ...stored.indexKeys.map((key): TransactItem => ({
          Delete: { TableName: tables.percolator, Key: percolator.key(key, percolatorKey(stored)) },
        })),
        ...stored.indexKeys.flatMap((key) => dictionaryUpdate(key, -1)),
      ];
      const outcome = await transact(doc, items, (reasons) => (conditionFailedAt(reasons, 0) ? 'not_found' : undefined));
      return outcome === 'done' ? 'deleted' : outcome;
    },

    async listByUser(userId) {
      const out = await doc.send(
        new QueryCommand({ TableName: tables.subscriptions, ...partitionOf(SUBSCRIPTIONS, userId), ScanIndexForward: false }),
      );
      return (out.Items ?? []).map(fromItem);
    },

    async *readPartition(key) {
      for await (const item of percolator.read(key)) yield fromItem(item);
    },

    indexedKeywords: () => percolator.indexedKeywords(),
  };
}
