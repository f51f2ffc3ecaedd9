// GET /demands: the public list (listings/listing-list.ts). Without `q` it is a Query on an index, newest first; with
// `q` it is ranked by the in-memory search index, and the page's demands are then read fresh from the table.
import { LIST_LIMIT, type DemandListQuery, type DemandListResponse, type Result } from '@cic/shared';
import type { CursorCodec } from '../common/cursor';
import { createListingList, regionFilterOf } from '../listings/listing-list';
import type { DemandSearch } from '../search/demand-search';
import type { DemandRepository, PublishedFilter } from './demand.repository';
import { toPublicDemand, toSummary } from './demand.view';

export function filterOf(query: DemandListQuery): PublishedFilter {
  const filter: PublishedFilter = {};
  if (query.track) filter.trackId = query.track;
  if (query.field) filter.field = query.field;
  if (query.cooperation) filter.cooperation = query.cooperation;
  if (query.minBudgetWan !== undefined) filter.minBudgetWan = query.minBudgetWan;
  return { ...filter, ...regionFilterOf(query.region) };
}

export function createDemandListService(deps: {
  demands: Pick<DemandRepository, 'listPublished' | 'getMany'>;
  search: Pick<DemandSearch, 'search'>;
  cursors: CursorCodec;
}) {
  const list = createListingList({
    kind: 'demand',
    listPublished: (filter: PublishedFilter, page) => deps.demands.listPublished(filter, page),
    getMany: (ids) => deps.demands.getMany(ids),
    search: (q, filter, limit) => deps.search.search(q, filter, limit),
    summary: (demand) => toSummary(toPublicDemand(demand)),
    cursors: deps.cursors,
  });
  return {
    list(query: DemandListQuery): Promise<Result<DemandListResponse>> {
      return list({ q: query.q, cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }, filterOf(query));
    },
  };
}
