// The shipped concept thesaurus (data/thesaurus/*.json; how to extend it: data/thesaurus.md). Editing the files
// changes what keywords match without touching code. Built once per container.
import ai from '../../../../data/thesaurus/ai.json';
import digitalEconomy from '../../../../data/thesaurus/digital_economy.json';
import equipment from '../../../../data/thesaurus/equipment.json';
import newEnergy from '../../../../data/thesaurus/new_energy.json';
import newMaterials from '../../../../data/thesaurus/new_materials.json';
import other from '../../../../data/thesaurus/other.json';
import sources from '../../../../data/thesaurus/sources.json';
import type { ConceptExpansion } from '@cic/shared';
import { buildThesaurus, type Expansion } from './thesaurus';

const CONCEPTS = buildThesaurus({ sources, fields: [digitalEconomy, ai, equipment, newMaterials, newEnergy, other] });

/** The concept a term belongs to (its preferred term), or the normalised term itself: what it is indexed under. */
export function canonicalOf(term: string): string {
  return CONCEPTS.canonicalOf(term);
}

/** Every term that satisfies a keyword: itself, its concept's synonyms and narrower terms (normalised). */
export function variantsOf(term: string): readonly string[] {
  return CONCEPTS.expand(term).terms.map((t) => t.term);
}

/** What a keyword expands to, with how each term relates to it, and the traps that do not count. */
export function expansionOf(keyword: string): Expansion {
  return CONCEPTS.expand(keyword);
}

/** Each concept's preferred term and synonyms: the vocabulary people subscribe with (the benchmarks sample it). */
export function conceptGroups(): readonly (readonly string[])[] {
  return CONCEPTS.groups();
}

export const conceptCount = CONCEPTS.size;

/**
 * The terms a subscriber's unticked terms take out of a keyword's expansion: an unticked kind (激光焊接 under 焊接) with
 * its own synonyms and kinds (激光焊, 激光深熔焊), an unticked synonym alone, the keyword itself never.
 */
export function droppedFrom(expansion: Expansion, dropTerms: ReadonlySet<string>): ReadonlySet<string> {
  const out = new Set<string>();
  if (dropTerms.size === 0) return out;
  const relationOf = new Map(expansion.terms.map((t) => [t.term, t.relation]));
  for (const term of dropTerms) {
    const relation = relationOf.get(term);
    if (relation === 'synonym' || relation === 'related') out.add(term);
    if (relation !== 'narrower') continue;
    for (const t of CONCEPTS.expand(term).terms) if (relationOf.get(t.term) === 'narrower') out.add(t.term);
  }
  return out;
}

/**
 * What a keyword will match, for people: its concept, synonyms, narrower terms (each with the broader term it is a kind
 * of), related terms and traps, as the thesaurus spells them. The subscription editor shows them as chips to untick.
 */
export function conceptExpansionOf(keyword: string): ConceptExpansion {
  const e = CONCEPTS.expand(keyword);
  const show = (t: string) => CONCEPTS.display(t);
  const own = e.terms[0]?.term;
  return {
    keyword,
    concept: show(e.canonical),
    synonyms: e.terms.filter((t) => t.relation === 'synonym' && t.term !== own).map((t) => show(t.term)),
    narrower: e.terms
      .filter((t) => t.relation === 'narrower')
      .map((t) => ({ term: show(t.term), broader: show(t.broader ?? e.canonical) })),
    related: e.terms.filter((t) => t.relation === 'related').map((t) => show(t.term)),
    traps: e.traps.map(show),
  };
}

/**
 * The concept a keyword names, as the thesaurus spells it (what the organisers' feedback figures count it under);
 * undefined for a keyword outside the thesaurus, which may be anything a person typed.
 */
export function conceptLabelOf(keyword: string): string | undefined {
  const concept = CONCEPTS.conceptNamed(keyword);
  return concept === undefined ? undefined : CONCEPTS.display(concept);
}
