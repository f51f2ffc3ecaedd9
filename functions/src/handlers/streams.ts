// Stream consumers. Each record is handled idempotently (deterministic keys, conditional writes), so the platform's
// retry of a failed batch, or a replayed one, creates no duplicate notification and sends no second push.
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { alerts, demandChangesOf, insertedNotificationsOf } from '../composition/alerts';
import { stats } from '../composition/stats';
import { inKeyOrder } from '../common/in-key-order';
import { functionKey, runAs } from '../common/invocation';

/** Records of different items are handled side by side; each item's records in their order. */
const CONCURRENCY = 8;

/**
 * The demands table's stream: a newly published demand is matched against the subscriptions, and every change moves
 * the organisers' counters by what it changed.
 */
export function onDemandChange(event: DynamoDBStreamEvent, context?: Pick<Context, 'functionName'>): Promise<void> {
  return runAs(functionKey(context), async () => {
    await inKeyOrder(
      demandChangesOf(event),
      (c) => c.id,
      CONCURRENCY,
      async ({ id, order, before, after }) => {
        await alerts().alerts.onDemandChange(before, after);
        await stats().onDemandChange(id, order, before, after);
      },
    );
  });
}

/** The notifications table's stream: each new inbox item may become one WeChat push. */
export function onNotificationCreated(event: DynamoDBStreamEvent, context?: Pick<Context, 'functionName'>): Promise<void> {
  return runAs(functionKey(context), async () => {
    await inKeyOrder(
      insertedNotificationsOf(event),
      (n) => n.userId,
      CONCURRENCY,
      (n) => alerts().push.onNotificationCreated(n),
    );
  });
}
