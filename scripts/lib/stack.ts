// The whole product on one machine: DynamoDB Local, the tables, the real seeded demands, a fake WeChat server and
// the HTTP API under serverless-offline. `npm start` and the test suite both start it through here.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createDocumentClient } from '../../functions/src/db/client';
import { createAchievementIndexDynamo } from '../../functions/src/db/achievement-index.dynamo';
import { createAchievementDynamoRepository } from '../../functions/src/db/achievement.dynamo';
import { createDemandDynamoRepository } from '../../functions/src/db/demand.dynamo';
import { tableNames } from '../../functions/src/db/table-names';
import { createStatsDynamoRepository } from '../../functions/src/db/stats.dynamo';
import { systemClock } from '../../functions/src/common/clock';
import { createStatsService } from '../../functions/src/stats/stats.service';
import { SEED_ORDER } from '../seed/seed-demands';
import { startFakeWechat } from '../fake-wechat/server';
import { buildH5, H5_DIST, serveStatic } from './h5';
import { fileAllPublished } from '../../functions/src/matchmaking/achievement-index.port';
import { seedAchievements, type ExampleSeedReport } from '../seed/seed-achievements';
import { seedDemands, type SeedReport } from '../seed/seed-demands';
import { localClient, startDynamoLocal } from './dynamodb-local';
import { startOffline } from './offline';
import type { Managed } from './processes';
import { ensureTables } from './tables';
import { primeLatestStreams } from './stream-primer';

export const ROOT = join(__dirname, '..', '..');

export interface StackOptions {
  apiPort: number;
  lambdaPort: number;
  dbPort: number;
  wechatPort: number;
  /** Keep data in this folder; in memory when absent. */
  dbPath?: string;
  seed: boolean;
  echo: boolean;
  jwtSecret?: string;
  devLogin?: boolean;
  tablePrefix?: string;
  /** Print each push the fake WeChat server accepts (npm start). */
  logPushes?: boolean;
  /** Where the stream plugin keeps its position (a fresh in-memory database needs a fresh file). */
  streamsCheckpointFile?: string;
  /** Build the H5 app against this stack's API and serve it on this port. */
  h5Port?: number;
  /** More environment for the functions (tests shorten the search refresh, for example). */
  extraEnv?: Record<string, string>;
  /** Sees serverless-offline's output as it comes. */
  onOfflineOutput?: (text: string) => void;
}

export interface Stack {
  apiUrl: string;
  h5Url?: string;
  dbEndpoint: string;
  wechatUrl: string;
  tablePrefix: string;
  env: Record<string, string>;
  seed?: SeedReport;
  /** The example 成果 (data/achievements/examples.json). */
  examples?: ExampleSeedReport;
  stop(): Promise<void>;
}

export const LOCAL_WECHAT = {
  appid: 'wx_local_fake_appid',
  secret: 'local-fake-secret',
  templates: { newMatch: 'local-tmpl-new-match', status: 'local-tmpl-status-change' },
};

