/**
 * The smallest non-zero amount the forms take: amounts have at most 4 decimals (0.0001 万元 is 1 元), and DynamoDB
 * cannot store a number below 1e-130 at all. A non-zero value under it is a typo or a probe, refused by name.
 */
export const MIN_FRACTION = 0.0001;
export const storable = (v: number): boolean => v === 0 || Math.abs(v) >= MIN_FRACTION;

/**
 * 1234567.5 → "1,234,567.5". Not toLocaleString: on a cold Lambda its first call loads ICU's locale data (about 25 ms
 * of every function's start, as the schemas build their messages at load), and mini-program engines without full ICU
 * may ignore the locale.
 */
export function groupDigits(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
