import { createAlertFeedbackService } from '../alerts/alert-feedback.service';
import { createInboxService } from '../alerts/inbox.service';
import { createAlertFeedbackDynamoRepository } from '../db/alert-feedback.dynamo';
import { once } from '../common/once';
import { createNotificationDynamoRepository } from '../db/notification.dynamo';
import { createQuotaDynamoRepository } from '../db/quota.dynamo';
import { base, type Base } from './base';
import { templatesOf } from './wechat';

/** The inbox and the subscribe-message quota the mini-program reports. */
export function createInbox(b: Base) {
  const templates = templatesOf(b);
  return createInboxService({
    notifications: createNotificationDynamoRepository(b.doc, b.names.notifications),
    quotas: createQuotaDynamoRepository(b.doc, b.names.quotas),
    templateIds: [templates.newMatch, templates.statusChange].filter((t) => t !== ''),
    clock: b.clock,
    cursors: b.cursors,
  });
}

export const inbox = once(() => createInbox(base()));

/** 有用 / 不相关 on alerts, and the organisers' live precision by concept. */
export function createAlertFeedback(b: Base) {
  return createAlertFeedbackService({
    notifications: createNotificationDynamoRepository(b.doc, b.names.notifications),
    feedback: createAlertFeedbackDynamoRepository(b.doc, {
      feedback: b.names.alertFeedback,
      notifications: b.names.notifications,
    }),
    clock: b.clock,
  });
}

export const alertFeedback = once(() => createAlertFeedback(base()));
