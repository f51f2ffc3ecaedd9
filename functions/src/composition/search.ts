import { once } from '../common/once';
import { createDemandSearch } from '../search/demand-search';
import { base, type Base } from './base';

/** The in-memory index of published demands: the list's `q`, the subscriptions' rarity check, the solutions' fit. */
export function createSearch(b: Base) {
  return createDemandSearch({ demands: b.demandRepo, clock: b.clock, refreshMs: b.cfg.SEARCH_REFRESH_MS });
}
export type Search = ReturnType<typeof createSearch>;

export const search = once(() => createSearch(base()));
