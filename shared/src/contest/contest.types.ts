// Response bodies of 揭榜比拼. The mini-program's client and the handlers both use these.
import type { DemandStatus, IndustryField } from '../demand/demand.enums';
import type { AwardKind, AwardTarget, ScoreWeights, SolutionStatus, TrackKind } from './contest.enums';
import type { ScoreRequest, SolutionForm, SolutionSort } from './contest.schema';

export interface SolutionEvent {
  status: SolutionStatus;
  at: string;
  /** The owner's reason (always given for a decline). */
  note?: string;
}

/** A solution (揭榜方案). Only its submitter, the demand's owner, admins and the final's judges ever see one. */
export interface Solution extends Omit<SolutionForm, 'ndaAccepted'> {
  id: string;
  demandId: string;
  submitterId: string;
  status: SolutionStatus;
  createdAt: string;
  updatedAt: string;
  /** When the submitter accepted the 保密协议 and 免责声明. */
  ndaAcceptedAt: string;
  decidedAt?: string;
  /** The owner's latest reason: shown to the submitter. */
  decisionReason?: string;
  /** When the submitter erased their account (注销): the team and contact are gone, the solution is shown as 已注销. */
  erasedAt?: string;
  version: number;
  history: SolutionEvent[];
}

/** How well a solution answers its demand: 0–100, and the demand's words the solution's text shares. */
export interface SolutionFit {
  score: number;
  terms: string[];
}

export interface JudgeScoreSummary {
  /** The weighted total out of 100, averaged over the judges who scored. */
  total: number;
  judges: number;
}

/** A solution as its demand's owner, the admins and the judges list it, with what triage needs. */
export interface TriagedSolution extends Solution {
  fit: SolutionFit;
  judgeScore?: JudgeScoreSummary;
  /** For a judge: their own score, to edit. */
  myScore?: ScoreRequest;
}

export type SolutionViewerRole = 'owner' | 'admin' | 'judge' | 'submitter';

export interface SolutionListResponse {
  items: TriagedSolution[];
  /** Every solution of the demand that the viewer may see, counted by state. */
  counts: Record<SolutionStatus, number>;
  sort: SolutionSort;
  viewer: { role: SolutionViewerRole };
}

/** GET /me/solutions */
export interface MySolution extends Solution {
  demandTitle: string;
  demandStatus: DemandStatus;
}
export interface MySolutionsResponse {
  items: MySolution[];
}

export interface Track {
  id: string;
  name: string;
  kind: TrackKind;
  startDate: string;
  endDate: string;
  description: string;
  createdAt: string;
}
export interface TracksResponse {
  items: Track[];
}
export type TrackRef = Pick<Track, 'id' | 'name' | 'kind'>;

/** A demand's judged final. */
export interface Final {
  demandId: string;
  judgeIds: string[];
  weights: ScoreWeights;
  closedAt?: string;
  updatedAt: string;
}

export interface Score extends ScoreRequest {
  demandId: string;
  solutionId: string;
  judgeId: string;
  at: string;
}

export interface RankingEntry {
  solutionId: string;
  title: string;
  organisation: string;
  status: SolutionStatus;
  /** How many of the judges scored it. */
  judgesScored: number;
  /** Mean per criterion over those judges; null before any score. */
  average: ScoreRequest | null;
  /** The weighted total out of 100; null before any score. */
  total: number | null;
  /** 1 for the best; equal totals share a rank. Null when unscored. */
  rank: number | null;
}

export interface RankingResponse {
  demandId: string;
  weights: ScoreWeights;
  judges: number;
  closed: boolean;
  closedAt?: string;
  items: RankingEntry[];
}

/** GET /me/judging: the finals a judge is assigned to. */
export interface JudgingAssignment {
  demandId: string;
  title: string;
  closed: boolean;
  shortlisted: number;
  /** How many of those the caller has scored. */
  scoredByMe: number;
}
export interface JudgingResponse {
  items: JudgingAssignment[];
}

export interface Award {
  id: string;
  demandId: string;
  kind: AwardKind;
  /** The name shown: the kind's label, or kindOther for 其他奖项. */
  label: string;
  target: AwardTarget;
  solutionId?: string;
  /** Who receives it, as shown publicly: the team's organisation, the company (or 匿名企业), or the broker. */
  winnerName: string;
  year: number;
  note?: string;
  at: string;
}
/** An award as a winner sees it on their profile. */
export interface MyAward extends Award {
  demandTitle: string;
}
export interface AwardsResponse {
  items: MyAward[];
}

export interface StatsResponse {
  /** When the counters were read. */
  at: string;
  demands: {
    /** Every demand ever submitted, by its current status. */
    byStatus: Record<DemandStatus, number>;
    /** Demands that are or were public, by 产业领域 and by province. */
    published: number;
    byField: Record<IndustryField, number>;
    byRegion: Record<string, number>;
  };
  /** Total 拟投入合作经费 of the public demands, in 万元. */
  budgetWan: number;
  solutions: number;
  demandsWithSolutions: number;
  matched: number;
  /** 成果 that are or were public (published, or closed after being published). */
  achievements: number;
  /**
   * Matches between demands and 成果 someone was told about: each 成果 holder alerted to a new demand
   * (achievement_match) and each demand owner told of a new 成果 (new_achievement) counts once.
   */
  matches: number;
  /**
   * Invitations to 揭榜 (动员揭榜): the (demand, 成果) pairs invited (a declined invitation sent again counts once),
   * and those the holder accepted.
   */
  invitations: number;
  invitationsAccepted: number;
}
