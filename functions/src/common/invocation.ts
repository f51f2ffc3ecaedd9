// Which function is running, for what happens below it (the local IAM simulation and fault injection check it on
// each DynamoDB call). Lambda and serverless-offline pass it as context.functionName.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'aws-lambda';

const invocation = new AsyncLocalStorage<string>();

/**
 * Only the local checks read it (IAM_SIMULATE, FAULT_DYNAMODB_RATE; see config.ts), and an AsyncLocalStorage that has
 * run once slows every promise of the process after it (Node 20 tracks them through async hooks), so a deployed
 * function, with neither check on, never starts it. Read from the environment at the first invocation, before the
 * configuration is parsed, because the first invocation is the one that parses it.
 */
let tracking: boolean | undefined;
const tracked = (): boolean =>
  (tracking ??=
    (process.env.IAM_SIMULATE ?? 'off') !== 'off' || Number(process.env.FAULT_DYNAMODB_RATE ?? 0) > 0);

/** The function whose invocation is running, if any (while a local check is on). */
export const currentFunction = (): string | undefined => invocation.getStore();

/** Runs `fn` as the named function. */
export function runAs<T>(functionName: string | undefined, fn: () => Promise<T>): Promise<T> {
  return functionName && tracked() ? invocation.run(functionName, fn) : fn();
}

/** `innovation-challenge-prod-demandsList` → `demandsList`: the function's key in serverless.yml. */
export const functionKey = (context?: Pick<Context, 'functionName'>): string | undefined =>
  context?.functionName ? context.functionName.split('-').pop() : undefined;
