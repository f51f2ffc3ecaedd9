// What classic zod gave that zod/mini, which every bundle loads in a fraction of the time, does not.
import { en } from 'zod/locales';
import * as z from 'zod/mini';

/** Classic zod's `z.preprocess`, which is exactly this: the function as a transform, piped into the schema. */
export const preprocess = <T extends z.ZodMiniType>(fn: (value: unknown) => unknown, schema: T) =>
  z.pipe(z.transform(fn), schema);

/**
 * zod's own English wording (its `en` locale, about 3 KB, which esbuild and webpack take alone from `zod/locales`),
 * for the few schemas that have no message of their own: the configuration and the synonym table, whose errors a
 * developer reads, and the bare types of some query parameters. zod/mini loads no locale and would say only
 * "Invalid input".
 */
export const englishMessage: z.core.$ZodErrorMap = en().localeError;
