// Is the subscribed concept the demand's main topic, or only mentioned? A WeChat push spends the subscriber's one-time
// quota, so only `main` is pushed by default; `mentioned` stays in the inbox, labelled 提及. The rule is lexical and
// documented (docs/decisions/0013-relevance-tiers.md): a keyword is central to a demand when its title names the
// concept (or a word of its trade) and its description names the concept itself again, more than once. The rule and
// its threshold were chosen on the `tune` half of the labelled set (data/eval) only; `npm run eval:match` reports both.
import type { KeywordEvidence, Occurrence } from './occurrences';

export type Tier = 'main' | 'mentioned';

export interface Relevance {
  tier: Tier;
  /** 0–1: how central the weakest keyword is. Orders the inbox and the preview. */
  score: number;
}

export const TIER_RULE = {
  /** How many times the description must name the concept (itself, a synonym or a kind: not a related word). */
  descriptionMentions: 2,
} as const;

/** Occurrences of the keyword, its synonyms and narrower terms: a related word is not the concept itself. */
const direct = (os: readonly Occurrence[]) => os.filter((o) => o.relation !== 'related');

/** How central one keyword is, 0–1, and whether it is central at all. */
function centrality(e: KeywordEvidence): { central: boolean; score: number } {
  const titled = direct(e.title).length > 0 ? 1 : e.title.length > 0 ? 0.5 : 0;
  const mentions = direct(e.description).length;
  const central = titled > 0 && mentions >= TIER_RULE.descriptionMentions;
  const score = Math.min(1, 0.5 * titled + 0.1 * Math.min(mentions, 5));
  return { central, score };
}

/** The tier of a match: `main` when every keyword is central to the demand. */
export function relevanceOf(evidence: readonly KeywordEvidence[]): Relevance {
  if (evidence.length === 0) return { tier: 'mentioned', score: 0 };
  const each = evidence.map(centrality);
  return {
    tier: each.every((c) => c.central) ? 'main' : 'mentioned',
    score: Math.round(Math.min(...each.map((c) => c.score)) * 100) / 100,
  };
}
