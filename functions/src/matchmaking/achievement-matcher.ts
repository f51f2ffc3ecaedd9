// 成果粗匹配: does a 成果 (technology achievement) fit a demand, how well, and why. Pure: both sides come in whole, so
// the percolator's candidates, the match lists and `npm run eval:match` all call the same function.
//
// A 成果 is a profile, not a query: it matches a demand when ANY of its keywords matches the demand's public text under
// the alert engine's rules (explainMatch of issue 15: the keyword itself, a synonym, a narrower term or a word of its
// trade, never inside a trap word), each keyword on its own. How well it matches is a score in 0–1 (documented in
// docs/decisions/0014-achievement-matching.md):
//
//   score = KEYWORD_WEIGHT × keyword strength + CONCEPT_WEIGHT × concept overlap + TEXT_WEIGHT × text overlap
//
// - keyword strength: the most central matching keyword's centrality (relevance.ts: title and repeated mentions), plus
//   a little for each further matching keyword;
// - concept overlap: the share of the demand's thesaurus concepts that the 成果 (title, keywords, summary) names too;
// - text overlap: the cosine of the two texts' character bigrams (generic words such as 技术 or 提高 left out).
//
// The tier says whether the holder is told with a push: `main` (主题相关) when a keyword is the demand's main topic by
// the engine's rule AND the two texts agree beyond MAIN_MIN_SCORE, which keeps a 成果 whose keyword the demand is about
// but whose summary is about something else (a 光伏 cell line and a 光伏 bracket) in the inbox; `mentioned` (提及)
// otherwise.
import {
  conditionsOf,
  normalizeText,
  type Demand,
  type MatchExplanation,
  type MatchTier,
  type MatchedKeyword,
} from '@cic/shared';
import type { Achievement } from '@cic/shared';
import { canonicalOf, conceptExpansionOf, conceptGroups, expansionOf } from '../alerts/matching/concepts';
import { explainMatch, keywordsInText } from '../alerts/matching/matcher';
import { evidenceOf } from '../alerts/matching/occurrences';

/** What matching needs of a demand: its public text (withPublicText for an anonymous one). */
export type MatchableDemand = Pick<Demand, 'title' | 'description'> & Partial<Pick<Demand, 'field' | 'region' | 'budgetWan'>>;
/** What matching needs of a 成果. */
export type MatchableAchievement = Pick<Achievement, 'title' | 'keywords' | 'summary'>;

export interface AchievementMatchResult {
  /** 0–1, rounded to two decimals. */
  score: number;
  tier: MatchTier;
  /** The matching keywords of the 成果 (word found, relation, where), the tier and the score. */
  explanation: MatchExplanation;
}

export type Ranked<T> = AchievementMatchResult & { item: T };

/** The weights of the score (they add up to 1). */
export const KEYWORD_WEIGHT = 0.5;
export const CONCEPT_WEIGHT = 0.3;
export const TEXT_WEIGHT = 0.2;
/** Each matching keyword after the first adds this to the keyword strength (up to 1). */
export const EXTRA_KEYWORD_BONUS = 0.1;
/** A match is pushed (`main`) only when a keyword is the demand's main topic and the score reaches this. */
export const MAIN_MIN_SCORE = 0.55;
/** …and the 成果 names at least this share of the concepts of the demand's title (titleCoverage). */
export const TITLE_COVERAGE_MIN = 0.6;

/**
 * Character bigrams that say nothing about the subject of a technical text: the words every demand and every 成果
 * uses (技术, 研发, 提高 …). Left out of the text overlap.
 */
export const GENERIC_BIGRAMS: ReadonlySet<string> = new Set([
  ...['技术', '研发', '开发', '研究', '提高', '提升', '实现', '产品', '问题', '需要', '进行', '要求', '公司', '企业'],
  ...['目前', '以及', '可以', '承接', '合作', '项目', '应用', '解决', '相关', '方面', '通过', '具有', '能够', '主要'],
  ...['工艺', '设计', '生产', '材料', '系统', '方法', '性能', '效率', '成本', '质量', '行业', '领域', '服务', '制备'],
  ...['我们', '本公', '希望', '寻求', '现有', '国内', '国外', '先进', '关键', '核心', '一种', '基于', '用于', '及其'],
]);

const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------------------------
// Concepts

/** Every concept of the thesaurus, by its canonical form: built once, the same set object each time (the scan caches on it). */
let allConcepts: ReadonlySet<string> | undefined;
function everyConcept(): ReadonlySet<string> {
  allConcepts ??= new Set(
    conceptGroups()
      .map((group) => canonicalOf(group[0] ?? ''))
      .filter((c) => c !== ''),
  );
  return allConcepts;
}

