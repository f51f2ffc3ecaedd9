// The closed vocabularies of 揭榜比拼: solution states, owner decisions, tracks, score criteria and awards.

export const SOLUTION_STATUSES = ['submitted', 'shortlisted', 'declined', 'intent'] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];
export const SOLUTION_STATUS_LABELS: Record<SolutionStatus, string> = {
  submitted: '待处理',
  shortlisted: '已入围',
  declined: '未入选',
  intent: '已签意向',
};

/** What the demand owner can decide about a solution, and the state it leads to. */
export const SOLUTION_DECISIONS = ['shortlist', 'decline', 'intent'] as const;
export type SolutionDecision = (typeof SOLUTION_DECISIONS)[number];
export const SOLUTION_DECISION_LABELS: Record<SolutionDecision, string> = {
  shortlist: '入围',
  decline: '婉拒',
  intent: '签订意向协议',
};
export const DECISION_STATUS: Record<SolutionDecision, SolutionStatus> = {
  shortlist: 'shortlisted',
  decline: 'declined',
  intent: 'intent',
};
/** The states a decision may be taken from. A declined solution stays declined; intent is final. */
export const DECISION_FROM: Record<SolutionDecision, readonly SolutionStatus[]> = {
  shortlist: ['submitted'],
  decline: ['submitted', 'shortlisted'],
  intent: ['submitted', 'shortlisted'],
};

export const TRACK_KINDS = ['enterprise_open', 'industry', 'yangtze_delta', 'overseas'] as const;
export type TrackKind = (typeof TRACK_KINDS)[number];
export const TRACK_KIND_LABELS: Record<TrackKind, string> = {
  enterprise_open: '大企业开放创新',
  industry: '特色行业',
  yangtze_delta: '长三角区域',
  overseas: '海外创新',
};

export const SCORE_CRITERIA = ['completeness', 'feasibility', 'fit'] as const;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];
export const SCORE_CRITERION_LABELS: Record<ScoreCriterion, string> = {
  completeness: '完备性',
  feasibility: '可实施性',
  fit: '匹配性',
};
export type ScoreWeights = Record<ScoreCriterion, number>;
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { completeness: 1, feasibility: 1, fit: 1 };

export const AWARD_KINDS = ['best_solution', 'best_open_enterprise', 'best_service_team', 'broker_craftsman', 'other'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  best_solution: '最佳解决方案奖',
  best_open_enterprise: '最佳开放式创新企业奖',
  best_service_team: '最佳服务团队奖',
  broker_craftsman: '技术经纪人匠心奖',
  other: '其他奖项',
};
/** Who an award goes to: a solution's team, the demand's owner, or the demand's technology broker. */
export const AWARD_TARGETS = ['solution', 'owner', 'broker'] as const;
export type AwardTarget = (typeof AWARD_TARGETS)[number];
export const AWARD_TARGET_LABELS: Record<AwardTarget, string> = {
  solution: '解决方案团队',
  owner: '需求企业',
  broker: '技术经纪人',
};
