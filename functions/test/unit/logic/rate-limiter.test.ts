import { createRateLimiter, RATE_RULES, type RateCounterPort } from '../../../src/ratelimit/rate-limiter';
import { createFixedClock } from '../../fakes/fixed-clock';

/** The counter's contract, in memory: a hit is counted only below the limit. */
function memoryCounters(): RateCounterPort & { keys(): string[] } {
  const hits = new Map<string, number>();
  return {
    async hit(key, windowStart, limit) {
      const window = `${key}#${windowStart}`;
      const n = hits.get(window) ?? 0;
      if (n >= limit) return false;
      hits.set(window, n + 1);
      return true;
    },
    async deleteAll(keys) {
      const gone = [...hits.keys()].filter((w) => keys.some((k) => w.startsWith(`${k}#`)));
      for (const w of gone) hits.delete(w);
      return gone.length;
    },
    keys: () => [...hits.keys()],
  };
}

describe('rate limiter', () => {
  it('allows the limit in a window, then refuses with the seconds until the window ends', async () => {
    const clock = createFixedClock('2026-11-22T08:00:30.000Z');
    const limiter = createRateLimiter({ counters: memoryCounters(), clock, scale: 1 });
    const { limit } = RATE_RULES.login.ip;
    for (let i = 0; i < limit; i += 1) expect((await limiter.check('login', { kind: 'ip', id: '1.2.3.4' })).ok).toBe(true);
    const refused = await limiter.check('login', { kind: 'ip', id: '1.2.3.4' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'RATE.LIMITED', retryAfter: 30, message: '登录过于频繁，请 30 秒后再试' },
    });
    // Another IP and the same IP in the next window are counted apart.
    expect((await limiter.check('login', { kind: 'ip', id: '5.6.7.8' })).ok).toBe(true);
    clock.advance(30_000);
    expect((await limiter.check('login', { kind: 'ip', id: '1.2.3.4' })).ok).toBe(true);
  });

  it('counts users and actions apart, and scales every limit', async () => {
    const counters = memoryCounters();
    const clock = createFixedClock('2026-11-22T08:00:00.000Z');
    const limiter = createRateLimiter({ counters, clock, scale: 0.1 });
    const limit = Math.round(RATE_RULES.solution.user.limit * 0.1);
    for (let i = 0; i < limit; i += 1) expect((await limiter.check('solution', { kind: 'user', id: 'u1' })).ok).toBe(true);
    const refused = await limiter.check('solution', { kind: 'user', id: 'u1' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('提交方案过于频繁，请 60 分钟后再试');
    expect((await limiter.check('post', { kind: 'user', id: 'u1' })).ok).toBe(true);
    expect((await limiter.check('solution', { kind: 'user', id: 'u2' })).ok).toBe(true);
    expect(counters.keys().every((k) => /^(solution|post)#user#u[12]#\d+$/.test(k))).toBe(true);
  });

  it('forgets every counter of a person and only theirs', async () => {
    const counters = memoryCounters();
    const limiter = createRateLimiter({ counters, clock: createFixedClock('2026-11-22T08:00:00.000Z'), scale: 1 });
    for (const action of ['login', 'post', 'solution'] as const) {
      await limiter.check(action, { kind: 'user', id: 'u1' });
      await limiter.check(action, { kind: 'user', id: 'u10' });
      await limiter.check(action, { kind: 'ip', id: 'u1' });
    }
    expect(await limiter.forget('u1')).toBe(3);
    expect(counters.keys().filter((k) => k.includes('#user#u1#'))).toEqual([]);
    expect(counters.keys().filter((k) => k.includes('#user#u10#'))).toHaveLength(3);
    expect(counters.keys().filter((k) => k.includes('#ip#u1#'))).toHaveLength(3);
  });
});
