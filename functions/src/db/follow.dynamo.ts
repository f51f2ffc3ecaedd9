import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FollowRecord, FollowRepository } from '../follows/follow.repository';
import { cancellationReasons, withTransactionRetry } from './errors';
import { queryPage } from './query-page';

const BY_USER_TIME = { name: 'byUserTime', keys: ['userId', 'demandId', 'followedAt'] } as const;

/**
 * A follow and the demand's followerCount change in one transaction: the follow's put is conditional on not existing,
 * and the counter moves only if it succeeds, so the count stays exact under any concurrency or retry.
 */
export function createFollowDynamoRepository(
  doc: DynamoDBDocumentClient,
  tables: { follows: string; demands: string },
): FollowRepository {
  return {
    async follow(record) {
      try {
        await withTransactionRetry(() =>
          doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tables.follows,
                    Item: record,
                    ConditionExpression: 'attribute_not_exists(userId)',
                  },
                },
                {
                  Update: {
                    TableName: tables.demands,
                    Key: { id: record.demandId },
                    UpdateExpression: 'ADD followerCount :one',
                    ConditionExpression: '#status = :published',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: { ':one': 1, ':published': 'published' },
                  },
                },
              ],
            }),
          ),
        );
        return 'followed';
      } catch (err) {
        const reasons = cancellationReasons(err);
        if (reasons?.[0] === 'ConditionalCheckFailed') return 'already_following';
        if (reasons?.[1] === 'ConditionalCheckFailed') return 'not_published';
        throw err;
      }
    },

    async unfollow(userId, demandId) {
      try {
        await withTransactionRetry(() =>
          doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Delete: {
                    TableName: tables.follows,
                    Key: { userId, demandId },
                    ConditionExpression: 'attribute_exists(userId)',
                  },
                },
                {
                  Update: {
                    TableName: tables.demands,
                    Key: { id: demandId },
                    UpdateExpression: 'ADD followerCount :minusOne',
                    ConditionExpression: 'attribute_exists(id)',
                    ExpressionAttributeValues: { ':minusOne': -1 },
                  },
                },
              ],
            }),
          ),
        );
        return 'unfollowed';
      } catch (err) {
        if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return 'not_following';
        throw err;
      }
    },

    async isFollowing(userId, demandId) {
      const out = await doc.send(new GetCommand({ TableName: tables.follows, Key: { userId, demandId } }));
      return out.Item !== undefined;
    },

    async listFollowers(demandId) {
      const followers: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: tables.follows,
            IndexName: 'byDemand',
            KeyConditionExpression: 'demandId = :d',
            ExpressionAttributeValues: { ':d': demandId },
            ProjectionExpression: 'userId',
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) followers.push(String(item.userId));
        start = out.LastEvaluatedKey;
      } while (start);
      return followers;
    },

    listByUser(userId, page) {
      return queryPage(
        doc,
        {
          TableName: tables.follows,
          IndexName: BY_USER_TIME.name,
          KeyConditionExpression: 'userId = :user',
          ExpressionAttributeValues: { ':user': userId },
          ScanIndexForward: false,
        },
        page,
        BY_USER_TIME.keys,
        (item) => item as unknown as FollowRecord,
      );
    },
  };
}
