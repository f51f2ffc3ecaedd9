// GET /admin/reviews: the one review queue of demands and 成果, each item saying its kind. For one kind it is that
// kind's queue; for both, the two queues merged by submission time, with a cursor holding each queue's own position.
import {
  fail,
  ok,
  type Achievement,
  type Demand,
  type ListingKind,
  type Result,
  type ReviewOrder,
  type ReviewQueueItem,
  type ReviewQueueResponse,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { CursorCodec, CursorPosition } from '../common/cursor';
import type { StorePage } from '../common/page';
import { readPage } from '../common/paging';
import { isAdmin, type ListingStore } from './listing.service';

type Queue<L> = Pick<ListingStore<L>, 'listPendingReview'>;

export interface ReviewQueueQuery {
  kind?: ListingKind | undefined;
  order?: ReviewOrder | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Where one queue stands in a merged page: after this store position, or at its end. */
interface Place {
  after?: Record<string, string>;
  done: boolean;
}

const submittedKey = (l: Demand | Achievement) => `${l.submittedAt ?? l.updatedAt}#${l.id}`;

/** A merged cursor holds each queue's place as `d.<attribute>` / `a.<attribute>`, and `d` / `a` = 'end' once read out. */
function placesOf(position: CursorPosition | undefined): Record<'d' | 'a', Place> {
  const places: Record<'d' | 'a', Place> = { d: { done: false }, a: { done: false } };
  for (const [key, value] of Object.entries(position ?? {})) {
    const [queue, attr] = key.split('.', 2) as ['d' | 'a', string | undefined];
    if (queue !== 'd' && queue !== 'a') continue;
    if (attr === undefined) places[queue].done = value === 'end';
    else (places[queue].after ??= {})[attr] = String(value);
  }
  return places;
}

function positionOf(places: Record<'d' | 'a', Place>): CursorPosition {
  const position: CursorPosition = {};
  for (const queue of ['d', 'a'] as const) {
    if (places[queue].done) position[queue] = 'end';
    for (const [attr, value] of Object.entries(places[queue].after ?? {})) position[`${queue}.${attr}`] = value;
  }
  return position;
}

export function createReviewQueue(deps: { demands: Queue<Demand>; achievements: Queue<Achievement>; cursors: CursorCodec }) {
  /** The place after taking `taken` items of `page`, read from `place`. */
  async function placeAfter<L>(
    queue: Queue<L>,
    order: ReviewOrder,
    place: Place,
    page: StorePage<L>,
    taken: number,
  ): Promise<Place> {
    if (taken === page.items.length) return page.next ? { after: page.next, done: false } : { done: true };
    if (taken === 0) return place;
    // Part of the page was taken: the store's position after the last one taken is that of a page of just those.
    const shorter = await queue.listPendingReview({ limit: taken, ...(place.after ? { after: place.after } : {}) }, order);
    return shorter.next ? { after: shorter.next, done: false } : { done: true };
  }

  async function merged(order: ReviewOrder, cursor: string | undefined, limit: number): Promise<Result<ReviewQueueResponse>> {
    const scope = `listings:review:${order}`;
    let position: CursorPosition | undefined;
    if (cursor) {
      position = deps.cursors.decode(scope, cursor);
      if (!position) return fail('REQUEST.CURSOR_INVALID');
    }
    const places = placesOf(position);
    const read = <L>(queue: Queue<L>, place: Place): Promise<StorePage<L>> =>
      place.done
        ? Promise.resolve({ items: [] })
        : queue.listPendingReview({ limit, ...(place.after ? { after: place.after } : {}) }, order);
    const [demands, achievements] = await Promise.all([read(deps.demands, places.d), read(deps.achievements, places.a)]);
    const items: ReviewQueueItem[] = [
      ...demands.items.map((d): ReviewQueueItem => ({ ...d, kind: 'demand' })),
      ...achievements.items.map((a): ReviewQueueItem => ({ ...a, kind: 'achievement' })),
    ];
    const sign = order === 'oldest' ? 1 : -1;
    items.sort((x, y) => (submittedKey(x) < submittedKey(y) ? -sign : submittedKey(x) > submittedKey(y) ? sign : 0));
    const page = items.slice(0, limit);
    const taken = (kind: ListingKind) => page.filter((i) => i.kind === kind).length;
    const next = {
      d: await placeAfter(deps.demands, order, places.d, demands, taken('demand')),
      a: await placeAfter(deps.achievements, order, places.a, achievements, taken('achievement')),
    };
    const more = !next.d.done || !next.a.done;
    return ok({ items: page, nextCursor: more ? deps.cursors.encode(scope, positionOf(next)) : null });
  }

  return {
    async list(admin: AuthUser, query: ReviewQueueQuery): Promise<Result<ReviewQueueResponse>> {
      if (!isAdmin(admin)) return fail('AUTH.FORBIDDEN');
      const order = query.order ?? 'oldest';
      const params = { cursor: query.cursor, limit: query.limit };
      if (query.kind === 'demand') {
        // The demands' own queue keeps the cursors it always issued.
        return readPage(
          deps.cursors,
          `review:${order}`,
          params,
          (page) => deps.demands.listPendingReview(page, order),
          (d) => ({
            ...d,
            kind: 'demand' as const,
          }),
        );
      }
      if (query.kind === 'achievement') {
        return readPage(
          deps.cursors,
          `achievement:review:${order}`,
          params,
          (page) => deps.achievements.listPendingReview(page, order),
          (a) => ({ ...a, kind: 'achievement' as const }),
        );
      }
      return merged(order, query.cursor, query.limit);
    },
  };
}

export type ReviewQueue = ReturnType<typeof createReviewQueue>;
