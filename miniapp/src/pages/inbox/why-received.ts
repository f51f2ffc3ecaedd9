// "为什么收到这条": the reasons behind one inbox item, one line each, from what the matcher recorded.
import {
  DECISION_STATUS,
  INDUSTRY_FIELD_LABELS,
  MATCH_TIER_LABELS,
  normalizeText,
  SOLUTION_STATUS_LABELS,
  type MatchedKeyword,
  type MatchExplanation,
  type MatchTier,
  type MatchWhere,
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

const WHERE_LABELS: Record<MatchWhere, string> = { title: '标题', description: '描述' };
const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);

/** 钛材（匹配“钛合金”） when the demand matched through another word, else the keyword alone: alerts from before relations. */
export function keywordText({ keyword, matchedAs }: MatchedKeyword): string {
  return matchedAs && !same(matchedAs, keyword) ? `${keyword}（匹配“${matchedAs}”）` : keyword;
}

/**
 * How one keyword was found, and where: 减速器 · 标题; 减速器（匹配同义词“减速机”）· 描述; 谐波减速器 ⊂ 减速器 · 标题
 * (a kind of it); 焊缝（相关词）· 描述.
 */
export function keywordChain(k: MatchedKeyword): string {
  const { keyword, matchedAs, relation, broader } = k;
  let chain: string;
  if (relation === 'synonym' && !same(matchedAs, keyword)) chain = `${keyword}（匹配同义词“${matchedAs}”）`;
  else if (relation === 'narrower') {
    const above = broader ?? keyword;
    // A kind of a kind (叠层点焊 ⊂ 点焊 ⊂ 焊接): the chain goes up to the keyword.
    chain = same(above, keyword) ? `${matchedAs} ⊂ ${keyword}` : `${matchedAs} ⊂ ${above} ⊂ ${keyword}`;
  } else if (relation === 'related') chain = `${matchedAs}（相关词）`;
  else chain = keyword;
  if (!k.where) return chain;
  // A full-width bracket carries its own space: 减速器（…）· 描述, 减速器 · 标题.
  return `${chain}${chain.endsWith('）') ? '' : ' '}· ${WHERE_LABELS[k.where]}`;
}

/** Why an alert is only a 提及, and whether it reached WeChat. */
export function mentionLine(n: Notification): string | undefined {
  const e = n.explanation;
  if (tierOf(n) !== 'mentioned') return undefined;
  const keywords = e?.keywords ?? [];
  const why =
    keywords.length > 0 && keywords.every((k) => k.where === 'description')
      ? '仅在描述中提及'
      : keywords.some((k) => k.relation === 'related')
        ? '只出现了相关词，算作提及'
        : `只是${MATCH_TIER_LABELS.mentioned}，不是需求的主题`;
  if (n.push === 'inbox_only') return `${why}，未推送到微信`;
  return why;
}

export function matchLines(e: MatchExplanation): string[] {
  const lines: string[] = [];
  if (e.keywords.some((k) => k.relation !== undefined)) lines.push(...e.keywords.map(keywordChain));
  else if (e.keywords.length > 0) lines.push(`关键词：${e.keywords.map(keywordText).join('、')}`);
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
    const mention = mentionLine(n);
    return ['符合您订阅的条件', ...lines, ...(mention ? [mention] : [])];
  }
  const status = n.status ?? (n.reason === 'status_closed' ? 'closed' : 'published');
  return [`您关注的需求${statusLabel(status)}`];
}

/** The tier of a subscription alert, for its badge and its tab; none on alerts from before tiers. */
export function tierOf(n: Notification): MatchTier | undefined {
  return n.reason === 'new_match' ? (n.tier ?? n.explanation?.tier) : undefined;
}

/** Where tapping an item leads: the owner to the solutions, the challenger to 我的揭榜, else the demand. */
export function targetOf(n: Notification): string {
  const id = encodeURIComponent(n.demandId);
  if (n.reason === 'solution_new') return `/contest/solutions/index?demandId=${id}`;
  if (n.reason === 'solution_decision') return '/contest/my-solutions/index';
  return `/pages/demand/index?id=${id}`;
}
