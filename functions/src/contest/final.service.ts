// Judged finals: organisers assign judges, judges score the shortlisted solutions, the ranking follows from the
// scores, and closing the final freezes them.
import {
  DEFAULT_SCORE_WEIGHTS,
  fail,
  ok,
  type AssignJudgesRequest,
  type Final,
  type JudgingResponse,
  type RankingResponse,
  type Result,
  type Score,
  type ScoreRequest,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { UserRepository } from '../auth/user.repository';
import type { Clock } from '../common/clock';
import type { DemandRepository } from '../demands/demand.repository';
import { publicTitleOf } from '../demands/demand.view';
import { canSeeDemand, canSeeSolution, seesContest, viewerOf } from './contest-access';
import type { FinalRepository, SolutionRepository } from './contest.ports';
import { rank } from './ranking';
import { isInFinal, solutionIdOf } from './solution.lifecycle';

export function createFinalService(deps: {
  finals: FinalRepository;
  solutions: Pick<SolutionRepository, 'get' | 'listByDemand'>;
  demands: Pick<DemandRepository, 'get' | 'getMany'>;
  users: Pick<UserRepository, 'get'>;
  clock: Clock;
}) {
  const now = () => deps.clock.now().toISOString();

  return {
    async assignJudges(admin: AuthUser, demandId: string, input: AssignJudgesRequest): Promise<Result<Final>> {
      if (admin.role !== 'admin') return fail('AUTH.FORBIDDEN');
      const demand = await deps.demands.get(demandId);
      if (!demand) return fail('DEMAND.NOT_FOUND');
      const users = await Promise.all(input.judgeIds.map((id) => deps.users.get(id)));
      const invalid = input.judgeIds.filter((_, i) => users[i]?.role !== 'judge');
      if (invalid.length > 0) {
        return fail('FINAL.JUDGE_INVALID', { fields: { judgeIds: `评委不存在或不是评委身份：${invalid.join('、')}` } });
      }
      // Nobody judges their own demand or a demand they have solved: they would score themselves or their rivals.
      const submitted = await Promise.all(input.judgeIds.map((id) => deps.solutions.get(solutionIdOf(demandId, id))));
      const conflicted = input.judgeIds.filter((id, i) => id === demand.ownerId || submitted[i] !== undefined);
      if (conflicted.length > 0) {
        return fail('FINAL.JUDGE_INVALID', {
          fields: { judgeIds: `以下评委是该需求的发布方或已对其揭榜，不能担任评委：${conflicted.join('、')}` },
        });
      }
      const { final: current } = await deps.finals.load(demandId);
      if (current?.closedAt) return fail('FINAL.CLOSED', { message: '评审已结束，不能再调整评委' });
      const final: Final = {
        demandId,
        judgeIds: input.judgeIds,
        weights: input.weights ?? current?.weights ?? DEFAULT_SCORE_WEIGHTS,
        updatedAt: now(),
      };
      const removed = (current?.judgeIds ?? []).filter((id) => !input.judgeIds.includes(id));
      if (!(await deps.finals.assign(final, removed))) return fail('FINAL.CLOSED', { message: '评审已结束，不能再调整评委' });
      return ok(final);
    },

    async score(user: AuthUser, solutionId: string, input: ScoreRequest): Promise<Result<Score>> {
      const solution = await deps.solutions.get(solutionId);
      if (!solution) return fail('SOLUTION.NOT_FOUND');
      const demand = await deps.demands.get(solution.demandId);
      if (!demand) return fail('SOLUTION.NOT_FOUND');
      const { final } = await deps.finals.load(demand.id);
      const viewer = viewerOf(user, demand, final);
      if (!viewer.judge) {
        // Only someone who may see this solution learns that it exists: anyone else gets the answer a made-up id
        // gets (solution ids can be computed from a demand and a submitter).
        return fail(canSeeSolution(viewer, solution) ? 'FINAL.NOT_ASSIGNED' : 'SOLUTION.NOT_FOUND');
      }
      // Assigning refuses a judge who has solved the demand, and a judge cannot 揭榜 it; this still holds if the two
      // happened at the same moment.
      if (solution.submitterId === user.id) return fail('SCORE.SELF');
      if (final?.closedAt) return fail('FINAL.CLOSED');
      if (!isInFinal(solution)) return fail('SCORE.NOT_SHORTLISTED');
      const score: Score = { ...input, demandId: demand.id, solutionId, judgeId: user.id, at: now() };
      return (await deps.finals.putScore(score)) === 'stored' ? ok(score) : fail('FINAL.CLOSED');
    },

    async ranking(user: AuthUser, demandId: string): Promise<Result<RankingResponse>> {
      const demand = await deps.demands.get(demandId);
      if (!demand) return fail('DEMAND.NOT_FOUND');
      const { final, scores } = await deps.finals.load(demandId);
      const viewer = viewerOf(user, demand, final);
      if (!seesContest(viewer)) return fail(canSeeDemand(viewer, demand) ? 'AUTH.FORBIDDEN' : 'DEMAND.NOT_FOUND');
      const current: Final = final ?? { demandId, judgeIds: [], weights: DEFAULT_SCORE_WEIGHTS, updatedAt: demand.updatedAt };
      const inFinal = (await deps.solutions.listByDemand(demandId)).filter(isInFinal);
      return ok({
        demandId,
        weights: current.weights,
        judges: current.judgeIds.length,
        closed: current.closedAt !== undefined,
        ...(current.closedAt ? { closedAt: current.closedAt } : {}),
        items: rank(current, inFinal, scores),
      });
    },

    async close(admin: AuthUser, demandId: string): Promise<Result<Final>> {
      if (admin.role !== 'admin') return fail('AUTH.FORBIDDEN');
      const demand = await deps.demands.get(demandId);
      if (!demand) return fail('DEMAND.NOT_FOUND');
      const { final } = await deps.finals.load(demandId);
      if (!final) return fail('DEMAND.INVALID_TRANSITION', { message: '该需求尚未指定评委，没有可结束的评审' });
      if (final.closedAt) return fail('FINAL.CLOSED');
      const at = now();
      return (await deps.finals.close(demandId, at)) ? ok({ ...final, closedAt: at }) : fail('FINAL.CLOSED');
    },

    async judging(user: AuthUser): Promise<Result<JudgingResponse>> {
      // The judge index lags the table: a final the judge was just removed from may still be listed there, so each
      // one is confirmed against the final itself (read consistently), and listed once.
      const demandIds = [...new Set(await deps.finals.listDemandsOfJudge(user.id))];
      const demands = new Map((await deps.demands.getMany(demandIds)).map((d) => [d.id, d]));
      const items = await Promise.all(
        demandIds.flatMap((demandId) => {
          const demand = demands.get(demandId);
          if (!demand) return [];
          return [
            (async () => {
              const [{ final, scores }, solutions] = await Promise.all([
                deps.finals.load(demandId),
                deps.solutions.listByDemand(demandId),
              ]);
              if (!final?.judgeIds.includes(user.id)) return undefined;
              const inFinal = new Set(solutions.filter(isInFinal).map((s) => s.id));
              return {
                demandId,
                title: publicTitleOf(demand),
                closed: final?.closedAt !== undefined,
                shortlisted: inFinal.size,
                scoredByMe: scores.filter((s) => s.judgeId === user.id && inFinal.has(s.solutionId)).length,
              };
            })(),
          ];
        }),
      );
      return ok({ items: items.filter((item) => item !== undefined) });
    },
  };
}

export type FinalService = ReturnType<typeof createFinalService>;
