// The in-memory search index of published demands (listing-search.ts), with the demands' list filters.
import type { CooperationMode, Demand, IndustryField } from '@cic/shared';
import type { Clock } from '../common/clock';
import type { DemandRepository, PublishedFilter } from '../demands/demand.repository';
import { demandProvince } from '../demands/demand.lifecycle';
import { withPublicText } from '../demands/demand.view';
import { createListingSearch, filteredSearch } from './listing-search';

export interface SearchMeta {
  field: IndustryField | undefined;
  province: string | undefined;
  region: string;
  cooperationModes: CooperationMode[];
  budgetWan: number;
  trackId: string | undefined;
}

/** The test a list filter puts to a demand's SearchMeta, or undefined when the filter lets every demand through. */
export function metaFilter(filter: PublishedFilter): ((meta: SearchMeta) => boolean) | undefined {
  const { field, province, regionContains, cooperation, minBudgetWan, trackId } = filter;
  const checks: ((meta: SearchMeta) => boolean)[] = [];
  if (field) checks.push((m) => m.field === field);
  if (province) checks.push((m) => m.province === province);
  if (regionContains) checks.push((m) => m.region.includes(regionContains));
  if (cooperation) checks.push((m) => m.cooperationModes.includes(cooperation));
  if (minBudgetWan !== undefined) checks.push((m) => m.budgetWan >= minBudgetWan);
  if (trackId) checks.push((m) => m.trackId === trackId);
  return checks.length === 0 ? undefined : (meta) => checks.every((check) => check(meta));
}

export function createDemandSearch(deps: {
  demands: Pick<DemandRepository, 'listPublished' | 'listChangedSince'>;
  clock: Clock;
  refreshMs: number;
}) {
  const listings = createListingSearch<Demand, SearchMeta>({
    listPublished: (page) => deps.demands.listPublished({}, page),
    listChangedSince: (since, page) => deps.demands.listChangedSince(since, page),
    document(stored) {
      // The public text only: searching for an anonymous demand's hidden company or contact must find nothing.
      const demand = withPublicText(stored);
      return {
        title: demand.title ?? '',
        body: demand.description ?? '',
        meta: {
          field: demand.field,
          province: demandProvince(demand),
          region: demand.region ?? '',
          cooperationModes: demand.cooperationModes ?? [],
          budgetWan: demand.budgetWan ?? 0,
          trackId: demand.trackId,
        },
      };
    },
    clock: deps.clock,
    refreshMs: deps.refreshMs,
  });

  return filteredSearch(listings, metaFilter);
}

export type DemandSearch = ReturnType<typeof createDemandSearch>;
