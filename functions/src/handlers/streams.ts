// Stream consumers. Each record is handled idempotently (deterministic keys, conditional writes), so the platform's
// retry of a failed batch, or a replayed one, creates no duplicate notification and sends no second push.
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { alerts, demandChangesOf, insertedNotificationsOf } from '../composition/alerts';
import { achievementChangesOf, matches } from '../composition/matches';
import { stats } from '../composition/stats';
import { inKeyOrder } from '../common/in-key-order';
import { functionKey, runAs } from '../common/invocation';

/** Records of different items are handled side by side; each item's records in their order. */
const CONCURRENCY = 8;

/**
 * A stream consumer: the records `recordsOf` reads from a batch, handled by `handle` in the order of each key, side by
 * side across keys.
 */
function streamConsumer<R>(
  recordsOf: (event: DynamoDBStreamEvent) => R[],
  keyOf: (record: R) => string,
  handle: (record: R) => Promise<void>,
) {
  return (event: DynamoDBStreamEvent, context?: Pick<Context, 'functionName'>): Promise<void> =>
    runAs(functionKey(context), () => inKeyOrder(recordsOf(event), keyOf, CONCURRENCY, handle));
}

/**
 * The demands table's stream: a newly published demand is matched against the subscriptions and the published 成果,
 * and every change moves the organisers' counters by what it changed.
 */
export const onDemandChange = streamConsumer(
  demandChangesOf,
  (c) => c.id,
  async ({ id, order, before, after }) => {
    // Saved searches and 成果 are matched side by side: both only read, and each writes its own inbox items.
    await Promise.all([alerts().alerts.onDemandChange(before, after), matches().onDemandChange(before, after)]);
    await stats().onDemandChange(id, order, before, after);
  },
);

/**
 * The achievements table's stream: a newly published 成果 is filed in the 成果 percolator and matched against the open
 * demands (their owners told in the inbox); one that stops being published is taken out of the percolator. A 成果 that
 * becomes public counts in the organisers' figures.
 */
export const onAchievementChange = streamConsumer(
  achievementChangesOf,
  (c) => c.id,
  async ({ id, order, before, after }) => {
    await matches().onAchievementChange(before, after);
    await stats().onAchievementChange(id, order, before, after);
  },
);

/**
 * The notifications table's stream: each new inbox item may become one WeChat push, and one that tells of a match
 * between a demand and a 成果 counts once in the organisers' figures.
 */
export const onNotificationCreated = streamConsumer(
  insertedNotificationsOf,
  (n) => n.userId,
  async (n) => {
    await stats().onNotificationCreated(n);
    await alerts().push.onNotificationCreated(n);
  },
);
