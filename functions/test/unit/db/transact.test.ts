// One transaction helper for every multi-item write: conflicts retried, a failed condition mapped to the caller's
// outcome, anything else thrown.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CONDITION_FAILED, transact, type TransactItem } from '../../../src/db/transact';

const ITEMS: TransactItem[] = [{ Put: { TableName: 't', Item: { id: 'a' } } }, { Put: { TableName: 't', Item: { id: 'b' } } }];

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

/** A client that answers each send with the next of `answers` (an error is thrown), and counts the sends. */
function client(...answers: (Error | 'ok')[]) {
  const sent: unknown[] = [];
  return {
    sent,
    doc: {
      send: async (command: unknown) => {
        sent.push(command);
        const answer = answers.shift() ?? 'ok';
        if (answer instanceof Error) throw answer;
        return {};
      },
    } as unknown as Parameters<typeof transact>[0],
  };
}

describe('transact', () => {
  it('writes the items in one TransactWriteItems and says done', async () => {
    const c = client('ok');
    expect(await transact(c.doc, ITEMS)).toBe('done');
    expect(c.sent).toHaveLength(1);
    expect(c.sent[0]).toBeInstanceOf(TransactWriteCommand);
    expect((c.sent[0] as TransactWriteCommand).input.TransactItems).toBe(ITEMS);
  });

  it('retries a conflict with another transaction, as cancellation reason or as its own exception', async () => {
    const conflictException = Object.assign(new Error('conflict'), { name: 'TransactionConflictException' });
    const c = client(cancelled('None', 'TransactionConflict'), conflictException, 'ok');
    expect(await transact(c.doc, ITEMS, () => 'never')).toBe('done');
    expect(c.sent).toHaveLength(3);
  });

  it("maps a failed condition, by the position of its action, to the caller's outcome", async () => {
    const onCancel = (reasons: readonly (string | undefined)[]) =>
      reasons[0] === CONDITION_FAILED ? 'first' : reasons[1] === CONDITION_FAILED ? 'second' : undefined;
    expect(await transact(client(cancelled(CONDITION_FAILED, 'None')).doc, ITEMS, onCancel)).toBe('first');
    expect(await transact(client(cancelled('None', CONDITION_FAILED)).doc, ITEMS, onCancel)).toBe('second');
  });

  it('throws a cancellation the caller does not map, or when there is no mapping', async () => {
    const err = cancelled('None', CONDITION_FAILED);
    await expect(transact(client(err).doc, ITEMS, (r) => (r[0] === CONDITION_FAILED ? 'x' : undefined))).rejects.toBe(err);
    await expect(transact(client(cancelled(CONDITION_FAILED)).doc, ITEMS)).rejects.toMatchObject({
      name: 'TransactionCanceledException',
    });
  });

  it('throws any other error as it came, without retrying', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    const c = client(throttled);
    await expect(transact(c.doc, ITEMS, () => 'never')).rejects.toBe(throttled);
    expect(c.sent).toHaveLength(1);
  });

  it('gives up on conflicts after 10 attempts, then maps what the last one said', async () => {
    const c = client(...Array.from({ length: 10 }, () => cancelled(CONDITION_FAILED, 'TransactionConflict')));
    expect(await transact(c.doc, ITEMS, (r) => (r[0] === CONDITION_FAILED ? 'gave up' : undefined))).toBe('gave up');
    expect(c.sent).toHaveLength(10);
  }, 15_000);
});
