// What the 数据统计 page shows, computed from GET /stats: the headline figures (the demands, 揭榜 and the 成果库 with its
// matches and invitations) and the rows of each chart.
import { DEMAND_STATUS_LABELS, DEMAND_STATUSES, groupDigits, INDUSTRY_FIELD_LABELS, type StatsResponse } from '@cic/shared';
import type { Bar } from './bar-chart';

/** 拟投入 in the unit a person reads: 8,650万元 below 1亿, then 12.35亿元. */
export function formatWanTotal(wan: number): string {
  if (wan >= 10_000) return `${Number((wan / 10_000).toFixed(2))}亿元`;
  return `${groupDigits(Math.round(wan))}万元`;
}

export interface Figure {
  key: string;
  label: string;
  value: string;
}

export function figures(s: StatsResponse): Figure[] {
  return [
    { key: 'budget', label: '拟投入合作经费', value: formatWanTotal(s.budgetWan) },
    { key: 'published', label: '已发布需求', value: groupDigits(s.demands.published) },
    { key: 'solutions', label: '揭榜方案', value: groupDigits(s.solutions) },
    { key: 'answered', label: '已有揭榜的需求', value: groupDigits(s.demandsWithSolutions) },
    { key: 'matched', label: '已对接需求', value: groupDigits(s.matched) },
    { key: 'achievements', label: '已发布成果', value: groupDigits(s.achievements) },
    { key: 'matches', label: '成果匹配', value: groupDigits(s.matches) },
    { key: 'invitations', label: '揭榜邀请', value: groupDigits(s.invitations) },
    { key: 'accepted', label: '已接受邀请', value: groupDigits(s.invitationsAccepted) },
  ];
}

const byValue = (a: Bar, b: Bar) => b.value - a.value;

export function fieldBars(s: StatsResponse): Bar[] {
  return Object.entries(s.demands.byField)
    .map(([field, value]) => ({ label: (INDUSTRY_FIELD_LABELS as Record<string, string>)[field] ?? field, value }))
    .filter((b) => b.value > 0)
    .sort(byValue);
}

export function regionBars(s: StatsResponse, top = 10): Bar[] {
  return Object.entries(s.demands.byRegion)
    .map(([label, value]) => ({ label, value }))
    .filter((b) => b.value > 0)
    .sort(byValue)
    .slice(0, top);
}

/** Drafts are nobody's business but their owner's: the chart starts at 审核中. */
export function statusBars(s: StatsResponse): Bar[] {
  return DEMAND_STATUSES.filter((st) => st !== 'draft').map((st) => ({
    label: DEMAND_STATUS_LABELS[st],
    value: s.demands.byStatus[st] ?? 0,
  }));
}
