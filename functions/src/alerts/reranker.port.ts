// Where a semantic re-ranker plugs in. Matching stays lexical (the thesaurus, docs/decisions/0013-relevance-tiers.md);
// a re-ranker backed by a hosted model may look at each confirmed match and move it between the tiers, e.g. demote a
// title match whose demand needs something else. It cannot add or drop matches: the percolator's cost and the inbox
// stay what the lexical matcher decided. No hosted model is reachable from here, so the app runs `lexicalOnly`.
import type { MatchTier } from '@cic/shared';
import type { DemandMatch, MatchableDemand } from './matching/matcher';

export interface RerankerPort {
  /** For each match (same order), the tier it should have and a score 0–1; undefined keeps the lexical verdict. */
  rerank(
    demand: MatchableDemand,
    matches: readonly DemandMatch[],
  ): Promise<readonly ({ tier: MatchTier; score: number } | undefined)[]>;
}

/** The tiers as the lexical matcher gave them. */
export const lexicalOnly: RerankerPort = {
  rerank: (_demand, matches) => Promise.resolve(matches.map(() => undefined)),
};

/** The matches with the re-ranker's verdicts applied: tiers and scores only, one verdict per match or none. */
export async function reranked(
  reranker: RerankerPort,
  demand: MatchableDemand,
  matches: readonly DemandMatch[],
): Promise<DemandMatch[]> {
  if (matches.length === 0) return [];
  const verdicts = await reranker.rerank(demand, matches);
  return matches.map((m, i) => {
    const v = verdicts[i];
    if (!v) return m;
    const score = Math.min(1, Math.max(0, v.score));
    return { subscription: m.subscription, explanation: { ...m.explanation, tier: v.tier, score } };
  });
}
