import {
  QueryCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { PageRequest, StorePage } from '../common/page';

type Item = Record<string, unknown>;

/**
 * Runs a Query until it has one item more than the page holds, so that a cursor is returned only when another page
 * really exists. With a FilterExpression, DynamoDB may return few or no matches per call; this keeps reading.
 * The cursor is the key of the last item returned (table key plus index key), a valid ExclusiveStartKey.
 */
export async function queryPage<T>(
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: PageRequest,
  keyAttributes: readonly string[],
  fromItem: (item: Item) => T,
): Promise<StorePage<T>> {
  const want = page.limit + 1;
  const filtered = input.FilterExpression !== undefined;
  const collected: Item[] = [];
  let start: Item | undefined = page.after;
  do {
    const out = await doc.send(
      new QueryCommand({
        ...input,
        // Without a filter every item read is returned, so read exactly what is missing.
        Limit: filtered ? Math.max(100, want - collected.length) : want - collected.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    collected.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey as Item | undefined;
  } while (start && collected.length < want);

  const items = collected.slice(0, page.limit);
  const last = items[items.length - 1];
  if (collected.length <= page.limit || !last) return { items: items.map(fromItem) };
  const next: Record<string, string> = {};
  for (const attr of keyAttributes) next[attr] = String(last[attr]);
  return { items: items.map(fromItem), next };
}

/**
 * The pages of a Query, one call each, as DynamoDB returns them (each page's Items, Count, LastEvaluatedKey). For the
 * loops that need more than the items (a Select: 'COUNT' sums each page's Count) or may stop before the last page.
 */
export async function* queryPages(
  doc: Pick<DynamoDBDocumentClient, 'send'>,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): AsyncGenerator<QueryCommandOutput, void, undefined> {
  let start: Item | undefined;
  do {
    const out = await doc.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    yield out;
    start = out.LastEvaluatedKey as Item | undefined;
  } while (start);
}

/** Every item a Query finds, reading page after page. For partitions known to stay small (a demand's solutions). */
export async function queryAll(
  doc: Pick<DynamoDBDocumentClient, 'send'>,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of queryPages(doc, input)) items.push(...((page.Items ?? []) as Item[]));
  return items;
}
