// The alert matcher: which subscriptions fire on a new demand. Pure: the subscriptions come through a PercolatorPort.
//
// A subscription is indexed under one key a demand can find it by (its rarest keyword, else its fields or regions, else
// `budget`). For a new demand we scan its text for indexed keywords, read only the partitions it hits plus its field,
// region and budget partitions, and confirm every condition in memory with explainMatch — the same function a full
// scan would call, so the percolator can only be cheaper, never different.
//
// Matching is substring matching on normalised text (full-width → half-width, lower case), every keyword required
// (docs/decisions/0001-substring-matching-for-alerts.md). A keyword is satisfied by itself, a synonym or a narrower
// term of its concept (data/thesaurus.json), never by an occurrence inside one of its concept's trap words
// (光刻 in 光刻胶), never when an exclusion word occurs. Each match has a tier (relevance.ts): `main` when the concepts
// are the demand's main topic, `mentioned` otherwise. Terms that begin or end with a Latin letter or digit match only as
// whole words there: `ai` is found in "ai视觉" and "AI 算法" but not in "email" or "detail"; `5g` not in "15g".
import {
  conditionsOf,
  normalizeText,
  type Demand,
  type MatchExplanation,
  type MatchedKeyword,
  type Subscription,
  type SubscriptionConditions,
} from '@cic/shared';
import type { IndexKey, PercolatorPort } from '../percolator.port';
import { canonicalOf, droppedFrom, expansionOf, variantsOf } from './concepts';
import { bestOccurrence, evidenceOf, hasWordEdges, type KeywordEvidence } from './occurrences';
import { relevanceOf } from './relevance';

/** What matching needs of a demand (a stored Demand has all of it). */
export type MatchableDemand = Pick<Demand, 'ownerId' | 'title' | 'description' | 'field' | 'region' | 'budgetWan'>;

export interface DemandMatch {
  subscription: Subscription;
  explanation: MatchExplanation;
}

export interface MatchResult {
  matches: DemandMatch[];
  /** Subscriptions read from the percolator, duplicates included: the cost of matching this demand. */
  itemsRead: number;
  partitionsRead: number;
}

export interface MatchOptions {
  /** The percolator's indexed keywords, when the caller already holds them (e.g. once for a batch of demands). */
  indexedKeywords?: ReadonlySet<string>;
}

export const BUDGET_KEY: IndexKey = 'budget';
export const keywordKey = (canonical: string): IndexKey => `kw#${canonical}`;
export const fieldKey = (field: string): IndexKey => `field#${field}`;
export const regionKey = (name: string): IndexKey => `region#${name}`;

// ---------------------------------------------------------------------------------------------------------------
// Scanning a text for indexed keywords

interface VariantIndex {
  size: number;
  /** Every variant (synonym group member) of an indexed keyword → the indexed keywords it stands for. */
  byVariant: Map<string, string[]>;
  /** Every proper prefix of a variant, so the scan at a position stops as soon as no variant can start there. */
  prefixes: Set<string>;
  maxLength: number;
}

const variantIndexes = new WeakMap<ReadonlySet<string>, VariantIndex>();

/** The lookup tables for one set of indexed keywords, built once per set (a set must not change once passed in). */
function variantIndexOf(indexed: ReadonlySet<string>): VariantIndex {
  const cached = variantIndexes.get(indexed);
  if (cached && cached.size === indexed.size) return cached;
  const byVariant = new Map<string, string[]>();
  const prefixes = new Set<string>();
  let maxLength = 0;
  for (const key of indexed) {
    for (const variant of variantsOf(key)) {
      if (variant === '') continue;
      const keys = byVariant.get(variant);
      if (!keys) byVariant.set(variant, [key]);
      else if (!keys.includes(key)) keys.push(key);
      for (let n = 1; n < variant.length; n += 1) prefixes.add(variant.slice(0, n));
      maxLength = Math.max(maxLength, variant.length);
    }
  }
  const built = { size: indexed.size, byVariant, prefixes, maxLength };
  variantIndexes.set(indexed, built);
  return built;
}

/**
 * The indexed keywords (canonical forms) that occur in the text, as written or as a synonym, in order of first
 * occurrence. Walks the text once: from each position it extends the substring while it is a prefix of some variant
 * and looks each one up, so the cost depends on the text, not on how many keywords are indexed.
 */
export function keywordsInText(text: string, indexedKeywords: ReadonlySet<string>): string[] {
  const t = normalizeText(text);
  const { byVariant, prefixes, maxLength } = variantIndexOf(indexedKeywords);
  const found = new Set<string>();
  for (let i = 0; i < t.length; i += 1) {
    const limit = Math.min(maxLength, t.length - i);
    for (let len = 1; len <= limit; len += 1) {
      const s = t.slice(i, i + len);
      const keys = byVariant.get(s);
      if (keys && hasWordEdges(t, i, s)) for (const k of keys) found.add(k);
      if (!prefixes.has(s)) break;
    }
  }
  return [...found];
}

