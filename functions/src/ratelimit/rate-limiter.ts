// Rate limits on the actions a spammer or a script would repeat: logging in, posting demands, submitting solutions
// and inviting holders to 揭榜. Each is limited per user and per client IP, in fixed windows counted in DynamoDB (so
// every Lambda container shares one count). Over the limit: 429 with Retry-After, and nothing is done.
import { fail, ok, type Result } from '@cic/shared';
import type { Clock } from '../common/clock';

export type RateAction = 'login' | 'post' | 'solution' | 'invitation';
export type RateSubject = { kind: 'ip' | 'user'; id: string };

interface Window {
  limit: number;
  seconds: number;
}

/** Generous for people, tight for scripts. RATE_LIMIT_SCALE multiplies every limit (the local stack's tests log in hundreds of users from one IP). */
export const RATE_RULES: Record<RateAction, Record<RateSubject['kind'], Window>> = {
  login: { ip: { limit: 30, seconds: 60 }, user: { limit: 10, seconds: 60 } },
  post: { ip: { limit: 60, seconds: 3600 }, user: { limit: 20, seconds: 3600 } },
  solution: { ip: { limit: 60, seconds: 3600 }, user: { limit: 10, seconds: 3600 } },
  // 动员揭榜: an organiser may invite a few dozen holders an hour; a script inviting everyone may not.
  invitation: { ip: { limit: 60, seconds: 3600 }, user: { limit: 30, seconds: 3600 } },
};

const ACTION_LABELS: Record<RateAction, string> = {
  login: '登录',
  post: '发布需求',
  solution: '提交方案',
  invitation: '邀请揭榜',
};

export const RATE_ACTIONS = Object.keys(RATE_RULES) as RateAction[];

/** Whose hits a counter holds: one action by one subject, e.g. `post#user#<id>`. Its windows are kept under it. */
export const counterKey = (action: RateAction, subject: RateSubject): string => `${action}#${subject.kind}#${subject.id}`;

export interface RateCounterPort {
  /**
   * Counts one hit in the window starting at `windowStart` (epoch seconds) of the counter `key`, unless it already
   * holds `limit`: true when counted (allowed).
   */
  hit(key: string, windowStart: number, limit: number, expiresAtEpochSeconds: number): Promise<boolean>;
  /** Every window of these counters (a person's, when their account is erased). */
  deleteAll(keys: readonly string[]): Promise<number>;
}

export function createRateLimiter(deps: { counters: RateCounterPort; clock: Clock; scale: number }) {
  return {
    async check(action: RateAction, subject: RateSubject): Promise<Result<void>> {
      const rule = RATE_RULES[action][subject.kind];
      const limit = Math.max(1, Math.round(rule.limit * deps.scale));
      const now = deps.clock.now().getTime() / 1000;
      const start = Math.floor(now / rule.seconds) * rule.seconds;
      const end = start + rule.seconds;
      // Kept a window past its end, then DynamoDB's TTL removes it.
      if (await deps.counters.hit(counterKey(action, subject), start, limit, end + rule.seconds)) return ok(undefined);
      const retryAfter = Math.max(1, Math.ceil(end - now));
      const wait = retryAfter >= 120 ? `${Math.ceil(retryAfter / 60)} 分钟` : `${retryAfter} 秒`;
      return fail('RATE.LIMITED', {
        retryAfter,
        message: `${ACTION_LABELS[action]}过于频繁，请 ${wait}后再试`,
      });
    },

    /** A person's counters of every action, when their account is erased (注销). */
    forget(userId: string): Promise<number> {
      return deps.counters.deleteAll(RATE_ACTIONS.map((action) => counterKey(action, { kind: 'user', id: userId })));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
