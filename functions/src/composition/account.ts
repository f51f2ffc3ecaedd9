import { createAccountErasureService } from '../account/account-erasure.service';
import { once } from '../common/once';
import { createAwardDynamoRepository } from '../db/award.dynamo';
import { createInvitationErasureDynamo } from '../db/invitation-erasure.dynamo';
import { createDeadLetterDynamoAdapter } from '../db/dead-letter.dynamo';
import { createFinalDynamoRepository } from '../db/final.dynamo';
import { createNotificationDynamoRepository } from '../db/notification.dynamo';
import { createQuotaDynamoRepository } from '../db/quota.dynamo';
import { createSubscriptionDynamoRepository } from '../db/subscription.dynamo';
import { base, type Base } from './base';
import { achievementRepository, followRepository, solutionRepository } from './repositories';

/** 注销账号: the erasure reaches every table that holds something of a person. */
export function createAccount(b: Base) {
  const { doc, names } = b;
  return createAccountErasureService({
    users: b.users,
    demands: b.demandRepo,
    achievements: achievementRepository(b),
    invitations: createInvitationErasureDynamo(doc, names.invitations),
    follows: followRepository(b),
    solutions: solutionRepository(b),
    finals: createFinalDynamoRepository(doc, names.finals),
    awards: createAwardDynamoRepository(doc, names.awards),
    subscriptions: createSubscriptionDynamoRepository(doc, names),
    notifications: createNotificationDynamoRepository(doc, names.notifications),
    quotas: createQuotaDynamoRepository(doc, names.quotas),
    deadLetters: createDeadLetterDynamoAdapter(doc, names.deadLetters),
    forgetRates: (userId) => b.limiter.forget(userId),
    clock: b.clock,
  });
}

export const account = once(() => createAccount(base()));
