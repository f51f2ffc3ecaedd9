// The three ways the API benchmark reaches a route (HTTP, the handler in-process, the bare DynamoDB calls), and the
// data it sets up on the local stack first.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuthResponse } from '@cic/shared';
import { createDemandDynamoRepository } from '../../../functions/src/db/demand.dynamo';
import { createNotificationDynamoRepository } from '../../../functions/src/db/notification.dynamo';
import type { TableNames } from '../../../functions/src/db/table-names';
import type { Stack } from '../../lib/stack';

/** One measured operation: `i` is the round, so routes that write can pick a different demand each time. */
export type Op = (i: number) => Promise<void>;

type Handler = (
  event: APIGatewayProxyEventV2,
  context: { functionName: string },
) => Promise<{ statusCode?: number; body?: string }>;

/** Calls a handler in-process with the parts of an HTTP API event that route() reads. */
/** Calls a handler as Lambda's runtime does: an API Gateway v2 event and a context naming the function. */
export function invoke(
  handler: Handler,
  parts: { params?: Record<string, string>; query?: Record<string, string>; token?: string },
  fn: string,
): Op {
  return async () => {
    const event = {
      routeKey: 'bench',
      headers: parts.token ? { authorization: `Bearer ${parts.token}` } : {},
      ...(parts.params ? { pathParameters: parts.params } : {}),
      ...(parts.query ? { queryStringParameters: parts.query } : {}),
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
    const out = await handler(event, { functionName: `innovation-challenge-local-${fn}` });
    if (out.statusCode !== 200) throw new Error(`in-process handler answered ${out.statusCode}: ${out.body?.slice(0, 300)}`);
  };
}

export async function get(stack: Stack, path: string, token?: string, method = 'GET'): Promise<string> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

export async function devLogin(stack: Stack, nickname: string): Promise<AuthResponse> {
  const res = await fetch(`${stack.apiUrl}/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname, role: 'user' }),
  });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as AuthResponse;
}

export async function publishedIds(doc: DynamoDBDocumentClient, names: TableNames): Promise<string[]> {
  const repo = createDemandDynamoRepository(doc, names.demands);
  const ids: string[] = [];
  let after: Record<string, string> | undefined;
  do {
    const page = await repo.listPublished({}, { limit: 500, ...(after ? { after } : {}) });
    ids.push(...page.items.map((d) => d.id));
    after = page.next;
  } while (after);
  return ids;
}

/** The inbox user's notifications, written with the repository the matcher uses. */
export async function fillInbox(
  doc: DynamoDBDocumentClient,
  names: TableNames,
  userId: string,
  demandIds: string[],
  size: number,
): Promise<void> {
  const repo = createNotificationDynamoRepository(doc, names.notifications);
  for (let i = 0; i < size; i += 1) {
    const demandId = demandIds[i % demandIds.length] as string;
    // No `push` state: the push sender leaves these alone, so no background work runs during the measurement.
    await repo.createOnce({
      id: `bench${String(i).padStart(4, '0')}`,
      userId,
      demandId,
      reason: 'new_match',
      title: `基准测试通知 ${i}`,
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
      subscriptionId: 'bench-subscription',
      explanation: { keywords: [{ keyword: '锂电池', matchedAs: '锂电池' }] },
    });
  }
}

/**
 * The same DynamoDB calls each route makes, straight from the SDK (see the function named in each comment). A route
 * that needs a logged-in caller first reads the caller (composition/auth.ts verifyToken → auth.service.ts currentUser: a token
 * of a deleted account, or of an earlier life of it, is refused), so its direct twin reads a user too.
 */
export function directOps(doc: DynamoDBDocumentClient, names: TableNames, ids: string[], callerId: string) {
  // user.dynamo.ts get()
  const caller = () => doc.send(new GetCommand({ TableName: names.users, Key: { id: callerId }, ConsistentRead: true }));
  return {
    // demand.dynamo.ts listPublished({}) through queryPage: page 20 + 1 to know whether another page exists.
    list: async () => {
      await doc.send(
        new QueryCommand({
          TableName: names.demands,
          IndexName: 'byStatus',
          KeyConditionExpression: '#status = :published',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':published': 'published' },
          ScanIndexForward: false,
          Limit: 21,
        }),
      );
    },
    // demand.service.ts detail() for an anonymous caller: get(id), then demand-extras.ts awards.listByDemand (no
    // track on a seeded demand; no follow, solution or final read without a viewer).
    detail: async (i: number) => {
      const id = ids[i % ids.length] as string;
      await doc.send(new GetCommand({ TableName: names.demands, Key: { id }, ConsistentRead: true }));
      await doc.send(
        new QueryCommand({
          TableName: names.awards,
          KeyConditionExpression: 'demandId = :d',
          ExpressionAttributeValues: { ':d': id },
        }),
      );
    },
    // follow.dynamo.ts follow(): the conditional put and the counter in one transaction; follow.service.ts answer()
    // then reads the demand for its followerCount.
    follow: async (i: number) => {
      const demandId = ids[i] as string;
      await caller();
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: names.follows,
                Item: { userId: 'bench-direct-follower', demandId, followedAt: new Date().toISOString() },
                ConditionExpression: 'attribute_not_exists(userId)',
              },
            },
            {
              Update: {
                TableName: names.demands,
                Key: { id: demandId },
                UpdateExpression: 'ADD followerCount :one',
                ConditionExpression: '#status = :published',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':one': 1, ':published': 'published' },
              },
            },
          ],
        }),
      );
      await doc.send(new GetCommand({ TableName: names.demands, Key: { id: demandId }, ConsistentRead: true }));
    },
    // notification.dynamo.ts listByUser through queryPage: the LSI byTime, newest first, 20 + 1.
    inbox: async () => {
      await caller();
      await doc.send(
        new QueryCommand({
          TableName: names.notifications,
          IndexName: 'byTime',
          KeyConditionExpression: 'userId = :u',
          ExpressionAttributeValues: { ':u': callerId },
          ScanIndexForward: false,
          Limit: 21,
        }),
      );
    },
  };
}

export async function timed(op: Op, i: number): Promise<number> {
  const t0 = performance.now();
  await op(i);
  return performance.now() - t0;
}
