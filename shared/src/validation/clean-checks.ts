// cleanText as zod/mini pieces, so that every schema cleans a person's text the same way and before anything counts it.
import * as z from 'zod/mini';
import { cleanText, isBlankText } from '../text/clean';
import { charCount } from './field-errors';

/**
 * The first check of a single-line text field (a name, a title, a phone, a keyword): cleans it and puts each run of
 * tabs and line breaks as one space. It replaces `z.trim()`, whose trimming it includes.
 */
export const cleanLine = () => z.overwrite((value: string) => cleanText(value, { multiline: false }));

/** The first check of a multi-line text field (a description, an introduction, a reason): cleans it, keeping its lines. */
export const cleanLines = () => z.overwrite((value: string) => cleanText(value, { multiline: true }));

/** For a preprocess in front of an optional or required field: text with nothing visible in it is "not given". */
export const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && isBlankText(value) ? undefined : value;

/** A maximum in characters as a person counts them (code points, so 𠮷 is one), not in UTF-16 units. */
export const maxChars = (max: number, error: string) => z.refine<string>((value) => charCount(value) <= max, { error });

/** A minimum in characters as a person counts them. */
export const minChars = (min: number, error: string) => z.refine<string>((value) => charCount(value) >= min, { error });
