import { normalizeText } from '@cic/shared';

// A text splits into runs: a run of Han characters, or a run of other letters and digits (a Latin/number word);
// anything else separates runs. This is what the pattern /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu
// finds, read one code point at a time so that the index can take Han terms as numbers, without a string per bigram.
const HAN_CHAR = /^\p{Script=Han}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const UNKNOWN = 0;
const HAN = 1;
const WORD = 2;
const OTHER = 3;
/** The kind of each code point, worked out with the patterns the first time it is met (they are too slow per char). */
let kinds: Uint8Array | undefined;

function kindOf(code: number): number {
  kinds ??= new Uint8Array(0x110000);
  let kind = kinds[code] as number;
  if (kind === UNKNOWN) {
    const char = String.fromCodePoint(code);
    kind = HAN_CHAR.test(char) ? HAN : WORD_CHAR.test(char) ? WORD : OTHER;
    kinds[code] = kind;
  }
  return kind;
}

export interface RunVisitor {
  /** A run of Han characters: their code points are `codes[0..n)`. The array is reused by the next run. */
  han(codes: Int32Array, n: number): void;
  /** A Latin/number word, lower-cased and half-width. */
  word(word: string): void;
}

let hanBuffer = new Int32Array(256);

/** Visits the runs of the normalised text, in order. */
export function scanRuns(text: string, visit: RunVisitor): void {
  const s = normalizeText(text);
  let i = 0;
  while (i < s.length) {
    const code = s.codePointAt(i) as number;
    const kind = kindOf(code);
    if (kind === OTHER) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let n = 0;
    while (i < s.length) {
      const c = s.codePointAt(i) as number;
      if (kindOf(c) !== kind) break;
      if (kind === HAN) {
        if (n === hanBuffer.length) {
          const grown = new Int32Array(n * 2);
          grown.set(hanBuffer);
          hanBuffer = grown;
        }
        hanBuffer[n] = c;
        n += 1;
      }
      i += c > 0xffff ? 2 : 1;
    }
    if (kind === HAN) visit.han(hanBuffer, n);
    else visit.word(s.slice(start, i));
  }
}

/** Past every code point, so that a pair's key never equals a single character's. */
const PAIR_BASE = 0x110000;

/** The number standing for a Han term: a character's code point, or (with `next`) the pair of two characters. */
export function hanKey(code: number, next = -1): number {
  return next < 0 ? code : (code + 1) * PAIR_BASE + next;
}

/** The key of a term as indexTerms and queryTerms give it: a number for a Han term (see hanKey), else the word. */
export function termKey(term: string): number | string {
  const first = term.codePointAt(0);
  if (first === undefined || kindOf(first) !== HAN) return term;
  const width = first > 0xffff ? 2 : 1;
  return term.length === width ? hanKey(first) : hanKey(first, term.codePointAt(width));
}

/**
 * Index terms of a text: every Han character and every pair of neighbouring Han characters (no dictionary, so new
 * technical words such as 钙钛矿 are found as written), plus whole Latin/number words (LLM, AD7606).
 */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  scanRuns(text, {
    han(codes, n) {
      for (let i = 0; i < n; i += 1) {
        out.push(String.fromCodePoint(codes[i] as number));
        if (i + 1 < n) out.push(String.fromCodePoint(codes[i] as number, codes[i + 1] as number));
      }
    },
    word: (word) => out.push(word),
  });
  return out;
}

/** Terms of a query: bigrams of each Han run (a lone character stands for itself) and Latin/number words. */
export function queryTerms(query: string): string[] {
  const out = new Set<string>();
  scanRuns(query, {
    han(codes, n) {
      if (n === 1) out.add(String.fromCodePoint(codes[0] as number));
      for (let i = 0; i + 1 < n; i += 1) out.add(String.fromCodePoint(codes[i] as number, codes[i + 1] as number));
    },
    word: (word) => out.add(word),
  });
  return [...out];
}
