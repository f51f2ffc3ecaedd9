// The judged final's ranking: each judge's weighted total per solution, averaged over the judges who scored it.
// Only the scores of judges still assigned count. Equal totals share a rank (1, 1, 3).
import {
  SCORE_CRITERIA,
  type Final,
  type JudgeScoreSummary,
  type RankingEntry,
  type Score,
  type ScoreRequest,
  type ScoreWeights,
  type Solution,
} from '@cic/shared';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One judge's total out of 100 under the weights. */
export function weightedTotal(score: ScoreRequest, weights: ScoreWeights): number {
  const sum = SCORE_CRITERIA.reduce((s, c) => s + weights[c], 0);
  return SCORE_CRITERIA.reduce((s, c) => s + score[c] * weights[c], 0) / sum;
}

/** The scores that count: those of the judges assigned now, by solution. */
export function countedScores(final: Final | undefined, scores: readonly Score[]): Map<string, Score[]> {
  const judges = new Set(final?.judgeIds ?? []);
  const bySolution = new Map<string, Score[]>();
  for (const score of scores) {
    if (!judges.has(score.judgeId)) continue;
    bySolution.set(score.solutionId, [...(bySolution.get(score.solutionId) ?? []), score]);
  }
  return bySolution;
}

export function summarise(scores: readonly Score[] | undefined, weights: ScoreWeights): JudgeScoreSummary | undefined {
  if (!scores || scores.length === 0) return undefined;
  const total = scores.reduce((s, x) => s + weightedTotal(x, weights), 0) / scores.length;
  return { total: round2(total), judges: scores.length };
}

export function rank(final: Final, solutions: readonly Solution[], scores: readonly Score[]): RankingEntry[] {
  const counted = countedScores(final, scores);
  const entries: RankingEntry[] = solutions.map((s) => {
    const mine = counted.get(s.id) ?? [];
    const summary = summarise(mine, final.weights);
    const average =
      mine.length === 0
        ? null
        : (Object.fromEntries(
            SCORE_CRITERIA.map((c) => [c, round2(mine.reduce((sum, x) => sum + x[c], 0) / mine.length)]),
          ) as ScoreRequest);
    return {
      solutionId: s.id,
      title: s.title,
      organisation: s.organisation,
      status: s.status,
      judgesScored: mine.length,
      average,
      total: summary?.total ?? null,
      rank: null,
    };
  });
  entries.sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.title.localeCompare(b.title, 'zh'));
  let previous: number | null = null;
  let previousRank = 0;
  entries.forEach((e, i) => {
    if (e.total === null) return;
    e.rank = e.total === previous ? previousRank : i + 1;
    previous = e.total;
    previousRank = e.rank;
  });
  return entries;
}
