// The "matching stream" of a text: what is left of it once every difference that does not change what a person reads
// is taken out. A hidden value is looked for in the stream, not in the text, so that full-width digits, upper case,
// spaces, zero-width characters or hyphens typed between its characters cannot hide it from the masking. Each unit of
// the stream remembers which characters of the original text it came from, so that a match can be masked there.

export interface MatchingStream {
  /** The folded text, searched with indexOf. */
  readonly text: string;
  /** For each UTF-16 unit of `text`: the original code point it came from starts at start[i] and ends at end[i]. */
  readonly start: readonly number[];
  readonly end: readonly number[];
}

/**
 * Separators people put inside a phone number (and between the parts of other values): dashes of every width, dots,
 * brackets, slashes, underscores and middle dots. Only matching skips them; the text keeps them where nothing is
 * masked. Full-width forms (－．（）／＿［］) fold to these ASCII ones before the test.
 */
const SEPARATORS: ReadonlySet<string> = new Set([...'-.()/_[]‐‑‒–—―−·・•‧【】〔〕〖〗']);

/**
 * Dropped after folding: white space of any kind (NFKD has turned NBSP and the ideographic space into a space),
 * the invisible characters Unicode says to ignore (zero-width space/joiners U+200B–U+200D, word joiner U+2060, BOM
 * U+FEFF, soft hyphen U+00AD, bidi controls, variation selectors …), and combining marks, so that an accent or an
 * underline drawn on a digit does not split the number either.
 */
const INVISIBLE = /^[\s\p{M}\p{Default_Ignorable_Code_Point}]$/u;

function dropped(char: string): boolean {
  return INVISIBLE.test(char) || SEPARATORS.has(char);
}

/** Whether each UTF-16 unit of the BMP is dropped: 0 not known yet, 1 kept, 2 dropped. Filled as units are met. */
const BMP_DROPPED = new Uint8Array(0x10000);

function droppedUnit(unit: number): boolean {
  let kind = BMP_DROPPED[unit] as number;
  if (kind === 0) {
    kind = dropped(String.fromCharCode(unit)) ? 2 : 1;
    BMP_DROPPED[unit] = kind;
  }
  return kind === 2;
}

// Per code point, what it folds to ('' when dropped). ASCII and the common CJK ideographs take a fast path because
// they are most of every text and fold trivially; the rest is worked out once and remembered, up to a bound, because
// String.prototype.normalize on one character costs far more than a Map lookup.
const FOLDED = new Map<number, string>();
const MAX_REMEMBERED = 8192;

function foldSlow(code: number): string {
  let folded = FOLDED.get(code);
  if (folded !== undefined) return folded;
  // NFKD rather than NFKC: the same compatibility mapping (full-width → ASCII, circled digits, compatibility
  // ideographs), but accents come apart from their letters and are then dropped as marks, so é and e + ́ match alike.
  folded = '';
  for (const char of String.fromCodePoint(code).normalize('NFKD').toLowerCase()) {
    if (!dropped(char)) folded += char === 'ς' ? 'σ' : char;
  }
  if (FOLDED.size < MAX_REMEMBERED) FOLDED.set(code, folded);
  return folded;
}

/** ASCII by code: 0 dropped (white space, separator), 1 kept as is, 2 an upper-case letter. */
const ASCII = new Uint8Array(128).map((_, code) => {
  const char = String.fromCharCode(code);
  if (/\s/.test(char) || SEPARATORS.has(char)) return 0;
  return code >= 65 && code <= 90 ? 2 : 1;
});

function isPlainIdeograph(code: number): boolean {
  // CJK Unified Ideographs and Extension A have no decomposition; the compatibility ideographs (U+F900…) do, and take
  // the slow path.
  return code >= 0x3400 && code <= 0x9fff;
}

export function matchingStream(text: string): MatchingStream {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) as number;
    const next = i + (code > 0xffff ? 2 : 1);
    if (code < 0x80) {
      const kind = ASCII[code] as number;
      if (kind !== 0) {
        out += kind === 2 ? String.fromCharCode(code + 32) : text[i];
        start.push(i);
        end.push(next);
      }
    } else if (isPlainIdeograph(code)) {
      out += text[i];
      start.push(i);
      end.push(next);
    } else {
      const folded = foldSlow(code);
      out += folded;
      for (let k = 0; k < folded.length; k += 1) {
        start.push(i);
        end.push(next);
      }
    }
    i = next;
  }
  return { text: out, start, end };
}

/**
 * The stream's text alone, folded by whole-string operations, which is several times faster than matchingStream: the
 * masking folds every text this way first and builds the stream, with its map back to the text, only for a text
 * that contains a hidden value. The two agree exactly (a property test checks it over all of Unicode) because NFKD and
 * lower-casing work code point by code point except in two places, both neutralised: canonical reordering moves only
 * combining marks, which are dropped, and the final sigma (ς) lower-cases by context, so both fold it to σ.
 */
export function foldForMatching(text: string): string {
  let s = text.normalize('NFKD').toLowerCase();
  if (s.includes('ς')) s = s.replaceAll('ς', 'σ');
  // Dropped characters are few: copy the runs between them.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i += 1) {
    const code = s.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    if (width === 1 ? droppedUnit(code) : dropped(String.fromCodePoint(code))) {
      out += s.slice(from, i);
      from = i + width;
    }
    i += width - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
