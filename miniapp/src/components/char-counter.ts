// The character counter a form field shows beside its label (Field's `counter`): "120/300", or "30/50 字起" while a
// text is under its minimum. Pure, so the form models (tested without Taro) can use it.
import { charCount, cleanText } from '@cic/shared';

/**
 * Counted as the server counts: after cleaning, so invisible characters do not count and a line break only counts
 * where the field keeps it (`multiline`). Pass `min` only where the minimum should show until it is reached.
 */
export function charCounter(value: string | undefined, limits: { min?: number; max: number }, multiline: boolean): string {
  const n = charCount(cleanText(value ?? '', { multiline }));
  return limits.min !== undefined && n < limits.min ? `${n}/${limits.min} 字起` : `${n}/${limits.max}`;
}
