// A clock that only moves when a test moves it, so timestamps and orderings are exact.
import type { Clock } from '../../src/common/clock';

export const DEFAULT_START = '2025-03-01T08:00:00.000Z';

export interface FixedClock extends Clock {
  /** Moves the clock forward (or back, with a negative value) by `ms` milliseconds. */
  advance(ms: number): void;
  /** Jumps to an instant. */
  set(at: string | Date): void;
  /** The current instant as an ISO string, as the services write it. */
  iso(): string;
}

export function createFixedClock(start: string | Date = DEFAULT_START): FixedClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new Error(`invalid clock start: ${String(start)}`);
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(at) {
      const next = new Date(at).getTime();
      if (Number.isNaN(next)) throw new Error(`invalid instant: ${String(at)}`);
      current = next;
    },
    iso: () => new Date(current).toISOString(),
  };
}
