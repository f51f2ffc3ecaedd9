// Times as a person in China reads them. Days are counted in China Standard Time (UTC+8, no DST) whatever the
// device's zone, so "昨天" means the same thing on every phone and in tests.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

function parse(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** Days since the epoch, counted in CST. */
const cstDay = (t: number) => Math.floor((t + CST_OFFSET_MS) / DAY);

function cstParts(t: number) {
  const d = new Date(t + CST_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

/** 2026-11-01 */
export function formatDate(iso: string | undefined): string {
  const t = parse(iso);
  if (t === undefined) return '';
  const p = cstParts(t);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** 2026-11-01 14:05 */
export function formatDateTime(iso: string | undefined): string {
  const t = parse(iso);
  if (t === undefined) return '';
  const p = cstParts(t);
  return `${formatDate(iso)} ${pad(p.h)}:${pad(p.min)}`;
}

/** 刚刚, 3分钟前, 2小时前 (today), 昨天, 3天前 (within a week), then the date. */
export function formatRelativeTime(iso: string | undefined, now: Date = new Date()): string {
  const t = parse(iso);
  if (t === undefined) return '';
  const nowMs = now.getTime();
  const ago = nowMs - t;
  // A clock a little ahead of ours is still "just now".
  if (ago < MINUTE) return '刚刚';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)}分钟前`;
  const days = cstDay(nowMs) - cstDay(t);
  if (days === 0) return `${Math.floor(ago / HOUR)}小时前`;
  if (days === 1) return '昨天';
  if (days < 7) return `${days}天前`;
  return formatDate(iso);
}
