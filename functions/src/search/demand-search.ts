// The in-memory search index of published demands (listing-search.ts), with the demands' list filters.
import type { CooperationMode, Demand } from '@cic/shared';
import type { Clock } from '../common/clock';
import type { DemandRepository, PublishedFilter } from '../demands/demand.repository';
import { withPublicText } from '../demands/demand.view';
import {
  createListingSearch,
  filteredSearch,
  listingMetaFilter,
  listingSearchMeta,
  type ListingSearchMeta,
} from './listing-search';

export interface SearchMeta extends ListingSearchMeta {
  cooperationModes: CooperationMode[];
  budgetWan: number;
  trackId: string | undefined;
}

/** The test a list filter puts to a demand's SearchMeta, or undefined when the filter lets every demand through. */
export function metaFilter(filter: PublishedFilter): ((meta: SearchMeta) => boolean) | undefined {
  const { cooperation, minBudgetWan, trackId } = filter;
  const checks: ((meta: SearchMeta) => boolean)[] = [];
  if (cooperation) checks.push((m) => m.cooperationModes.includes(cooperation));
  if (minBudgetWan !== undefined) checks.push((m) => m.budgetWan >= minBudgetWan);
  if (trackId) checks.push((m) => m.trackId === trackId);
  return listingMetaFilter(filter, checks);
}

export function createDemandSearch(deps: {
  demands: Pick<DemandRepository, 'listPublished' | 'listChangedSince'>;
  clock: Clock;
  refreshMs: number;
}) {
  const listings = createListingSearch<Demand, SearchMeta>({
    ...deps,
    store: deps.demands,
    document(stored) {
      // The public text only: searching for an anonymous demand's hidden company or contact must find nothing.
      const demand = withPublicText(stored);
      return {
        title: demand.title ?? '',
        body: demand.description ?? '',
        meta: {
          ...listingSearchMeta(demand),
          cooperationModes: demand.cooperationModes ?? [],
          budgetWan: demand.budgetWan ?? 0,
          trackId: demand.trackId,
        },
      };
    },
  });

  return filteredSearch(listings, metaFilter);
}

export type DemandSearch = ReturnType<typeof createDemandSearch>;