/**
 * The thesaurus concepts a text names (itself, a synonym, a narrower term or a word of its trade), by canonical form,
 * never by a word inside one of the concept's trap words (谐波 of 电能质量 inside 谐波减速器).
 */
export function conceptsIn(text: string): Set<string> {
  const t = { title: normalizeText(text), description: '' };
  const found = new Set<string>();
  for (const concept of keywordsInText(text, everyConcept())) {
    if (evidenceOf(concept, expansionOf(concept), t).title.length > 0) found.add(concept);
  }
  return found;
}

/** A concept as the thesaurus spells it, for people. */
export const conceptLabel = (canonical: string): string => conceptExpansionOf(canonical).concept;

// ---------------------------------------------------------------------------------------------------------------
// Text overlap

const HAN_RUN = /\p{Script=Han}+|[a-z0-9]+/gu;

/** The text's character bigrams (and Latin words), each with how often it occurs, generic ones left out. */
export function bigramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (t: string) => {
    if (!GENERIC_BIGRAMS.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  };
  for (const [run] of normalizeText(text).matchAll(HAN_RUN)) {
    if (!/\p{Script=Han}/u.test(run)) {
      if (run.length >= 2) add(run);
      continue;
    }
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i += 1) add(`${chars[i]}${chars[i + 1]}`);
  }
  return counts;
}

/** The cosine of two bigram profiles, each count damped by a logarithm (a long text does not win by repeating itself). */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const w = (n: number) => 1 + Math.log(n);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, n] of a) {
    na += w(n) ** 2;
    const m = b.get(t);
    if (m !== undefined) dot += w(n) * w(m);
  }
  for (const n of b.values()) nb += w(n) ** 2;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

// ---------------------------------------------------------------------------------------------------------------
// Prepared sides (memoised per object: a ranking compares one side with many)

interface PreparedDemand {
  key: string;
  concepts: Set<string>;
  /** The concepts its title names: what the demand is about. */
  titleConcepts: Set<string>;
  bigrams: Map<string, number>;
}
interface PreparedAchievement {
  key: string;
  concepts: Set<string>;
  bigrams: Map<string, number>;
}

const demandCache = new WeakMap<object, PreparedDemand>();
const achievementCache = new WeakMap<object, PreparedAchievement>();

function prepareDemand(d: MatchableDemand): PreparedDemand {
  const key = `${d.title ?? ''}\u0000${d.description ?? ''}`;
  const cached = demandCache.get(d);
  if (cached?.key === key) return cached;
  const text = `${d.title ?? ''}\n${d.description ?? ''}`;
  // The title counts twice in the text profile: it says what the demand is about.
  const p = {
    key,
    concepts: conceptsIn(text),
    titleConcepts: conceptsIn(d.title ?? ''),
    bigrams: bigramCounts(`${d.title ?? ''}\n${text}`),
  };
  demandCache.set(d, p);
  return p;
}

