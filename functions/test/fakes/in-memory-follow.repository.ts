// FollowRepository in memory, with the semantics of the DynamoDB transaction (functions/src/db/follow.dynamo.ts):
// the follow is stored and the demand's followerCount moves together, or neither happens.
import type { PageRequest, StorePage } from '../../src/common/page';
import type { FollowRecord, FollowRepository } from '../../src/follows/follow.repository';
import type { InMemoryDemandRepository } from './in-memory-demand.repository';

export interface InMemoryFollowRepository extends FollowRepository {
  /** Copies of every stored follow. */
  all(): FollowRecord[];
}

const keyOf = (userId: string, demandId: string) => `${userId}\u0000${demandId}`;

function paginate(records: FollowRecord[], page: PageRequest): StorePage<FollowRecord> {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new Error(`invalid page limit: ${page.limit}`);
  // The byUserTime index: newest followedAt first.
  const sortKey = (r: FollowRecord) => `${r.followedAt}#${r.demandId}`;
  const sorted = [...records].sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0));
  let rest = sorted;
  if (page.after) {
    const { followedAt, demandId } = page.after;
    if (typeof followedAt !== 'string' || typeof demandId !== 'string') {
      throw new Error(`invalid page position: ${JSON.stringify(page.after)}`);
    }
    const after = `${followedAt}#${demandId}`;
    rest = sorted.filter((r) => sortKey(r) < after);
  }
  const items = rest.slice(0, page.limit);
  const last = items[items.length - 1];
  const out: StorePage<FollowRecord> = { items: items.map((r) => ({ ...r })) };
  if (rest.length > items.length && last) {
    out.next = { userId: last.userId, demandId: last.demandId, followedAt: last.followedAt };
  }
  return out;
}

export function createInMemoryFollowRepository(demands: InMemoryDemandRepository): InMemoryFollowRepository {
  const follows = new Map<string, FollowRecord>();

  return {
    all: () => [...follows.values()].map((r) => ({ ...r })),

    async follow(record) {
      const key = keyOf(record.userId, record.demandId);
      // The transaction reports the first failed condition: the follow's own put comes first.
      if (follows.has(key)) return 'already_following';
      if (demands.peek(record.demandId)?.status !== 'published') return 'not_published';
      follows.set(key, { userId: record.userId, demandId: record.demandId, followedAt: record.followedAt });
      demands.followerCount.add(record.demandId, 1);
      return 'followed';
    },

    async listFollowers(demandId) {
      return [...follows.values()].filter((r) => r.demandId === demandId).map((r) => r.userId);
    },

    async unfollow(userId, demandId) {
      const key = keyOf(userId, demandId);
      if (!follows.has(key)) return 'not_following';
      // The counter update is conditional on the demand existing; its failure cancels the transaction.
      if (demands.peek(demandId) === undefined) throw new Error(`transaction cancelled: no demand ${demandId}`);
      follows.delete(key);
      demands.followerCount.add(demandId, -1);
      return 'unfollowed';
    },

    async isFollowing(userId, demandId) {
      return follows.has(keyOf(userId, demandId));
    },

    async listByUser(userId, page) {
      return paginate(
        [...follows.values()].filter((r) => r.userId === userId),
        page,
      );
    },
  };
}
