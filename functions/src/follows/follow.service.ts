import { fail, isPubliclyVisible, ok, type FollowResponse, type MyFollowsResponse, type Result } from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { DemandRepository } from '../demands/demand.repository';
import type { CursorCodec } from '../common/cursor';
import { readPage, type PageParams } from '../common/paging';
import { toPublicDemand, toSummary } from '../demands/demand.view';
import type { FollowRecord, FollowRepository } from './follow.repository';

export function createFollowService(deps: {
  follows: FollowRepository;
  demands: Pick<DemandRepository, 'get' | 'getMany'>;
  clock: Clock;
  cursors: CursorCodec;
}) {
  async function answer(user: AuthUser, demandId: string, following: boolean): Promise<Result<FollowResponse>> {
    const demand = await deps.demands.get(demandId);
    if (!demand) return fail('DEMAND.NOT_FOUND');
    if (!following && !isPubliclyVisible(demand.status, demand.publishedAt) && demand.ownerId !== user.id) {
      return fail('DEMAND.NOT_FOUND');
    }
    return ok({ demandId, following, followerCount: demand.followerCount });
  }

  return {
    /** Idempotent: following twice is one follow. */
    async follow(user: AuthUser, demandId: string): Promise<Result<FollowResponse>> {
      const outcome = await deps.follows.follow({
        userId: user.id,
        demandId,
        followedAt: deps.clock.now().toISOString(),
      });
      if (outcome === 'not_published') {
        const demand = await deps.demands.get(demandId);
        const visible = demand && (isPubliclyVisible(demand.status, demand.publishedAt) || demand.ownerId === user.id);
        return fail(visible ? 'DEMAND.NOT_PUBLISHED' : 'DEMAND.NOT_FOUND');
      }
      return answer(user, demandId, true);
    },

    /** Idempotent: unfollowing what you do not follow changes nothing. */
    async unfollow(user: AuthUser, demandId: string): Promise<Result<FollowResponse>> {
      await deps.follows.unfollow(user.id, demandId);
      return answer(user, demandId, false);
    },

    async listMine(user: AuthUser, params: PageParams): Promise<Result<MyFollowsResponse>> {
      const page = await readPage<FollowRecord>(deps.cursors, `follows:${user.id}`, params, (p) =>
        deps.follows.listByUser(user.id, p),
      );
      if (!page.ok) return page;
      const demands = new Map((await deps.demands.getMany(page.value.items.map((f) => f.demandId))).map((d) => [d.id, d]));
      const items = page.value.items.flatMap((f) => {
        const demand = demands.get(f.demandId);
        return demand ? [{ ...toSummary(toPublicDemand(demand)), followedAt: f.followedAt }] : [];
      });
      return ok({ items, nextCursor: page.value.nextCursor });
    },
  };
}

export type FollowService = ReturnType<typeof createFollowService>;
