// Which function is running, for what happens below it (the local IAM simulation and fault injection check it on
// each DynamoDB call). Lambda and serverless-offline pass it as context.functionName.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'aws-lambda';

const invocation = new AsyncLocalStorage<string>();

/**
 * Only the local checks read it, and an AsyncLocalStorage that has run once slows every promise of the process after
 * it (Node 20 tracks them through async hooks), so a deployed function never starts it. It runs only where the local
 * stack installed its DynamoDB instrumentation hook (globalThis.__cicInstrumentDynamo, see db/client.ts; nothing
 * installs it on AWS) and a check is on (IAM_SIMULATE, FAULT_DYNAMODB_RATE). Decided at the first invocation, from the
 * environment, before the configuration is parsed, because the first invocation is the one that parses it.
 */
let tracking: boolean | undefined;
const tracked = (): boolean =>
  (tracking ??=
    (globalThis as { __cicInstrumentDynamo?: unknown }).__cicInstrumentDynamo !== undefined &&
    ((process.env.IAM_SIMULATE ?? 'off') !== 'off' || Number(process.env.FAULT_DYNAMODB_RATE ?? 0) > 0));

/** The function whose invocation is running, if any (while a local check is on). */
export const currentFunction = (): string | undefined => invocation.getStore();

/** Runs `fn` as the named function. */
export function runAs<T>(functionName: string | undefined, fn: () => Promise<T>): Promise<T> {
  return functionName && tracked() ? invocation.run(functionName, fn) : fn();
}

/** `innovation-challenge-prod-demandsList` → `demandsList`: the function's key in serverless.yml. */
export const functionKey = (context?: Pick<Context, 'functionName'>): string | undefined =>
  context?.functionName ? context.functionName.split('-').pop() : undefined;
