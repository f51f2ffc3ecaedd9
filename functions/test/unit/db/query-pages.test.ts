// Paging a Query: every page read in turn from the last page's LastEvaluatedKey, and a loop may stop early.
import type { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, queryPages } from '../../../src/db/query-page';

/** A client whose Query answers page after page of `pages`, recording each ExclusiveStartKey it was given. */
function pagedClient(pages: Record<string, unknown>[][]) {
  const starts: unknown[] = [];
  const doc = {
    send: async (command: QueryCommand) => {
      starts.push(command.input.ExclusiveStartKey);
      const index = starts.length - 1;
      const items = pages[index] ?? [];
      return {
        Items: items,
        Count: items.length,
        ...(index < pages.length - 1 ? { LastEvaluatedKey: { id: `after-${index}` } } : {}),
      };
    },
  } as unknown as Parameters<typeof queryPages>[0];
  return { doc, starts };
}

describe('queryPages', () => {
  it('reads every page, each from where the last one ended', async () => {
    const c = pagedClient([[{ id: 'a' }], [], [{ id: 'b' }, { id: 'c' }]]);
    const counts: number[] = [];
    for await (const page of queryPages(c.doc, { TableName: 't' })) counts.push(page.Count ?? 0);
    expect(counts).toEqual([1, 0, 2]);
    expect(c.starts).toEqual([undefined, { id: 'after-0' }, { id: 'after-1' }]);
  });

  it('reads no further page once the loop stops', async () => {
    const c = pagedClient([[{ id: 'a' }], [{ id: 'b' }], [{ id: 'c' }]]);
    for await (const page of queryPages(c.doc, { TableName: 't' })) if (page.Items?.length) break;
    expect(c.starts).toHaveLength(1);
  });

  it('collects every item for queryAll', async () => {
    const c = pagedClient([[{ id: 'a' }], [{ id: 'b' }]]);
    expect(await queryAll(c.doc, { TableName: 't' })).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});
