// A 成果 (technology achievement) as stored and as shown, and the answers of the routes about 成果, matches between
// demands and 成果, the rough evaluation, invitations and the field suggestion.
import type { MatchExplanation, MatchTier } from '../alerts/alert.types';
import type { DemandStatus, IndustryField } from '../demand/demand.enums';
import { LISTING_SUMMARY_KEYS, type Demand, type ListingMeta } from '../demand/demand.types';
import type { Page } from '../api/api.types';
import type { HolderType, IpKind } from './achievement.enums';
import type { HiddenAchievementField } from './achievement.labels';
import type { AchievementDraft } from './achievement.schema';

/** A 成果 moves through the same states as a demand, but is never matched (签约) itself. */
export type AchievementStatus = Exclude<DemandStatus, 'matched'>;

export interface AchievementMeta extends ListingMeta<AchievementStatus> {
  /** True for the demo 成果 the local stack is seeded with (示例): written for the demo, never a real institution's. */
  example?: boolean;
}

/** A 成果 as its holder and the organisers see it; form fields are optional because drafts are partial. */
export type Achievement = AchievementMeta & AchievementDraft;

/** A 成果 as anyone else sees it: no owner id, no review notes, and no hidden field when anonymous. */
export type PublicAchievement = Omit<Achievement, 'ownerId' | 'rejectReason' | 'safety' | HiddenAchievementField> &
  Partial<Pick<Achievement, HiddenAchievementField>>;

/** What a 成果's list card needs besides its excerpt. */
export const ACHIEVEMENT_SUMMARY_KEYS = [
  ...LISTING_SUMMARY_KEYS,
  'holderName',
  'holderType',
  'keywords',
  'trl',
  'priceWan',
  'example',
] as const;

/** What a list card needs. */
export type AchievementSummary = Pick<PublicAchievement, (typeof ACHIEVEMENT_SUMMARY_KEYS)[number]> & { excerpt: string };

export type AchievementListResponse = Page<AchievementSummary>;
export type MyAchievementsResponse = Page<Achievement>;

/** GET /achievements/{id}: the holder and admins get the whole 成果; anyone else the public view. */
export type AchievementDetailResponse = (Achievement | PublicAchievement) & { viewer: { isOwner: boolean } };

/** An item of the admin review queue: a demand or a 成果, each saying its kind. */
export type ReviewQueueItem = (Demand & { kind: 'demand' }) | (Achievement & { kind: 'achievement' });
export type ReviewQueueResponse = Page<ReviewQueueItem>;

/** One 成果 on a demand's match list, best first. */
export interface AchievementMatch {
  achievementId: string;
  title: string;
  /** 0–1. */
  score: number;
  tier: MatchTier;
  explanation: MatchExplanation;
  holderType?: HolderType;
  trl?: number;
}

/** One demand on a 成果's match list, best first. */
export interface DemandMatch {
  demandId: string;
  title: string;
  score: number;
  tier: MatchTier;
  explanation: MatchExplanation;
  budgetWan?: number;
  region?: string;
}

export interface AchievementMatchesResponse {
  items: AchievementMatch[];
}
export interface DemandMatchesResponse {
  items: DemandMatch[];
}

/** One line of the rough evaluation: a 0–100 score, its weight in the total, and why. */
export interface ScoreLine {
  score: number;
  weight: number;
  reason: string;
}

/** 成果粗评估: a rough, automatic estimate of how well a 成果 fits a demand. */
export interface Scorecard {
  demandId: string;
  achievementId: string;
  fit: ScoreLine & { concepts: string[]; tier: MatchTier };
  maturity: ScoreLine & { trl?: number; needed: number };
  ip: ScoreLine & { granted: Partial<Record<IpKind, number>>; pending: Partial<Record<IpKind, number>> };
  budget: ScoreLine & { priceWan: number | null; budgetWan?: number };
  region: ScoreLine & { relation: 'same_city' | 'same_province' | 'yangtze_delta' | 'elsewhere' | 'unknown' };
  /** The weighted sum, 0–100. */
  total: number;
  /** Always says that this is a rough, automatic estimate. */
  note: string;
}

export const INVITATION_STATUSES = ['open', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** 动员揭榜: a demand's owner (or an organiser) invites a 成果's holder to submit a solution. */
export interface Invitation {
  id: string;
  demandId: string;
  achievementId: string;
  /** Who invited (the owner or an admin), and whom (the 成果's holder). */
  inviterId: string;
  holderId: string;
  demandTitle: string;
  achievementTitle: string;
  message?: string;
  status: InvitationStatus;
  createdAt: string;
  respondedAt?: string;
}
export type InvitationsResponse = Page<Invitation>;

/** What accepting an invitation gives: the 揭榜 form's values filled from the 成果. */
export interface InvitationResponseResult {
  invitation: Invitation;
  /** For accept: where the 揭榜 form opens, and what it is filled with. */
  solutionPrefill?: {
    demandId: string;
    title: string;
    summary: string;
    organisation: string;
    contactName: string;
    contactPhone: string;
  };
}

/** GET /demands/{id}/similar */
export interface SimilarDemandsResponse {
  items: { demandId: string; title: string; score: number; field?: IndustryField; publishedAt?: string }[];
}

/** POST /suggest/field: the likeliest 附件3 field of a text, a confidence, and the runners-up. */
export interface FieldSuggestion {
  field: IndustryField;
  /** 0–1. */
  confidence: number;
  alternatives: { field: IndustryField; confidence: number }[];
}
