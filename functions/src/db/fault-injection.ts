// Local only, for the reliability suite: makes a share of the functions' DynamoDB calls fail the way DynamoDB does
// under load (throttling, 500s). The fault is raised inside the SDK's retry loop, so the SDK's own retries meet it
// first, exactly as they would meet a real one; what still fails reaches our code. Off unless FAULT_DYNAMODB_RATE > 0.
// Installed through the DynamoDB instrumentation hook (scripts/lib/dynamo-instrumentation.ts), never deployed.
import { appendFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const FAULTS = [
  {
    name: 'ProvisionedThroughputExceededException',
    status: 400,
    message: 'The level of configured provisioned throughput for the table was exceeded',
  },
  { name: 'ThrottlingException', status: 400, message: 'Rate of requests exceeds the allowed throughput' },
  { name: 'InternalServerError', status: 500, message: 'Internal server error' },
] as const;

export function addFaultInjection(
  client: DynamoDBClient,
  opts: { rate: number; currentFunction: () => string | undefined; logFile?: string; random?: () => number },
): void {
  const random = opts.random ?? Math.random;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      // Only the functions' own calls: the tests' checks and the seed read the truth.
      if (opts.currentFunction() !== undefined && random() < opts.rate) {
        const fault = FAULTS[Math.floor(random() * FAULTS.length)] ?? FAULTS[0];
        if (opts.logFile)
          appendFileSync(opts.logFile, `${JSON.stringify({ fault: fault.name, command: context.commandName })}\n`);
        const err = new Error(`${fault.message} (injected)`);
        err.name = fault.name;
        Object.assign(err, { $fault: fault.status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: fault.status } });
        throw err;
      }
      return next(args);
    },
    // After the retry middleware (finalizeRequest, high priority): each attempt may meet a fault.
    { step: 'finalizeRequest', priority: 'low', name: 'faultInjection' },
  );
}
