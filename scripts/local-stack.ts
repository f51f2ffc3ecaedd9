// npm start: the whole product locally. Data is kept under .local/ (ignored by git), so a restart keeps it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './lib/ports';
import { ROOT, startStack } from './lib/stack';

const LOCAL_DIR = join(ROOT, '.local');

/** One signing secret per checkout, kept with the data, so tokens survive a restart. */
function localSecret(): string {
  const file = join(LOCAL_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  mkdirSync(LOCAL_DIR, { recursive: true });
  const apiPort = Number(process.env.PORT ?? 3000);
  console.log('Starting 创新挑战赛 locally (the first start builds the H5 app, about half a minute) …');
  const stack = await startStack({
    apiPort,
    lambdaPort: Number(process.env.LAMBDA_PORT ?? (await freePort())),
    dbPort: Number(process.env.DYNAMODB_PORT ?? 8000),
    wechatPort: Number(process.env.FAKE_WECHAT_PORT ?? (await freePort())),
    dbPath: join(LOCAL_DIR, 'dynamodb'),
    seed: true,
    echo: process.env.VERBOSE === '1',
    jwtSecret: localSecret(),
    logPushes: true,
    h5Port: Number(process.env.H5_PORT ?? 8080),
  });

  const seed = stack.seed;
  if (seed) {
    console.log(
      `Seeded real demands from data/jstec-demands.jsonl: ${seed.records} records, ${seed.created} added, ` +
        `${seed.alreadyThere} already there, ${seed.skipped.length} skipped for breaking a 附件3 rule:`,
    );
    const byField = new Map<string, number>();
    for (const s of seed.skipped) for (const k of Object.keys(s.fields)) byField.set(k, (byField.get(k) ?? 0) + 1);
    for (const [field, n] of byField) console.log(`  - ${field}: ${n}`);
  }
  const examples = stack.examples;
  if (examples) {
    console.log(
      `Seeded example 成果 (示例) from data/achievements/examples.json: ${examples.records} records, ${examples.created} added, ` +
        `${examples.alreadyThere} already there, ${examples.skipped.length} skipped for breaking a 成果 rule` +
        examples.skipped
          .map(
            (s) =>
              `\n  - ${s.id}: ${Object.entries(s.fields)
                .map(([k, m]) => `${k} ${m}`)
                .join('；')}`,
          )
          .join(''),
    );
  }
  console.log(`
  Mini-program (H5 build)    ${stack.h5Url ?? '(not built)'}        open it in a browser (375×812 looks like a phone)
  API (serverless-offline)   ${stack.apiUrl}        try: curl ${stack.apiUrl}/demands
  DynamoDB Local             ${stack.dbEndpoint}   data in .local/dynamodb
  Fake WeChat API            ${stack.wechatUrl}
  Dev login                  POST ${stack.apiUrl}/auth/dev {"nickname":"演示管理员","role":"admin"}

Press Ctrl-C to stop everything.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping …');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err: Error) => {
  console.error(`Could not start: ${err.message}`);
  process.exit(1);
});
