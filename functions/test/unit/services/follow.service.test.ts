// The follow service over in-memory stores: idempotent follows, exact counts, which demands may be followed, and the
// caller's follows as public summaries, newest first.
import type { Demand, DemandStatus, Result } from '@cic/shared';
import type { AuthUser } from '../../../src/auth/auth-user';
import { createCursorCodec } from '../../../src/common/cursor';
import { createFollowService } from '../../../src/follows/follow.service';
import { completeForm, createMockDemand } from '../../fakes/demand.factory';
import { createFixedClock } from '../../fakes/fixed-clock';
import { createInMemoryDemandRepository } from '../../fakes/in-memory-demand.repository';
import { createInMemoryFollowRepository } from '../../fakes/in-memory-follow.repository';
import { errorOf, unwrap } from './expect-result';

const owner: AuthUser = { id: 'u-owner', role: 'user' };
const alice: AuthUser = { id: 'u-alice', role: 'user' };
const bob: AuthUser = { id: 'u-bob', role: 'user' };
const carol: AuthUser = { id: 'u-carol', role: 'judge' };

const MINUTE = 60_000;

function setup() {
  const clock = createFixedClock();
  const demands = createInMemoryDemandRepository();
  const follows = createInMemoryFollowRepository(demands);
  const service = createFollowService({ follows, demands, clock, cursors: createCursorCodec('unit-cursor-secret') });

  async function seed(overrides: Partial<Demand> = {}): Promise<Demand> {
    const demand = createMockDemand({ ownerId: owner.id, status: 'published', createdAt: clock.iso(), ...overrides });
    expect(await demands.create(demand)).toBe('created');
    return demand;
  }

  /** Follows at the current time, then moves the clock on. */
  async function followAt<T>(run: () => Promise<Result<T>>): Promise<T> {
    const value = unwrap(await run());
    clock.advance(MINUTE);
    return value;
  }

  return { clock, demands, follows, service, seed, followAt };
}

