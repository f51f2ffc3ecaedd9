import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FollowRecord, FollowRepository } from '../follows/follow.repository';
import { countOnPublished } from './demand.dynamo';
import { queryAll, queryPage } from './query-page';
import { indexOf, keysOf, partitionOf } from './table-keys';
import { conditionFailedAt, putNew, transact } from './transact';

const FOLLOWS = keysOf('follows');
const DEMANDS = keysOf('demands');
const BY_USER_TIME = indexOf('follows', 'byUserTime');
const BY_DEMAND = indexOf('follows', 'byDemand');
/** Why a follow is refused, by the action of its transaction whose condition failed: the follow's put, the count's update. */
const FOLLOW_REFUSALS = ['already_following', 'not_published'] as const;

/**
 * A follow and the demand's followerCount change in one transaction: the follow's put is conditional on not existing,
 * and the counter moves only if it succeeds, so the count stays exact under any concurrency or retry.
 */
export function createFollowDynamoRepository(
  doc: DynamoDBDocumentClient,
  tables: { follows: string; demands: string },
): FollowRepository {
  const followItem = (key: Pick<FollowRecord, 'userId' | 'demandId'>) => ({ TableName: tables.follows, Key: FOLLOWS.key(key) });

  return {
    async follow(record) {
      const outcome = await transact(
        doc,
        [
          putNew(tables.follows, record, 'userId'),
          { Update: countOnPublished(tables.demands, record.demandId, 'followerCount') },
        ],
        (reasons) => FOLLOW_REFUSALS.find((_, action) => conditionFailedAt(reasons, action)),
      );
      return outcome === 'done' ? 'followed' : outcome;
    },

    async unfollow(userId, demandId) {
      const outcome = await transact(
        doc,
        [
          { Delete: { ...followItem({ userId, demandId }), ConditionExpression: 'attribute_exists(userId)' } },
          {
            Update: {
              TableName: tables.demands,
              Key: DEMANDS.key({ id: demandId }),
              UpdateExpression: 'ADD followerCount :minusOne',
              ConditionExpression: 'attribute_exists(id)',
              ExpressionAttributeValues: { ':minusOne': -1 },
            },
          },
        ],
        (reasons) => (conditionFailedAt(reasons, 0) ? 'not_following' : undefined),
      );
      return outcome === 'done' ? 'unfollowed' : outcome;
    },

    async isFollowing(userId, demandId) {
      const out = await doc.send(new GetCommand(followItem({ userId, demandId })));
      return out.Item !== undefined;
    },

    async listFollowers(demandId) {
      const partition = partitionOf(BY_DEMAND, demandId);
      const items = await queryAll(doc, {
        TableName: tables.follows,
        ...partition,
        ProjectionExpression: '#follower',
        ExpressionAttributeNames: { ...partition.ExpressionAttributeNames, '#follower': FOLLOWS.hashKey },
      });
      return items.map((item) => String(item[FOLLOWS.hashKey]));
    },

    listByUser(userId, page) {
      return queryPage(
        doc,
        { TableName: tables.follows, ...partitionOf(BY_USER_TIME, userId), ScanIndexForward: false },
        page,
        BY_USER_TIME.cursorKeys,
        (item) => item as unknown as FollowRecord,
      );
    },
  };
}
