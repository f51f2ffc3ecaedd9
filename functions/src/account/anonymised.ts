// What is left of a person's records in other people's contest once their account is erased (注销): the records
// stay for the organisers and the other parties (a closed demand, a solution another owner decided on, a judge's
// scores in a ranking), but nothing in them names the person, reaches them, or links them to their former account.
import { createHash } from 'node:crypto';
import { PERSONAL_DEMAND_FIELDS, type Achievement, type Demand, type Solution } from '@cic/shared';
import { achievementLifecycle } from '../achievements/achievement.service';
import { closed } from '../demands/demand.lifecycle';

/**
 * Stands for the erased person in the records kept. One-way from the (random, now deleted) user id, so it links to
 * nobody; the same on every run of an erasure, so a run cut short and run again keeps one stand-in.
 */
export const anonymousIdOf = (userId: string): string =>
  `erased_${createHash('sha256').update(`erased\u0000${userId}`).digest('base64url').slice(0, 22)}`;

/** Statuses nobody but the owner and the organisers has seen: such a demand is deleted outright. */
export const UNSEEN_STATUSES: readonly Demand['status'][] = ['draft', 'pending_review', 'rejected'];

/** A demand others have seen: kept, closed if it was still open, without its contacts or its owner. */
export function erasedDemand(demand: Demand, anonymousId: string, at: string): Demand {
  const next: Demand =
    demand.status === 'published' ? closed(demand, at) : { ...demand, updatedAt: at, version: demand.version + 1 };
  for (const key of PERSONAL_DEMAND_FIELDS) delete next[key];
  return { ...next, ownerId: anonymousId };
}

/** The contacts of a 成果: always erased with the account. */
const ACHIEVEMENT_CONTACTS = ['contactName', 'contactPhone', 'email'] as const;

/**
 * A 成果 others have seen: kept, closed if it was still published, without its contacts or its owner. The holder's
 * name goes too when it names a person (an individual or a team); a university's or a company's name is kept.
 */
export function erasedAchievement(achievement: Achievement, anonymousId: string, at: string): Achievement {
  const next: Achievement =
    achievement.status === 'published'
      ? achievementLifecycle.closed(achievement, at)
      : { ...achievement, updatedAt: at, version: achievement.version + 1 };
  for (const key of ACHIEVEMENT_CONTACTS) delete next[key];
  if (achievement.holderType === 'individual' || achievement.holderType === 'team') delete next.holderName;
  return { ...next, ownerId: anonymousId };
}

/** A solution to someone else's demand: kept for its owner's decision and the ranking, marked 已注销, without the people. */
export function erasedSolution(solution: Solution, anonymousId: string, at: string): Solution {
  return {
    ...solution,
    submitterId: anonymousId,
    team: '',
    contactName: '',
    contactPhone: '',
    erasedAt: at,
    updatedAt: at,
    version: solution.version + 1,
  };
}
