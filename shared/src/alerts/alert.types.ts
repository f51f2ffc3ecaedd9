import type { SolutionDecision } from '../contest/contest.enums';
import type { IndustryField } from '../demand/demand.enums';
import type { SubscriptionConditions } from './subscription.schema';

export interface Subscription extends SubscriptionConditions {
  id: string;
  userId: string;
  createdAt: string;
}

/** Why a notification was sent: shown in the inbox as "为什么收到这条". */
export interface MatchExplanation {
  /** Each keyword of the subscription, and the word of the demand's text that satisfied it (itself or a synonym). */
  keywords: { keyword: string; matchedAs: string }[];
  field?: IndustryField;
  region?: string;
  minBudgetWan?: number;
}

export const NOTIFICATION_REASONS = [
  'new_match',
  'status_closed',
  'status_published',
  // To a demand's owner: someone submitted a solution (揭榜).
  'solution_new',
  // To a solution's submitter: the owner shortlisted, declined or signed an intent agreement.
  'solution_decision',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

export type PushState = 'pending' | 'sent' | 'no_quota' | 'no_openid' | 'digest_skipped' | 'failed' | 'dead_letter' | 'rejected';

export interface Notification {
  id: string;
  userId: string;
  demandId: string;
  reason: NotificationReason;
  title: string;
  createdAt: string;
  readAt?: string;
  /** For new_match: which subscription and why. */
  subscriptionId?: string;
  explanation?: MatchExplanation;
  /** For solution_new and solution_decision: the solution, the decision, and the owner's reason. */
  solutionId?: string;
  decision?: SolutionDecision;
  note?: string;
  /** For status changes: the new status. */
  status?: string;
  /** True for subscriptions without keywords (a field or region): pushed at most once a day as a digest. */
  broad?: boolean;
  push?: PushState;
}

export interface UnreadCountResponse {
  unread: number;
}

export interface SubscribeQuotaResponse {
  quota: Record<string, number>;
}
