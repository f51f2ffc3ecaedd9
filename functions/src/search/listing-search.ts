// Keeps an in-memory search index of published listings (demands, 成果) in step with DynamoDB, inside each warm Lambda.
// Cold start: read the published list (a Query on byStatus). Afterwards, at most every `refreshMs`: read what changed
// since the last refresh (a Query on byChange), re-reading a short overlap because GSIs are eventually consistent.
import type { Clock } from '../common/clock';
import type { PageRequest, StorePage } from '../common/page';
import { Bm25Index, type TopHits } from './bm25-index';

const READ_PAGE = 500;
const OVERLAP_MS = 30_000;

export interface ListingSearchDeps<L extends { id: string; status: string }, M> {
  /** Every published listing, page by page. */
  listPublished(page: PageRequest): Promise<StorePage<L>>;
  listChangedSince(sinceIso: string, page: PageRequest): Promise<StorePage<L>>;
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
      await forEachPage((page) => deps.listPublished(page), apply);
    } else {
      const since = new Date(syncedFrom - OVERLAP_MS).toISOString();
      await forEachPage((page) => deps.listChangedSince(since, page), apply);
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
