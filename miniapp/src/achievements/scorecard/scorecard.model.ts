// What the 成果粗评估 page shows of a scorecard (GET /demands/{id}/matches/{achievementId}): one row per line of the
// rough evaluation, in the order a person weighs them, each with its score, its weight in the total, the API's one-line
// reason and the facts behind it.
import { IP_KIND, type IpKind, type Scorecard } from '@cic/shared';
import { formatBudget } from '../../format';

export type ScoreKey = 'fit' | 'maturity' | 'ip' | 'budget' | 'region';

export interface ScoreRow {
  key: ScoreKey;
  label: string;
  score: number;
  weight: string;
  reason: string;
  /** The facts the score comes from, when there are any: 成果 TRL 6 级，需求需要 7 级. */
  detail?: string;
}

export const SCORE_LABELS: Record<ScoreKey, string> = {
  fit: '契合度',
  maturity: '成熟度',
  ip: '知识产权',
  budget: '价格',
  region: '地域',
};

export const REGION_RELATION_LABELS: Record<Scorecard['region']['relation'], string> = {
  same_city: '同城',
  same_province: '同省',
  yangtze_delta: '同在长三角',
  elsewhere: '其他地区',
  unknown: '地区未知',
};

/** A weight as a share of the total: 0.35 → 35%; a weight already given in percent stays as it is. */
export function weightText(weight: number): string {
  return `${Math.round(weight <= 1 ? weight * 100 : weight)}%`;
}

/** 发明专利 2 项、软件著作权 1 项, in the vocabulary's order; undefined when there is none. */
export function ipCounts(counts: Partial<Record<IpKind, number>>): string | undefined {
  const parts = IP_KIND.values.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${IP_KIND.label(k)} ${counts[k]} 项`);
  return parts.length > 0 ? parts.join('、') : undefined;
}

function ipDetail(ip: Scorecard['ip']): string {
  const granted = ipCounts(ip.granted);
  const pending = ipCounts(ip.pending);
  if (!granted && !pending) return '未填写知识产权';
  return [granted && `已授权：${granted}`, pending && `申请中：${pending}`].filter(Boolean).join('；');
}

function details(card: Scorecard): Record<ScoreKey, string | undefined> {
  const { maturity, budget } = card;
  return {
    fit: card.fit.concepts.length > 0 ? `共同概念：${card.fit.concepts.join('、')}` : undefined,
    maturity: `成果${maturity.trl === undefined ? '未填写技术成熟度' : ` TRL ${maturity.trl} 级`}，需求需要 TRL ${maturity.needed} 级`,
    ip: ipDetail(card.ip),
    budget: `成果参考价格 ${budget.priceWan === null ? '面议' : formatBudget(budget.priceWan)}，需求拟投入 ${formatBudget(budget.budgetWan)}`,
    region: REGION_RELATION_LABELS[card.region.relation],
  };
}

export function scoreRows(card: Scorecard): ScoreRow[] {
  const detail = details(card);
  return (Object.keys(SCORE_LABELS) as ScoreKey[]).map((key) => ({
    key,
    label: SCORE_LABELS[key],
    score: Math.round(card[key].score),
    weight: weightText(card[key].weight),
    reason: card[key].reason,
    detail: detail[key],
  }));
}
