// "为什么收到这条": the reasons behind one inbox item, one line each, from what the matcher recorded.
import { INDUSTRY_FIELD_LABELS, normalizeText, type MatchExplanation, type Notification } from '@cic/shared';
import { formatMinBudget, statusLabel } from '../../format';

export const REASON_LABELS: Record<Notification['reason'], string> = {
  new_match: '订阅提醒',
  status_closed: '关注动态',
  status_published: '关注动态',
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
  if (n.reason === 'new_match') {
    const lines = n.explanation ? matchLines(n.explanation) : [];
    return lines.length > 0 ? ['符合您订阅的条件', ...lines] : ['符合您订阅的条件'];
  }
  const status = n.status ?? (n.reason === 'status_closed' ? 'closed' : 'published');
  return [`您关注的需求${statusLabel(status)}`];
}