function prepareAchievement(a: MatchableAchievement): PreparedAchievement {
  const keywords = a.keywords ?? [];
  const key = `${a.title ?? ''}\u0000${keywords.join('\u0001')}\u0000${a.summary ?? ''}`;
  const cached = achievementCache.get(a);
  if (cached?.key === key) return cached;
  const text = `${a.title ?? ''}\n${keywords.join('，')}\n${a.summary ?? ''}`;
  const concepts = conceptsIn(text);
  for (const k of keywords) concepts.add(canonicalOf(k));
  const p = { key, concepts, bigrams: bigramCounts(`${a.title ?? ''}\n${text}`) };
  achievementCache.set(a, p);
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// The match

/** Whether the 成果's title names the keyword (itself, a synonym or a kind of it; not a mere word of its trade). */
function namesInTitle(achievement: MatchableAchievement, keyword: string): boolean {
  const e = explainMatch(conditionsOf({ keywords: [keyword] }), { title: achievement.title ?? '', description: '' });
  const relation = e?.keywords[0]?.relation;
  return relation === 'exact' || relation === 'synonym';
}

/** Whether concept `narrow` is a kind of concept `broad` (the thesaurus lists it among its narrower terms). */
function isKindOf(narrow: string, broad: string): boolean {
  return narrow !== broad && expansionOf(broad).terms.some((t) => t.relation === 'narrower' && canonicalOf(t.term) === narrow);
}

/**
 * The share of the demand title's concepts that the 成果 names: a concept counts when the 成果 names it, or names a
 * broader concept the title names too (谐波减速器 in the title, 减速器 in the 成果). 1 when the title names none.
 */
export function titleCoverage(titleConcepts: ReadonlySet<string>, achievementConcepts: ReadonlySet<string>): number {
  if (titleConcepts.size === 0) return 1;
  let covered = 0;
  for (const c of titleConcepts) {
    if (achievementConcepts.has(c) || [...titleConcepts].some((b) => achievementConcepts.has(b) && isKindOf(c, b))) covered += 1;
  }
  return covered / titleConcepts.size;
}

/** The concepts both the demand and the 成果 name, by canonical form. */
export function sharedConcepts(demand: MatchableDemand, achievement: MatchableAchievement): string[] {
  const a = prepareAchievement(achievement).concepts;
  return [...prepareDemand(demand).concepts].filter((c) => a.has(c));
}

/**
 * Whether the 成果 fits the demand: undefined when none of its keywords matches the demand's text; otherwise the
 * score (0–1), the tier and the explanation (the matching keywords, best first).
 */
export function matchAchievement(demand: MatchableDemand, achievement: MatchableAchievement): AchievementMatchResult | undefined {
  const found: { matched: MatchedKeyword; tier: MatchTier; centrality: number }[] = [];
  const seen = new Set<string>();
  for (const [i, keyword] of (achievement.keywords ?? []).entries()) {
    const concept = canonicalOf(keyword);
    if (concept === '' || seen.has(concept)) continue;
    seen.add(concept);
    const e = explainMatch(conditionsOf({ keywords: [keyword] }), demand);
    const matched = e?.keywords[0];
    if (!e || !matched) continue;
    // Only the 成果's own subject can make a push: its first keyword, or one its title names.
    const subject = i === 0 || namesInTitle(achievement, keyword);
    found.push({ matched, tier: subject ? (e.tier ?? 'mentioned') : 'mentioned', centrality: e.score ?? 0 });
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => (a.tier === b.tier ? 0 : a.tier === 'main' ? -1 : 1) || b.centrality - a.centrality);
  const best = found[0] as (typeof found)[number];

  const d = prepareDemand(demand);
  const a = prepareAchievement(achievement);
  const keywordStrength = Math.min(1, best.centrality + EXTRA_KEYWORD_BONUS * (found.length - 1));
  const shared = [...d.concepts].filter((c) => a.concepts.has(c)).length;
  const conceptOverlap = d.concepts.size === 0 ? 0 : shared / d.concepts.size;
  const textOverlap = cosine(d.bigrams, a.bigrams);
  const score = round2(KEYWORD_WEIGHT * keywordStrength + CONCEPT_WEIGHT * conceptOverlap + TEXT_WEIGHT * textOverlap);
  const coverage = titleCoverage(d.titleConcepts, a.concepts);
  const tier: MatchTier =
    best.tier === 'main' && score >= MAIN_MIN_SCORE && coverage >= TITLE_COVERAGE_MIN ? 'main' : 'mentioned';
  return { score, tier, explanation: { keywords: found.map((f) => f.matched), tier, score } };
}

const byScore = <T extends { id?: string }>(a: Ranked<T>, b: Ranked<T>) =>
  b.score - a.score ||
  (a.tier === b.tier ? 0 : a.tier === 'main' ? -1 : 1) ||
  ((a.item.id ?? '') < (b.item.id ?? '') ? -1 : (a.item.id ?? '') > (b.item.id ?? '') ? 1 : 0);

/** Each item with its match, when it has one, best first (score, then the main tier, then id). */
function ranked<T extends { id?: string }>(items: readonly T[], matchOf: (item: T) => AchievementMatchResult | undefined) {
  const out: Ranked<T>[] = [];
  for (const item of items) {
    const m = matchOf(item);
    if (m) out.push({ ...m, item });
  }
  return out.sort(byScore);
}

/** The 成果 that fit the demand, best first (score, then the main tier, then id). */
export function rankAchievements<A extends MatchableAchievement & { id?: string }>(
  demand: MatchableDemand,
  achievements: readonly A[],
): Ranked<A>[] {
  return ranked(achievements, (a) => matchAchievement(demand, a));
}

/** The demands the 成果 fits, best first (score, then the main tier, then id). */
export function rankDemands<D extends MatchableDemand & { id?: string }>(
  achievement: MatchableAchievement,
  demands: readonly D[],
): Ranked<D>[] {
  return ranked(demands, (d) => matchAchievement(d, achievement));
}
