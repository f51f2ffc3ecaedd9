// What a keyword will match, as chips to untick: its synonyms, its narrower terms (kinds of it) and its related terms,
// from GET /concepts/expand. The unticked terms are one set for the whole form, kept when a keyword is removed, so
// adding it again brings its choices back; only the terms of the keywords still in the form are sent as dropTerms.
import type { ConceptExpansion } from '@cic/shared';

export type TermGroupKey = 'synonyms' | 'narrower' | 'related';

export const TERM_GROUP_TITLES: Record<TermGroupKey, string> = { synonyms: '同义词', narrower: '下位词', related: '相关词' };

/** What each group means, in one line under the chips. */
export const TERM_GROUP_HINTS: Record<TermGroupKey, string> = {
  synonyms: '说法不同、意思相同',
  narrower: '它的一种，去掉一个也去掉它下面的',
  related: '同一行当的词，单独出现时只算“提及”',
};

export interface TermChip {
  term: string;
  /** 谐波减速器 ⊂ 减速器 when the term is a kind of another narrower term, else the term alone. */
  label: string;
  ticked: boolean;
  /** An unticked broader term this one goes with (the server drops an unticked kind with its own kinds). */
  goesWith?: string;
}

export interface TermGroup {
  key: TermGroupKey;
  title: string;
  chips: TermChip[];
}

/** Every term of the expansion a person can untick, in the order they are shown. */
export function termsOf(e: ConceptExpansion): string[] {
  return [...e.synonyms, ...e.narrower.map((n) => n.term), ...e.related];
}

/** The unticked narrower term above this one, if any (its broader term, or the broader term's own broader, …). */
export function goesWith(e: ConceptExpansion, term: string, unticked: ReadonlySet<string>): string | undefined {
  const broaderOf = new Map(e.narrower.map((n) => [n.term, n.broader]));
  const seen = new Set<string>([term]);
  let broader = broaderOf.get(term);
  while (broader !== undefined && broaderOf.has(broader) && !seen.has(broader)) {
    if (unticked.has(broader)) return broader;
    seen.add(broader);
    broader = broaderOf.get(broader);
  }
  return undefined;
}

export function termGroups(e: ConceptExpansion, unticked: ReadonlySet<string>): TermGroup[] {
  const chip = (term: string, label = term): TermChip => {
    const above = goesWith(e, term, unticked);
    return { term, label, ticked: !unticked.has(term) && above === undefined, ...(above ? { goesWith: above } : {}) };
  };
  const groups: TermGroup[] = [
    { key: 'synonyms', title: TERM_GROUP_TITLES.synonyms, chips: e.synonyms.map((t) => chip(t)) },
    {
      key: 'narrower',
      title: TERM_GROUP_TITLES.narrower,
      chips: e.narrower.map((n) => chip(n.term, n.broader === e.concept ? n.term : `${n.term} ⊂ ${n.broader}`)),
    },
    { key: 'related', title: TERM_GROUP_TITLES.related, chips: e.related.map((t) => chip(t)) },
  ];
  return groups.filter((g) => g.chips.length > 0);
}

/** How many of the expansion's terms the person unticked. */
export function untickedCount(e: ConceptExpansion, unticked: ReadonlySet<string>): number {
  return termsOf(e).filter((t) => unticked.has(t)).length;
}

/** dropTerms for the form: the unticked terms of the keywords still in it, each once. */
export function dropTermsFor(
  keywords: readonly string[],
  expansionOf: (keyword: string) => ConceptExpansion | undefined,
  unticked: ReadonlySet<string>,
): string[] {
  const out = new Set<string>();
  for (const keyword of keywords) {
    const e = expansionOf(keyword);
    if (e) for (const t of termsOf(e)) if (unticked.has(t)) out.add(t);
  }
  return [...out];
}
