// The pieces of a query string's schema: every value arrives as text, and a blank one counts as absent.
import * as z from 'zod/mini';
import { blankToUndefined, cleanLine, maxChars } from './clean-checks';
import { englishMessage, preprocess } from './zod-mini';

export const optionalQuery = <T extends z.ZodMiniType>(schema: T) =>
  preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v), z.optional(schema));

// What has no message of its own keeps zod's English one, as before (a query value is always text anyway).
export const queryText = () => z.string({ error: englishMessage });

/** A query text a person typed (a search, a region): cleaned, and absent when nothing visible is left. */
export const optionalQueryText = (max: number, tooLong: string) =>
  preprocess(blankToUndefined, z.optional(queryText().check(cleanLine(), maxChars(max, tooLong))));

/** How many to answer (每页数量, 数量): a whole number from 1 to `max`, or absent; `noun` names it in the messages. */
export const optionalCount = (max: number, noun: string) =>
  optionalQuery(
    z.coerce
      .number({ error: `${noun}必须是数字` })
      .check(
        z.int({ error: `${noun}必须是整数` }),
        z.gte(1, { error: `${noun}至少为 1` }),
        z.lte(max, { error: `${noun}不能超过 ${max}` }),
      ),
  );
