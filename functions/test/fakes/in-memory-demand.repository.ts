// DemandRepository in memory, with the semantics of the DynamoDB adapter (functions/src/db/demand.dynamo.ts):
// copies in and out, conditional writes, the orders of its indexes and pages that continue from a key position.
import { provinceOf, type Demand } from '@cic/shared';
import type { PageRequest, StorePage } from '../../src/common/page';
import type { DemandRepository, PublishedFilter } from '../../src/demands/demand.repository';

export interface FollowerCounts {
  /** The stored count, or undefined when there is no such demand. */
  of(id: string): number | undefined;
  /** Sets the stored count; throws for an unknown demand. */
  set(id: string, count: number): void;
  /** Adds `delta` to the stored count (the DynamoDB ADD); false, and no change, for an unknown demand. */
  add(id: string, delta: number): boolean;
}

export interface InMemoryDemandRepository extends DemandRepository {
  /** The store's own followerCount, which updateIfVersion never changes: what the follow fake moves. */
  readonly followerCount: FollowerCounts;
  /** A synchronous copy of one stored demand, for fakes that need an atomic look. */
  peek(id: string): Demand | undefined;
  /** Copies of every stored demand, in insertion order. */
  all(): Demand[];
}

type Order = 'asc' | 'desc';

const copy = (demand: Demand): Demand => structuredClone(demand);

/**
 * One page of `items` in index order. The sort key is `${key}#${id}` (unique, like the index keys of the table), and
 * `next` is the position of the last item returned, present only when more items follow it.
 */
function paginate(items: Demand[], sortKey: (d: Demand) => string, order: Order, page: PageRequest): StorePage<Demand> {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new Error(`invalid page limit: ${page.limit}`);
  const keyed = items
    .map((d) => ({ demand: d, key: `${sortKey(d)}#${d.id}` }))
    .sort((a, b) => (a.key === b.key ? 0 : (a.key < b.key ? -1 : 1) * (order === 'asc' ? 1 : -1)));
  let rest = keyed;
  if (page.after) {
    const after = page.after.key;
    // DynamoDB rejects an ExclusiveStartKey that is not a key of the index.
    if (typeof after !== 'string' || typeof page.after.id !== 'string') {
      throw new Error(`invalid page position: ${JSON.stringify(page.after)}`);
    }
    rest = keyed.filter((e) => (order === 'asc' ? e.key > after : e.key < after));
  }
  const slice = rest.slice(0, page.limit);
  const last = slice[slice.length - 1];
  const out: StorePage<Demand> = { items: slice.map((e) => copy(e.demand)) };
  if (rest.length > slice.length && last) out.next = { id: last.demand.id, key: last.key };
  return out;
}

function matchesPublished(demand: Demand, filter: PublishedFilter): boolean {
  if (demand.status !== 'published') return false;
  // The field and province indexes are sparse: only published demands with a publishedAt are in them.
  if ((filter.field || filter.province) && demand.publishedAt === undefined) return false;
  if (filter.field && demand.field !== filter.field) return false;
  if (filter.province && (demand.region === undefined || provinceOf(demand.region) !== filter.province)) return false;
  if (filter.regionContains && !(demand.region ?? '').includes(filter.regionContains)) return false;
  if (filter.cooperation && !(demand.cooperationModes ?? []).includes(filter.cooperation)) return false;
  if (filter.minBudgetWan !== undefined && !(demand.budgetWan !== undefined && demand.budgetWan >= filter.minBudgetWan)) {
    return false;
  }
  return true;
}

export function createInMemoryDemandRepository(initial: readonly Demand[] = []): InMemoryDemandRepository {
  const demands = new Map<string, Demand>();
  for (const d of initial) demands.set(d.id, copy(d));
  const stored = () => [...demands.values()];

  const followerCount: FollowerCounts = {
    of: (id) => demands.get(id)?.followerCount,
    set(id, count) {
      const demand = demands.get(id);
      if (!demand) throw new Error(`no demand ${id}`);
      demand.followerCount = count;
    },
    add(id, delta) {
      const demand = demands.get(id);
      if (!demand) return false;
      demand.followerCount += delta;
      return true;
    },
  };

  return {
    followerCount,
    peek(id) {
      const demand = demands.get(id);
      return demand ? copy(demand) : undefined;
    },
    all: () => stored().map(copy),

    async create(demand) {
      if (demands.has(demand.id)) return 'exists';
      demands.set(demand.id, copy(demand));
      return 'created';
    },

    async get(id) {
      const demand = demands.get(id);
      return demand ? copy(demand) : undefined;
    },

    async getMany(ids) {
      return [...new Set(ids)].flatMap((id) => {
        const demand = demands.get(id);
        return demand ? [copy(demand)] : [];
      });
    },

    async updateIfVersion(next, expectedVersion) {
      const current = demands.get(next.id);
      if (!current || current.version !== expectedVersion) return false;
      demands.set(next.id, { ...copy(next), followerCount: current.followerCount });
      return true;
    },

    async deleteIfVersion(id, expectedVersion) {
      if (demands.get(id)?.version !== expectedVersion) return false;
      return demands.delete(id);
    },

    async listByOwner(ownerId, page) {
      return paginate(
        stored().filter((d) => d.ownerId === ownerId),
        (d) => d.createdAt,
        'desc',
        page,
      );
    },

    async listPendingReview(page, order) {
      return paginate(
        stored().filter((d) => d.status === 'pending_review'),
        (d) => d.submittedAt ?? d.updatedAt,
        order === 'oldest' ? 'asc' : 'desc',
        page,
      );
    },

    async listPublished(filter, page) {
      return paginate(
        stored().filter((d) => matchesPublished(d, filter)),
        (d) => d.publishedAt ?? d.updatedAt,
        'desc',
        page,
      );
    },

    async listChangedSince(sinceIso, page) {
      return paginate(
        stored().filter((d) => `${d.updatedAt}#${d.id}` >= sinceIso),
        (d) => d.updatedAt,
        'asc',
        page,
      );
    },
  };
}
