// What the field classifier reads in a text: character bigrams and trigrams (Chinese has no spaces, and a two- or
// three-character run is most of its words: 焊接, 储能, 光伏板), the title's counted several times over the
// description's, and a tag per 附件3 field for each concept of the thesaurus (data/thesaurus/<field>.json) the text
// names. Pure; the same function extracts them when training and when answering.
import { INDUSTRY_FIELDS, normalizeText, type IndustryField } from '@cic/shared';

export interface FeatureOptions {
  /** How many times a title's n-gram counts, against once for the description's. */
  titleWeight: number;
  /** How many times a concept the text names counts for its field's tag. */
  conceptWeight: number;
}

/** Terms of the thesaurus by the field whose file lists them, normalised (a concept's term, synonyms, narrower terms). */
export type ConceptTerms = Readonly<Record<IndustryField, readonly string[]>>;

/** The tag a concept of a field adds: it cannot collide with an n-gram, which never holds "#". */
export const conceptTag = (field: IndustryField) => `#${field}`;

/** Runs of letters and digits: punctuation, spaces and list markers split a text and never join two words. */
const RUN = /[\p{L}\p{N}]+/gu;

/** The distinct character bigrams and trigrams of a text (a one-character run gives itself). */
export function ngrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const match of normalizeText(text).matchAll(RUN)) {
    const chars = [...match[0]];
    if (chars.length === 1) out.add(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i += 1) {
      out.add(chars[i]! + chars[i + 1]!);
      if (i + 2 < chars.length) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
    }
  }
  return out;
}

/**
 * A text's features and their counts. Each n-gram counts once per part it occurs in (a long description repeating a
 * word is not more about it than a short one naming it once), a title's `titleWeight` times; each distinct concept term
 * counts `conceptWeight` for its field's tag.
 */
export function featuresOf(
  input: { title: string; description: string },
  concepts: ConceptTerms,
  options: FeatureOptions,
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, n: number) => counts.set(feature, (counts.get(feature) ?? 0) + n);
  for (const g of ngrams(input.title)) add(g, options.titleWeight);
  for (const g of ngrams(input.description)) add(g, 1);
  if (options.conceptWeight > 0) {
    const text = normalizeText(`${input.title}\n${input.description}`);
    for (const field of INDUSTRY_FIELDS) {
      const named = concepts[field].filter((term) => text.includes(term)).length;
      if (named > 0) add(conceptTag(field), named * options.conceptWeight);
    }
  }
  return counts;
}
