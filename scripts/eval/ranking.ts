// Recall@k and MRR of the relevant 成果 on a demand's ranked match list, on the labelled set.
//
// For each demand with at least one relevant provider in the half (its judgment says relevant), every 成果 of the set
// (both halves) is ranked for the demand; then:
// - recall@k: the share of the half's relevant 成果 that are among the first k of the list;
// - reciprocal rank: 1 / the position of the first relevant one (0 when none is on the list at all);
// averaged over the half's demands (each demand weighs the same). A 成果 of the OTHER half that is judged relevant to
// the demand is a right answer that this half does not measure: it is taken off the list before counting, so it
// neither helps nor pushes the half's 成果 down. A 成果 not judged for a demand counts as not relevant (as for alerts).
import type { EvalDemand, LabelledSet, Split } from './labelled-set';

export const RANK_K = 5;

/** Where the relevant 成果 landed on one demand's list. */
export interface RankOutcome {
  /** How many relevant 成果 there are. */
  relevant: number;
  /** 1-based position of the first relevant one, or undefined when none is on the list. */
  firstRank: number | undefined;
  /** How many relevant ones are in the first k. */
  inTopK: number;
}

/**
 * Scores one ranked list (ids, best first) against the relevant ids; ids in `ignore` are taken off the list first.
 * `relevant` must not be empty (recall is not defined otherwise).
 */
export function rankOutcome(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  ignore: ReadonlySet<string> = new Set(),
  k = RANK_K,
): RankOutcome {
  if (relevant.size === 0) throw new Error('rankOutcome: no relevant item, recall is not defined');
  const list = ranked.filter((id) => !ignore.has(id));
  const first = list.findIndex((id) => relevant.has(id));
  return {
    relevant: relevant.size,
    firstRank: first < 0 ? undefined : first + 1,
    inTopK: list.slice(0, k).filter((id) => relevant.has(id)).length,
  };
}

export const recallAtK = (o: RankOutcome): number => o.inTopK / o.relevant;
export const reciprocalRank = (o: RankOutcome): number => (o.firstRank === undefined ? 0 : 1 / o.firstRank);

export interface RankingFigures {
  demands: number;
  /** Mean recall@k over the demands; undefined when there is none. */
  recallAtK: number | undefined;
  /** Mean reciprocal rank over the demands; undefined when there is none. */
  mrr: number | undefined;
}

export function meanRanking(outcomes: readonly RankOutcome[]): RankingFigures {
  const n = outcomes.length;
  const mean = (f: (o: RankOutcome) => number) => (n === 0 ? undefined : outcomes.reduce((s, o) => s + f(o), 0) / n);
  return { demands: n, recallAtK: mean(recallAtK), mrr: mean(reciprocalRank) };
}

/** One demand of the half: its ranked list (subscription ids of the 成果, best first) and where the relevant ones are. */
export interface DemandRanking extends RankOutcome {
  demand: EvalDemand;
  ranked: readonly string[];
  /** The half's relevant subscriptions. */
  relevantIds: ReadonlySet<string>;
  /** The other half's relevant subscriptions (taken off the list). */
  ignored: ReadonlySet<string>;
}

export interface SplitRanking extends RankingFigures {
  split: Split;
  perDemand: DemandRanking[];
}

/**
 * Ranks every 成果 for each demand with a relevant provider in the half. `rank` answers, for a demand, the
 * subscription ids of the 成果 that match it, best first (a 成果 that does not match is not on the list).
 */
export function scoreRanking(
  set: LabelledSet,
  split: Split,
  rank: (demand: EvalDemand) => readonly string[],
  k = RANK_K,
): SplitRanking {
  const perDemand: DemandRanking[] = [];
  for (const demand of set.demands) {
    const relevantIds = new Set<string>();
    const ignored = new Set<string>();
    for (const sub of set.subscriptions) {
      if (sub.judged.get(demand.id)?.relevant !== true) continue;
      (sub.split === split ? relevantIds : ignored).add(sub.id);
    }
    if (relevantIds.size === 0) continue;
    const ranked = rank(demand);
    perDemand.push({ demand, ranked, relevantIds, ignored, ...rankOutcome(ranked, relevantIds, ignored, k) });
  }
  return { split, perDemand, ...meanRanking(perDemand) };
}
