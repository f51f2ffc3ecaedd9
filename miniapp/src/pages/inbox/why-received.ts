// "为什么收到这条": the reasons behind one inbox item, one line each, from what the matcher recorded.
import {
  DECISION_STATUS,
  INDUSTRY_FIELD_LABELS,
  normalizeText,
  SOLUTION_STATUS_LABELS,
  type MatchExplanation,
  type Notification,
} from '@cic/shared';
import { formatMinBudget, statusLabel } from '../../format';

export const REASON_LABELS: Record<Notification['reason'], string> = {
  new_match: '订阅提醒',
  status_closed: '关注动态',
  status_published: '关注动态',
  solution_new: '揭榜动态',
  solution_decision: '揭榜结果',
};

/** 钛材（匹配“钛合金”） when the demand matched through another word (a synonym), else the keyword alone. */
export function keywordText({ keyword, matchedAs }: MatchExplanation['keywords'][number]): string {
  return matchedAs && normalizeText(matchedAs) !== normalizeText(keyword) ? `${keyword}（匹配“${matchedAs}”）` : keyword;
}

export function matchLines(e: MatchExplanation): string[] {
  const lines: string[] = [];
  if (e.keywords.length > 0) lines.push(`关键词：${e.keywords.map(keywordText).join('、')}`);
  if (e.field) lines.push(`产业领域：${INDUSTRY_FIELD_LABELS[e.field]}`);
  if (e.region) lines.push(`地区：${e.region}`);
  if (e.minBudgetWan) lines.push(`经费：不低于${formatMinBudget(e.minBudgetWan)}`);
  return lines;
}

export function whyReceived(n: Notification): string[] {
  if (n.reason === 'solution_new') return ['你的需求收到新的揭榜方案'];
  if (n.reason === 'solution_decision') {
    const result = n.decision ? `你的揭榜方案${SOLUTION_STATUS_LABELS[DECISION_STATUS[n.decision]]}` : '你的揭榜方案有了新进展';
    // The losing challenger reads the owner's reason here.
    return n.note ? [result, `${n.decision === 'decline' ? '婉拒原因' : '需求方留言'}：${n.note}`] : [result];
  }
  if (n.reason === 'new_match') {
    const lines = n.explanation ? matchLines(n.explanation) : [];
    return lines.length > 0 ? ['符合您订阅的条件', ...lines] : ['符合您订阅的条件'];
  }
  const status = n.status ?? (n.reason === 'status_closed' ? 'closed' : 'published');
  return [`您关注的需求${statusLabel(status)}`];
}

/** Where tapping an item leads: the owner to the solutions, the challenger to 我的揭榜, else the demand. */
export function targetOf(n: Notification): string {
  const id = encodeURIComponent(n.demandId);
  if (n.reason === 'solution_new') return `/contest/solutions/index?demandId=${id}`;
  if (n.reason === 'solution_decision') return '/contest/my-solutions/index';
  return `/pages/demand/index?id=${id}`;
}
