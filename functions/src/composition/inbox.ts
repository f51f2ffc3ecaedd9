import { createInboxService } from '../alerts/inbox.service';
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
