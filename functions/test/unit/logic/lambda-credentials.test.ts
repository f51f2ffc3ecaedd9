// The bundled functions get their AWS credentials from the environment alone (serverless.yml aliases the SDK's default
// chain to functions/src/db/lambda-credentials.ts). Checked as Lambda runs it: the SDK bundled the way serverless.yml
// bundles it, run in a fresh process, signing a real request to a local stand-in for DynamoDB.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..', '..', '..');
const run = promisify(execFile);

/** The alias as serverless.yml declares it. */
function declaredAlias(): { from: string; to: string } {
  const yml = readFileSync(join(ROOT, 'serverless.yml'), 'utf8');
  const match = /^\s+'(@aws-sdk\/credential-provider-node)':\s*(\S+)\s*$/m.exec(yml);
  if (!match?.[1] || !match[2]) throw new Error('serverless.yml has no alias for @aws-sdk/credential-provider-node');
  return { from: match[1], to: match[2] };
}

const ENTRY = `
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({ region: 'cn-north-1', endpoint: process.env.ENDPOINT, maxAttempts: 1 });
client.send(new ListTablesCommand({})).then(
  (r) => process.stdout.write(JSON.stringify({ ok: true, tables: r.TableNames })),
  (e) => process.stdout.write(JSON.stringify({ ok: false, name: e.name, message: e.message })),
);
`;

interface Outcome {
  ok: boolean;
  tables?: string[];
  name?: string;
  message?: string;
}

describe('the bundled functions’ AWS credentials', () => {
  let work: string;
  let bundle: string;
  let server: Server;
  let endpoint: string;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cic-credentials-'));
    bundle = join(work, 'entry.js');
    const alias = declaredAlias();
    expect(existsSync(join(ROOT, alias.to))).toBe(true);
    await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      alias: { [alias.from]: join(ROOT, alias.to) },
      outfile: bundle,
      logLevel: 'silent',
    });
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ TableNames: ['stand-in'] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(work, { recursive: true, force: true });
  });

  async function runBundle(env: Record<string, string>): Promise<Outcome> {
    // A home with no ~/.aws, as on Lambda: nothing but the given variables.
    const { stdout } = await run(process.execPath, [bundle], {
      env: { PATH: process.env.PATH ?? '', HOME: work, ENDPOINT: endpoint, ...env },
      timeout: 30_000,
    });
    return JSON.parse(stdout) as Outcome;
  }

  it('signs with the role credentials Lambda puts in the environment, session token included', async () => {
    seen.length = 0;
    const outcome = await runBundle({
      AWS_ACCESS_KEY_ID: 'ASIALAMBDAROLEKEY',
      AWS_SECRET_ACCESS_KEY: 'role-secret',
      AWS_SESSION_TOKEN: 'role-session-token',
    });
    expect(outcome).toEqual({ ok: true, tables: ['stand-in'] });
    expect(seen).toHaveLength(1);
    expect(String(seen[0]?.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIALAMBDAROLEKEY\/\d{8}\/cn-north-1\/dynamodb\/aws4_request/,
    );
    expect(seen[0]?.['x-amz-security-token']).toBe('role-session-token');
  }, 60_000);

  it('fails at once, saying so, when the environment has no credentials (it never looks for profile files or instance metadata)', async () => {
    seen.length = 0;
    const outcome = await runBundle({});
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe('Unable to find environment variable credentials.');
    expect(seen).toHaveLength(0);
  }, 60_000);

  it('leaves the rest of the chain out of the bundle', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('Unable to find environment variable credentials');
    expect(code).not.toMatch(/fromSSO|AssumeRoleWithWebIdentity|fromTokenFile/);
  });
});
