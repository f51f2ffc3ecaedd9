// The organisers' figures (GET /stats): counters kept from the demands stream, read with one GetItem, cached briefly.
import {
  DEMAND_STATUSES,
  INDUSTRY_FIELDS,
  ok,
  type Demand,
  type DemandStatus,
  type IndustryField,
  type Result,
  type StatsResponse,
} from '@cic/shared';
import type { Clock } from '../common/clock';
import { contributionOf, difference, type Contribution } from './contribution';
import type { StatsRepository } from './stats.ports';

export function toStatsResponse(counters: Contribution, at: string): StatsResponse {
  const n = (key: string) => Math.max(0, counters[key] ?? 0);
  const byRegion: Record<string, number> = {};
  for (const [key, value] of Object.entries(counters)) {
    if (key.startsWith('region#') && value > 0) byRegion[key.slice('region#'.length)] = value;
  }
  return {
    at,
    demands: {
      byStatus: Object.fromEntries(DEMAND_STATUSES.map((s) => [s, n(`status#${s}`)])) as Record<DemandStatus, number>,
      published: n('published'),
      byField: Object.fromEntries(INDUSTRY_FIELDS.map((f) => [f, n(`field#${f}`)])) as Record<IndustryField, number>,
      byRegion,
    },
    budgetWan: Math.round(n('budgetWan') * 10_000) / 10_000,
    solutions: n('solutions'),
    demandsWithSolutions: n('withSolutions'),
    matched: n('matched'),
  };
}

export function createStatsService(deps: { stats: StatsRepository; clock: Clock; cacheMs: number }) {
  let cached: { at: number; value: StatsResponse } | undefined;

  return {
    /**
     * Called for each change on the demands stream (and by the seed for the demands it writes, with no `before`).
     * A change that moves no figure (a follow, an edit of a draft's text) costs no write.
     */
    async onDemandChange(
      demandId: string,
      order: string,
      before: Demand | undefined,
      after: Demand | undefined,
    ): Promise<Contribution> {
      const next = contributionOf(after);
      if (before && Object.keys(difference(next, contributionOf(before))).length === 0) return {};
      return deps.stats.apply(demandId, order, next);
    },

    async read(): Promise<Result<StatsResponse>> {
      const now = deps.clock.now();
      if (cached && now.getTime() - cached.at < deps.cacheMs) return ok(cached.value);
      const value = toStatsResponse(await deps.stats.read(), now.toISOString());
      cached = { at: now.getTime(), value };
      return ok(value);
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