describe('follow and unfollow', () => {
  it('following twice is one follow', async () => {
    const h = setup();
    const demand = await h.seed();
    const followedAt = h.clock.iso();
    for (let i = 0; i < 3; i += 1) {
      expect(unwrap(await h.service.follow(alice, demand.id))).toEqual({
        demandId: demand.id,
        following: true,
        followerCount: 1,
      });
      h.clock.advance(MINUTE);
    }
    expect(h.demands.followerCount.of(demand.id)).toBe(1);
    // The first follow's time is kept.
    expect(h.follows.all()).toEqual([{ userId: alice.id, demandId: demand.id, followedAt }]);
  });

  it('keeps the count exact across users, and unfollowing twice is one unfollow', async () => {
    const h = setup();
    const demand = await h.seed();
    const counts: number[] = [];
    for (const user of [alice, bob, carol, owner]) counts.push(unwrap(await h.service.follow(user, demand.id)).followerCount);
    expect(counts).toEqual([1, 2, 3, 4]);

    expect(unwrap(await h.service.unfollow(bob, demand.id))).toEqual({
      demandId: demand.id,
      following: false,
      followerCount: 3,
    });
    expect(unwrap(await h.service.unfollow(bob, demand.id))).toEqual({
      demandId: demand.id,
      following: false,
      followerCount: 3,
    });
    expect(h.demands.followerCount.of(demand.id)).toBe(3);
    expect(await h.follows.isFollowing(bob.id, demand.id)).toBe(false);
    expect(await h.follows.isFollowing(alice.id, demand.id)).toBe(true);
  });

  it('unfollowing what one never followed changes nothing', async () => {
    const h = setup();
    const demand = await h.seed();
    await h.service.follow(alice, demand.id);
    expect(unwrap(await h.service.unfollow(bob, demand.id))).toEqual({
      demandId: demand.id,
      following: false,
      followerCount: 1,
    });
    expect(h.follows.all()).toHaveLength(1);
  });

  it('reports the count as stored, not as the caller last saw it', async () => {
    const h = setup();
    const demand = await h.seed({ followerCount: 41 });
    expect(unwrap(await h.service.follow(alice, demand.id)).followerCount).toBe(42);
  });

  it.each(['draft', 'pending_review', 'rejected'] as const)(
    'a %s demand cannot be followed: NOT_PUBLISHED for its owner, NOT_FOUND for anyone else',
    async (status: DemandStatus) => {
      const h = setup();
      const demand = await h.seed({ status });
      errorOf(await h.service.follow(owner, demand.id), 'DEMAND.NOT_PUBLISHED');
      errorOf(await h.service.follow(alice, demand.id), 'DEMAND.NOT_FOUND');
      expect(h.follows.all()).toEqual([]);
      expect(h.demands.followerCount.of(demand.id)).toBe(0);
    },
  );

  it('a demand closed before it was published is NOT_FOUND for others, NOT_PUBLISHED for its owner', async () => {
    const h = setup();
    const demand = await h.seed({
      status: 'closed',
      publishedAt: undefined,
      closedAt: h.clock.iso(),
      history: [
        { status: 'draft', at: h.clock.iso() },
        { status: 'closed', at: h.clock.iso() },
      ],
    });
    errorOf(await h.service.follow(alice, demand.id), 'DEMAND.NOT_FOUND');
    errorOf(await h.service.follow(owner, demand.id), 'DEMAND.NOT_PUBLISHED');
  });

  it('a demand closed after publishing is visible but can no longer be followed: NOT_PUBLISHED', async () => {
    const h = setup();
    const demand = await h.seed({ status: 'closed' });
    errorOf(await h.service.follow(alice, demand.id), 'DEMAND.NOT_PUBLISHED');
    expect(h.follows.all()).toEqual([]);
  });

  it('an unknown demand is NOT_FOUND for follow and unfollow', async () => {
    const h = setup();
    errorOf(await h.service.follow(alice, 'no-such-demand'), 'DEMAND.NOT_FOUND');
    errorOf(await h.service.unfollow(alice, 'no-such-demand'), 'DEMAND.NOT_FOUND');
  });

  it('unfollowing a demand the caller may not see is NOT_FOUND, except for its owner', async () => {
    const h = setup();
    const draft = await h.seed({ status: 'draft' });
    errorOf(await h.service.unfollow(alice, draft.id), 'DEMAND.NOT_FOUND');
    expect(unwrap(await h.service.unfollow(owner, draft.id))).toEqual({
      demandId: draft.id,
      following: false,
      followerCount: 0,
    });
  });

  it('a follow outlives the demand closing, and can still be removed', async () => {
    const h = setup();
    const demand = await h.seed();
    await h.service.follow(alice, demand.id);
    await h.service.follow(bob, demand.id);
    const stored = await h.demands.get(demand.id);
    if (!stored) throw new Error('demand missing');
    const closedAt = h.clock.iso();
    const written = await h.demands.updateIfVersion(
      { ...stored, status: 'closed', closedAt, version: stored.version + 1, followerCount: 0 },
      stored.version,
    );
    expect(written).toBe(true);
    // The rewrite kept the count.
    expect(h.demands.followerCount.of(demand.id)).toBe(2);

    // Following again is still "following" (the follow exists), and nothing is counted twice.
    expect(unwrap(await h.service.follow(alice, demand.id))).toEqual({
      demandId: demand.id,
      following: true,
      followerCount: 2,
    });
    const mine = unwrap(await h.service.listMine(alice, { limit: 10 }));
    expect(mine.items.map((s) => [s.id, s.status])).toEqual([[demand.id, 'closed']]);
    expect(unwrap(await h.service.unfollow(alice, demand.id)).followerCount).toBe(1);
  });
});