/** A demand's text for matching: title and description, normalised. */
export function demandText(demand: Pick<Demand, 'title' | 'description'>): string {
  return normalizeText(`${demand.title ?? ''}\n${demand.description ?? ''}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Regions

const ADMIN_UNIT = /.+?(?:特别行政区|自治区|自治州|自治县|省|市|区|县)/gu;
const ADMIN_SUFFIXES = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '新区',
  '省',
  '市',
  '区',
  '县',
];

/** The segments of a normalised region ("江苏省 / 苏州市 / 江宁区", also "江苏省苏州市"), each also without its 省/市/区. */
function regionNames(region: string): string[] {
  const names = new Set<string>();
  const add = (name: string) => {
    if ([...name].length < 2) return;
    names.add(name);
    for (const suffix of ADMIN_SUFFIXES) {
      if (name.endsWith(suffix) && [...name].length - [...suffix].length >= 2) names.add(name.slice(0, -suffix.length));
    }
  };
  for (const part of region.split('/')) {
    const segment = part.trim();
    add(segment);
    for (const [unit] of segment.matchAll(ADMIN_UNIT)) add(unit);
  }
  return [...names];
}

/**
 * The name a subscription's region is indexed under: the normalised region, or for "江苏省 / 苏州市" (or "江苏省苏州市")
 * its most specific unit, 苏州市, which a demand in that city lists among its partitions.
 */
function subscriptionRegionName(region: string): string {
  const segments = normalizeText(region)
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const last = segments.at(-1) ?? '';
  const units = [...last.matchAll(ADMIN_UNIT)].map(([u]) => u);
  return segments.length > 1 || units.length > 1 ? (units.at(-1) ?? last) : last;
}

// ---------------------------------------------------------------------------------------------------------------
// Index keys

const codePoints = (s: string) => [...s].length;

/**
 * The keys a subscription is stored under. With keywords: only its rarest keyword (lowest documentFrequency; ties go to
 * the longer, then the lexicographically first canonical form) — the demand must contain every keyword anyway.
 * Without: each of its fields when it has no more fields than regions, else each of its regions; a budget-only
 * subscription under `budget`. A subscription without conditions is not indexed (the schema refuses it).
 */
export function indexKeysOf(conditions: SubscriptionConditions, documentFrequency: (canonical: string) => number): IndexKey[] {
  const keywords = [...new Set(conditions.keywords.map(canonicalOf))].filter((k) => k !== '');
  if (keywords.length > 0) {
    const ranked = keywords
      .map((k) => ({ k, df: documentFrequency(k), len: codePoints(k) }))
      .sort((a, b) => a.df - b.df || b.len - a.len || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    return [keywordKey((ranked[0] as { k: string }).k)];
  }
  const { fields, regions } = conditions;
  if (fields.length > 0 && (regions.length === 0 || fields.length <= regions.length)) {
    return [...new Set(fields.map(fieldKey))];
  }
  if (regions.length > 0) return [...new Set(regions.map((r) => regionKey(subscriptionRegionName(r))))];
  if (conditions.minBudgetWan !== undefined) return [BUDGET_KEY];
  return [];
}

/**
 * The partitions a demand must read: one per indexed keyword its text hits, its field, each unit of its region (with
 * and without 省/市/区), and `budget` when it states a budget.
 */
export function partitionsFor(demand: Pick<Demand, 'field' | 'region' | 'budgetWan'>, hitKeywords: Iterable<string>): IndexKey[] {
  const keys = new Set<IndexKey>();
  for (const k of hitKeywords) keys.add(keywordKey(k));
  if (demand.field !== undefined) keys.add(fieldKey(demand.field));
  if (demand.region !== undefined) for (const name of regionNames(normalizeText(demand.region))) keys.add(regionKey(name));
  if (demand.budgetWan !== undefined) keys.add(BUDGET_KEY);
  return [...keys];
}

// ---------------------------------------------------------------------------------------------------------------
// Confirmation in memory

interface PreparedDemand {
  title: string | undefined;
  description: string | undefined;
  region: string | undefined;
  text: { title: string; description: string };
  normalisedRegion: string;
  /** keyword (and the terms it may not use) → its evidence; a full scan asks the same keywords many times over. */
  evidence: Map<string, KeywordEvidence>;
  regionHits: Map<string, boolean>;
}

const prepared = new WeakMap<object, PreparedDemand>();

function prepare(demand: Omit<MatchableDemand, 'ownerId'>): PreparedDemand {
  const cached = prepared.get(demand);
  if (cached && cached.title === demand.title && cached.description === demand.description && cached.region === demand.region) {
    return cached;
  }
  const p: PreparedDemand = {
    title: demand.title,
    description: demand.description,
    region: demand.region,
    text: { title: normalizeText(demand.title ?? ''), description: normalizeText(demand.description ?? '') },
    normalisedRegion: normalizeText(demand.region ?? ''),
    evidence: new Map(),
    regionHits: new Map(),
  };
  prepared.set(demand, p);
  return p;
}

/** Where the keyword's terms (less the dropped ones and what they take with them) occur in the demand, traps taken out (remembered per demand). */
function evidenceFor(p: PreparedDemand, keyword: string, dropped: ReadonlySet<string>): KeywordEvidence {
  const key = dropped.size === 0 ? keyword : `${keyword}\u0000${[...dropped].sort().join('\u0000')}`;
  let e = p.evidence.get(key);
  if (!e) {
    const expansion = expansionOf(keyword);
    e = evidenceOf(keyword, expansion, p.text, droppedFrom(expansion, dropped));
    p.evidence.set(key, e);
  }
  return e;
}

/** Whether an exclusion word (itself or a synonym: its narrower terms are not implied) occurs in the demand. */
function excluded(p: PreparedDemand, word: string): boolean {
  const expansion = expansionOf(word);
  const own = { ...expansion, terms: expansion.terms.filter((t) => t.relation !== 'narrower') };
  const e = evidenceOf(word, own, p.text);
  return e.title.length > 0 || e.description.length > 0;
}

/** Whether the demand's region contains the subscription's region, after normalisation (remembered per demand). */
function inRegion(p: PreparedDemand, region: string): boolean {
  let hit = p.regionHits.get(region);
  if (hit === undefined) {
    const n = normalizeText(region);
    hit = n !== '' && p.normalisedRegion.includes(n);
    p.regionHits.set(region, hit);
  }
  return hit;
}

/**
 * Whether the subscription fires on the demand, and why. Every keyword must occur in the title or description (itself,
 * a synonym or a narrower term, less the terms the subscriber dropped, never inside a trap word); no exclusion word may
 * occur; the demand's field must be one of the fields; its region must contain one of the regions; its budget must
 * reach minBudgetWan. undefined when any condition fails, or when the subscription has no condition at all. A match
 * with keywords has a tier: `main` when every keyword is central to the demand (relevance.ts); without keywords (a
 * field, region or budget alone) it is `main` by definition, as such subscriptions ask for everything in their scope.
 */
export function explainMatch(
  subscription: SubscriptionConditions,
  demand: Omit<MatchableDemand, 'ownerId'>,
): MatchExplanation | undefined {
  const { keywords, excludeKeywords, dropTerms, fields, regions, minBudgetWan } = conditionsOf(subscription);
  if (keywords.length === 0 && fields.length === 0 && regions.length === 0 && minBudgetWan === undefined) return undefined;
  if (minBudgetWan !== undefined && (demand.budgetWan === undefined || demand.budgetWan < minBudgetWan)) return undefined;
  if (fields.length > 0 && (demand.field === undefined || !fields.includes(demand.field))) return undefined;
  const p = prepare(demand);
  let region: string | undefined;
  if (regions.length > 0) {
    region = regions.find((r) => inRegion(p, r));
    if (region === undefined) return undefined;
  }
  if (excludeKeywords.some((w) => excluded(p, w))) return undefined;
  const dropped = new Set(dropTerms.map(normalizeText));
  const evidence: KeywordEvidence[] = [];
  const matched: MatchedKeyword[] = [];
  for (const keyword of keywords) {
    const e = evidenceFor(p, keyword, dropped);
    const best = bestOccurrence(e);
    if (!best) return undefined;
    evidence.push(e);
    matched.push({
      keyword,
      matchedAs: best.term,
      relation: best.relation,
      ...(best.broader !== undefined ? { broader: best.broader } : {}),
      where: best.where,
    });
  }
  const relevance = keywords.length > 0 ? relevanceOf(evidence) : { tier: 'main' as const, score: 1 };
  const explanation: MatchExplanation = { keywords: matched, tier: relevance.tier, score: relevance.score };
  if (fields.length > 0) explanation.field = demand.field;
  if (region !== undefined) explanation.region = region;
  if (minBudgetWan !== undefined) explanation.minBudgetWan = minBudgetWan;
  return explanation;
}

// ---------------------------------------------------------------------------------------------------------------
// The percolator

async function drain(percolator: PercolatorPort, key: IndexKey): Promise<Subscription[]> {
  const out: Subscription[] = [];
  for await (const sub of percolator.readPartition(key)) out.push(sub);
  return out;
}

/**
 * Every subscription that fires on the demand, with its explanation. Reads the partitions the demand hits (all at
 * once), confirms each subscription in memory, drops subscriptions read twice and the demand owner's own ones.
 */
export async function matchDemand(
  demand: MatchableDemand,
  percolator: PercolatorPort,
  opts: MatchOptions = {},
): Promise<MatchResult> {
  const indexed = opts.indexedKeywords ?? (await percolator.indexedKeywords());
  const hits = keywordsInText(demandText(demand), indexed);
  const keys = partitionsFor(demand, hits);
  const partitions = await Promise.all(keys.map((key) => drain(percolator, key)));
  let itemsRead = 0;
  const seen = new Set<string>();
  const matches: DemandMatch[] = [];
  for (const partition of partitions) {
    itemsRead += partition.length;
    for (const subscription of partition) {
      if (seen.has(subscription.id)) continue;
      seen.add(subscription.id);
      if (subscription.userId === demand.ownerId) continue;
      const explanation = explainMatch(subscription, demand);
      if (explanation) matches.push({ subscription, explanation });
    }
  }
  return { matches, itemsRead, partitionsRead: keys.length };
}
