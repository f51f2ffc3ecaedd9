import type { Result } from '@cic/shared';

/** A version as the client sent it: a plain number, or quoted as an entity tag, weak (W/) or not. */
const VERSION = /^(?:W\/)?(?:"(\d+)"|(\d+))$/;

/**
 * The If-Match header carries the version the client edited, for a 409 instead of a lost update. Absent, there is no
 * version to check. Present, it must be a version: anything else (`abc`, `1e3`, `-1`, `*`, `1, 2`, even an empty
 * value) is refused rather than read as "no version", which would silently skip the check the client asked for.
 */
export function ifMatch(header: string | undefined): Result<number | undefined> {
  if (header === undefined) return { ok: true, value: undefined };
  const match = VERSION.exec(header.trim());
  const version = match ? Number(match[1] ?? match[2]) : Number.NaN;
  if (!Number.isSafeInteger(version)) {
    return {
      ok: false,
      error: { code: 'REQUEST.VALIDATION', fields: { 'If-Match': 'If-Match 必须是需求或方案的版本号（整数）' } },
    };
  }
  return { ok: true, value: version };
}
