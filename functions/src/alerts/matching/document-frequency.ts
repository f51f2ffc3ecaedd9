// How common a keyword is among demands: indexKeysOf files a subscription under its rarest keyword, so the partition
// it sits in is read by as few demands as possible.
import { canonicalOf } from './concepts';
import { keywordsInText } from './matcher';

/**
 * For each canonical form, how many of the texts contain it (as written or as a synonym). Counted with the matcher's
 * own scan, so a keyword's frequency agrees with what keywordsInText will find; keywords found in no text count 0.
 */
export function documentFrequencies(texts: Iterable<string>, keywords: Iterable<string>): Map<string, number> {
  const canonicals = new Set<string>();
  for (const k of keywords) canonicals.add(canonicalOf(k));
  const df = new Map<string, number>();
  for (const c of canonicals) df.set(c, 0);
  for (const text of texts) for (const hit of keywordsInText(text, canonicals)) df.set(hit, (df.get(hit) ?? 0) + 1);
  return df;
}
