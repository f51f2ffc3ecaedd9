// Builds stream events from what is stored, to replay a batch through the real stream handlers.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBStreamEvent } from 'aws-lambda';
import { createDocumentClient } from '../../src/db/client';
import { tableNames } from '../../src/db/table-names';

type StreamRecord = DynamoDBStreamEvent['Records'][number];

// The SDK's and aws-lambda's AttributeValue types differ only in how binaries are typed; we have none.
const image = (item: object) => marshall(item, { removeUndefinedValues: true }) as unknown as Record<string, AttributeValue>;

function record(eventName: 'INSERT' | 'MODIFY', oldImage: object | undefined, newImage: object): StreamRecord {
  return { eventName, dynamodb: { ...(oldImage ? { OldImage: image(oldImage) } : {}), NewImage: image(newImage) } };
}

/** The demand's pending → published change again, and the given users' notifications about it as new INSERTs. */
export async function replayOf(
  demandId: string,
  userIds: readonly string[],
): Promise<{ demands: DynamoDBStreamEvent; notifications: DynamoDBStreamEvent }> {
  const doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
  const names = tableNames(process.env.STACK_TABLE_PREFIX as string);
  try {
    const stored = (await doc.send(new GetCommand({ TableName: names.demands, Key: { id: demandId } }))).Item;
    if (!stored) throw new Error(`no demand ${demandId}`);
    const notifications: Record<string, unknown>[] = [];
    for (const userId of userIds) {
      const out = await doc.send(
        new GetCommand({ TableName: names.notifications, Key: { userId, id: `new_match#${demandId}` } }),
      );
      // As first written: the stream's INSERT image had push still pending.
      if (out.Item) notifications.push({ ...out.Item, push: 'pending' });
    }
    return {
      demands: { Records: [record('MODIFY', { ...stored, status: 'pending_review' }, stored)] },
      notifications: { Records: notifications.map((n) => record('INSERT', undefined, n)) },
    };
  } finally {
    doc.destroy();
  }
}
