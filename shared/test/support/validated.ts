// Unwrapping a schema's answer in a test: the value of a success, the field errors of a failure, or a thrown error
// that says what came instead.
import type { FieldErrors, Validated } from '@cic/shared';

export function okValue<T>(r: Validated<T>): T {
  if (!r.ok) throw new Error(`expected ok, got errors ${JSON.stringify(r.fields)}`);
  return r.value;
}

export function failFields<T>(r: Validated<T>): FieldErrors {
  if (r.ok) throw new Error(`expected failure, got value ${JSON.stringify(r.value)}`);
  return r.fields;
}
