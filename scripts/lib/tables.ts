// Creates the project's tables from infra/tables.cjs, the same definitions serverless.yml deploys. A local database
// kept from an earlier version (npm start keeps .local/dynamodb) is brought up to date: a missing index is added, and
// a table whose key layout changed is made again if it holds nothing lasting (`ephemeral`); otherwise this stops
// with what to do, rather than let the functions fail on a wrong key.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, tableName, tables, type LogicalTable } from '../../infra/tables.cjs';

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription> {
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const indexesReady = (Table?.GlobalSecondaryIndexes ?? []).every((ix) => ix.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesReady) return Table;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const keyLayout = (keys: { AttributeName?: string; KeyType?: string }[] | undefined, types: Map<string, string>) =>
  (keys ?? []).map((k) => `${k.KeyType}:${k.AttributeName}:${types.get(k.AttributeName ?? '')}`).join(',');

async function create(client: DynamoDBClient, logical: LogicalTable, name: string): Promise<boolean> {
  try {
    await client.send(new CreateTableCommand(createTableInput(logical, name)));
  } catch (err) {
    if (err instanceof ResourceInUseException) return false;
    throw err;
  }
  const ttl = tables[logical].ttl;
  if (ttl) {
    await describe(client, name);
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: ttl, Enabled: true } }),
    );
  }
  return true;
}

/** Brings an existing table to its definition; true if it had to be made again. */
async function upgrade(client: DynamoDBClient, logical: LogicalTable, name: string): Promise<boolean> {
  const wanted = createTableInput(logical, name);
  const current = await describe(client, name);
  const types = (defs: { AttributeName?: string; AttributeType?: string }[] | undefined) =>
    new Map((defs ?? []).map((d) => [d.AttributeName ?? '', d.AttributeType ?? '']));
  if (
    keyLayout(current.KeySchema, types(current.AttributeDefinitions)) !==
    keyLayout(wanted.KeySchema, types(wanted.AttributeDefinitions))
  ) {
    if (!tables[logical].ephemeral) {
      throw new Error(
        `The local table ${name} has an older key layout than infra/tables.cjs. Its data cannot be moved automatically: ` +
          'stop the stack and delete .local/dynamodb (the seeded demands come back at the next start).',
      );
    }
    await client.send(new DeleteTableCommand({ TableName: name }));
    for (;;) {
      try {
        await client.send(new DescribeTableCommand({ TableName: name }));
        await new Promise((r) => setTimeout(r, 100));
      } catch {
        break;
      }
    }
    await create(client, logical, name);
    return true;
  }
  const present = new Set((current.GlobalSecondaryIndexes ?? []).map((ix) => ix.IndexName));
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await describe(client, name);
  }
  return false;
}

export async function ensureTables(client: DynamoDBClient, prefix: string): Promise<string[]> {
  const created: string[] = [];
  for (const logical of Object.keys(tables) as LogicalTable[]) {
    const name = tableName(prefix, logical);
    if ((await create(client, logical, name)) || (await upgrade(client, logical, name))) created.push(name);
    await describe(client, name);
  }
  return created;
}
