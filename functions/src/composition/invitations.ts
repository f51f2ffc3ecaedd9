import { once } from '../common/once';
import { createAchievementDynamoRepository } from '../db/achievement.dynamo';
import { createInvitationDynamoRepository } from '../db/invitation.dynamo';
import { createNotificationDynamoRepository } from '../db/notification.dynamo';
import { createInvitationService } from '../invitations/invitation.service';
import { base, type Base } from './base';

/** 动员揭榜: invitations, counted in the figures as they are sent and accepted; the holder's inbox item is pushed. */
export function createInvitations(b: Base) {
  const { doc, names } = b;
  return createInvitationService({
    invitations: createInvitationDynamoRepository(doc, { invitations: names.invitations, stats: names.stats }),
    demands: b.demandRepo,
    achievements: createAchievementDynamoRepository(doc, names.achievements),
    notifications: createNotificationDynamoRepository(doc, names.notifications),
    cursors: b.cursors,
    clock: b.clock,
  });
}

export const invitations = once(() => createInvitations(base()));
