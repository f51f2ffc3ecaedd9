// GET /demands: the public list. Without `q` it is a Query on an index, newest first; with `q` it is ranked by the
// in-memory search index, and the page's demands are then read fresh from the table.
import { createHash } from 'node:crypto';
import { fail, LIST_LIMIT, ok, provinceOf, type DemandListQuery, type DemandListResponse, type Result } from '@cic/shared';
import type { CursorCodec } from '../common/cursor';
import type { DemandSearch } from '../search/demand-search';
import type { DemandRepository, PublishedFilter } from './demand.repository';
import { readPage } from '../common/paging';
import { toPublicDemand, toSummary } from './demand.view';

export function filterOf(query: DemandListQuery): PublishedFilter {
  const filter: PublishedFilter = {};
  if (query.track) filter.trackId = query.track;
  if (query.field) filter.field = query.field;
  if (query.cooperation) filter.cooperation = query.cooperation;
  if (query.minBudgetWan !== undefined) filter.minBudgetWan = query.minBudgetWan;
  if (query.region) {
    const province = provinceOf(query.region);
    if (province) filter.province = province;
    if (query.region !== province) filter.regionContains = query.region;
  }
  return filter;
}

/** Ties a cursor to the exact list it was made for. */
function scopeOf(kind: string, parts: object): string {
  return `${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16)}`;
}

export function createDemandListService(deps: {
  demands: Pick<DemandRepository, 'listPublished' | 'getMany'>;
  search: Pick<DemandSearch, 'search'>;
  cursors: CursorCodec;
}) {
  return {
    async list(query: DemandListQuery): Promise<Result<DemandListResponse>> {
      const limit = query.limit ?? LIST_LIMIT.default;
      const filter = filterOf(query);
      if (!query.q) {
        return readPage(
          deps.cursors,
          scopeOf('published', filter),
          { cursor: query.cursor, limit },
          (page) => deps.demands.listPublished(filter, page),
          (demand) => toSummary(toPublicDemand(demand)),
        );
      }

      const scope = scopeOf('search', { q: query.q, filter });
      let offset = 0;
      if (query.cursor) {
        const position = deps.cursors.decode(scope, query.cursor);
        if (!position || typeof position.o !== 'number') return fail('REQUEST.CURSOR_INVALID');
        offset = position.o;
      }
      const { hits, total } = await deps.search.search(query.q, filter, offset + limit);
      const ids = hits.slice(offset, offset + limit).map((h) => h.id);
      const byId = new Map((await deps.demands.getMany(ids)).map((d) => [d.id, d]));
      const items = ids
        .map((id) => byId.get(id))
        .flatMap((d) => (d && d.status === 'published' ? [toSummary(toPublicDemand(d))] : []));
      const nextOffset = offset + limit;
      return ok({ items, nextCursor: nextOffset < total ? deps.cursors.encode(scope, { o: nextOffset }) : null });
    },
  };
}
