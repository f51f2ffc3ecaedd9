// The key layout of every table and index, read from infra/tables.cjs (what serverless.yml deploys and the local stack
// creates) and typed by infra/tables.d.cts. Adapters take index names, key attributes and page cursors from here, so
// a layout is written once, and an index or key that does not exist fails to compile instead of failing a Query.
import { tables, type KeyLayouts, type LogicalTable } from '../../../infra/tables.cjs';

type Layout<T extends LogicalTable> = KeyLayouts[T];
type HashKeyOf<T extends LogicalTable> = Layout<T>['hashKey'];
type RangeKeyOf<T extends LogicalTable> = Layout<T> extends { rangeKey: infer R extends string } ? R : never;
type GlobalIndexes<T extends LogicalTable> = Layout<T> extends { indexes: infer I } ? I : Record<never, never>;
type LocalIndexes<T extends LogicalTable> = Layout<T> extends { localIndexes: infer I } ? I : Record<never, never>;

/** The indexes of a table, global and local, by name. */
export type IndexName<T extends LogicalTable> = Extract<keyof GlobalIndexes<T> | keyof LocalIndexes<T>, string>;

/** A global index names both its keys; a local one shares the table's hash key. */
type IndexHashKey<T extends LogicalTable, I extends IndexName<T>> = I extends keyof GlobalIndexes<T>
  ? GlobalIndexes<T>[I] extends { hashKey: infer H extends string }
    ? H
    : never
  : HashKeyOf<T>;
type IndexRangeKey<T extends LogicalTable, I extends IndexName<T>> = I extends keyof GlobalIndexes<T>
  ? GlobalIndexes<T>[I] extends { rangeKey: infer R extends string }
    ? R
    : never
  : I extends keyof LocalIndexes<T>
    ? LocalIndexes<T>[I] extends { rangeKey: infer R extends string }
      ? R
      : never
    : never;

/** An item's key in a table: exactly the table's hash key and, if it has one, its range key. */
export type ItemKey<T extends LogicalTable> = Record<HashKeyOf<T> | RangeKeyOf<T>, string | number>;

/** What a Query of one partition needs to know of the key order it reads: a table's own, or an index's. */
export interface KeyOrder {
  /** The index's name; absent for the table's own key. */
  readonly name?: string;
  readonly hashKey: string;
  readonly rangeKey?: string;
  /**
   * The attributes of an item's place in this order, a valid ExclusiveStartKey and so a page cursor: the table's key,
   * then the index's (each once, in that order, as the cursors already issued hold them).
   */
  readonly cursorKeys: readonly string[];
}

export interface TableKeys<T extends LogicalTable> extends KeyOrder {
  readonly name?: undefined;
  readonly hashKey: HashKeyOf<T>;
  /** undefined for a table with a hash key only. */
  readonly rangeKey: [RangeKeyOf<T>] extends [never] ? undefined : RangeKeyOf<T>;
  /** The attributes of an item's key: what a Get, an Update or a Delete of one item names. */
  readonly keyAttributes: readonly (HashKeyOf<T> | RangeKeyOf<T>)[];
  /** The key of one item, checked against the table's layout when compiled (`Key: keys.key({ userId, id })`). */
  key(key: ItemKey<T>): ItemKey<T>;
}

export interface IndexKeys<T extends LogicalTable, I extends IndexName<T>> extends KeyOrder {
  readonly name: I;
  readonly hashKey: IndexHashKey<T, I>;
  readonly rangeKey: IndexRangeKey<T, I>;
}

const unique = (names: (string | undefined)[]): string[] => [...new Set(names.filter((n): n is string => n !== undefined))];

/** The table's own key. */
export function keysOf<T extends LogicalTable>(table: T): TableKeys<T> {
  const def = tables[table];
  return {
    hashKey: def.hashKey.name as HashKeyOf<T>,
    rangeKey: def.rangeKey?.name as TableKeys<T>['rangeKey'],
    keyAttributes: unique([def.hashKey.name, def.rangeKey?.name]) as (HashKeyOf<T> | RangeKeyOf<T>)[],
    cursorKeys: unique([def.hashKey.name, def.rangeKey?.name]),
    key: (key) => key,
  };
}

/** One index of a table, global or local. Throws when tables.cjs has no such index (a declaration out of step). */
export function indexOf<T extends LogicalTable, I extends IndexName<T>>(table: T, index: I): IndexKeys<T, I> {
  const def = tables[table];
  const global = def.indexes?.find((ix) => ix.name === index);
  const local = def.localIndexes?.find((ix) => ix.name === index);
  const rangeKey = (global ?? local)?.rangeKey?.name;
  if (!rangeKey) throw new Error(`infra/tables.cjs has no index ${index} with a range key on the table ${table}`);
  const hashKey = global ? global.hashKey.name : def.hashKey.name;
  return {
    name: index,
    hashKey: hashKey as IndexHashKey<T, I>,
    rangeKey: rangeKey as IndexRangeKey<T, I>,
    cursorKeys: unique([def.hashKey.name, def.rangeKey?.name, hashKey, rangeKey]),
  };
}

/** A condition on the range key within the partition. */
export type RangeCondition = { op: '=' | '<' | '<=' | '>' | '>='; value: string | number } | { beginsWith: string };

export interface PartitionQuery {
  IndexName?: string;
  KeyConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/**
 * The part of a Query input that picks one partition of a table or an index (and, optionally, a range within it).
 * Key names go in as placeholders (`#pk`, `#sk`; values `:pk`, `:sk`), so reserved words such as `status` or `key` need
 * no care. A caller that adds a filter or a projection merges its own names and values into these.
 */
export function partitionOf(order: KeyOrder, hash: string | number, range?: RangeCondition): PartitionQuery {
  const names: Record<string, string> = { '#pk': order.hashKey };
  const values: Record<string, unknown> = { ':pk': hash };
  let condition = '#pk = :pk';
  if (range) {
    if (!order.rangeKey) throw new Error(`a range condition on ${order.name ?? 'a table'} without a range key`);
    names['#sk'] = order.rangeKey;
    if ('beginsWith' in range) {
      values[':sk'] = range.beginsWith;
      condition += ' AND begins_with(#sk, :sk)';
    } else {
      values[':sk'] = range.value;
      condition += ` AND #sk ${range.op} :sk`;
    }
  }
  return {
    ...(order.name ? { IndexName: order.name } : {}),
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
