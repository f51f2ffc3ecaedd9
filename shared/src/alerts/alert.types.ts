import type { SolutionDecision } from '../contest/contest.enums';
import type { IndustryField } from '../demand/demand.enums';
import type { SubscriptionConditions } from './subscription.schema';

export interface Subscription extends SubscriptionConditions {
  id: string;
  userId: string;
  createdAt: string;
}

/** How central a matched subscription is to a demand: its main topic (pushed), or only mentioned (inbox only). */
export const MATCH_TIERS = ['main', 'mentioned'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];
export const MATCH_TIER_LABELS: Record<MatchTier, string> = { main: '主题相关', mentioned: '提及' };

/**
 * How the word found relates to the keyword: the keyword itself, a synonym, a narrower term (a kind of it), or a
 * related term (a word of its trade that does not name it: 焊缝 for 焊接), which alone is only ever a mention.
 */
export const MATCH_RELATIONS = ['exact', 'synonym', 'narrower', 'related'] as const;
export type MatchRelation = (typeof MATCH_RELATIONS)[number];
export type MatchWhere = 'title' | 'description';

export interface MatchedKeyword {
  keyword: string;
  /** The word of the demand's text that satisfied the keyword. */
  matchedAs: string;
  relation?: MatchRelation;
  /** For a narrower term: what it is a kind of (谐波减速器 ⊂ 减速器). */
  broader?: string;
  where?: MatchWhere;
}

/** Why a notification was sent: shown in the inbox as "为什么收到这条". */
export interface MatchExplanation {
  /** Each keyword of the subscription, and the word of the demand's text that satisfied it. */
  keywords: MatchedKeyword[];
  /** Absent on alerts from before tiers existed (and on broad subscriptions without keywords: always `main`). */
  tier?: MatchTier;
  /** 0–1: how central the weakest keyword is. */
  score?: number;
  field?: IndustryField;
  region?: string;
  minBudgetWan?: number;
}

/** What a keyword will match: itself, its synonyms and narrower terms, and the longer words that do not count. */
export interface ConceptExpansion {
  keyword: string;
  /** The concept it belongs to (what it is indexed under). */
  concept: string;
  synonyms: string[];
  narrower: { term: string; broader: string }[];
  related: string[];
  traps: string[];
}

/** How many recent published demands a subscription would have matched, by tier, with a few of them. */
export interface SubscriptionPreview {
  /** How many recent demands were tried. */
  demands: number;
  main: number;
  mentioned: number;
  examples: { demandId: string; title: string; tier: MatchTier }[];
}

/** A subscriber's verdict on an alert: was it relevant to them? */
export interface AlertFeedback {
  relevant: boolean;
  at: string;
}

/** The verdicts on alerts of one concept and tier, and the precision they give. */
export interface FeedbackCounts {
  relevant: number;
  notRelevant: number;
  /** relevant / (relevant + notRelevant); absent before any verdict. */
  precision?: number;
}

/** Live precision from the subscribers' verdicts, by the concept of the keyword that matched (most judged first). */
export interface AlertFeedbackResponse {
  items: { concept: string; main: FeedbackCounts; mentioned: FeedbackCounts; all: FeedbackCounts }[];
  /** Everything together. */
  total: { main: FeedbackCounts; mentioned: FeedbackCounts; all: FeedbackCounts };
}

/** POST /me/notifications/{id}/feedback: the verdict as stored. */
export interface AlertFeedbackResult {
  id: string;
  feedback: AlertFeedback;
}

export const NOTIFICATION_REASONS = [
  'new_match',
  'status_closed',
  'status_published',
  // To a demand's owner: someone submitted a solution (揭榜).
  'solution_new',
  // To a solution's submitter: the owner shortlisted, declined or signed an intent agreement.
  'solution_decision',
  // To a 成果's holder: a newly published demand matches the 成果 (pushed for the main tier only).
  'achievement_match',
  // To a demand's owner: a newly published 成果 matches the demand (inbox only).
  'new_achievement',
  // To a 成果's holder: a demand's owner or an organiser invites them to submit a solution (动员揭榜; pushed).
  'invitation',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

export type PushState =
  | 'pending'
  | 'sent'
  | 'no_quota'
  | 'no_openid'
  | 'digest_skipped'
  | 'failed'
  | 'dead_letter'
  | 'rejected'
  // A match that only mentions the subscribed concept: kept in the inbox, not pushed (the quota is one send per accept).
  | 'inbox_only';

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
  /** For new_match: the tier, copied out of the explanation so the inbox can be filtered by it. */
  tier?: MatchTier;
  /** The subscriber's verdict on an alert (不相关 / 有用). */
  feedback?: AlertFeedback;
  /** For solution_new and solution_decision: the solution, the decision, and the owner's reason. */
  solutionId?: string;
  decision?: SolutionDecision;
  note?: string;
  /** For achievement_match, new_achievement and invitation: the 成果. */
  achievementId?: string;
  /** For invitation: the invitation to answer. */
  invitationId?: string;
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
