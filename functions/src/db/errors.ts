/** The reason codes of a cancelled transaction, one per action, or undefined if the error is something else. */
export function cancellationReasons(err: unknown): (string | undefined)[] | undefined {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return undefined;
  const reasons = (err as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (reasons ?? []).map((r) => r.Code);
}

export function isConditionFailed(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/** DynamoDB cancels a transaction that touches an item another transaction is writing: try again shortly. */
export async function withTransactionRetry<T>(run: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (err) {
      const reasons = cancellationReasons(err);
      const conflict =
        (reasons?.includes('TransactionConflict') ?? false) ||
        (err instanceof Error && err.name === 'TransactionConflictException');
      if (!conflict || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(500, 10 * 2 ** attempt)));
    }
  }
}

/** Runs a conditional write: true when it was written, false when its condition did not hold. Other errors throw. */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw err;
  }
}
