// What the API costs on top of DynamoDB. Four routes, each three ways, interleaved in one run on one local stack:
// through serverless-offline over HTTP; the very bundle serverless-offline runs, called in this process with an API
// Gateway event, as Lambda's runtime calls it; and the route's DynamoDB operations sent straight from the SDK.
// serverless-offline's own overhead is what HTTP costs beyond the same bundle called without it. Beside it: the part
// of that outside the Duration serverless-offline logs for each invocation (its HTTP server, the event), and the
// cost of GET /health (no database) as a fixed-cost estimate.
//
// Run:  npm run bench -- api        (or: npx tsx scripts/bench/api-overhead.ts)
// Options (environment): BENCH_API_REQUESTS (300 measured per route and path), BENCH_API_WARMUP (30),
// BENCH_IAM_SIMULATE (off, as deployed; `enforce` adds the local IAM check to the HTTP path).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '../../functions/src/db/client';
import { tableNames } from '../../functions/src/db/table-names';
import type * as DemandHandlers from '../../functions/src/handlers/demands';
import type * as FollowHandlers from '../../functions/src/handlers/follows';
import type * as NotificationHandlers from '../../functions/src/handlers/notifications';
import { freePort } from '../lib/ports';
import { ROOT, startStack } from '../lib/stack';
import { devLogin, directOps, fillInbox, get, invoke, publishedIds, timed, type Op } from './lib/api-paths';
import { emitResult, envInt, fmt, median, percentile, textTable, verdict, type Row } from './lib/result';

const REQUESTS = envInt('BENCH_API_REQUESTS', 300);
const WARMUP = envInt('BENCH_API_WARMUP', 30);
const INBOX_SIZE = 20;
const TARGET_RATIO = 1.3;

interface Route {
  name: string;
  /** The function's key in infra/functions.cjs, as serverless-offline names it in its log. */
  fn: string;
  http: Op;
  /** The bundle serverless-offline runs, called in this process as Lambda calls it: what our own code adds. */
  handler: Op;
  direct: Op;
}

