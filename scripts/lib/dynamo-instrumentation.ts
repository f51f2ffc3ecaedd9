// The local stack's DynamoDB instrumentation: installed in each process that runs the functions, it adds the IAM
// simulation (every call checked against the calling function's grants in infra/functions.cjs) and, for the
// reliability suite, fault injection to every DynamoDB client the functions create (functions/src/db/client.ts calls
// the hook). The deployed functions never load this file: nothing on AWS installs the hook.
//
// Loading it installs the hook: serverless-offline's process gets it as a preload (scripts/lib/offline.ts), the jest
// projects that call handlers in-process as a setup file (test/setup-dynamo-instrumentation.ts).
//
// Each client is instrumented from the environment at the time it is created, as the functions' configuration is
// read: serverless-offline puts a function's environment in process.env before it runs it, and the tests do the same.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { allows } from '../../infra/functions.cjs';
import type { DynamoInstrumentation } from '../../functions/src/db/client';
import { addFaultInjection } from '../../functions/src/db/fault-injection';
import { addIamSimulation } from '../../functions/src/db/iam-simulation';

/** The settings it reads, with the meaning functions/src/config/config.ts gives them. */
export type InstrumentationEnv = Partial<
  Record<'IAM_SIMULATE' | 'IAM_RECORD_FILE' | 'TABLE_PREFIX' | 'FAULT_DYNAMODB_RATE' | 'FAULT_LOG_FILE', string>
>;

/** Adds to `client` what `env` turns on: the IAM simulation (`enforce`, or `record` only) and fault injection. */
export function instrumentDynamo(
  client: DynamoDBClient,
  context: { currentFunction: () => string | undefined },
  env: InstrumentationEnv,
): void {
  const mode = env.IAM_SIMULATE ?? 'off';
  // Table names are `<prefix>-<logical>`: a table of another prefix is another stack's, which no grant covers.
  if ((mode === 'enforce' || mode === 'record') && env.TABLE_PREFIX) {
    const prefix = `${env.TABLE_PREFIX}-`;
    addIamSimulation(client, {
      currentFunction: context.currentFunction,
      allows: (fn, access) => access.table.startsWith(prefix) && allows(fn, access.table.slice(prefix.length), access.action),
      recordOnly: mode === 'record',
      ...(env.IAM_RECORD_FILE ? { recordFile: env.IAM_RECORD_FILE } : {}),
    });
  }
  const rate = Number(env.FAULT_DYNAMODB_RATE ?? 0);
  if (rate > 0) {
    addFaultInjection(client, {
      rate,
      currentFunction: context.currentFunction,
      ...(env.FAULT_LOG_FILE ? { logFile: env.FAULT_LOG_FILE } : {}),
    });
  }
}

/** Installs the hook in this process (or jest sandbox). */
export function installDynamoInstrumentation(): void {
  const hook: DynamoInstrumentation = (client, context) => instrumentDynamo(client, context, process.env);
  globalThis.__cicInstrumentDynamo = hook;
}

installDynamoInstrumentation();
