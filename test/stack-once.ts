// One local stack per jest run, shared by the integration and browser projects (their global setups run in the
// same process, one after the other).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../scripts/lib/ports';
import { startStack, type Stack } from '../scripts/lib/stack';
import { buildH5, H5_DIST, serveStatic } from '../scripts/lib/h5';
import { LOCAL_WECHAT } from '../scripts/lib/stack';

declare global {
  var __STACK__: Stack | undefined;
  var __H5__: { url: string; close(): Promise<void> } | undefined;
}

export async function stackOnce(): Promise<Stack> {
  if (globalThis.__STACK__) return globalThis.__STACK__;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // Kept for STACK_LAMBDA_URL: the Stack itself does not report serverless-offline's Lambda invoke port.
  const lambdaPort = await freePort();
  const stack = await startStack({
    apiPort: await freePort(),
    lambdaPort,
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
  // serverless-offline's Lambda invoke API (no HTTP route leads there): the loopback test checks where it listens.
  process.env.STACK_LAMBDA_URL = `http://127.0.0.1:${lambdaPort}`;
  process.env.STACK_TABLE_PREFIX = stack.tablePrefix;
  process.env.STACK_JWT_SECRET = stack.env.JWT_SECRET;
  process.env.STACK_SEEDED = String(stack.seed?.created ?? 0);
  // The functions' own configuration, so a test can also call a handler in-process against the same stack.
  process.env.STACK_FUNCTION_ENV = JSON.stringify(stack.env);
  return stack;
}

export async function h5Once(): Promise<string> {
  if (globalThis.__H5__) return globalThis.__H5__.url;
  const stack = await stackOnce();
  await buildH5(stack.apiUrl, { echo: process.env.VERBOSE === '1', templates: LOCAL_WECHAT.templates });
  globalThis.__H5__ = await serveStatic(H5_DIST, await freePort());
  process.env.STACK_H5_URL = globalThis.__H5__.url;
  return globalThis.__H5__.url;
}

export async function stopAll(): Promise<void> {
  await globalThis.__H5__?.close();
  globalThis.__H5__ = undefined;
  await globalThis.__STACK__?.stop();
  globalThis.__STACK__ = undefined;
}
