/**
 * The one cleaning every piece of text a person types goes through before it is checked, counted or stored.
 *
 * What it removes cannot be seen on a screen but changes what the text does: a bidi override makes a name read
 * backwards in a reviewer's list, a zero-width space makes two equal titles differ or a blank title look filled in,
 * a NUL or an escape sequence reaches logs and exports, and a lone surrogate (sent as a JSON `\ud800` escape) is not
 * Unicode at all and breaks UTF-8 encoders downstream. Decomposed accents (e + U+0301) are composed (NFC) so that the
 * same word is the same string, and so that limits count what a person sees.
 *
 * No `u` flag and no look-behind in these expressions: the mini-program runs this file too, on engines (older iOS
 * JavaScriptCore) that reject look-behind and on whose `u` handling of surrogate ranges we would rather not depend.
 */

export interface CleanOptions {
  /** Keeps line breaks (descriptions, introductions, reasons); otherwise every tab and line break becomes a space. */
  multiline: boolean;
}

/** A surrogate pair is kept whole; a surrogate on its own is matched alone and dropped. */
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** CR LF, a lone CR, and the Unicode line and paragraph separators all mean "new line". */
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;

/**
 * C0 controls but tab and LF (CR is gone by now), DEL and the C1 controls; the bidi marks, embeddings, overrides and
 * isolates (U+061C, U+200E/F, U+202A–E, U+2066–9); the zero-width characters (U+200B–D, U+2060, U+FEFF) and the
 * Mongolian vowel separator (U+180E), which older Unicode counted as a space but renders as nothing; the soft hyphen
 * (U+00AD) and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), which show nothing yet make a blank field look filled.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is this expression's whole job.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u3164\uFEFF\uFFA0]/g;

/** The tag characters (U+E0000–E007F, a surrogate pair each): invisible text that can hide instructions in a string. */
const TAGS = /\uDB40[\uDC00-\uDC7F]/g;

const TABS_AND_NEWLINES = /[\t\n]+/g;

const dropLoneSurrogate = (match: string): string => (match.length === 2 ? match : '');

/**
 * The text a person meant: lone surrogates, control, bidi and zero-width characters removed, line breaks as LF (or,
 * for a single-line field, each run of tabs and line breaks as one space), NFC, trimmed. Linear in the text's length.
 */
export function cleanText(value: string, { multiline }: CleanOptions): string {
  // Surrogates first, so that NFC never sees half a character; NFC after the removals, so that an accent separated
  // from its letter by an invisible character still composes with it.
  const visible = value
    .replace(SURROGATES, dropLoneSurrogate)
    .replace(TAGS, '')
    .replace(LINE_BREAKS, '\n')
    .replace(INVISIBLE, '')
    .normalize('NFC');
  return (multiline ? visible : visible.replace(TABS_AND_NEWLINES, ' ')).trim();
}

/** True when nothing visible is left once cleaned: such a field counts as not filled in at all. */
export function isBlankText(value: string): boolean {
  return cleanText(value, { multiline: true }) === '';
}
