// Stream consumers. Each record is handled idempotently (deterministic keys, conditional writes), so the platform's
// retry of a failed batch, or a replayed one, creates no duplicate notification and sends no second push.
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { app, demandChangesOf, insertedNotificationsOf } from '../app';
import { functionKey, runAs } from '../common/invocation';

/**
 * The demands table's stream: a newly published demand is matched against the subscriptions, and every change moves
 * the organisers' counters by what it changed.
 */
export function onDemandChange(event: DynamoDBStreamEvent, context?: Pick<Context, 'functionName'>): Promise<void> {
  return runAs(functionKey(context), async () => {
    for (const { id, order, before, after } of demandChangesOf(event)) {
      await app().alerts.onDemandChange(before, after);
      await app().stats.onDemandChange(id, order, after);
    }
  });
}

/** The notifications table's stream: each new inbox item may become one WeChat push. */
export function onNotificationCreated(event: DynamoDBStreamEvent, context?: Pick<Context, 'functionName'>): Promise<void> {
  return runAs(functionKey(context), async () => {
    for (const notification of insertedNotificationsOf(event)) await app().push.onNotificationCreated(notification);
  });
}
