// 揭榜: submitting and editing solutions, the owner's decisions, and the lists each party sees.
import {
  canTransition,
  DEFAULT_SCORE_WEIGHTS,
  fail,
  ok,
  SOLUTION_STATUSES,
  type DecisionRequest,
  type Demand,
  type MySolutionsResponse,
  type Notification,
  type Result,
  type Solution,
  type SolutionForm,
  type SolutionListQuery,
  type SolutionListResponse,
  type SolutionStatus,
  type TriagedSolution,
} from '@cic/shared';
import type { NotificationRepository } from '../alerts/notification.repository';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import { matched } from '../demands/demand.lifecycle';
import type { DemandRepository } from '../demands/demand.repository';
import { publicTitleOf, withPublicText } from '../demands/demand.view';
import { canSeeDemand, canSeeSolution, viewerOf, type ContestViewer } from './contest-access';
import type { FinalRepository, SolutionRepository } from './contest.ports';
import { fitScorer, type TermStats } from './fit';
import { countedScores, summarise } from './ranking';
import { canDecide, decided, edited, isEditable, isInFinal, newSolution } from './solution.lifecycle';

export interface SolutionServiceDeps {
  solutions: SolutionRepository;
  demands: Pick<DemandRepository, 'get' | 'getMany'>;
  finals: Pick<FinalRepository, 'load'>;
  notifications: Pick<NotificationRepository, 'createOnce'>;
  terms: TermStats;
  clock: Clock;
}

const byTimeDesc = (a: Solution, b: Solution) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

