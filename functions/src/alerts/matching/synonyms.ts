// Equivalent technical terms (data/synonyms.json): a subscription to 锂电池 also fires on 动力电池 and 锂离子电池.
// The table is data: editing the JSON changes matching without touching code (see data/synonyms.md).
import { englishMessage, normalizeText } from '@cic/shared';
import * as z from 'zod/mini';
import synonymsFile from '../../../../data/synonyms.json';

const synonymsSchema = z.object({
  version: z.literal(1),
  groups: z.array(z.array(z.string().check(z.minLength(1))).check(z.minLength(2))),
});

export interface SynonymTable {
  /** Normalised groups; the first member of each is its canonical form. */
  groups: readonly (readonly string[])[];
  /** Every normalised member → the canonical form of its group. */
  canonical: ReadonlyMap<string, string>;
  /** Canonical form → the normalised members of its group, canonical first. */
  members: ReadonlyMap<string, readonly string[]>;
}

/** Builds the lookup tables; throws when a term is in two groups (its canonical form would be ambiguous). */
export function buildSynonymTable(input: unknown): SynonymTable {
  // The error lists zod's issues in English, as classic zod worded them (zod/mini loads no locale).
  const { groups: raw } = synonymsSchema.parse(input, { error: englishMessage });
  const canonical = new Map<string, string>();
  const members = new Map<string, readonly string[]>();
  const groups: string[][] = [];
  for (const group of raw) {
    const normalised = [...new Set(group.map(normalizeText))].filter((t) => t !== '');
    const head = normalised[0];
    if (head === undefined || normalised.length < 2) continue;
    for (const term of normalised) {
      const other = canonical.get(term);
      if (other !== undefined) throw new Error(`synonyms: "${term}" is in the groups of "${other}" and "${head}"`);
      canonical.set(term, head);
    }
    members.set(head, normalised);
    groups.push(normalised);
  }
  return { groups, canonical, members };
}

const TABLE = buildSynonymTable(synonymsFile);

/** The shipped synonym groups, normalised, canonical form first. */
export function synonymGroups(): readonly (readonly string[])[] {
  return TABLE.groups;
}

/** The canonical form of a term: the first member of its group, or the normalised term itself when it has no group. */
export function canonicalOf(term: string): string {
  const n = normalizeText(term);
  return TABLE.canonical.get(n) ?? n;
}

/** Every normalised member of the term's group (canonical first), or just the normalised term. */
export function variantsOf(term: string): readonly string[] {
  const n = normalizeText(term);
  const head = TABLE.canonical.get(n);
  return (head === undefined ? undefined : TABLE.members.get(head)) ?? [n];
}
