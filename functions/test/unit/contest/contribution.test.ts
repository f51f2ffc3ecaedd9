import type { Achievement, Demand, NotificationReason } from '@cic/shared';
import { achievementContributionOf, contributionOf, difference, type Contribution } from '../../../src/stats/contribution';
import { createStatsService, toStatsResponse } from '../../../src/stats/stats.service';
import type { StatsRepository } from '../../../src/stats/stats.ports';
import { createMockDemand } from '../../fakes/demand.factory';
import { createFixedClock } from '../../fakes/fixed-clock';

describe('what a demand contributes to the figures', () => {
  it('a draft counts only by status', () => {
    expect(contributionOf(createMockDemand({ status: 'draft' }))).toEqual({ 'status#draft': 1 });
  });

  it('a published demand counts by field, province and budget too', () => {
    const d = createMockDemand({ status: 'published', field: 'ai', region: '江苏省 / 苏州市', budgetWan: 12.5 });
    expect(contributionOf(d)).toEqual({
      'status#published': 1,
      published: 1,
      'field#ai': 1,
      'region#江苏省': 1,
      budgetWan: 12.5,
    });
  });

  it('solutions and a match count once per demand, whatever its status', () => {
    const d: Demand = {
      ...createMockDemand({ status: 'published' }),
      status: 'matched',
      solutionCount: 3,
      matchedAt: '2026-01-02T00:00:00.000Z',
    };
    const c = contributionOf(d);
    expect(c).toMatchObject({ 'status#matched': 1, published: 1, solutions: 3, withSolutions: 1, matched: 1 });
  });

  it('a deleted demand contributes nothing', () => {
    expect(contributionOf(undefined)).toEqual({});
  });
});

describe('difference', () => {
  it('moves a demand from one status to another and drops zeros', () => {
    expect(difference({ 'status#published': 1, published: 1 }, { 'status#pending_review': 1 })).toEqual({
      'status#published': 1,
      'status#pending_review': -1,
      published: 1,
    });
  });
  it('is empty for the same contribution (a replayed change)', () => {
    const c = { 'status#published': 1, budgetWan: 0.1 + 0.2 };
    expect(difference(c, { 'status#published': 1, budgetWan: 0.3 })).toEqual({});
  });
});

describe('toStatsResponse', () => {
  it('lists every status and field, with zeros, and only regions that have demands', () => {
    const r = toStatsResponse(
      { 'status#published': 2, published: 2, 'field#ai': 2, 'region#上海市': 2, 'region#浙江省': 0, budgetWan: 30 },
      'now',
    );
    expect(r.demands.byStatus).toEqual({ draft: 0, pending_review: 0, rejected: 0, published: 2, matched: 0, closed: 0 });
    expect(r.demands.byField.ai).toBe(2);
    expect(r.demands.byField.new_energy).toBe(0);
    expect(r.demands.byRegion).toEqual({ 上海市: 2 });
    expect(r.budgetWan).toBe(30);
    expect(r.matched).toBe(0);
  });
});

describe('what a 成果 contributes to the figures', () => {
  const achievement = (status: Achievement['status'], publishedAt?: string) =>
    ({ id: 'a1', status, ...(publishedAt ? { publishedAt } : {}) }) as Achievement;

  it('counts once it is or was public, like a demand in `published`', () => {
    expect(achievementContributionOf(achievement('draft'))).toEqual({});
    expect(achievementContributionOf(achievement('pending_review'))).toEqual({});
    expect(achievementContributionOf(achievement('published', '2026-01-01T00:00:00.000Z'))).toEqual({ achievements: 1 });
    expect(achievementContributionOf(achievement('closed', '2026-01-01T00:00:00.000Z'))).toEqual({ achievements: 1 });
    expect(achievementContributionOf(achievement('closed'))).toEqual({});
    expect(achievementContributionOf(undefined)).toEqual({});
  });
});

/** The stats table in memory: contributions replaced with the counters moved by the difference, markers per event. */
function inMemoryStats(): StatsRepository & { counters: Contribution; writes: number } {
  const contributions = new Map<string, { order: string; c: Contribution }>();
  const markers = new Set<string>();
  const repo = {
    counters: {} as Contribution,
    writes: 0,
    async apply(key: string, order: string, next: Contribution) {
      const stored = contributions.get(key);
      if (stored && stored.order >= order) return {};
      const delta = difference(next, stored?.c ?? {});
      contributions.set(key, { order, c: next });
      for (const [k, v] of Object.entries(delta)) repo.counters[k] = (repo.counters[k] ?? 0) + v;
      repo.writes += 1;
      return delta;
    },
    async countOnce(eventId: string, counter: string) {
      if (markers.has(eventId)) return false;
      markers.add(eventId);
      repo.counters[counter] = (repo.counters[counter] ?? 0) + 1;
      repo.writes += 1;
      return true;
    },
    async read() {
      return { ...repo.counters };
    },
  };
  return repo;
}

describe('the figures of 成果, matches and invitations', () => {
  const setUp = () => {
    const repo = inMemoryStats();
    return { repo, stats: createStatsService({ stats: repo, clock: createFixedClock(), cacheMs: 0 }) };
  };
  const order = (n: number) => String(n).padStart(40, '0');
  const published = { id: 'a1', status: 'published', publishedAt: '2026-01-01T00:00:00.000Z' } as Achievement;

  it('counts a published 成果 once through its changes and replays, and a draft costs no write', async () => {
    const { repo, stats } = setUp();
    const draft = { id: 'a1', status: 'draft' } as Achievement;
    await stats.onAchievementChange('a1', order(1), undefined, draft);
    await stats.onAchievementChange('a1', order(2), draft, { ...draft, status: 'pending_review' });
    expect(repo.writes).toBe(0);
    await stats.onAchievementChange('a1', order(3), { ...draft, status: 'pending_review' }, published);
    await stats.onAchievementChange('a1', order(3), { ...draft, status: 'pending_review' }, published);
    await stats.onAchievementChange('a1', order(4), published, { ...published, status: 'closed' });
    expect(repo.counters).toEqual({ achievements: 1 });
    expect(await stats.read()).toMatchObject({ ok: true, value: { achievements: 1 } });
  });

  it('counts each inbox item that tells of a match once, and no other kind', async () => {
    const { repo, stats } = setUp();
    const item = (id: string, reason: NotificationReason) => ({ userId: 'u1', id, reason });
    expect(await stats.onNotificationCreated(item('achievement_match#d1#a1', 'achievement_match'))).toBe(true);
    expect(await stats.onNotificationCreated(item('achievement_match#d1#a1', 'achievement_match'))).toBe(false);
    expect(await stats.onNotificationCreated(item('new_achievement#a1#d1', 'new_achievement'))).toBe(true);
    for (const reason of ['new_match', 'invitation', 'solution_new'] as const) {
      expect(await stats.onNotificationCreated(item(`${reason}#x`, reason))).toBe(false);
    }
    expect(repo.counters).toEqual({ matches: 2 });
  });

  it('answers every new figure, zero when nothing was counted', () => {
    const r = toStatsResponse({ achievements: 3, matches: 7, invitations: 4, invitationsAccepted: 1 }, 'now');
    expect(r).toMatchObject({ achievements: 3, matches: 7, invitations: 4, invitationsAccepted: 1 });
    expect(toStatsResponse({}, 'now')).toMatchObject({ achievements: 0, matches: 0, invitations: 0, invitationsAccepted: 0 });
  });
});