export async function startStack(opts: StackOptions): Promise<Stack> {
  const started: (Managed | { close(): Promise<void> })[] = [];
  const stop = async () => {
    for (const s of started.reverse()) await ('stop' in s ? s.stop() : s.close());
  };
  try {
    const db = await startDynamoLocal({ port: opts.dbPort, ...(opts.dbPath ? { dbPath: opts.dbPath } : {}) });
    started.push(db.process);
    const tablePrefix = opts.tablePrefix ?? 'innovation-challenge-local';
    const admin = localClient(db.endpoint);
    await ensureTables(admin, tablePrefix);
    const streamsCheckpointFile = opts.streamsCheckpointFile ?? join(ROOT, '.local', 'ddb-streams-checkpoint.json');
    // Before serverless-offline takes its iterators: see stream-primer.ts.
    await primeLatestStreams(admin, db.endpoint, tablePrefix, streamsCheckpointFile);
    admin.destroy();

    let seed: SeedReport | undefined;
    let examples: ExampleSeedReport | undefined;
    if (opts.seed) {
      const doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: db.endpoint });
      const names = tableNames(tablePrefix);
      const stats = createStatsService({ stats: createStatsDynamoRepository(doc, names.stats), clock: systemClock, cacheMs: 0 });
      seed = await seedDemands(createDemandDynamoRepository(doc, names.demands), undefined, (d) =>
        stats.onDemandChange(d.id, SEED_ORDER, undefined, d),
      );
      const achievements = createAchievementDynamoRepository(doc, names.achievements);
      examples = await seedAchievements(achievements, undefined, (a) =>
        stats.onAchievementChange(a.id, SEED_ORDER, undefined, a),
      );
      // Stored as published, so never seen by the achievements stream: filed in the 成果 percolator here (idempotent).
      await fileAllPublished(achievements, createAchievementIndexDynamo(doc, names.percolator));
      doc.destroy();
    }

    const wechat = await startFakeWechat({
      appid: LOCAL_WECHAT.appid,
      secret: LOCAL_WECHAT.secret,
      templates: Object.values(LOCAL_WECHAT.templates),
      port: opts.wechatPort,
      logSends: opts.logPushes ?? false,
    });
    started.push(wechat);

    const env = {
      TABLE_PREFIX: tablePrefix,
      DYNAMODB_ENDPOINT: db.endpoint,
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      JWT_SECRET: opts.jwtSecret ?? randomBytes(32).toString('base64url'),
      DEV_LOGIN: opts.devLogin === false ? '0' : '1',
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: LOCAL_WECHAT.appid,
      WECHAT_SECRET: LOCAL_WECHAT.secret,
      WECHAT_TEMPLATE_NEW_MATCH: LOCAL_WECHAT.templates.newMatch,
      WECHAT_TEMPLATE_STATUS: LOCAL_WECHAT.templates.status,
      WECHAT_MINIPROGRAM_STATE: 'developer',
      // One person clicking through the contest locally should see their change in the figures at once.
      STATS_CACHE_MS: '1000',
      // Every DynamoDB call is checked against the calling function's IAM policy (infra/functions.cjs), as on AWS.
      // IAM_SIMULATE=record (with IAM_RECORD_FILE) lists what each function uses instead.
      IAM_SIMULATE: process.env.IAM_SIMULATE ?? 'enforce',
      // The tests log in hundreds of users from 127.0.0.1; the rate-limit tests run with the real limits in-process.
      RATE_LIMIT_SCALE: '1000',
      STREAMS_CHECKPOINT_FILE: streamsCheckpointFile,
      ...opts.extraEnv,
    };
    const offline = await startOffline({
      root: ROOT,
      port: opts.apiPort,
      lambdaPort: opts.lambdaPort,
      env,
      echo: opts.echo,
      ...(opts.onOfflineOutput ? { onOutput: opts.onOfflineOutput } : {}),
      // The IAM simulation (IAM_SIMULATE above) and fault injection (FAULT_DYNAMODB_RATE) reach the functions' DynamoDB
      // clients through this hook, so that no deployed bundle carries them.
      preload: [join(ROOT, 'scripts', 'lib', 'dynamo-instrumentation.ts')],
    });
    started.push(offline.process);

    let h5Url: string | undefined;
    if (opts.h5Port !== undefined) {
      await buildH5(offline.url, { echo: opts.echo, templates: LOCAL_WECHAT.templates });
      const h5 = await serveStatic(H5_DIST, opts.h5Port);
      started.push({ close: () => h5.close() });
      h5Url = h5.url;
    }
    return {
      apiUrl: offline.url,
      ...(h5Url ? { h5Url } : {}),
      dbEndpoint: db.endpoint,
      wechatUrl: wechat.url,
      tablePrefix,
      env,
      ...(seed ? { seed } : {}),
      ...(examples ? { examples } : {}),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
