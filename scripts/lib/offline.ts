// serverless-offline serving the HTTP API from serverless.yml, with the functions bundled by serverless-esbuild.
import { join } from 'node:path';
import { startProcess, type Managed } from './processes';
import { waitFor } from './ports';

export interface OfflineOptions {
  root: string;
  port: number;
  lambdaPort: number;
  env: Record<string, string>;
  /** Print serverless's own output (npm start) or keep it for the error message (tests). */
  echo: boolean;
  /** Sees everything serverless prints, as it comes (the API benchmark reads each invocation's Duration). */
  onOutput?: (text: string) => void;
  /**
   * Modules (TypeScript, loaded through tsx) that run in serverless-offline's process before it starts: with
   * `useInProcess` the functions run in that process, so this is how the local stack reaches them
   * (scripts/lib/dynamo-instrumentation.ts).
   */
  preload?: string[];
}

export async function startOffline(opts: OfflineOptions): Promise<{ url: string; process: Managed }> {
  // tsx's CommonJS hooks only (not its ES module loader), so that serverless's own modules load as they always do.
  const preload = opts.preload?.length
    ? ['--require', require.resolve('tsx/cjs'), ...opts.preload.flatMap((file) => ['--require', file])]
    : [];
  const proc = startProcess(
    'serverless-offline',
    process.execPath,
    [...preload, join(opts.root, 'node_modules', 'serverless', 'bin', 'serverless.js'), 'offline', 'start', '--stage', 'local'],
    {
      cwd: opts.root,
      env: {
        ...process.env,
        ...opts.env,
        PORT: String(opts.port),
        LAMBDA_PORT: String(opts.lambdaPort),
        // osls asks no questions and sends nothing anywhere.
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        SERVERLESS_PLATFORM_STAGE: '',
        // This machine runs Node 20; the Lambda runtime is Node 22. The SDK's notice about that is noise here.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    if (opts.echo) process.stdout.write(text);
    opts.onOutput?.(text);
  };
  proc.child.stdout?.on('data', collect);
  proc.child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  proc.child.once('exit', (code, signal) => {
    exited = code ?? (signal ? -1 : 0);
  });
  // osls prints a configuration error and may keep running: stop waiting as soon as it says so.
  const failedToStart = () => /^Error:\s*$/m.test(output) && !output.includes('Server ready');

  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitFor(
      'serverless offline',
      async () => {
        if (exited !== undefined) throw new Error(`serverless offline exited with code ${exited}`);
        if (failedToStart()) throw new Error('serverless offline reported an error');
        const res = await fetch(`${url}/health`);
        return res.ok;
      },
      120_000,
    );
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}\n--- serverless output ---\n${output}`);
  }
  return { url, process: proc };
}
