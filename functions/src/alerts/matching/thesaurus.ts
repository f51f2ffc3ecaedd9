// The concept thesaurus (data/thesaurus/*.json, see data/thesaurus.md): each concept has its preferred term, synonyms,
// narrower terms (kinds, members, methods), related terms (words a demand in its trade uses without naming it) and traps
// (longer words that contain a term but mean something else). A subscription's keyword expands through it: 减速器 also
// matches 谐波减速器 (narrower) and 减速机 (synonym), 焊接 also 焊缝 (related, only ever a mention), and an occurrence of
// 光刻 inside 光刻胶 does not count. Pure: built from the files' content; the matcher asks it.
import { englishMessage, INDUSTRY_FIELDS, normalizeText } from '@cic/shared';
import * as z from 'zod/mini';

/** How a word found in a demand relates to the keyword it satisfies. */
export type Relation = 'exact' | 'synonym' | 'narrower' | 'related';

const termEntry = z.object({
  term: z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  why: z.optional(z.string()),
});
const conceptSchema = z.object({
  term: z.string().check(z.minLength(1)),
  synonyms: z._default(z.array(termEntry), []),
  narrower: z._default(z.array(termEntry), []),
  related: z._default(z.array(termEntry), []),
  traps: z._default(z.array(termEntry), []),
});
/** One file per 附件3 field (data/thesaurus/<field>.json), and the sources they cite (data/thesaurus/sources.json). */
export const thesaurusFileSchema = z.object({
  version: z.literal(3),
  field: z.enum(INDUSTRY_FIELDS),
  sources: z._default(z.record(z.string(), z.string()), {}),
  concepts: z.array(conceptSchema),
});
export const sourcesFileSchema = z.object({ version: z.literal(3), sources: z.record(z.string(), z.string()) });
const thesaurusSchema = z.object({ sources: sourcesFileSchema, fields: z.array(thesaurusFileSchema) });

export interface ExpandedTerm {
  term: string;
  relation: Relation;
  /** For a narrower term: the broader term it is a kind of ("谐波减速器 ⊂ 减速器"). */
  broader?: string;
}

export interface Expansion {
  /** What the keyword is indexed and counted under: its concept's preferred term, or the keyword itself. */
  canonical: string;
  /** Every term that satisfies the keyword: the keyword itself first, then synonyms, narrower terms, related terms. */
  terms: readonly ExpandedTerm[];
  /** Words that contain one of the terms but mean something else: an occurrence inside one of them does not count. */
  traps: readonly string[];
}

export interface Thesaurus {
  expand(keyword: string): Expansion;
  canonicalOf(term: string): string;
  /** Every term that satisfies a keyword of this canonical form (normalised): what a demand's text is scanned for. */
  variantsOf(canonical: string): readonly string[];
  /** Each concept's preferred term and synonyms, normalised (what people call the same thing). */
  groups(): readonly (readonly string[])[];
  /** The preferred term of the concept a term names (as its term or a synonym); undefined outside the thesaurus. */
  conceptNamed(term: string): string | undefined;
  /** A normalised term as the thesaurus writes it (RV减速器, not rv减速器), for people to read. */
  display(term: string): string;
  /** How many concepts the thesaurus holds. */
  size: number;
}

interface Concept {
  term: string;
  synonyms: string[];
  narrower: string[];
  related: string[];
  traps: string[];
}

/** Narrower terms that are concepts themselves bring their own kinds, this many levels down. */
const MAX_DEPTH = 3;

export function buildThesaurus(input: unknown): Thesaurus {
  const file = thesaurusSchema.parse(input, { error: englishMessage });
  const concepts = new Map<string, Concept>();
  /** A preferred term or synonym → its concept's preferred term. */
  const conceptOf = new Map<string, string>();
  /** Normalised term → its first spelling in the files. */
  const spelling = new Map<string, string>();
  const normal = (raw: string) => {
    const n = normalizeText(raw);
    if (!spelling.has(n)) spelling.set(n, raw.trim());
    return n;
  };
  const terms = (list: readonly { term: string }[], but: string) =>
    [...new Set(list.map((s) => normal(s.term)))].filter((s) => s !== but && s !== '');
  for (const raw of file.fields.flatMap((f) => f.concepts)) {
    const term = normal(raw.term);
    const concept: Concept = {
      term,
      synonyms: terms(raw.synonyms, term),
      narrower: terms(raw.narrower, term),
      related: terms(raw.related, term),
      traps: terms(raw.traps, ''),
    };
    for (const name of [term, ...concept.synonyms]) {
      const other = conceptOf.get(name);
      if (other !== undefined && other !== term) throw new Error(`thesaurus: "${name}" names both "${other}" and "${term}"`);
      conceptOf.set(name, term);
    }
    const existing = concepts.get(term);
    const merge = (k: 'synonyms' | 'narrower' | 'related' | 'traps') => [...new Set([...(existing?.[k] ?? []), ...concept[k]])];
    concepts.set(term, {
      term,
      synonyms: merge('synonyms'),
      narrower: merge('narrower'),
      related: merge('related'),
      traps: merge('traps'),
    });
  }

  const expansions = new Map<string, Expansion>();

  function expand(keyword: string): Expansion {
    const own = normalizeText(keyword);
    const cached = expansions.get(own);
    if (cached) return cached;
    const head = conceptOf.get(own);
    const terms: ExpandedTerm[] = [{ term: own, relation: 'exact' }];
    const traps = new Set<string>();
    const seen = new Set([own]);
    const add = (term: string, relation: Relation, broader?: string) => {
      if (term === '' || seen.has(term)) return;
      seen.add(term);
      terms.push({ term, relation, ...(broader !== undefined ? { broader } : {}) });
    };
    if (head !== undefined) {
      const concept = concepts.get(head) as Concept;
      add(head, 'synonym');
      for (const s of concept.synonyms) add(s, 'synonym');
      for (const t of concept.traps) traps.add(t);
      // Breadth first, so a nearer kind is listed (and explained) before a kind of a kind.
      let level: { term: string; broader: string }[] = concept.narrower.map((n) => ({ term: n, broader: head }));
      const visited = new Set([head]);
      for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth += 1) {
        const next: { term: string; broader: string }[] = [];
        for (const { term, broader } of level) {
          add(term, 'narrower', broader);
          const sub = conceptOf.get(term);
          if (sub === undefined || visited.has(sub)) continue;
          visited.add(sub);
          const subConcept = concepts.get(sub) as Concept;
          for (const s of [sub, ...subConcept.synonyms]) add(s, 'narrower', broader);
          for (const t of subConcept.traps) traps.add(t);
          for (const n of subConcept.narrower) next.push({ term: n, broader: term });
        }
        level = next;
      }
      // Related terms are the concept's own: not transitive, and not brought by its narrower concepts.
      for (const r of concept.related) add(r, 'related');
    }
    // A trap is a longer word containing a term: one that is itself a term of this keyword is no trap here.
    const expansion: Expansion = {
      canonical: head ?? own,
      terms,
      traps: [...traps].filter((t) => !seen.has(t) && terms.some((x) => t.includes(x.term))),
    };
    expansions.set(own, expansion);
    return expansion;
  }

  return {
    expand,
    canonicalOf: (term) => {
      const n = normalizeText(term);
      return conceptOf.get(n) ?? n;
    },
    variantsOf: (canonical) => expand(canonical).terms.map((t) => t.term),
    groups: () => [...concepts.values()].map((c) => [c.term, ...c.synonyms]),
    display: (term) => spelling.get(term) ?? term,
    conceptNamed: (term) => conceptOf.get(normalizeText(term)),
    size: concepts.size,
  };
}
