// The closed vocabularies of 揭榜比拼: solution states, owner decisions, tracks, score criteria and awards.
// Each is one defineEnum (X: values, labels, label, options); the names exported beside it (the values as Xs, X_LABELS,
// the type) are the ones code imported before the helper, with the same types.
import { defineEnum } from '../enum/define-enum';

export const SOLUTION_STATUS = defineEnum(['submitted', 'shortlisted', 'declined', 'intent'], {
  submitted: '待处理',
  shortlisted: '已入围',
  declined: '未入选',
  intent: '已签意向',
});
export const SOLUTION_STATUSES = SOLUTION_STATUS.values;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];
export const SOLUTION_STATUS_LABELS = SOLUTION_STATUS.labels;

/** What the demand owner can decide about a solution (the words of its buttons), and the state it leads to. */
export const SOLUTION_DECISION = defineEnum(['shortlist', 'decline', 'intent'], {
  shortlist: '入围',
  decline: '婉拒',
  intent: '签订意向协议',
});
export const SOLUTION_DECISIONS = SOLUTION_DECISION.values;
export type SolutionDecision = (typeof SOLUTION_DECISIONS)[number];
export const SOLUTION_DECISION_LABELS = SOLUTION_DECISION.labels;
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

export const TRACK_KIND = defineEnum(['enterprise_open', 'industry', 'yangtze_delta', 'overseas'], {
  enterprise_open: '大企业开放创新',
  industry: '特色行业',
  yangtze_delta: '长三角区域',
  overseas: '海外创新',
});
export const TRACK_KINDS = TRACK_KIND.values;
export type TrackKind = (typeof TRACK_KINDS)[number];
export const TRACK_KIND_LABELS = TRACK_KIND.labels;

export const SCORE_CRITERION = defineEnum(['completeness', 'feasibility', 'fit'], {
  completeness: '完备性',
  feasibility: '可实施性',
  fit: '匹配性',
});
export const SCORE_CRITERIA = SCORE_CRITERION.values;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];
export const SCORE_CRITERION_LABELS = SCORE_CRITERION.labels;
export type ScoreWeights = Record<ScoreCriterion, number>;
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { completeness: 1, feasibility: 1, fit: 1 };

export const AWARD_KIND = defineEnum(
  ['best_solution', 'best_open_enterprise', 'best_service_team', 'broker_craftsman', 'other'],
  {
    best_solution: '最佳解决方案奖',
    best_open_enterprise: '最佳开放式创新企业奖',
    best_service_team: '最佳服务团队奖',
    broker_craftsman: '技术经纪人匠心奖',
    other: '其他奖项',
  },
);
export const AWARD_KINDS = AWARD_KIND.values;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_LABELS = AWARD_KIND.labels;

/** Who an award goes to: a solution's team, the demand's owner, or the demand's technology broker. */
export const AWARD_TARGET = defineEnum(['solution', 'owner', 'broker'], {
  solution: '解决方案团队',
  owner: '需求企业',
  broker: '技术经纪人',
});
export const AWARD_TARGETS = AWARD_TARGET.values;
export type AwardTarget = (typeof AWARD_TARGETS)[number];
export const AWARD_TARGET_LABELS = AWARD_TARGET.labels;
