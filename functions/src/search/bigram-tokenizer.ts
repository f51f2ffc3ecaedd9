import { normalizeText } from '@cic/shared';

/** A run of Han characters, or a run of other letters and digits (Han is a letter too, hence the look-ahead). */
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;

/**
 * Index terms of a text: every Han character and every pair of neighbouring Han characters (no dictionary, so new
 * technical words such as 钙钛矿 are found as written), plus whole Latin/number words (LLM, AD7606).
 */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const [run] of normalizeText(text).matchAll(RUNS)) {
    if (!HAN.test(run)) {
      out.push(run);
      continue;
    }
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i += 1) {
      out.push(chars[i] as string);
      if (i + 1 < chars.length) out.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return out;
}

/** Terms of a query: bigrams of each Han run (a lone character stands for itself) and Latin/number words. */
export function queryTerms(query: string): string[] {
  const out = new Set<string>();
  for (const [run] of normalizeText(query).matchAll(RUNS)) {
    if (!HAN.test(run)) {
      out.add(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) out.add(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i += 1) out.add(`${chars[i]}${chars[i + 1]}`);
  }
  return [...out];
}
