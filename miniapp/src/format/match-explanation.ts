// The chain of a match, one line each, from what the matcher recorded: why an alert reached the inbox ("为什么收到这条"),
// and why a 成果 matches a demand (匹配成果, 匹配需求). One wording for all of them.
import { INDUSTRY_FIELD_LABELS, normalizeText, type MatchedKeyword, type MatchExplanation, type MatchWhere } from '@cic/shared';
import { formatMinBudget } from './budget';

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

export function matchLines(e: MatchExplanation): string[] {
  const lines: string[] = [];
  if (e.keywords.some((k) => k.relation !== undefined)) lines.push(...e.keywords.map(keywordChain));
  else if (e.keywords.length > 0) lines.push(`关键词：${e.keywords.map(keywordText).join('、')}`);
  if (e.field) lines.push(`产业领域：${INDUSTRY_FIELD_LABELS[e.field]}`);
  if (e.region) lines.push(`地区：${e.region}`);
  if (e.minBudgetWan) lines.push(`经费：不低于${formatMinBudget(e.minBudgetWan)}`);
  return lines;
}

/** 0.86 → 86: a match's score as a person reads it, out of 100. */
export const scorePercent = (score: number): number => Math.round(Math.min(1, Math.max(0, score)) * 100);

/** Where a demand's matches open: its 匹配成果 and one 成果's 粗评估 (the achievements subpackage). */
export const matchesUrl = (demandId: string): string => `/achievements/matches/index?demandId=${encodeURIComponent(demandId)}`;
export const scorecardUrl = (demandId: string, achievementId: string): string =>
  `/achievements/scorecard/index?demandId=${encodeURIComponent(demandId)}&achievementId=${encodeURIComponent(achievementId)}`;