async function main(): Promise<void> {
  const streams = mkdtempSync(join(tmpdir(), 'cic-bench-streams-'));
  console.log(`API overhead benchmark · ${REQUESTS} measured requests per route and path after ${WARMUP} warm-up rounds`);
  const t0 = performance.now();
  // serverless-offline logs `(λ: demandsList) RequestId: …  Duration: 6.41 ms` after each invocation; requests go one
  // at a time, so the n-th line of a function belongs to its n-th request.
  const durations = new Map<string, number[]>();
  let pending = '';
  const readOffline = (text: string) => {
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /\(λ: (\w+)\) RequestId: \S+\s+Duration: ([\d.]+) ms/.exec(line);
      if (m) durations.set(m[1] as string, [...(durations.get(m[1] as string) ?? []), Number(m[2])]);
    }
  };
  const stack = await startStack({
    onOfflineOutput: readOffline,
    apiPort: await freePort(),
    lambdaPort: await freePort(),
    dbPort: await freePort(),
    wechatPort: await freePort(),
    seed: true,
    echo: process.env.VERBOSE === '1',
    // As deployed: IAM is AWS's job there, and the local simulation of it runs only on the HTTP path.
    extraEnv: { IAM_SIMULATE: process.env.BENCH_IAM_SIMULATE ?? 'off' },
    streamsCheckpointFile: join(streams, 'checkpoint.json'),
  });
  const doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: stack.dbEndpoint });
  try {
    console.log(`stack up in ${fmt((performance.now() - t0) / 1000)} s · ${stack.seed?.created ?? 0} demands seeded`);
    const names = tableNames(stack.tablePrefix);
    const ids = await publishedIds(doc, names);
    const rounds = Math.min(WARMUP + REQUESTS, ids.length);
    if (rounds - WARMUP < Math.min(REQUESTS, 200)) {
      throw new Error(`only ${ids.length} published demands: too few for ${WARMUP} + ${REQUESTS} distinct follows`);
    }
    const follower = await devLogin(stack, 'bench-follower');
    const inProcessFollower = await devLogin(stack, 'bench-follower-in-process');
    const reader = await devLogin(stack, 'bench-inbox');
    await fillInbox(doc, names, reader.user.id, ids, INBOX_SIZE);
    // The handlers in this process read their configuration from the environment, as in a Lambda.
    Object.assign(process.env, stack.env);

    // The very bundles serverless-offline runs (serverless-esbuild built them into its work folder for this stack),
    // loaded into this process: the handler as Lambda's runtime calls it, without serverless-offline around it.
    const load = createRequire(__filename);
    const bundle = <T>(file: string): T =>
      load(
        join(ROOT, process.env.ESBUILD_WORK_FOLDER ?? '.esbuild', '.build', 'functions', 'src', 'handlers', `${file}.js`),
      ) as T;
    const demandHandlers = bundle<typeof DemandHandlers>('demands');
    const followHandlers = bundle<typeof FollowHandlers>('follows');
    const notificationHandlers = bundle<typeof NotificationHandlers>('notifications');
    const direct = directOps(doc, names, ids, reader.user.id);
    const routes: Route[] = [
      {
        name: 'GET /demands?limit=20',
        fn: 'demandsList',
        http: async () => void (await get(stack, '/demands?limit=20')),
        handler: invoke(demandHandlers.list, { query: { limit: '20' } }, 'demandsList'),
        direct: direct.list,
      },
      {
        name: 'GET /demands/{id}',
        fn: 'demandsDetail',
        http: async (i) => void (await get(stack, `/demands/${ids[i % ids.length]}`)),
        handler: (i) => invoke(demandHandlers.detail, { params: { id: ids[i % ids.length] as string } }, 'demandsDetail')(i),
        direct: direct.detail,
      },
      {
        name: 'PUT /demands/{id}/follow',
        fn: 'demandsFollow',
        http: async (i) => {
          const body = JSON.parse(await get(stack, `/demands/${ids[i]}/follow`, follower.token, 'PUT')) as {
            following?: boolean;
          };
          if (body.following !== true) throw new Error(`follow of ${ids[i]} did not follow`);
        },
        handler: (i) =>
          invoke(followHandlers.follow, { params: { id: ids[i] as string }, token: inProcessFollower.token }, 'demandsFollow')(i),
        direct: direct.follow,
      },
      {
        name: 'GET /me/notifications',
        fn: 'meNotifications',
        http: async () => {
          const text = await get(stack, '/me/notifications', reader.token);
          const body = JSON.parse(text) as { items?: unknown[] };
          if (body.items?.length !== INBOX_SIZE)
            throw new Error(`the inbox shows ${body.items?.length} items, not ${INBOX_SIZE}: ${text.slice(0, 300)}`);
        },
        handler: invoke(notificationHandlers.list, { token: reader.token }, 'meNotifications'),
        direct: direct.inbox,
      },
    ];
    type Path = 'http' | 'handler' | 'direct';
    const orders: Path[][] = [
      ['http', 'handler', 'direct'],
      ['direct', 'http', 'handler'],
      ['handler', 'direct', 'http'],
    ];
    const health: number[] = [];
    const samples = routes.map((): Record<Path, number[]> => ({ http: [], handler: [], direct: [] }));

    // Interleaved, so that whatever else the machine does falls on every path alike; the order rotates so that no
    // path always runs right after another's side effects (a follow's stream record, for one).
    for (let i = 0; i < rounds; i += 1) {
      const keep = i >= WARMUP;
      const ms = await timed(async () => void (await get(stack, '/health')), i);
      if (keep) health.push(ms);
      for (const [r, route] of routes.entries()) {
        for (const path of orders[i % orders.length] as Path[]) {
          const took = await timed(route[path], i);
          if (keep) (samples[r] as Record<Path, number[]>)[path].push(took);
        }
      }
    }

    // The log lines come through a pipe: give the last ones a moment, then pair each measured request with its own.
    await new Promise((r) => setTimeout(r, 1000));
    const measured = rounds - WARMUP;
    const invocations = (fn: string): number[] => {
      const all = durations.get(fn) ?? [];
      if (all.length < measured) throw new Error(`serverless-offline logged ${all.length} invocations of ${fn}, not ${measured}`);
      return all.slice(-measured);
    };
    /** Per request: the HTTP time minus the Duration serverless-offline logged for that request's invocation. */
    const offlineShares = (http: number[], fn: string): { inside: number[]; share: number[] } => {
      const inside = invocations(fn);
      return { inside, share: http.map((ms, k) => ms - (inside[k] as number)) };
    };

    const healthP50 = median(health);
    const healthOutside = median(offlineShares(health, 'health').share);
    const rows: Row[] = [];
    const table: string[][] = [];
    const figures: Record<string, unknown> = {
      requests: measured,
      healthP50: healthP50,
      healthP95: percentile(health, 95),
      healthOutsideHandlerP50: healthOutside,
    };
    for (const [r, route] of routes.entries()) {
      const s = samples[r] as Record<Path, number[]>;
      const hp50 = median(s.http);
      const dp50 = median(s.direct);
      const inp50 = median(s.handler);
      const outside = median(offlineShares(s.http, route.fn).share);
      const offlineShare = hp50 - inp50;
      const raw = hp50 / dp50;
      // (HTTP p50 − serverless-offline's share) / direct p50, where the share is HTTP p50 − in-process p50.
      const adjusted = (hp50 - offlineShare) / dp50;
      const byOutside = (hp50 - outside) / dp50;
      const byHealth = (hp50 - healthP50) / dp50;
      table.push([
        route.name,
        `${fmt(hp50)} / ${fmt(percentile(s.http, 95))}`,
        `${fmt(inp50)} / ${fmt(percentile(s.handler, 95))}`,
        `${fmt(dp50)} / ${fmt(percentile(s.direct, 95))}`,
        `${fmt(raw, 2)}×`,
        `${fmt(offlineShare)} (${fmt(outside)})`,
        `${fmt(adjusted, 2)}×`,
        verdict(adjusted <= TARGET_RATIO),
        `${fmt(byOutside, 2)}× / ${fmt(byHealth, 2)}×`,
      ]);
      rows.push({
        metric: `${route.name}: (HTTP p50 − serverless-offline's share) / direct p50`,
        value:
          `${fmt(adjusted, 2)}× (HTTP ${fmt(hp50)} ms, same bundle without serverless-offline ${fmt(inp50)} ms, direct ` +
          `${fmt(dp50)} ms; raw ${fmt(raw, 2)}×; less only the share outside its Duration ${fmt(byOutside, 2)}×, ` +
          `less /health ${fmt(byHealth, 2)}×)`,
        target: `≤ ${TARGET_RATIO}×`,
        verdict: verdict(adjusted <= TARGET_RATIO),
      });
      figures[route.name] = {
        httpP50: hp50,
        httpP95: percentile(s.http, 95),
        inProcessP50: inp50,
        inProcessP95: percentile(s.handler, 95),
        directP50: dp50,
        directP95: percentile(s.direct, 95),
        offlineShareP50: offlineShare,
        outsideHandlerP50: outside,
        rawRatio: raw,
        adjustedRatio: adjusted,
        outsideAdjustedRatio: byOutside,
        healthAdjustedRatio: byHealth,
      };
    }
    rows.push({
      metric: 'GET /health (no database) p50 / p95, and the part outside its logged Duration',
      value: `${fmt(healthP50)} / ${fmt(percentile(health, 95))} ms; outside ${fmt(healthOutside)} ms`,
      target: '—',
      verdict: 'info',
    });
    console.log('');
    console.log(
      textTable(
        [
          'route',
          'HTTP p50 / p95 ms',
          'same bundle, no serverless-offline p50 / p95 ms',
          'direct p50 / p95 ms',
          'raw p50 ratio',
          "offline's share p50 ms (outside its Duration)",
          'adjusted p50 ratio',
          `≤ ${TARGET_RATIO}×`,
          'less only outside-Duration / less /health',
        ],
        table,
      ),
    );
    console.log(
      `GET /health p50 / p95: ${fmt(healthP50)} / ${fmt(percentile(health, 95))} ms (outside its Duration ` +
        `${fmt(healthOutside)} ms) · ${measured} requests each`,
    );
    console.log(
      "offline's share = HTTP p50 − the same bundle's p50 called in this process; adjusted = (HTTP p50 − share) / direct p50. " +
        'Outside its Duration: per request, HTTP time minus the Duration serverless-offline logged for that invocation.',
    );
    emitResult({ rows, figures });
  } finally {
    doc.destroy();
    await stack.stop();
    rmSync(streams, { recursive: true, force: true });
  }
}

// Ctrl-C: exiting runs the stack's own last-resort cleanup (scripts/lib/processes.ts kills what it started).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
