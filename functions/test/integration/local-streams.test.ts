// The local stack's streams against DynamoDB Local, read the way serverless-offline-dynamodb-streams reads them: a
// LATEST iterator taken on a stream that has never held a record loses records (see scripts/lib/stream-primer.ts),
// and the primer the stack runs before serverless-offline makes the first records arrive like any others.
import { DescribeTableCommand, GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localClient, localStreamsClient } from '../../../scripts/lib/dynamodb-local';
import { primeLatestStreams, PRIMER_KEY } from '../../../scripts/lib/stream-primer';
import { ensureTables } from '../../../scripts/lib/tables';
import { tableNames } from '../../src/db/table-names';
import { uniq } from '../support/api';

const endpoint = () => process.env.STACK_DB_ENDPOINT as string;

/** What the stream plugin does at start for a LATEST stream: one iterator on the table's shard. */
async function latestIterator(client: DynamoDBClient, streams: DynamoDBStreamsClient, table: string): Promise<string> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table?.LatestStreamArn }));
  const shard = StreamDescription?.Shards?.at(-1)?.ShardId;
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({ StreamArn: Table?.LatestStreamArn, ShardId: shard, ShardIteratorType: 'LATEST' }),
  );
  if (!ShardIterator) throw new Error(`no iterator for ${table}`);
  return ShardIterator;
}

type Read = { ids: string[] } | { error: string };

/**
 * The reader's first minutes: it polls the still-empty demands stream while users log in (other tables are
 * written), then demands arrive. Returns each read: the ids it got, or the error it met.
 */
async function readThroughFirstDemands(prefix: string, client: DynamoDBClient, streams: DynamoDBStreamsClient): Promise<Read[]> {
  const names = tableNames(prefix);
  let iterator = await latestIterator(client, streams, names.demands);
  const reads: Read[] = [];
  const read = async () => {
    try {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      if (out.NextShardIterator) iterator = out.NextShardIterator;
      reads.push({ ids: (out.Records ?? []).map((r) => r.dynamodb?.Keys?.id?.S ?? '?') });
    } catch (err) {
      reads.push({ error: (err as Error).name });
    }
  };
  await read();
  for (let i = 0; i < 5; i += 1) {
    await client.send(new PutItemCommand({ TableName: names.users, Item: { id: { S: uniq('user') } } }));
    await read();
  }
  for (const id of ['first', 'second']) {
    await client.send(new PutItemCommand({ TableName: names.demands, Item: { id: { S: `${prefix}-${id}` } } }));
    await read();
  }
  return reads;
}

describe('local streams', () => {
  let client: DynamoDBClient;
  let streams: DynamoDBStreamsClient;
  beforeAll(() => {
    client = localClient(endpoint());
    streams = localStreamsClient(endpoint());
  });
  afterAll(() => {
    client.destroy();
    streams.destroy();
  });

  it('DynamoDB Local still has the quirk the primer is for (if this fails, the primer can go)', async () => {
    const prefix = uniq('quirk');
    await ensureTables(client, prefix);
    const reads = await readThroughFirstDemands(prefix, client, streams);
    // The read after the first demand fails: a reader that starts again from LATEST never sees that demand.
    expect(reads.at(-2)).toEqual({ error: 'TrimmedDataAccessException' });
  });

  it('after the primer, the reader gets the first demands in order, and no primer record', async () => {
    const prefix = uniq('primed');
    const names = tableNames(prefix);
    await ensureTables(client, prefix);
    // Every stream a function reads from LATEST: the demands' and the 成果's.
    expect(await primeLatestStreams(client, endpoint(), prefix)).toEqual([names.demands, names.achievements]);

    const reads = await readThroughFirstDemands(prefix, client, streams);
    expect(reads.filter((r) => 'error' in r)).toEqual([]);
    expect(reads.flatMap((r) => ('ids' in r ? r.ids : []))).toEqual([`${prefix}-first`, `${prefix}-second`]);

    // The table is as it was: the primer's item is gone.
    const primer = await client.send(
      new GetItemCommand({ TableName: names.demands, Key: { id: { S: PRIMER_KEY } }, ConsistentRead: true }),
    );
    expect(primer.Item).toBeUndefined();
    // A stream that holds records is left alone (a restarted stack, a seeded one).
    expect(await primeLatestStreams(client, endpoint(), prefix)).toEqual([]);
  });

  it('leaves alone a stream the plugin resumes from its checkpoint file: there, primer records would reach the function', async () => {
    const prefix = uniq('resumed');
    const names = tableNames(prefix);
    await ensureTables(client, prefix);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: names.demands }));
    const dir = mkdtempSync(join(tmpdir(), 'cic-checkpoint-'));
    try {
      const file = join(dir, 'checkpoint.json');
      writeFileSync(file, JSON.stringify({ [`${Table?.LatestStreamArn}::shardId-1`]: '000000000000000000042' }));
      // Only the demands stream resumes from the file; the 成果's, with no checkpoint, is primed.
      expect(await primeLatestStreams(client, endpoint(), prefix, file)).toEqual([names.achievements]);
      // Another stream's checkpoint, or a file that is not the plugin's, changes nothing.
      writeFileSync(file, JSON.stringify({ 'arn:aws:dynamodb:local:000000000000:table/other/stream/x::shardId-1': '1' }));
      expect(await primeLatestStreams(client, endpoint(), prefix, file)).toEqual([names.demands]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
