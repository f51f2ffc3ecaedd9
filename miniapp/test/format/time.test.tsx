import { formatDate, formatDateTime, formatRelativeTime } from '../../src/format';

// 2026-11-22 10:00 in China (02:00 UTC).
const now = new Date('2026-11-22T02:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatRelativeTime', () => {
  it('says 刚刚 for under a minute, and for a timestamp slightly in the future', () => {
    expect(formatRelativeTime(ago(20_000), now)).toBe('刚刚');
    expect(formatRelativeTime(ago(-30_000), now)).toBe('刚刚');
  });

  it('counts minutes, then hours within the same day', () => {
    expect(formatRelativeTime(ago(3 * MIN), now)).toBe('3分钟前');
    expect(formatRelativeTime(ago(59 * MIN), now)).toBe('59分钟前');
    expect(formatRelativeTime(ago(2 * HOUR), now)).toBe('2小时前');
  });

  it('calls the previous calendar day in China 昨天, even when less than 24 hours ago', () => {
    // 2026-11-21 23:30 China time: 10.5 hours ago, but yesterday.
    expect(formatRelativeTime('2026-11-21T15:30:00Z', now)).toBe('昨天');
    // 2026-11-22 00:10 China time is still today.
    expect(formatRelativeTime('2026-11-21T16:10:00Z', now)).toBe('9小时前');
  });

  it('counts days within a week, then shows the date', () => {
    expect(formatRelativeTime('2026-11-19T02:00:00Z', now)).toBe('3天前');
    expect(formatRelativeTime('2026-11-01T04:00:00Z', now)).toBe('2026-11-01');
  });

  it('shows nothing for a missing or broken time', () => {
    expect(formatRelativeTime(undefined, now)).toBe('');
    expect(formatRelativeTime('not a date', now)).toBe('');
  });
});

describe('absolute dates in China time', () => {
  it('uses the China calendar day, not UTC', () => {
    // 2026-10-31 17:30 UTC is 2026-11-01 01:30 in China.
    expect(formatDate('2026-10-31T17:30:00Z')).toBe('2026-11-01');
    expect(formatDateTime('2026-10-31T17:30:00Z')).toBe('2026-11-01 01:30');
  });
});