describe('listMine', () => {
  it('returns public summaries with followedAt, newest follow first, in pages', async () => {
    const h = setup();
    const a = await h.seed({ title: '钛合金薄板激光焊接变形控制' });
    const b = await h.seed({ title: '锂电池极片激光焊接工艺优化', field: 'new_energy' });
    const c = await h.seed({ title: '工业视觉缺陷检测算法', field: 'ai' });
    const times: Record<string, string> = {};
    for (const d of [b, a, c]) {
      times[d.id] = h.clock.iso();
      await h.followAt(() => h.service.follow(alice, d.id));
    }
    await h.service.follow(bob, a.id);

    const first = unwrap(await h.service.listMine(alice, { limit: 2 }));
    expect(first.items.map((s) => [s.id, s.followedAt])).toEqual([
      [c.id, times[c.id]],
      [a.id, times[a.id]],
    ]);
    const cursor = first.nextCursor;
    if (cursor === null) throw new Error('expected a next page');
    const second = unwrap(await h.service.listMine(alice, { limit: 2, cursor }));
    expect(second.items.map((s) => [s.id, s.followedAt])).toEqual([[b.id, times[b.id]]]);
    expect(second.nextCursor).toBeNull();

    const summary = first.items[1];
    expect(summary).toMatchObject({
      id: a.id,
      status: 'published',
      title: a.title,
      field: a.field,
      region: a.region,
      budgetWan: a.budgetWan,
      cooperationModes: a.cooperationModes,
      publishedAt: a.publishedAt,
      followerCount: 2,
      anonymous: false,
    });
    expect(summary).not.toHaveProperty('ownerId');
    expect(summary).not.toHaveProperty('companyName');
    expect(summary).not.toHaveProperty('description');
    expect(summary?.excerpt).toMatch(/…$/);
    expect(Array.from(summary?.excerpt ?? '')).toHaveLength(81);
    expect((a.description ?? '').startsWith((summary?.excerpt ?? '').slice(0, -1))).toBe(true);
  });

  it('moves a demand to the top when it is followed again after an unfollow', async () => {
    const h = setup();
    const a = await h.seed();
    const b = await h.seed();
    await h.followAt(() => h.service.follow(alice, a.id));
    await h.followAt(() => h.service.follow(alice, b.id));
    await h.followAt(() => h.service.unfollow(alice, a.id));
    const refollowedAt = h.clock.iso();
    await h.followAt(() => h.service.follow(alice, a.id));
    const mine = unwrap(await h.service.listMine(alice, { limit: 10 }));
    expect(mine.items.map((s) => s.id)).toEqual([a.id, b.id]);
    expect(mine.items[0]?.followedAt).toBe(refollowedAt);
  });

  it('masks the hidden values of an anonymous demand in its summary', async () => {
    const h = setup();
    const form = completeForm({
      anonymous: true,
      description: '王工（13812345678）负责：需要解决钛合金薄板激光焊接的变形问题。',
    });
    const demand = await h.seed({ ...form });
    await h.service.follow(alice, demand.id);
    const [summary] = unwrap(await h.service.listMine(alice, { limit: 10 })).items;
    expect(summary?.excerpt).toBe('***（***）负责：需要解决钛合金薄板激光焊接的变形问题。');
    expect(JSON.stringify(summary)).not.toContain('13812345678');
  });

  it('is empty for someone who follows nothing', async () => {
    const h = setup();
    await h.seed();
    expect(unwrap(await h.service.listMine(alice, { limit: 10 }))).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a cursor from another user’s list or a mangled one', async () => {
    const h = setup();
    for (let i = 0; i < 2; i += 1) {
      const d = await h.seed();
      await h.followAt(() => h.service.follow(alice, d.id));
    }
    const cursor = unwrap(await h.service.listMine(alice, { limit: 1 })).nextCursor;
    if (cursor === null) throw new Error('expected a next page');
    errorOf(await h.service.listMine(bob, { limit: 1, cursor }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.listMine(alice, { limit: 1, cursor: cursor.slice(1) }), 'REQUEST.CURSOR_INVALID');
    expect(unwrap(await h.service.listMine(alice, { limit: 1, cursor })).items).toHaveLength(1);
  });
});
