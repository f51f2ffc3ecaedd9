// Keeps an in-memory search index of published demands in step with DynamoDB, inside each warm Lambda.
// Cold start: read the published list (a Query on byStatus). Afterwards, at most every `refreshMs`: read what changed
// since the last refresh (a Query on byChange), re-reading a short overlap because GSIs are eventually consistent.
import type { CooperationMode, Demand, IndustryField } from '@cic/shared';
import type { Clock } from '../common/clock';
import type { PageRequest, StorePage } from '../common/page';
import type { DemandRepository, PublishedFilter } from '../demands/demand.repository';
import { demandProvince } from '../demands/demand.lifecycle';
import { withPublicText } from '../demands/demand.view';
import { Bm25Index, type TopHits } from './bm25-index';

export interface SearchMeta {
  field: IndustryField | undefined;
  province: string | undefined;
  region: string;
  cooperationModes: CooperationMode[];
  budgetWan: number;
  trackId: string | undefined;
}

const READ_PAGE = 500;
const OVERLAP_MS = 30_000;

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

async function forEachPage(
  read: (page: PageRequest) => Promise<StorePage<Demand>>,
  visit: (demand: Demand) => void,
): Promise<void> {
  let after: Record<string, string> | undefined;
  do {
    const page = await read({ limit: READ_PAGE, ...(after ? { after } : {}) });
    page.items.forEach(visit);
    after = page.next;
  } while (after);
}

export function createDemandSearch(deps: {
  demands: Pick<DemandRepository, 'listPublished' | 'listChangedSince'>;
  clock: Clock;
  refreshMs: number;
}) {
  const index = new Bm25Index<SearchMeta>();
  let syncedFrom: number | undefined;
  let refreshedAt = 0;
  let inFlight: Promise<void> | undefined;

  function apply(stored: Demand): void {
    if (stored.status !== 'published') {
      index.remove(stored.id);
      return;
    }
    // The public text only: searching for an anonymous demand's hidden company or contact must find nothing.
    const demand = withPublicText(stored);
    index.upsert({
      id: demand.id,
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
    });
  }

  async function refresh(): Promise<void> {
    const startedAt = deps.clock.now().getTime();
    if (syncedFrom === undefined) {
      await forEachPage((page) => deps.demands.listPublished({}, page), apply);
    } else {
      const since = new Date(syncedFrom - OVERLAP_MS).toISOString();
      await forEachPage((page) => deps.demands.listChangedSince(since, page), apply);
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
    /** The best `limit` matches passing the filter, best first, and how many match in all. */
    async search(query: string, filter: PublishedFilter, limit: number): Promise<TopHits<SearchMeta>> {
      await fresh();
      return index.top(query, metaFilter(filter), limit);
    },
    /** How many published demands contain the term (as far as its bigrams tell): used to pick a rare keyword. */
    async documentFrequency(term: string): Promise<number> {
      await fresh();
      return index.count(term);
    },
    /** How many published demands the index holds. */
    async documents(): Promise<number> {
      await fresh();
      return index.size;
    },
    get size() {
      return index.size;
    },
  };
}

export type DemandSearch = ReturnType<typeof createDemandSearch>;
