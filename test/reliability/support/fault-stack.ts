// A local stack of its own for the faults test, with DynamoDB faults injected into the functions' calls, and the few
// tools the test needs against it: an HTTP client that retries 5xx answers (and counts them), and reads
// of the truth straight from DynamoDB Local (no faults on those). Its fake WeChat server is driven through
// functions/test/support/fake-wechat-control.ts. The shared stack never sees a fault.
import { GetCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryAll } from '../../../functions/src/db/query-page';
import { createStatsDynamoRepository } from '../../../functions/src/db/stats.dynamo';
import type { TableNames } from '../../../functions/src/db/table-names';
import { freePort } from '../../../scripts/lib/ports';
import { ROOT, startStack, type Stack } from '../../../scripts/lib/stack';
import { call, type Reply } from '../../../functions/test/support/api';
import { inParallel } from './in-parallel';

export interface FaultStack {
  stack: Stack;
  /** One JSON line per DynamoDB fault injected into a function's call. */
  faultLog: string;
  /** The error lines serverless-offline printed: a failed stream batch attempt (the plugin prints its stack), a crash. */
  offlineErrors: string[];
  stop(): Promise<void>;
}

export async function startFaultStack(opts: {
  dynamodbFaultRate: number;
  pushRetryBaseMs: number;
  wechatTimeoutMs: number;
}): Promise<FaultStack> {
  const dir = mkdtempSync(join(tmpdir(), 'cic-faults-'));
  const faultLog = join(dir, 'dynamodb-faults.jsonl');
  // Its own build folder (git-ignored), so building this stack never rewrites the files the shared stack loads from.
  const buildFolder = join('.local', `esbuild-faults-${process.pid}`);
  const offlineErrors: string[] = [];
  let pending = '';
  const stack = await startStack({
    // The stream plugin prints the error's stack for each failed attempt of a batch, then retries it (up to the
    // function's maximumRetryAttempts), then drops it: what a batch lost would otherwise go unseen.
    onOfflineOutput: (text) => {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (/^\s*at /.test(line)) continue;
        if (/Error|Exception/.test(line) && !line.includes('"level"') && offlineErrors.length < 500)
          offlineErrors.push(line.slice(0, 400));
      }
    },
    apiPort: await freePort(),
    lambdaPort: await freePort(),
    dbPort: await freePort(),
    wechatPort: await freePort(),
    seed: false,
    echo: process.env.VERBOSE === '1',
    streamsCheckpointFile: join(dir, 'streams-checkpoint.json'),
    extraEnv: {
      FAULT_DYNAMODB_RATE: String(opts.dynamodbFaultRate),
      FAULT_LOG_FILE: faultLog,
      PUSH_RETRY_BASE_MS: String(opts.pushRetryBaseMs),
      WECHAT_TIMEOUT_MS: String(opts.wechatTimeoutMs),
      SEARCH_REFRESH_MS: '0',
      ESBUILD_WORK_FOLDER: buildFolder,
    },
  });
  return {
    stack,
    faultLog,
    offlineErrors,
    async stop() {
      await stack.stop();
      rmSync(join(ROOT, buildFolder), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The injected DynamoDB faults so far, by kind (ThrottlingException, …). */
export function dynamodbFaults(faultLog: string): { total: number; byKind: Record<string, number> } {
  if (!existsSync(faultLog)) return { total: 0, byKind: {} };
  const byKind: Record<string, number> = {};
  const lines = readFileSync(faultLog, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const { fault } = JSON.parse(line) as { fault: string };
    byKind[fault] = (byKind[fault] ?? 0) + 1;
  }
  return { total: lines.length, byKind };
}

export type { Reply };

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The HTTP API as a careful client uses it: a 5xx answer (or a dropped connection) is retried with backoff, up to
 * `attempts` times. Every retry is counted, by the status that caused it.
 */
export function createClient(baseUrl: string, attempts = 8) {
  const retried: Record<string, number> = {};

  const once = <T>(method: string, path: string, token?: string, json?: unknown): Promise<Reply<T>> =>
    call<T>(method, path, { api: baseUrl, token, ...(json !== undefined ? { json } : {}) });

  return {
    /** Retries counted so far, by cause ('503', 'network', …). */
    retried,
    totalRetried: () => Object.values(retried).reduce((a, b) => a + b, 0),
    /** One request, no retry. */
    once,
    /** One request, retried after a 5xx or a network error. `json` may be a function of the attempt (1, 2, …). */
    async request<T>(method: string, path: string, opts: { token?: string; json?: unknown } = {}): Promise<Reply<T>> {
      for (let attempt = 1; ; attempt += 1) {
        const json = typeof opts.json === 'function' ? (opts.json as (n: number) => unknown)(attempt) : opts.json;
        let reply: Reply<T> | undefined;
        let cause: string;
        try {
          reply = await once<T>(method, path, opts.token, json);
          if (reply.status < 500) return reply;
          cause = String(reply.status);
        } catch (err) {
          cause = 'network';
          if (attempt >= attempts) throw err;
        }
        if (attempt >= attempts && reply) return reply;
        retried[cause] = (retried[cause] ?? 0) + 1;
        await sleep(Math.min(2000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
      }
    },
  };
}

export type Client = ReturnType<typeof createClient>;

/** The demand a subscribe message opens ("pages/demand/index?id=…"). */
export function demandOfPage(page: string | undefined): string | undefined {
  const id = new URLSearchParams((page ?? '').split('?')[1] ?? '').get('id');
  return id ?? undefined;
}

// ---- the truth, read straight from DynamoDB Local ----

export interface InboxItem {
  userId: string;
  id: string;
  demandId: string;
  push?: string;
}

/** What is left of a user's quota for one template. */
export async function quotaOf(
  doc: DynamoDBDocumentClient,
  names: TableNames,
  templateId: string,
  userId: string,
): Promise<number> {
  const out = await doc.send(
    new GetCommand({ TableName: names.quotas, Key: { userId, slot: `tmpl#${templateId}` }, ConsistentRead: true }),
  );
  return Number(out.Item?.remaining ?? 0);
}

/** Every inbox item of these users: one Query per user on the table's key. */
export async function readInboxes(doc: DynamoDBDocumentClient, names: TableNames, userIds: string[]): Promise<InboxItem[]> {
  const perUser = await inParallel(
    userIds,
    8,
    async (userId) =>
      (await queryAll(doc, {
        TableName: names.notifications,
        KeyConditionExpression: 'userId = :u',
        ExpressionAttributeValues: { ':u': userId },
        ProjectionExpression: 'userId, id, demandId, #p',
        ExpressionAttributeNames: { '#p': 'push' },
        ConsistentRead: true,
      })) as unknown as InboxItem[],
  );
  return perUser.flat();
}

/** The push state of every inbox item, for watching progress: a test-only Scan, far cheaper here than a Query per user. */
export async function scanPushStates(doc: DynamoDBDocumentClient, names: TableNames): Promise<Pick<InboxItem, 'push'>[]> {
  const items: Pick<InboxItem, 'push'>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new ScanCommand({
        TableName: names.notifications,
        ProjectionExpression: '#p',
        ExpressionAttributeNames: { '#p': 'push' },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...((out.Items ?? []) as Pick<InboxItem, 'push'>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export interface StreamProgress {
  /** Demands the demands stream has handled as published: the organisers' counter, which the same handler moves right
   * after it has written a record's alerts. */
  published: number;
  /** The push state of every inbox item. */
  states: Pick<InboxItem, 'push'>[];
}

/** The counter of published demands, kept by the demands stream, read through the stats adapter itself. */
export async function publishedCounter(doc: DynamoDBDocumentClient, names: TableNames): Promise<number> {
  return (await createStatsDynamoRepository(doc, names.stats).read())['status#published'] ?? 0;
}

/** Whether the demands stream has counted this demand as published (its stored contribution, see stats.dynamo.ts). */
export async function statsSawPublished(doc: DynamoDBDocumentClient, names: TableNames, demandId: string): Promise<boolean> {
  const out = await doc.send(
    new GetCommand({ TableName: names.stats, Key: { key: `demand#${demandId}` }, ConsistentRead: true }),
  );
  return Boolean((out.Item?.c as Record<string, number> | undefined)?.published);
}

export type Settled = 'settled' | 'stuck' | 'still draining';

/**
 * Polls until the streams have done their work: the demands stream has handled every publication (so every alert is
 * written), then every inbox item has a final push state and nothing has changed for 5 s ('settled'). Nothing moving
 * for 60 s, neither the counter nor a push state, is 'stuck' (the checks then say what is missing); the bound passing
 * while work goes on is 'still draining' (too slow a machine, not a wrong answer).
 */
export async function waitUntilSettled(
  read: () => Promise<StreamProgress>,
  final: ReadonlySet<string>,
  demands: number,
  boundMs: number,
): Promise<{ outcome: Settled; published: number }> {
  const deadline = Date.now() + boundMs;
  let last = '';
  let lastChange = Date.now();
  for (;;) {
    const { published, states } = await read();
    const signature = JSON.stringify([published, ...[...countBy(states, (x) => x.push ?? '(none)')].sort()]);
    if (signature !== last) [last, lastChange] = [signature, Date.now()];
    const open = states.filter((x) => !final.has(x.push ?? '')).length;
    const quiet = Date.now() - lastChange;
    if (published >= demands && open === 0 && quiet >= 5000) return { outcome: 'settled', published };
    if (quiet >= 60_000) return { outcome: 'stuck', published };
    if (Date.now() > deadline) return { outcome: 'still draining', published };
    await sleep(3000);
  }
}
