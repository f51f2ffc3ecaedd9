import { fail, ok, type Page, type Result } from '@cic/shared';
import type { CursorCodec } from './cursor';
import type { PageRequest, StorePage } from './page';

export interface PageParams {
  cursor?: string | undefined;
  limit: number;
}

/** Reads one page of a store list, turning the store's position into a signed cursor scoped to that list. */
export async function readPage<T, U = T>(
  cursors: CursorCodec,
  scope: string,
  params: PageParams,
  read: (page: PageRequest) => Promise<StorePage<T>>,
  map: (item: T) => U = (item) => item as unknown as U,
): Promise<Result<Page<U>>> {
  let after: Record<string, string> | undefined;
  if (params.cursor) {
    const position = cursors.decode(scope, params.cursor);
    if (!position) return fail('REQUEST.CURSOR_INVALID');
    after = Object.fromEntries(Object.entries(position).map(([k, v]) => [k, String(v)]));
  }
  const page = await read({ limit: params.limit, ...(after ? { after } : {}) });
  return ok({
    items: page.items.map(map),
    nextCursor: page.next ? cursors.encode(scope, page.next) : null,
  });
}
