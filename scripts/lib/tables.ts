// Creates the project's tables from infra/tables.cjs, the same definitions serverless.yml deploys.
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, tableName, tables, type LogicalTable } from '../../infra/tables.cjs';

export async function ensureTables(client: DynamoDBClient, prefix: string): Promise<string[]> {
  const created: string[] = [];
  for (const logical of Object.keys(tables) as LogicalTable[]) {
    const name = tableName(prefix, logical);
    try {
      await client.send(new CreateTableCommand(createTableInput(logical, name)));
      created.push(name);
      const ttl = tables[logical].ttl;
      if (ttl) {
        await client.send(
          new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: ttl, Enabled: true } }),
        );
      }
    } catch (err) {
      if (!(err instanceof ResourceInUseException)) throw err;
    }
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      if (Table?.TableStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return created;
}
