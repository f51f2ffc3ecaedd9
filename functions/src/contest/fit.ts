// How well a solution answers its demand, for the owner's triage: the share of the demand's informative words that
// the solution's text uses, each word weighted by how rare it is among all published demands (so 钛合金 counts and
// 技术 barely does), and the shared words themselves, merged into the longest runs both texts contain.
import type { SolutionFit } from '@cic/shared';
import { normalizeText } from '@cic/shared';
import { queryTerms } from '../search/bigram-tokenizer';

/** How many published demands use a term, and how many demands there are. */
export interface TermStats {
  documentFrequency(term: string): Promise<number>;
  documents(): Promise<number>;
}

const MAX_TERMS = 8;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Rarer terms weigh more: a smoothed inverse document frequency, never below a small floor. */
export function termWeight(df: number, documents: number): number {
  return Math.max(0.05, Math.log((documents + 1) / (df + 0.5)));
}

/**
 * The demand's words that the solution also contains, as whole runs: consecutive shared bigrams are merged, so
 * "钛合金" is shown rather than "钛合" and "合金". Longer, heavier runs first.
 */
export function sharedRuns(demandText: string, solutionTerms: ReadonlySet<string>, weight: (t: string) => number): string[] {
  const runs = new Map<string, number>();
  for (const [run] of normalizeText(demandText).matchAll(HAN_RUN)) {
    const chars = Array.from(run);
    let start = -1;
    const flush = (end: number) => {
      if (start < 0) return;
      const text = chars.slice(start, end + 1).join('');
      let w = 0;
      for (let i = start; i < end; i += 1) w += weight(`${chars[i]}${chars[i + 1]}`);
      runs.set(text, Math.max(runs.get(text) ?? 0, w));
      start = -1;
    };
    for (let i = 0; i + 1 < chars.length; i += 1) {
      if (solutionTerms.has(`${chars[i]}${chars[i + 1]}`)) {
        if (start < 0) start = i;
      } else flush(i);
    }
    flush(chars.length - 1);
  }
  for (const term of solutionTerms) {
    if (!/\p{Script=Han}/u.test(term) && queryTerms(demandText).includes(term)) runs.set(term, weight(term) * 2);
  }
  const sorted = [...runs.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  // A run inside a longer one adds nothing.
  return sorted.filter((t, i) => !sorted.slice(0, i).some((longer) => longer.includes(t))).slice(0, MAX_TERMS);
}

/** Scores solutions against one demand. The demand's term weights are looked up once for all of them. */
export async function fitScorer(
  demand: { title?: string | undefined; description?: string | undefined },
  stats: TermStats,
): Promise<(solution: { title: string; summary: string }) => SolutionFit> {
  const demandText = `${demand.title ?? ''} ${demand.description ?? ''}`;
  const demandTerms = queryTerms(demandText);
  const documents = await stats.documents();
  const weights = new Map<string, number>();
  await Promise.all(demandTerms.map(async (t) => weights.set(t, termWeight(await stats.documentFrequency(t), documents))));
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const weight = (t: string) => weights.get(t) ?? 0;

  return (solution) => {
    const solutionTerms = new Set(queryTerms(`${solution.title} ${solution.summary}`));
    let covered = 0;
    for (const [term, w] of weights) if (solutionTerms.has(term)) covered += w;
    const score = total > 0 ? Math.round((100 * covered) / total) : 0;
    return { score, terms: sharedRuns(demandText, solutionTerms, weight) };
  };
}
