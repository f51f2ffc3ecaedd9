import type { z } from 'zod';

/** Field key → a Chinese message that names the field. The `_` key holds a message about the whole object. */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

/** Counts characters as a person does (code points), so 𠮷 is one character, not two UTF-16 units. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Turns zod issues into one message per field: the first issue for a field is the one a person should fix first. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    // Own keys only: a field named like an Object method (toString, valueOf…) still gets its message.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) if (!Object.hasOwn(fields, key)) fields[key] = `不支持的字段“${key}”`;
      continue;
    }
    const top = issue.path[0];
    const key = top === undefined ? '_' : String(top);
    if (!Object.hasOwn(fields, key)) fields[key] = issue.message;
  }
  return fields;
}

export function runSchema<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: toFieldErrors(parsed.error) };
}
