// The verdicts on alerts: the notification's `feedback` and the concepts' counters (table alertFeedback, one item per
// concept under scope `concept`, one number attribute per tier and verdict) move in one transaction, so a counter
// never counts a verdict the inbox does not hold.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MatchTier } from '@cic/shared';
import type { AlertFeedbackRepository, FeedbackCounters } from '../alerts/alert-feedback.repository';
import { queryAll } from './query-page';
import { keysOf, partitionOf } from './table-keys';
import { anyConditionFailed, transact, type TransactItem } from './transact';

const FEEDBACK = keysOf('alertFeedback');
const NOTIFICATIONS = keysOf('notifications');
const SCOPE = 'concept';

const attribute = (tier: MatchTier, relevant: boolean) => `${tier}${relevant ? 'Relevant' : 'NotRelevant'}`;

export function createAlertFeedbackDynamoRepository(
  doc: DynamoDBDocumentClient,
  tables: { feedback: string; notifications: string },
): AlertFeedbackRepository {
  return {
    async record({ userId, notificationId, feedback, previous, concepts, tier }) {
      const verdict: TransactItem = {
        Update: {
          TableName: tables.notifications,
          Key: NOTIFICATIONS.key({ userId, id: notificationId }),
          UpdateExpression: 'SET feedback = :f',
          ConditionExpression:
            previous === undefined
              ? 'attribute_exists(id) AND attribute_not_exists(feedback)'
              : 'attribute_exists(id) AND feedback.relevant = :previous',
          ExpressionAttributeValues: { ':f': feedback, ...(previous === undefined ? {} : { ':previous': previous }) },
        },
      };
      const counters: TransactItem[] = concepts.map((concept) => ({
        Update: {
          TableName: tables.feedback,
          Key: FEEDBACK.key({ scope: SCOPE, concept }),
          UpdateExpression: previous === undefined ? 'ADD #new :one' : 'ADD #new :one, #old :minusOne',
          ExpressionAttributeNames: {
            '#new': attribute(tier, feedback.relevant),
            ...(previous === undefined ? {} : { '#old': attribute(tier, previous) }),
          },
          ExpressionAttributeValues: { ':one': 1, ...(previous === undefined ? {} : { ':minusOne': -1 }) },
        },
      }));
      const outcome = await transact(doc, [verdict, ...counters], (reasons) =>
        anyConditionFailed(reasons) ? 'changed' : undefined,
      );
      return outcome === 'done' ? 'recorded' : 'changed';
    },

    async counters() {
      const items = await queryAll(doc, { TableName: tables.feedback, ...partitionOf(FEEDBACK, SCOPE) });
      const n = (item: Record<string, unknown>, name: string) => (typeof item[name] === 'number' ? item[name] : 0);
      return items.map((item): FeedbackCounters => ({
        concept: String(item[FEEDBACK.rangeKey]),
        main: { relevant: n(item, attribute('main', true)), notRelevant: n(item, attribute('main', false)) },
        mentioned: { relevant: n(item, attribute('mentioned', true)), notRelevant: n(item, attribute('mentioned', false)) },
      }));
    },
  };
}
