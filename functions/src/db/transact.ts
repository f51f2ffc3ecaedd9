// Every multi-item write goes through `transact`: DynamoDB cancels a transaction for two kinds of reason, and they
// need opposite handling. A conflict with another transaction on the same item says nothing about the data, so it is
// retried here; a failed condition is the caller's domain answer (already following, over the limit, final closed),
// so the reasons go back to the caller to name it. Anything else is a real failure and is thrown.
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons } from './errors';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The reason codes of a cancelled transaction, one per action in the order given (undefined or 'None' for those that passed). */
export type CancellationReasons = readonly (string | undefined)[];

/** The reason code of an action whose ConditionExpression did not hold. */
export const CONDITION_FAILED = 'ConditionalCheckFailed';

/** Did the action at `index` fail its condition? */
export const conditionFailedAt = (reasons: CancellationReasons, index: number): boolean => reasons[index] === CONDITION_FAILED;

/** Did any action fail its condition? */
export const anyConditionFailed = (reasons: CancellationReasons): boolean => reasons.includes(CONDITION_FAILED);

/** An action that puts a new item: its condition fails if an item with the same key (`keyAttribute`) exists. */
export function putNew<T extends object>(table: string, item: T, keyAttribute: keyof T & string): TransactItem {
  return { Put: { TableName: table, Item: item, ConditionExpression: `attribute_not_exists(${keyAttribute})` } };
}

const CONFLICT_ATTEMPTS = 10;

function isConflict(err: unknown): boolean {
  return (
    (cancellationReasons(err)?.includes('TransactionConflict') ?? false) ||
    (err instanceof Error && err.name === 'TransactionConflictException')
  );
}

/**
 * Writes `items` in one transaction. A conflict with another transaction is retried (up to 10 attempts, with a short
 * random backoff). When the transaction is cancelled otherwise, `onCancel` maps its reasons to the caller's outcome;
 * if it gives undefined (or there is none), the error is thrown as it came.
 */
export async function transact<T = never>(
  doc: Pick<DynamoDBDocumentClient, 'send'>,
  items: TransactItem[],
  onCancel?: (reasons: CancellationReasons) => T | undefined,
): Promise<'done' | T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items }));
      return 'done';
    } catch (err) {
      if (isConflict(err) && attempt < CONFLICT_ATTEMPTS) {
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(500, 10 * 2 ** attempt)));
        continue;
      }
      const reasons = cancellationReasons(err);
      const outcome = reasons && onCancel ? onCancel(reasons) : undefined;
      if (outcome === undefined) throw err;
      return outcome;
    }
  }
}
