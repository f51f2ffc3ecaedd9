// Lets a test call a Lambda handler in-process against the same local stack the HTTP API uses, or read its tables.
// (The stack's fake WeChat server is driven through functions/test/support/fake-wechat-control.ts.)
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../src/db/client';
import { tableNames, type TableNames } from '../../src/db/table-names';

export function useStackFunctionEnv(): void {
  const env = process.env.STACK_FUNCTION_ENV;
  if (!env) throw new Error('STACK_FUNCTION_ENV is not set: run through jest (the integration project starts the stack)');
  Object.assign(process.env, JSON.parse(env) as Record<string, string>);
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The items of one partition of a table of the stack, read straight from DynamoDB Local (a consistent read). */
export async function stackPartition(
  table: keyof TableNames,
  keyName: string,
  value: string,
): Promise<Record<string, unknown>[]> {
  const doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
  try {
    const out = await doc.send(
      new QueryCommand({
        TableName: tableNames(process.env.STACK_TABLE_PREFIX as string)[table],
        KeyConditionExpression: '#k = :k',
        ExpressionAttributeNames: { '#k': keyName },
        ExpressionAttributeValues: { ':k': value },
        ConsistentRead: true,
      }),
    );
    return out.Items ?? [];
  } finally {
    doc.destroy();
  }
}
