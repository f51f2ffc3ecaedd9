import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Notification, PushState } from '@cic/shared';
import type { NotificationRepository } from '../alerts/notification.repository';
import { deleteQueried } from './delete-queried';
import { conditionally } from './errors';
import { queryPage, queryPages } from './query-page';
import { indexOf, keysOf, partitionOf } from './table-keys';

const NOTIFICATIONS = keysOf('notifications');
const BY_TIME = indexOf('notifications', 'byTime');
/** Sparse: only unread items carry its hash key, so the unread ones are a Query of the user's partition. */
const UNREAD = indexOf('notifications', 'unreadByUser');

/** The index attributes an item carries besides the notification: both indexes sort by creation (typed so that it must be both their range keys). */
const CREATED_KEY: (typeof UNREAD)['rangeKey'] = BY_TIME.rangeKey;
const UNREAD_USER = UNREAD.hashKey;

/** A stored item (or a stream image of one) without its index attributes. */
export function fromNotificationItem(item: Record<string, unknown>): Notification {
  const { [CREATED_KEY]: _c, [UNREAD_USER]: _u, ...rest } = item;
  return rest as unknown as Notification;
}

/** An item's push: `pending` until the sender claims it, then what came of it. */
type PushStep = PushState | 'claimed';

export function createNotificationDynamoRepository(doc: DynamoDBDocumentClient, table: string): NotificationRepository {
  /** Updates one notification if `update`'s condition holds: false when it did not. */
  function updateOne(userId: string, id: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>): Promise<boolean> {
    return conditionally(() =>
      doc.send(new UpdateCommand({ TableName: table, Key: NOTIFICATIONS.key({ userId, id }), ...update })),
    );
  }

  function markOne(userId: string, id: string, at: string): Promise<boolean> {
    return updateOne(userId, id, {
      UpdateExpression: 'SET readAt = :at REMOVE #unread',
      ConditionExpression: 'attribute_exists(#unread)',
      ExpressionAttributeNames: { '#unread': UNREAD_USER },
      ExpressionAttributeValues: { ':at': at },
    });
  }

  /** Moves the item's push from one step to the next, only if it is still at `from`: false when it was not. */
  function movePush(userId: string, id: string, from: PushStep, to: PushStep): Promise<boolean> {
    return updateOne(userId, id, {
      UpdateExpression: 'SET push = :to',
      ConditionExpression: 'push = :from',
      ExpressionAttributeValues: { ':to': to, ':from': from },
    });
  }

  return {
    async createOnce(n) {
      return conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...n, [CREATED_KEY]: `${n.createdAt}#${n.id}`, ...(n.readAt ? {} : { [UNREAD_USER]: n.userId }) },
            ConditionExpression: 'attribute_not_exists(id)',
          }),
        ),
      );
    },

    async get(userId, id) {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: NOTIFICATIONS.key({ userId, id }), ConsistentRead: true }),
      );
      return out.Item ? fromNotificationItem(out.Item) : undefined;
    },

    listByUser(userId, page, tier) {
      const partition = partitionOf(BY_TIME, userId);
      return queryPage(
        doc,
        {
          TableName: table,
          ...partition,
          ScanIndexForward: false,
          // One tier: a filter on the user's own partition (alerts of the other tier and status changes are skipped).
          ...(tier !== undefined
            ? {
                FilterExpression: '#tier = :tier',
                ExpressionAttributeNames: { ...partition.ExpressionAttributeNames, '#tier': 'tier' },
                ExpressionAttributeValues: { ...partition.ExpressionAttributeValues, ':tier': tier },
              }
            : {}),
        },
        page,
        BY_TIME.cursorKeys,
        fromNotificationItem,
      );
    },

    async unreadCount(userId) {
      let count = 0;
      for await (const page of queryPages(doc, { TableName: table, ...partitionOf(UNREAD, userId), Select: 'COUNT' })) {
        count += page.Count ?? 0;
      }
      return count;
    },

    async markRead(userId, ids, at) {
      const results = await Promise.all([...new Set(ids)].map((id) => markOne(userId, id, at)));
      return results.filter(Boolean).length;
    },

    async markAllRead(userId, at) {
      let marked = 0;
      const partition = partitionOf(UNREAD, userId);
      const pages = queryPages(doc, {
        TableName: table,
        ...partition,
        ProjectionExpression: '#item',
        ExpressionAttributeNames: { ...partition.ExpressionAttributeNames, '#item': NOTIFICATIONS.rangeKey },
        Limit: 100,
      });
      for await (const page of pages) {
        const ids = (page.Items ?? []).map((i) => String(i[NOTIFICATIONS.rangeKey]));
        if (ids.length === 0) return marked;
        const done = await Promise.all(ids.map((id) => markOne(userId, id, at)));
        marked += done.filter(Boolean).length;
        // A GSI lags its table: if nothing was left to mark, what we saw was already read.
        if (!done.some(Boolean)) return marked;
      }
      return marked;
    },

    claimPush(userId, id) {
      return movePush(userId, id, 'pending', 'claimed');
    },

    async releasePush(userId, id) {
      await movePush(userId, id, 'claimed', 'pending');
    },

    async setPush(userId, id, state) {
      // A notification erased with its account while its push ran has no state left to record.
      await updateOne(userId, id, {
        UpdateExpression: 'SET push = :s',
        ConditionExpression: 'attribute_exists(id)',
        ExpressionAttributeValues: { ':s': state },
      });
    },

    deleteAllOf(userId) {
      return deleteQueried(
        doc,
        { TableName: table, ...partitionOf(NOTIFICATIONS, userId), ConsistentRead: true },
        NOTIFICATIONS.keyAttributes,
      );
    },
  };
}
