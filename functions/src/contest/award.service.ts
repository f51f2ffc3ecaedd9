// Awards (奖项): organisers give them to a solution's team, a demand's owner or its broker. They show on the demand's
// detail page and on the winner's own profile.
import {
  AWARD_KIND_LABELS,
  fail,
  ok,
  type Award,
  type AwardRequest,
  type AwardsResponse,
  type Demand,
  type DemandStatus,
  type Result,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { DemandRepository } from '../demands/demand.repository';
import { maskerOf, publicTitleOf } from '../demands/demand.view';
import type { AwardRepository, SolutionRepository, StoredAward } from './contest.ports';

/**
 * An award as the public sees it: no user id, and nothing an anonymous demand hides. The demand's hidden values are
 * read now, not when the award was given: a demand made anonymous afterwards masks the company named as the winner.
 */
export function toPublicAward(award: StoredAward, demand: Demand | undefined): Award {
  const { winnerId: _winner, ...view } = award;
  const mask = demand ? maskerOf(demand) : undefined;
  if (!mask) return view;
  return {
    ...view,
    winnerName: mask(view.winnerName),
    ...(view.note ? { note: mask(view.note) } : {}),
  };
}

/** An award crowns a demand of the contest: one the public can see and take up, not a draft or a closed one. */
const AWARDABLE: ReadonlySet<DemandStatus> = new Set(['published', 'matched']);

export function createAwardService(deps: {
  awards: AwardRepository;
  demands: Pick<DemandRepository, 'get' | 'getMany'>;
  solutions: Pick<SolutionRepository, 'get'>;
  clock: Clock;
  newId: () => string;
}) {
  async function winnerOf(input: AwardRequest, demand: Demand): Promise<Result<{ name: string; userId?: string }>> {
    switch (input.target) {
      case 'solution': {
        const solution = input.solutionId ? await deps.solutions.get(input.solutionId) : undefined;
        if (!solution || solution.demandId !== demand.id) {
          return fail('AWARD.TARGET_INVALID', { fields: { solutionId: '该方案不存在或不属于这个需求' } });
        }
        return ok({ name: solution.organisation, userId: solution.submitterId });
      }
      case 'owner':
        return ok({ name: demand.anonymous ? '匿名企业' : (demand.companyName ?? '需求企业'), userId: demand.ownerId });
      case 'broker':
        if (!demand.brokerName) return fail('AWARD.TARGET_INVALID', { fields: { target: '该需求没有填写技术经纪人' } });
        return ok({ name: demand.anonymous ? '技术经纪人' : demand.brokerName });
    }
  }

  return {
    async create(admin: AuthUser, input: AwardRequest): Promise<Result<Award>> {
      if (admin.role !== 'admin') return fail('AUTH.FORBIDDEN');
      const demand = await deps.demands.get(input.demandId);
      if (!demand) return fail('DEMAND.NOT_FOUND');
      if (!AWARDABLE.has(demand.status)) {
        return fail('DEMAND.INVALID_TRANSITION', { message: '只能为已发布的需求颁奖' });
      }
      const winner = await winnerOf(input, demand);
      if (!winner.ok) return winner;
      const award: StoredAward = {
        id: deps.newId(),
        demandId: demand.id,
        kind: input.kind,
        label: input.kind === 'other' && input.kindOther ? input.kindOther : AWARD_KIND_LABELS[input.kind],
        target: input.target,
        ...(input.solutionId && input.target === 'solution' ? { solutionId: input.solutionId } : {}),
        winnerName: winner.value.name,
        ...(winner.value.userId ? { winnerId: winner.value.userId } : {}),
        year: input.year,
        ...(input.note ? { note: input.note } : {}),
        at: deps.clock.now().toISOString(),
      };
      await deps.awards.create(award);
      return ok(toPublicAward(award, demand));
    },

    async listMine(user: AuthUser): Promise<Result<AwardsResponse>> {
      const awards = await deps.awards.listByWinner(user.id);
      const demands = new Map((await deps.demands.getMany(awards.map((a) => a.demandId))).map((d) => [d.id, d]));
      return ok({
        items: awards.map((a) => {
          const demand = demands.get(a.demandId);
          // The winner sees their own award in full: it is about them.
          const { winnerId: _w, ...view } = a;
          return { ...view, demandTitle: demand ? publicTitleOf(demand) : '' };
        }),
      });
    },
  };
}

export type AwardService = ReturnType<typeof createAwardService>;
