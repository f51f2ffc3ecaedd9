// Keeps an in-memory search index of published listings (demands, 成果) in step with DynamoDB, inside each warm Lambda.
// Cold start: read the published list (a Query on byStatus). Afterwards, at most every `refreshMs`: read what changed
// since the last refresh (a Query on byChange), re-reading a short overlap because GSIs are eventually consistent.
import { provinceOf, type IndustryField } from '@cic/shared';
import type { Clock } from '../common/clock';
import type { PageRequest, StorePage } from '../common/page';
import type { ListingRepository } from '../listings/listing.repository';
import { Bm25Index, type TopHits } from './bm25-index';

const READ_PAGE = 500;
const OVERLAP_MS = 30_000;

export interface ListingSearchDeps<L extends { id: string; status: string }, M> {
  /** The published list (read unfiltered, page by page) and the change feed of the kind's table. */
  store: Pick<ListingRepository<L, object>, 'listPublished' | 'listChangedSince'>;
  /**
   * What the index holds of a published listing: its public text only (searching for an anonymous listing's hidden
   * company or contact must find nothing), and the meta its filters read.
   */
  document(listing: L): { title: string; body: string; meta: M };
  clock: Clock;
  refreshMs: number;
}

async function forEachPage<L>(read: (page: PageRequest) => Promise<StorePage<L>>, visit: (listing: L) => void): Promise<void> {
  let after: Record<string, string> | undefined;
  do {
    const page = await read({ limit: READ_PAGE, ...(after ? { after } : {}) });
    page.items.forEach(visit);
    after = page.next;
  } while (after);
}

export function createListingSearch<L extends { id: string; status: string }, M>(deps: ListingSearchDeps<L, M>) {
  const index = new Bm25Index<M>();
  let syncedFrom: number | undefined;
  let refreshedAt = 0;
  let inFlight: Promise<void> | undefined;

  function apply(stored: L): void {
    if (stored.status !== 'published') {
      index.remove(stored.id);
      return;
    }
    index.upsert({ id: stored.id, ...deps.document(stored) });
  }

  async function refresh(): Promise<void> {
    const startedAt = deps.clock.now().getTime();
    if (syncedFrom === undefined) {
      await forEachPage((page) => deps.store.listPublished({}, page), apply);
    } else {
      const since = new Date(syncedFrom - OVERLAP_MS).toISOString();
      await forEachPage((page) => deps.store.listChangedSince(since, page), apply);
    }
    syncedFrom = startedAt;
    refreshedAt = deps.clock.now().getTime();
  }

  /** Brings the index up to date if it is older than refreshMs; concurrent callers share one refresh. */
  async function fresh(): Promise<void> {
    if (syncedFrom !== undefined && deps.clock.now().getTime() - refreshedAt < deps.refreshMs) return;
    inFlight ??= refresh().finally(() => {
      inFlight = undefined;
    });
    await inFlight;
  }

  return {
    /** The best `limit` matches the filter accepts, best first, and how many match in all. */
    search: async (query: string, accept: ((meta: M) => boolean) | undefined, limit: number): Promise<TopHits<M>> => {
      await fresh();
      return index.top(query, accept, limit);
    },
    /**
     * Listings related to a long text (a whole 成果简介 or demand description): those holding at least `share` of its
     * terms, best first.
     */
    related: async (
      text: string,
      accept: ((meta: M) => boolean) | undefined,
      limit: number,
      share: number,
    ): Promise<TopHits<M>> => {
      await fresh();
      return index.top(text, accept, limit, share);
    },
    /** How many published listings contain the term (as far as its bigrams tell): used to pick a rare keyword. */
    documentFrequency: async (term: string): Promise<number> => {
      await fresh();
      return index.count(term);
    },
    /** How many published listings the index holds. */
    documents: async (): Promise<number> => {
      await fresh();
      return index.size;
    },
    get size() {
      return index.size;
    },
  };
}

/** What the index keeps of every listing for the filters all kinds have; a kind adds the meta of its own filters. */
export interface ListingSearchMeta {
  field: IndustryField | undefined;
  province: string | undefined;
  region: string;
}

/** The meta of the filters all kinds have, from a listing's public fields. */
export function listingSearchMeta(listing: {
  field?: IndustryField | undefined;
  region?: string | undefined;
}): ListingSearchMeta {
  return {
    field: listing.field,
    province: listing.region ? provinceOf(listing.region) : undefined,
    region: listing.region ?? '',
  };
}

/**
 * The test a list filter puts to a listing's meta: the filters all kinds have (field, province, region), then the
 * kind's own `checks`. Undefined when the filter lets every listing through.
 */
export function listingMetaFilter<M extends ListingSearchMeta>(
  filter: { field?: IndustryField | undefined; province?: string | undefined; regionContains?: string | undefined },
  own: readonly ((meta: M) => boolean)[],
): ((meta: M) => boolean) | undefined {
  const { field, province, regionContains } = filter;
  const checks: ((meta: M) => boolean)[] = [];
  if (field) checks.push((m) => m.field === field);
  if (province) checks.push((m) => m.province === province);
  if (regionContains) checks.push((m) => m.region.includes(regionContains));
  checks.push(...own);
  return checks.length === 0 ? undefined : (meta) => checks.every((check) => check(meta));
}

/** A listing search that takes a kind's list filter, which `accept` turns into a test of the meta. */
export function filteredSearch<M, F>(
  listings: ReturnType<typeof createListingSearch<{ id: string; status: string }, M>>,
  accept: (filter: F) => ((meta: M) => boolean) | undefined,
) {
  return {
    /** The best `limit` matches passing the filter, best first, and how many match in all. */
    search: (query: string, filter: F, limit: number): Promise<TopHits<M>> => listings.search(query, accept(filter), limit),
    /** Published listings related to a long text (search/candidates.ts). */
    related: (text: string, limit: number, share: number): Promise<TopHits<M>> => listings.related(text, undefined, limit, share),
    documentFrequency: listings.documentFrequency,
    documents: listings.documents,
    get size() {
      return listings.size;
    },
  };
}
