// Least privilege, checked before deploying: on the local stack every DynamoDB call is checked against the IAM policy
// that serverless.yml gives the calling function (infra/functions.cjs), and refused the way IAM would refuse it. The
// whole test suite then runs under the policies AWS will enforce, so a missing grant fails a test here and not a user
// in production. Off when no function is calling (scripts, seeds). Local only: the local stack installs it through the
// DynamoDB instrumentation hook (scripts/lib/dynamo-instrumentation.ts); no deployed bundle holds it, and
// `npm run package` checks that none does (IAM itself enforces there).
import { appendFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface TableAccess {
  /** The physical table name. */
  table: string;
  /** The IAM action, e.g. `dynamodb:GetItem`. */
  action: string;
}

type Input = Record<string, unknown>;

/** The IAM actions a DynamoDB API call needs, per table (transactions and batches need each item's own action). */
export function accessesOf(commandName: string, input: Input): TableAccess[] {
  const op = commandName.replace(/Command$/, '');
  const one = (table: unknown, action: string): TableAccess[] =>
    typeof table === 'string' ? [{ table, action: `dynamodb:${action}` }] : [];
  switch (op) {
    case 'TransactWriteItems':
      return ((input.TransactItems ?? []) as Record<string, Input>[]).flatMap((item) => {
        if (item.Put) return one(item.Put.TableName, 'PutItem');
        if (item.Update) return one(item.Update.TableName, 'UpdateItem');
        if (item.Delete) return one(item.Delete.TableName, 'DeleteItem');
        if (item.ConditionCheck) return one(item.ConditionCheck.TableName, 'ConditionCheckItem');
        return [];
      });
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as Record<string, Input>[]).flatMap((item) => one(item.Get?.TableName, 'GetItem'));
    case 'BatchGetItem':
      return Object.keys((input.RequestItems ?? {}) as Input).flatMap((t) => one(t, 'BatchGetItem'));
    case 'BatchWriteItem':
      return Object.keys((input.RequestItems ?? {}) as Input).flatMap((t) => one(t, 'BatchWriteItem'));
    default:
      return one(input.TableName, op);
  }
}

export interface IamSimulation {
  /** The function whose invocation is making the call, if any (functions/src/common/invocation.ts). */
  currentFunction(): string | undefined;
  /** Is `functionName` allowed `action` on the table? */
  allows(functionName: string, access: TableAccess): boolean;
  /** A file to append every call to (one JSON line each), to see what each function really uses. */
  recordFile?: string;
  /** Record only, refuse nothing. */
  recordOnly?: boolean;
}

export function addIamSimulation(client: DynamoDBClient, sim: IamSimulation): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const functionName = sim.currentFunction();
      if (functionName) {
        for (const access of accessesOf(String(context.commandName ?? ''), args.input as Input)) {
          if (sim.recordFile) appendFileSync(sim.recordFile, `${JSON.stringify({ functionName, ...access })}\n`);
          if (!sim.recordOnly && !sim.allows(functionName, access)) {
            const err = new Error(
              `User: ${functionName} is not authorized to perform: ${access.action} on resource: table/${access.table} (IAM simulation: add it to infra/functions.cjs)`,
            );
            err.name = 'AccessDeniedException';
            throw err;
          }
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'iamSimulation' },
  );
}
