// The local stack's DynamoDB instrumentation reaches the functions' clients only through the hook in
// functions/src/db/client.ts: installed, a function's call is held to its grants in infra/functions.cjs as IAM would
// hold it (and faults are injected when asked); not installed, as on AWS, the client is the SDK's alone.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as ClientModule from '../../functions/src/db/client';
import type * as InvocationModule from '../../functions/src/common/invocation';
import { bundleProblems, LOCAL_ONLY_MARKERS } from '../package';

type Client = typeof ClientModule;
type Invocation = typeof InvocationModule;

// The SDK's notice that it will soon want Node 22 would print once per client here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SETTINGS = ['IAM_SIMULATE', 'IAM_RECORD_FILE', 'TABLE_PREFIX', 'FAULT_DYNAMODB_RATE', 'FAULT_LOG_FILE'] as const;
const PREFIX = 'cic-test';

afterEach(() => {
  for (const key of SETTINGS) delete process.env[key];
  globalThis.__cicInstrumentDynamo = undefined;
});

/**
 * A function's process, freshly loaded (the invocation tracking is decided once per process): with the hook installed
 * as the local stack installs it, or without, and a document client whose calls never leave the process (each is
 * answered as DynamoDB would answer a Get of nothing, after every middleware but the network).
 */
function functionProcess(env: Partial<Record<(typeof SETTINGS)[number], string>>, withHook: boolean) {
  Object.assign(process.env, env);
  let modules: { client: Client; invocation: Invocation } | undefined;
  jest.isolateModules(() => {
    if (withHook) jest.requireActual('../lib/dynamo-instrumentation');
    modules = {
      client: jest.requireActual<Client>('../../functions/src/db/client'),
      invocation: jest.requireActual<Invocation>('../../functions/src/common/invocation'),
    };
  });
  const { client, invocation } = modules as { client: Client; invocation: Invocation };
  const doc: DynamoDBDocumentClient = client.createDocumentClient({
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  });
  doc.middlewareStack.add(() => async () => ({ output: { $metadata: {} }, response: {} }), {
    step: 'finalizeRequest',
    priority: 'low',
    name: 'answeredLocally',
  });
  /** A GetItem on one of the stack's tables, made by `functionName` (or by no function, as a test's own check). */
  const get = (functionName: string | undefined, table: string, prefix = PREFIX) =>
    invocation.runAs(functionName, () => doc.send(new GetCommand({ TableName: `${prefix}-${table}`, Key: { key: 'all' } })));
  return { get };
}

describe('the DynamoDB instrumentation hook', () => {
  it('refuses a call the calling function has no grant for, as IAM does, and lets its granted calls through', async () => {
    const fn = functionProcess({ IAM_SIMULATE: 'enforce', TABLE_PREFIX: PREFIX }, true);
    await expect(fn.get('stats', 'users')).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(
        `User: stats is not authorized to perform: dynamodb:GetItem on resource: table/${PREFIX}-users`,
      ),
    });
    await expect(fn.get('stats', 'stats')).resolves.toMatchObject({ $metadata: {} });
    // A table of another prefix belongs to no grant of this stack.
    await expect(fn.get('stats', 'stats', 'another-stack')).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it("checks nothing that no function calls (the tests' and the seed's own reads)", async () => {
    const fn = functionProcess({ IAM_SIMULATE: 'enforce', TABLE_PREFIX: PREFIX }, true);
    await expect(fn.get(undefined, 'users')).resolves.toMatchObject({ $metadata: {} });
  });

  it('only records what each function uses when IAM_SIMULATE=record', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cic-iam-')), 'iam.jsonl');
    const fn = functionProcess({ IAM_SIMULATE: 'record', IAM_RECORD_FILE: file, TABLE_PREFIX: PREFIX }, true);
    await expect(fn.get('stats', 'users')).resolves.toMatchObject({ $metadata: {} });
    expect(
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([{ functionName: 'stats', table: `${PREFIX}-users`, action: 'dynamodb:GetItem' }]);
  });

  it("injects DynamoDB faults into the functions' calls at FAULT_DYNAMODB_RATE, and logs them", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cic-faults-')), 'faults.jsonl');
    const fn = functionProcess({ FAULT_DYNAMODB_RATE: '1', FAULT_LOG_FILE: file }, true);
    await expect(fn.get('stats', 'stats')).rejects.toMatchObject({ message: expect.stringContaining('(injected)') });
    // The SDK's own retries met the fault first, as they would meet a real one.
    expect(readFileSync(file, 'utf8').trim().split('\n').length).toBeGreaterThan(1);
    await expect(fn.get(undefined, 'stats')).resolves.toMatchObject({ $metadata: {} });
  }, 30_000);

  it('checks nothing without the hook (as on AWS), whatever the environment says', async () => {
    const fn = functionProcess({ IAM_SIMULATE: 'enforce', TABLE_PREFIX: PREFIX, FAULT_DYNAMODB_RATE: '1' }, false);
    expect(globalThis.__cicInstrumentDynamo).toBeUndefined();
    await expect(fn.get('stats', 'users')).resolves.toMatchObject({ $metadata: {} });
  });

  it('adds nothing with the hook when every check is off', async () => {
    const fn = functionProcess({ IAM_SIMULATE: 'off', TABLE_PREFIX: PREFIX, FAULT_DYNAMODB_RATE: '0' }, true);
    expect(globalThis.__cicInstrumentDynamo).toBeDefined();
    await expect(fn.get('stats', 'users')).resolves.toMatchObject({ $metadata: {} });
  });
});

describe('the packaging check for the local-only checks', () => {
  const ROOT = join(__dirname, '..', '..');
  const CREDENTIALS = 'Unable to find environment variable credentials';

  it.each(Object.entries(LOCAL_ONLY_MARKERS))('knows %s by a string its source holds', (what, { file, marker }) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toContain(marker);
    expect(bundleProblems('demandsList', `${CREDENTIALS} … ${marker} …`)).toEqual([
      `demandsList.zip bundles ${what} (${file}), which only the local stack may load`,
    ]);
  });

  it('finds nothing in a bundle without them', () => {
    expect(bundleProblems('demandsList', `${CREDENTIALS} … globalThis.__cicInstrumentDynamo?.(client) …`)).toEqual([]);
  });
});
