// The percolator table's layout, shared by everything filed in it: entries stored under the key a new text finds them
// by (`kw#<concept>`, `field#…`, `region#…`, `budget`), and a dictionary partition listing the indexed keywords with a
// reference count. Saved searches use the table's plain keys; other kinds of entry (成果, filed by their keywords'
// concepts) live in a namespace of their own, so a reader of one kind never reads the other's items.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IndexKey } from '../alerts/percolator.port';
import { queryAll, queryPages } from './query-page';
import { keysOf, partitionOf } from './table-keys';
import type { TransactItem } from './transact';

const PERCOLATOR = keysOf('percolator');
const KEYWORD_PREFIX = 'kw#';

/** The percolator's partitions of one kind of entry: '' for saved searches (the table's original keys), else its name. */
export function percolatorPartitions(doc: DynamoDBDocumentClient, table: string, namespace = '') {
  const partition = (key: IndexKey) => (namespace === '' ? key : `${namespace}#${key}`);
  const dictionary = namespace === '' ? '#dictionary' : `#dictionary#${namespace}`;
  return {
    /** The item key of an entry filed under `key`. */
    key: (key: IndexKey, entry: string) => PERCOLATOR.key({ pkey: partition(key), skey: entry }),

    /** The dictionary's count of a keyword key moves with each entry filed under it (other keys are not listed). */
    dictionaryUpdate: (key: IndexKey, delta: 1 | -1): TransactItem[] => {
      if (!key.startsWith(KEYWORD_PREFIX)) return [];
      return [
        {
          Update: {
            TableName: table,
            Key: PERCOLATOR.key({ pkey: dictionary, skey: key.slice(KEYWORD_PREFIX.length) }),
            UpdateExpression: 'ADD refs :d',
            ExpressionAttributeValues: { ':d': delta },
          },
        },
      ];
    },

    /** Every item filed under one key, page by page as the reader consumes them: a large partition is never held whole. */
    async *read(key: IndexKey): AsyncIterable<Record<string, unknown>> {
      for await (const page of queryPages(doc, { TableName: table, ...partitionOf(PERCOLATOR, partition(key)) })) {
        yield* (page.Items ?? []) as Record<string, unknown>[];
      }
    },

    /** The keywords (canonical concepts) with at least one entry filed under them. */
    async indexedKeywords(): Promise<ReadonlySet<string>> {
      const p = partitionOf(PERCOLATOR, dictionary);
      const items = await queryAll(doc, {
        TableName: table,
        ...p,
        FilterExpression: 'refs > :zero',
        ExpressionAttributeValues: { ...p.ExpressionAttributeValues, ':zero': 0 },
      });
      return new Set(items.map((item) => String(item[PERCOLATOR.rangeKey])));
    },
  };
}
