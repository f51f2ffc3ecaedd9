// The public list of a kind of listing: without `q`, a Query on an index, newest first; with `q`, ranked by the
// in-memory search index, the page's listings then read fresh from the table (so a listing closed since the index
// last refreshed is left out).
import { createHash } from 'node:crypto';
import { fail, ok, provinceOf, type Page, type Province, type Result } from '@cic/shared';
import type { CursorCodec } from '../common/cursor';
import type { PageRequest, StorePage } from '../common/page';
import { readPage } from '../common/paging';

/** Ties a cursor to the exact list it was made for. */
export function scopeOf(kind: string, parts: object): string {
  return `${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16)}`;
}

/**
 * The region part of a list's filter: a province named alone is matched on its key; anything finer (苏州) or not a
 * province is matched anywhere in the listing's region.
 */
export function regionFilterOf(region: string | undefined): { province?: Province; regionContains?: string } {
  const filter: { province?: Province; regionContains?: string } = {};
  if (!region) return filter;
  const province = provinceOf(region);
  if (province) filter.province = province;
  if (region !== province) filter.regionContains = region;
  return filter;
}

export interface ListingListDeps<L extends { id: string; status: string }, F, S> {
  /** The cursor scopes' prefix: a cursor of one kind's list is refused by another's. */
  kind: string;
  listPublished(filter: F, page: PageRequest): Promise<StorePage<L>>;
  getMany(ids: readonly string[]): Promise<L[]>;
  search(q: string, filter: F, limit: number): Promise<{ hits: { id: string }[]; total: number }>;
  /** The list card of a published listing, as the public sees it. */
  summary: (listing: L) => S;
  cursors: CursorCodec;
}

export function createListingList<L extends { id: string; status: string }, F extends object, S>(deps: ListingListDeps<L, F, S>) {
  const published = deps.kind === 'demand' ? 'published' : `${deps.kind}-published`;
  const searched = deps.kind === 'demand' ? 'search' : `${deps.kind}-search`;
  return async function list(
    query: { q?: string | undefined; cursor?: string | undefined; limit: number },
    filter: F,
  ): Promise<Result<Page<S>>> {
    const { limit } = query;
    if (!query.q) {
      return readPage(
        deps.cursors,
        scopeOf(published, filter),
        { cursor: query.cursor, limit },
        (page) => deps.listPublished(filter, page),
        deps.summary,
      );
    }

    const scope = scopeOf(searched, { q: query.q, filter });
    let offset = 0;
    if (query.cursor) {
      const position = deps.cursors.decode(scope, query.cursor);
      if (!position || typeof position.o !== 'number') return fail('REQUEST.CURSOR_INVALID');
      offset = position.o;
    }
    const { hits, total } = await deps.search(query.q, filter, offset + limit);
    const ids = hits.slice(offset, offset + limit).map((h) => h.id);
    const byId = new Map((await deps.getMany(ids)).map((l) => [l.id, l]));
    const items = ids.map((id) => byId.get(id)).flatMap((l) => (l && l.status === 'published' ? [deps.summary(l)] : []));
    const nextOffset = offset + limit;
    return ok({ items, nextCursor: nextOffset < total ? deps.cursors.encode(scope, { o: nextOffset }) : null });
  };
}
