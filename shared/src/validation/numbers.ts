/**
 * The smallest non-zero amount the forms take: amounts have at most 4 decimals (0.0001 万元 is 1 元), and DynamoDB
 * cannot store a number below 1e-130 at all. A non-zero value under it is a typo or a probe, refused by name.
 */
export const MIN_FRACTION = 0.0001;
export const storable = (v: number): boolean => v === 0 || Math.abs(v) >= MIN_FRACTION;
