import type { z } from 'zod/mini';

/** Field key → a Chinese message that names the field. */
export type FieldErrors = Record<string, string>;

/**
 * A failure names each wrong field; `message` is about the whole input (not an object at all, say). It is kept apart
 * from the fields because a body may carry any key, even one named like a marker for "the whole object".
 */
export type Validated<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors; message?: string };

/** Counts characters as a person does (code points), so 𠮷 is one character, not two UTF-16 units. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Turns zod issues into one message per field: the first issue for a field is the one a person should fix first. */
export function toFieldErrors(error: z.core.$ZodError): { fields: FieldErrors; message?: string } {
  const fields: FieldErrors = {};
  let message: string | undefined;
  for (const issue of error.issues) {
    // Own keys only: a field named like an Object method (toString, valueOf…) still gets its message.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) if (!Object.hasOwn(fields, key)) fields[key] = `不支持的字段“${key}”`;
      continue;
    }
    const top = issue.path[0];
    if (top === undefined) message ??= issue.message;
    else if (!Object.hasOwn(fields, String(top))) fields[String(top)] = issue.message;
  }
  return message === undefined ? { fields } : { fields, message };
}

export function runSchema<T>(schema: z.ZodMiniType<T>, input: unknown): Validated<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, ...toFieldErrors(parsed.error) };
}
