// Candidates for matching (成果粗匹配): the published listings of the other kind that share words with a text, read
// from the in-memory search indexes (no scan), for the matcher to score. The indexes hold public text only.
import type { TopHits } from './bm25-index';
import type { AchievementSearch } from './achievement-search';
import type { DemandSearch } from './demand-search';

/** At most this many phrases of a list are looked up. */
const MAX_PHRASES = 40;
export const CANDIDATES_DEFAULT = 100;
/** A listing related to a whole text holds at least this share of the text's terms (bigrams and words). */
export const RELATED_SHARE = 0.08;

interface Searchable {
  search(query: string, filter: Record<string, never>, limit: number): Promise<TopHits<unknown>>;
  related(text: string, limit: number, share: number): Promise<TopHits<unknown>>;
}

/**
 * A list of phrases (keywords, concept labels, a title): each phrase a search of its own, a listing's score the sum
 * of its scores, so one sharing more phrases ranks higher. A single text (a whole 成果简介 or description): one loose
 * search for the listings holding a share of its terms.
 */
async function candidateIds(search: Searchable, text: string | readonly string[], limit = CANDIDATES_DEFAULT): Promise<string[]> {
  const scores = new Map<string, number>();
  const add = (hits: TopHits<unknown>) => {
    for (const hit of hits.hits) scores.set(hit.id, (scores.get(hit.id) ?? 0) + hit.score);
  };
  if (typeof text === 'string') add(await search.related(text, limit, RELATED_SHARE));
  else {
    const phrases = [...new Set(text.map((p) => p.trim()).filter((p) => [...p].length >= 2))].slice(0, MAX_PHRASES);
    for (const phrase of phrases) add(await search.search(phrase, {}, limit));
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))
    .slice(0, limit)
    .map(([id]) => id);
}

/** The candidates of one kind, from that kind's search index: ids, best first. */
type Candidates<S extends Record<'search' | 'related', unknown>> = (
  search: Pick<S, 'search' | 'related'>,
  text: string | readonly string[],
  limit?: number,
) => Promise<string[]>;

/** Published 成果 whose public text shares phrases with the text (a demand's title, keywords, concepts), best first. */
export const achievementCandidates: Candidates<AchievementSearch> = candidateIds;

/** Published demands whose public text shares phrases with the text (a 成果's title, keywords, concepts), best first. */
export const demandCandidates: Candidates<DemandSearch> = candidateIds;
