// Starts one local stack for the integration tests: DynamoDB Local in memory, the tables, the seeded real demands,
// the fake WeChat server and serverless-offline, all on free ports. The workers find it through STACK_* variables.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../scripts/lib/ports';
import { startStack, type Stack } from '../scripts/lib/stack';

declare global {
  var __STACK__: Stack | undefined;
}

export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const stack = await startStack({
    apiPort: await freePort(),
    lambdaPort: await freePort(),
    dbPort: await freePort(),
    wechatPort: await freePort(),
    seed: true,
    echo: process.env.VERBOSE === '1',
    extraEnv: { SEARCH_REFRESH_MS: '0', PUSH_RETRY_BASE_MS: '50' },
    streamsCheckpointFile: join(mkdtempSync(join(tmpdir(), 'cic-streams-')), 'checkpoint.json'),
  });
  globalThis.__STACK__ = stack;
  process.env.STACK_API_URL = stack.apiUrl;
  process.env.STACK_DB_ENDPOINT = stack.dbEndpoint;
  process.env.STACK_WECHAT_URL = stack.wechatUrl;
  process.env.STACK_TABLE_PREFIX = stack.tablePrefix;
  process.env.STACK_JWT_SECRET = stack.env.JWT_SECRET;
  process.env.STACK_SEEDED = String(stack.seed?.created ?? 0);
  // The functions' own configuration, so a test can also call a handler in-process against the same stack.
  process.env.STACK_FUNCTION_ENV = JSON.stringify(stack.env);
}