export function createSolutionService(deps: SolutionServiceDeps) {
  const now = () => deps.clock.now().toISOString();

  /** The demand and the caller's place in its contest; 404 when the demand does not exist for them. */
  async function contestOf(user: AuthUser, demandId: string): Promise<Result<{ demand: Demand; viewer: ContestViewer }>> {
    const demand = await deps.demands.get(demandId);
    if (!demand) return fail('DEMAND.NOT_FOUND');
    const { final } = await deps.finals.load(demandId);
    const viewer = viewerOf(user, demand, final);
    if (!canSeeDemand(viewer, demand)) return fail('DEMAND.NOT_FOUND');
    return ok({ demand, viewer });
  }

  /** A solution and its demand, for someone allowed to see it; anyone else gets 404, as if it did not exist. */
  async function visibleSolution(
    user: AuthUser,
    id: string,
  ): Promise<Result<{ solution: Solution; demand: Demand; viewer: ContestViewer }>> {
    const solution = await deps.solutions.get(id);
    if (!solution) return fail('SOLUTION.NOT_FOUND');
    const contest = await contestOf(user, solution.demandId);
    if (!contest.ok || !canSeeSolution(contest.value.viewer, solution)) return fail('SOLUTION.NOT_FOUND');
    return ok({ solution, ...contest.value });
  }

  async function notify(n: Omit<Notification, 'createdAt' | 'push'>): Promise<void> {
    await deps.notifications.createOnce({ ...n, createdAt: now(), push: 'pending' });
  }

  async function triage(demand: Demand, viewer: ContestViewer, solutions: Solution[]): Promise<TriagedSolution[]> {
    // Scored against the public text: a submitter must not learn a hidden value from the words it shares.
    const fit = await fitScorer(withPublicText(demand), deps.terms);
    const { final, scores } = await deps.finals.load(demand.id);
    const counted = countedScores(final, scores);
    const weights = final?.weights ?? DEFAULT_SCORE_WEIGHTS;
    return solutions.map((s) => {
      const judgeScore = summarise(counted.get(s.id), weights);
      const mine = viewer.judge ? scores.find((x) => x.solutionId === s.id && x.judgeId === viewer.user.id) : undefined;
      return {
        ...s,
        fit: fit(s),
        ...(judgeScore ? { judgeScore } : {}),
        ...(mine ? { myScore: { completeness: mine.completeness, feasibility: mine.feasibility, fit: mine.fit } } : {}),
      };
    });
  }

  return {
    async submit(user: AuthUser, demandId: string, form: SolutionForm): Promise<Result<Solution>> {
      const contest = await contestOf(user, demandId);
      if (!contest.ok) return contest;
      const { demand, viewer } = contest.value;
      if (viewer.owner) return fail('SOLUTION.OWN_DEMAND');
      if (demand.status !== 'published') return fail('SOLUTION.DEMAND_NOT_OPEN');
      // A judge of this demand's final would score their rivals and read their shortlisted solutions.
      if (viewer.judge) return fail('SOLUTION.JUDGE_CONFLICT');
      const solution = newSolution({ demandId, submitterId: user.id, form, at: now() });
      const outcome = await deps.solutions.create(solution);
      if (outcome === 'exists') return fail('SOLUTION.EXISTS');
      if (outcome === 'not_open') return fail('SOLUTION.DEMAND_NOT_OPEN');
      await notify({
        id: `solution_new#${solution.id}`,
        userId: demand.ownerId,
        demandId,
        reason: 'solution_new',
        title: demand.title ?? '',
        solutionId: solution.id,
      });
      return ok(solution);
    },

    async update(user: AuthUser, id: string, form: SolutionForm, expectedVersion?: number): Promise<Result<Solution>> {
      const solution = await deps.solutions.get(id);
      if (!solution || solution.submitterId !== user.id) return fail('SOLUTION.NOT_FOUND');
      if (!isEditable(solution)) return fail('SOLUTION.NOT_EDITABLE');
      if (expectedVersion !== undefined && expectedVersion !== solution.version) return fail('SOLUTION.VERSION_CONFLICT');
      const next = edited(solution, form, now());
      return (await deps.solutions.updateIfVersion(next, solution.version)) ? ok(next) : fail('SOLUTION.VERSION_CONFLICT');
    },

    async get(user: AuthUser, id: string): Promise<Result<TriagedSolution>> {
      const found = await visibleSolution(user, id);
      if (!found.ok) return found;
      const [triaged] = await triage(found.value.demand, found.value.viewer, [found.value.solution]);
      return ok(triaged as TriagedSolution);
    },

    async listForDemand(user: AuthUser, demandId: string, query: SolutionListQuery): Promise<Result<SolutionListResponse>> {
      const contest = await contestOf(user, demandId);
      if (!contest.ok) return contest;
      const { demand, viewer } = contest.value;
      const all = await deps.solutions.listByDemand(demandId);
      let visible: Solution[];
      let role: SolutionListResponse['viewer']['role'];
      if (viewer.owner || viewer.admin) {
        visible = all;
        role = viewer.owner ? 'owner' : 'admin';
      } else if (viewer.judge) {
        visible = all.filter(isInFinal);
        role = 'judge';
      } else {
        visible = all.filter((s) => s.submitterId === user.id);
        role = 'submitter';
        if (visible.length === 0) return fail('AUTH.FORBIDDEN');
      }
      const counts = Object.fromEntries(SOLUTION_STATUSES.map((s) => [s, 0])) as Record<SolutionStatus, number>;
      for (const s of visible) counts[s.status] += 1;
      const chosen = query.status ? visible.filter((s) => s.status === query.status) : visible;
      const items = await triage(demand, viewer, chosen);
      const time = (a: TriagedSolution, b: TriagedSolution) => byTimeDesc(a, b);
      if (query.sort === 'fit') items.sort((a, b) => b.fit.score - a.fit.score || time(a, b));
      else if (query.sort === 'score') {
        items.sort(
          (a, b) => (b.judgeScore?.total ?? -1) - (a.judgeScore?.total ?? -1) || b.fit.score - a.fit.score || time(a, b),
        );
      } else items.sort(time);
      return ok({ items, counts, sort: query.sort, viewer: { role } });
    },

    async listMine(user: AuthUser): Promise<Result<MySolutionsResponse>> {
      const solutions = await deps.solutions.listBySubmitter(user.id);
      const demands = new Map((await deps.demands.getMany(solutions.map((s) => s.demandId))).map((d) => [d.id, d]));
      const items = solutions.flatMap((s) => {
        const demand = demands.get(s.demandId);
        return demand ? [{ ...s, demandTitle: publicTitleOf(demand), demandStatus: demand.status }] : [];
      });
      return ok({ items });
    },

    async decide(user: AuthUser, id: string, input: DecisionRequest): Promise<Result<Solution>> {
      const found = await visibleSolution(user, id);
      if (!found.ok) return found;
      const { solution, demand, viewer } = found.value;
      if (!viewer.owner) return fail('AUTH.FORBIDDEN');
      if (!canDecide(solution, input.decision)) return fail('SOLUTION.INVALID_DECISION');
      const at = now();
      const next = decided(solution, input, at);
      if (input.decision === 'intent') {
        if (demand.status === 'matched') return fail('SOLUTION.MATCHED');
        if (!canTransition('match', demand.status)) return fail('DEMAND.INVALID_TRANSITION');
        const outcome = await deps.solutions.recordIntent(
          { next, expectedVersion: solution.version },
          { next: matched(demand, at), expectedVersion: demand.version },
        );
        if (outcome === 'conflict') return fail('SOLUTION.VERSION_CONFLICT');
      } else if (!(await deps.solutions.updateIfVersion(next, solution.version))) {
        return fail('SOLUTION.VERSION_CONFLICT');
      }
      await notify({
        id: `decision_${input.decision}#${solution.id}`,
        userId: solution.submitterId,
        demandId: demand.id,
        reason: 'solution_decision',
        title: publicTitleOf(demand),
        solutionId: solution.id,
        decision: input.decision,
        ...(input.reason ? { note: input.reason } : {}),
      });
      return ok(next);
    },
  };
}

export type SolutionService = ReturnType<typeof createSolutionService>;
