// Masks an anonymous demand's hidden values (its company, contacts, phones, e-mail) wherever the owner also typed them
// into a public text, however they were spelled there: the values are looked for in the text's matching stream
// (matching-stream.ts), where full width, case, spaces, zero-width characters and separators no longer count, and the
// original characters each match came from are replaced by MASK.
//
// Digits are masked even inside a longer run of digits: a stored 13912345678 is masked in a part number
// 4401391234567899 too. The stream drops separators, so it cannot tell "a longer number" from "the number written
// next to another one" (电话13912345678/025…), and only the first spelling is harmless to over-mask. An 11-digit
// mobile or a 7–8 digit local number occurring by chance in a demand's own text is rare; a leak is not acceptable.
import { foldForMatching, matchingStream, type MatchingStream } from './matching-stream';
import { phoneForms } from './phone-forms';

export const MASK = '***';

/** A value is masked from two characters on: one character (王, 总) is in too many ordinary words. */
const MIN_CHARS = 2;

export type Masker = (text: string) => string;

interface Needle {
  text: string;
  /**
   * Set when the needle starts (ends) with a Latin letter: it must not continue a Latin word of the text there, so
   * that a contact called Tom is not masked inside "automatic" nor rd@x.cn inside 3rd@x.cn. Digits get no such
   * guard (see the top of this file), and Chinese has no word boundaries to respect.
   */
  wordStart: boolean;
  wordEnd: boolean;
}

const LETTER = /^[a-z]$/;
const WORD_UNIT = /^[a-z0-9]$/;

/** The number of code points of a short text, without making an array of them. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) n += 1;
  }
  return n;
}

function needlesOf(values: readonly string[]): Needle[] {
  const forms = new Set(values);
  // hiddenValuesOf already lists the phone forms after the phone itself. The forms of a form are among the forms of
  // the phone, so each value already produced as a form needs no working out again.
  const produced = new Set<string>();
  for (const value of values) {
    if (produced.has(value)) continue;
    for (const form of phoneForms(value)) {
      forms.add(form);
      produced.add(form);
    }
  }
  const texts = new Set<string>();
  for (const form of forms) {
    const folded = foldForMatching(form);
    if (codePoints(folded) >= MIN_CHARS) texts.add(folded);
  }
  return [...texts].map((text) => ({
    text,
    wordStart: LETTER.test(text[0] as string),
    wordEnd: LETTER.test(text.at(-1) as string),
  }));
}

/**
 * Whether stream units `a` and `a + 1` belong to one Latin word of the text: `outside` (one of the two, the one not
 * in the match) is a letter or digit, and no dropped character (space, separator) stands between them.
 */
function sameWord(stream: MatchingStream, a: number, outside: number): boolean {
  if (a < 0 || a + 1 >= stream.text.length) return false;
  // Units of one code point (ﬁ → f i) share their range; units of neighbouring code points touch.
  return (stream.end[a] as number) >= (stream.start[a + 1] as number) && WORD_UNIT.test(stream.text[outside] as string);
}

const OPENERS = '(（[［【〔';
const CLOSERS = ')）]］】〕';

/**
 * Widens a masked range over a bracket left alone on one side: (025) 8345-6789 is masked whole rather than as "(***",
 * which would show where the number was and keep a stray bracket.
 */
function balance(text: string, from: number, to: number): [number, number] {
  let depth = 0;
  let unopened = 0;
  for (let i = from; i < to; i += 1) {
    const c = text[i] as string;
    if (OPENERS.includes(c)) depth += 1;
    else if (CLOSERS.includes(c)) {
      if (depth > 0) depth -= 1;
      else unopened += 1;
    }
  }
  let start = from;
  let end = to;
  while (unopened > 0 && start > 0 && OPENERS.includes(text[start - 1] as string)) {
    start -= 1;
    unopened -= 1;
  }
  while (depth > 0 && end < text.length && CLOSERS.includes(text[end] as string)) {
    end += 1;
    depth -= 1;
  }
  return [start, end];
}

/** The text with each range replaced by MASK; overlapping or touching ranges become one MASK. */
function replaceRanges(text: string, ranges: [number, number][]): string {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let copied = 0;
  let open: [number, number] | undefined;
  for (const range of ranges) {
    if (open && range[0] <= open[1]) {
      open[1] = Math.max(open[1], range[1]);
      continue;
    }
    if (open) {
      out += text.slice(copied, open[0]) + MASK;
      copied = open[1];
    }
    open = [range[0], range[1]];
  }
  if (open) {
    out += text.slice(copied, open[0]) + MASK;
    copied = open[1];
  }
  return out + text.slice(copied);
}

/**
 * Compiles the hidden values once (a demand's, for all its public texts) into a function that masks them in a text.
 * Each value is looked for as written and, for a phone number, in its other forms (phone-forms.ts). Linear in the
 * text's length for a given set of values: one fold, one indexOf scan per needle, and for a text that contains one,
 * the stream and the same scans again.
 */
export function compileMasker(hiddenValues: readonly string[]): Masker {
  const needles = needlesOf(hiddenValues);
  if (needles.length === 0) return (text) => text;
  return (text) => {
    // Most texts hold no hidden value: the quick fold says so without building the stream's map back to the text.
    const folded = foldForMatching(text);
    if (!needles.some((needle) => folded.includes(needle.text))) return text;
    const stream = matchingStream(text);
    const ranges: [number, number][] = [];
    for (const needle of needles) {
      for (let k = stream.text.indexOf(needle.text); k !== -1; k = stream.text.indexOf(needle.text, k + 1)) {
        const last = k + needle.text.length - 1;
        if (needle.wordStart && sameWord(stream, k - 1, k - 1)) continue;
        if (needle.wordEnd && sameWord(stream, last, last + 1)) continue;
        ranges.push(balance(text, stream.start[k] as number, stream.end[last] as number));
      }
    }
    return ranges.length === 0 ? text : replaceRanges(text, ranges);
  };
}
