// Narrowing helpers for Result<T>: a test states which outcome it expects and then reads it with full types.
import type { AppError, ErrorCode, Result } from '@cic/shared';

/** The value of a successful result; fails the test with the error code otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.value;
}

/** The error of a failed result, checked to carry `code`; fails the test when the result is ok. */
export function errorOf<T>(result: Result<T>, code: ErrorCode): AppError {
  if (result.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe(code);
  return result.error;
}
