/**
 * Normalises text for matching and search: full-width → half-width (NFKC), lower case, runs of white space folded.
 * The alert matcher and the search index both use it, so a keyword matches the same way in both.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
