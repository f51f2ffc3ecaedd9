import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '@cic/shared';
import type { NotificationRepository } from '../alerts/notification.repository';
import { deleteQueried } from './delete-queried';
import { conditionally } from './errors';
import { queryPage } from './query-page';

const BY_TIME = { name: 'byTime', keys: ['userId', 'id', 'createdKey'] } as const;
const UNREAD = 'unreadByUser';

function fromItem(item: Record<string, unknown>): Notification {
  const { createdKey: _c, unreadUser: _u, ...rest } = item;
  return rest as unknown as Notification;
}

export function createNotificationDynamoRepository(doc: DynamoDBDocumentClient, table: string): NotificationRepository {
  async function markOne(userId: string, id: string, at: string): Promise<boolean> {
    return conditionally(() =>
      doc.send(
        new UpdateCommand({
          TableName: table,
          Key: { userId, id },
          UpdateExpression: 'SET readAt = :at REMOVE unreadUser',
          ConditionExpression: 'attribute_exists(unreadUser)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  }

  return {
    async createOnce(n) {
      return conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...n, createdKey: `${n.createdAt}#${n.id}`, ...(n.readAt ? {} : { unreadUser: n.userId }) },
            ConditionExpression: 'attribute_not_exists(id)',
          }),
        ),
      );
    },

    listByUser(userId, page) {
      return queryPage(
        doc,
        {
          TableName: table,
          IndexName: BY_TIME.name,
          KeyConditionExpression: 'userId = :u',
          ExpressionAttributeValues: { ':u': userId },
          ScanIndexForward: false,
        },
        page,
        BY_TIME.keys,
        fromItem,
      );
    },

    async unreadCount(userId) {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            IndexName: UNREAD,
            KeyConditionExpression: 'unreadUser = :u',
            ExpressionAttributeValues: { ':u': userId },
            Select: 'COUNT',
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        count += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return count;
    },

    async markRead(userId, ids, at) {
      const results = await Promise.all([...new Set(ids)].map((id) => markOne(userId, id, at)));
      return results.filter(Boolean).length;
    },

    async markAllRead(userId, at) {
      let marked = 0;
      for (;;) {
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            IndexName: UNREAD,
            KeyConditionExpression: 'unreadUser = :u',
            ExpressionAttributeValues: { ':u': userId },
            ProjectionExpression: 'id',
            Limit: 100,
          }),
        );
        const ids = (out.Items ?? []).map((i) => String(i.id));
        if (ids.length === 0) return marked;
        const done = await Promise.all(ids.map((id) => markOne(userId, id, at)));
        marked += done.filter(Boolean).length;
        // A GSI lags its table: if nothing was left to mark, what we saw was already read.
        if (!done.some(Boolean)) return marked;
      }
    },

    async claimPush(userId, id) {
      return conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { userId, id },
            UpdateExpression: 'SET push = :claimed',
            ConditionExpression: 'push = :pending',
            ExpressionAttributeValues: { ':claimed': 'claimed', ':pending': 'pending' },
          }),
        ),
      );
    },

    async releasePush(userId, id) {
      await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { userId, id },
            UpdateExpression: 'SET push = :pending',
            ConditionExpression: 'push = :claimed',
            ExpressionAttributeValues: { ':claimed': 'claimed', ':pending': 'pending' },
          }),
        ),
      );
    },

    async setPush(userId, id, state) {
      // A notification erased with its account while its push ran has no state left to record.
      await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { userId, id },
            UpdateExpression: 'SET push = :s',
            ConditionExpression: 'attribute_exists(id)',
            ExpressionAttributeValues: { ':s': state },
          }),
        ),
      );
    },

    deleteAllOf(userId) {
      return deleteQueried(
        doc,
        { TableName: table, KeyConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': userId }, ConsistentRead: true },
        ['userId', 'id'],
      );
    },
  };
}
