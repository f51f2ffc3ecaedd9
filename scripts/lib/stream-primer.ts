// A DynamoDB Local quirk, and the local stack's answer to it.
//
// A LATEST shard iterator taken on a stream that has never held a record fails with TrimmedDataAccessException on
// the first read after the table's first write, once other tables have been written meanwhile (their writes move the
// sequence numbers on). serverless-offline-dynamodb-streams then takes a new LATEST iterator, so every record written
// between its last read and that moment is skipped: in the faults test, the publications of the first few demands
// never reached the alerts. AWS has no such case, and a stream that already holds a record is read correctly.
//
// So, before serverless-offline starts, each table whose stream a function reads from LATEST gets one record if its
// stream has none: an item put and deleted at once, under a key no request can name. The table is left as it was; the
// reader starts after those records, so no function ever sees them. A stream the plugin resumes from its checkpoint
// file (npm start again) is not read from LATEST, so it is left alone: there, primer records would reach the function.
import { readFileSync } from 'node:fs';
import {
  DeleteItemCommand,
  DescribeTableCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import { STREAMS } from '../../infra/functions.cjs';
import { tableName } from '../../infra/tables.cjs';
import { localStreamsClient } from './dynamodb-local';

/** Not a ulid nor a seed id: the API refuses `#` in path ids, so no request can name this item (gone at once anyway). */
export const PRIMER_KEY = 'local#stream-primer';

/** Whether any shard of the stream holds a record. */
export async function streamHasRecords(streams: DynamoDBStreamsClient, streamArn: string): Promise<boolean> {
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  for (const shard of StreamDescription?.Shards ?? []) {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    if (!ShardIterator) continue;
    const { Records } = await streams.send(new GetRecordsCommand({ ShardIterator, Limit: 1 }));
    if ((Records?.length ?? 0) > 0) return true;
  }
  return false;
}

/** Whether serverless-offline-dynamodb-streams will resume this stream from its checkpoint file instead of LATEST. */
export function resumesFromCheckpoint(checkpointFile: string | undefined, streamArn: string): boolean {
  if (!checkpointFile) return false;
  let state: unknown;
  try {
    state = JSON.parse(readFileSync(checkpointFile, 'utf8'));
  } catch {
    return false; // no file yet, or one the plugin itself would ignore
  }
  // The plugin keys each shard's checkpoint `<stream arn>::<shard id>`.
  return typeof state === 'object' && state !== null && Object.keys(state).some((key) => key.startsWith(`${streamArn}::`));
}

/** Gives a record to the stream of `table` if it has none and will be read from LATEST (see above). Returns whether it did. */
export async function primeStream(
  client: DynamoDBClient,
  streams: DynamoDBStreamsClient,
  table: string,
  checkpointFile?: string,
): Promise<boolean> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`${table} has no stream to prime`);
  if (resumesFromCheckpoint(checkpointFile, streamArn) || (await streamHasRecords(streams, streamArn))) return false;
  const key: Record<string, AttributeValue> = {};
  for (const { AttributeName } of Table?.KeySchema ?? []) {
    const type = Table?.AttributeDefinitions?.find((a) => a.AttributeName === AttributeName)?.AttributeType;
    if (!AttributeName || type !== 'S') throw new Error(`${table}: the primer needs string keys, ${AttributeName} is ${type}`);
    key[AttributeName] = { S: PRIMER_KEY };
  }
  await client.send(new PutItemCommand({ TableName: table, Item: key }));
  await client.send(new DeleteItemCommand({ TableName: table, Key: key }));
  return true;
}

/**
 * Primes every stream a function reads from LATEST. Call it before serverless-offline starts reading, with the
 * stream plugin's checkpoint file.
 */
export async function primeLatestStreams(
  client: DynamoDBClient,
  endpoint: string,
  prefix: string,
  checkpointFile?: string,
): Promise<string[]> {
  const streams = localStreamsClient(endpoint);
  try {
    const primed: string[] = [];
    for (const [logical, stream] of Object.entries(STREAMS)) {
      if (stream.startingPosition !== 'LATEST') continue;
      const table = tableName(prefix, logical as keyof typeof STREAMS);
      if (await primeStream(client, streams, table, checkpointFile)) primed.push(table);
    }
    return primed;
  } finally {
    streams.destroy();
  }
}
