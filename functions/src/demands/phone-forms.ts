// The forms a stored phone number takes when someone writes it in free text. The form accepts a mainland mobile
// (optionally +86) or a landline with its area code (optionally with an extension); in a description the same number
// may appear without the country code, with one added, or, for a landline, without the area code. Masking looks for
// each of these (as digit strings: separators between the digits are the matching stream's business).

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;
/** An extension after the number: 转 801, 分机 801, ext. 801, x801, #801. It alone identifies no one and is left. */
const EXTENSION = /\s*(?:转|分机|ext\.?|x|#)\s*\d{1,6}\s*$/u;
/** What a phone number is written with, besides its digits. */
const PHONE_SHAPED = /^[\d\s+\-‐‑‒–—―−.()[\]/]+$/u;
const INTERNATIONAL = /^\D*(?:\+|00)\s*86/u;
/** Seven digits is the shortest local number on the mainland, and the shortest digit run masked on its own. */
export const MIN_PHONE_DIGITS = 7;

/**
 * Chinese area codes: 010 and 02x (the largest cities) have three digits with the leading 0; every other has four.
 * Used when the stored number does not show where its area code ends (02583456789).
 */
function areaCodeLength(national: string): number {
  return /^0[12]/.test(national) ? 3 : 4;
}

/**
 * The national number (0 + area code + local number, or the 11-digit mobile) of a phone-shaped value, its hyphen-
 * separated extension dropped, or undefined when the value is not a phone number.
 */
function nationalNumber(value: string): string | undefined {
  // Most values (names, e-mails) have no digit at all: no need to look further.
  if (!/[\d０-９]/u.test(value)) return undefined;
  const text = value.normalize('NFKC').toLowerCase().replace(EXTENSION, '').trim();
  if (!PHONE_SHAPED.test(text)) return undefined;
  const groups = text.match(/\d+/g) ?? [];
  const international = INTERNATIONAL.test(text);
  const whole = withoutCountryCode(groups.join(''), international);
  if (MOBILE.test(whole) || LANDLINE.test(whole)) return whole;
  // 025-83456789-801: the last group is an extension when the number is whole without it.
  if (groups.length > 2 && (groups.at(-1) as string).length <= 6) {
    const withoutLast = withoutCountryCode(groups.slice(0, -1).join(''), international);
    if (LANDLINE.test(withoutLast)) return withoutLast;
  }
  return whole.length >= MIN_PHONE_DIGITS ? whole : undefined;
}

/** The digits of a number as dialled at home: no 86 in front, and the trunk 0 of a landline in place. */
function withoutCountryCode(digits: string, international: boolean): string {
  if (!international) return /^861[3-9]\d{9}$/.test(digits) ? digits.slice(2) : digits;
  const national = digits.replace(/^(?:00)?86/, '');
  // Written internationally, a landline loses its trunk 0 (+86 25 8345 6789); put it back.
  return national.startsWith('0') || MOBILE.test(national) ? national : `0${national}`;
}

/**
 * The digit strings to look for in text for a stored phone number: the national number, the landline's local number
 * without its area code (8345 6789 for 025-83456789), and the number with +86 or 0086 in front, so that the country
 * code is masked with the number. Empty when the value is not phone-shaped (a name, an e-mail).
 */
export function phoneForms(value: string): string[] {
  const national = nationalNumber(value);
  if (national === undefined) return [];
  if (MOBILE.test(national)) return [national, `+86${national}`, `0086${national}`];
  if (!LANDLINE.test(national)) return [national];
  const local = national.slice(areaCodeLength(national));
  const trunkless = national.slice(1);
  const forms = [national, `+86${trunkless}`, `0086${trunkless}`];
  if (local.length >= MIN_PHONE_DIGITS && local.length <= 8) forms.push(local);
  return forms;
}
