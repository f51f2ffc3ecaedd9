// Which function is running, for what happens below it (the local IAM simulation and fault injection check it on
// each DynamoDB call). Lambda and serverless-offline pass it as context.functionName.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'aws-lambda';

const invocation = new AsyncLocalStorage<string>();

/** The function whose invocation is running, if any. */
export const currentFunction = (): string | undefined => invocation.getStore();

/** Runs `fn` as the named function. */
export function runAs<T>(functionName: string | undefined, fn: () => Promise<T>): Promise<T> {
  return functionName ? invocation.run(functionName, fn) : fn();
}

/** `innovation-challenge-prod-demandsList` → `demandsList`: the function's key in serverless.yml. */
export const functionKey = (context?: Pick<Context, 'functionName'>): string | undefined =>
  context?.functionName ? context.functionName.split('-').pop() : undefined;
