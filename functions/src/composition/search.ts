import { once } from '../common/once';
import { createAchievementSearch } from '../search/achievement-search';
import { createDemandSearch } from '../search/demand-search';
import { base, type Base } from './base';
import { achievementRepository } from './repositories';

/** The in-memory index of published demands: the list's `q`, the subscriptions' rarity check, the solutions' fit. */
export function createSearch(b: Base) {
  return createDemandSearch({ demands: b.demandRepo, clock: b.clock, refreshMs: b.cfg.SEARCH_REFRESH_MS });
}
export type Search = ReturnType<typeof createSearch>;

export const search = once(() => createSearch(base()));

/** The in-memory index of published 成果: 成果搜索 and the matcher's candidates (search/candidates.ts). */
export function createAchievementSearchIndex(b: Base) {
  return createAchievementSearch({ achievements: achievementRepository(b), clock: b.clock, refreshMs: b.cfg.SEARCH_REFRESH_MS });
}
export type AchievementSearchIndex = ReturnType<typeof createAchievementSearchIndex>;

export const achievementSearch = once(() => createAchievementSearchIndex(base()));
