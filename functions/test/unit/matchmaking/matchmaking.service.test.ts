// The matchmaking service over in-memory ports: both streams (who is told, with which push, once), the percolator's
// filing, the match lists' access rule and similar demands.
import type { Achievement, Demand, Notification } from '@cic/shared';
import type { IndexKey } from '../../../src/alerts/percolator.port';
import type { AuthUser } from '../../../src/auth/auth-user';
import type { AchievementIndexEntry, AchievementIndexPort } from '../../../src/matchmaking/achievement-index.port';
import { createMatchmaking } from '../../../src/matchmaking/matchmaking.service';
import { createInMemoryDemandRepository } from '../../fakes/in-memory-demand.repository';
import { createFixedClock } from '../../fakes/fixed-clock';
import { createMockDemand } from '../../fakes/demand.factory';
import { mockAchievement, reducerDemand } from './achievement.fixture';

class InMemoryAchievementIndex implements AchievementIndexPort {
  readonly partitions = new Map<IndexKey, Map<string, AchievementIndexEntry>>();
  readonly reads: IndexKey[] = [];
  async file(entry: AchievementIndexEntry, keys: readonly IndexKey[]) {
    for (const key of keys) {
      const p = this.partitions.get(key) ?? new Map<string, AchievementIndexEntry>();
      p.set(entry.achievementId, entry);
      this.partitions.set(key, p);
    }
  }
  async unfile(entry: AchievementIndexEntry, keys: readonly IndexKey[]) {
    for (const key of keys) this.partitions.get(key)?.delete(entry.achievementId);
  }
  async *readPartition(key: IndexKey) {
    this.reads.push(key);
    yield* this.partitions.get(key)?.values() ?? [];
  }
  async indexedKeywords() {
    return new Set([...this.partitions].filter(([, p]) => p.size > 0).map(([k]) => k.replace(/^kw#/, '')));
  }
}

function setup(demands: Demand[] = [], achievements: Achievement[] = []) {
  const index = new InMemoryAchievementIndex();
  const stored = new Map(achievements.map((a) => [a.id, a]));
  const demandRepo = createInMemoryDemandRepository(demands);
  const written: Notification[] = [];
  const service = createMatchmaking({
    index,
    achievements: {
      get: async (id) => stored.get(id),
      getMany: async (ids) => ids.flatMap((id) => (stored.has(id) ? [stored.get(id) as Achievement] : [])),
    },
    demands: demandRepo,
    // The search index's candidates, as far as matching needs them: published demands whose text holds a phrase.
    search: {
      candidates: async (phrases, limit) => {
        const score = (d: Demand) => phrases.filter((p) => `${d.title}${d.description}`.includes(p)).length;
        return demands
          .filter((d) => d.status === 'published' && score(d) > 0)
          .sort((a, b) => score(b) - score(a))
          .slice(0, limit)
          .map((d) => d.id);
      },
    },
    notifications: {
      createOnce: async (n) => {
        if (written.some((w) => w.userId === n.userId && w.id === n.id)) return false;
        written.push(n);
        return true;
      },
    },
    clock: createFixedClock(),
  });
  return { service, index, stored, written };
}

const owner: AuthUser = { id: 'owner-1', role: 'user' };
const admin: AuthUser = { id: 'admin-1', role: 'admin' };
const stranger: AuthUser = { id: 'someone', role: 'user' };

describe('a demand published: the holders of matching 成果', () => {
  it('tells each holder once (their best 成果), pushes the main tier only, never the demand owner, once on replay', async () => {
    const reducer = mockAchievement({ ownerId: 'holder-a' });
    const secondOfA = mockAchievement({ ownerId: 'holder-a', keywords: ['焊接'] });
    const welding = mockAchievement({ ownerId: 'holder-b', title: '焊接机器人工作站（示例）', keywords: ['焊接'] });
    const own = mockAchievement({ ownerId: 'owner-1' });
    const unrelated = mockAchievement({ ownerId: 'holder-c', keywords: ['锂电池'], title: '锂电池（示例）' });
    const { service, written } = setup([], [reducer, secondOfA, welding, own, unrelated]);
    for (const a of [reducer, secondOfA, welding, own, unrelated]) await service.onAchievementChange(undefined, a);
    expect(written).toEqual([]); // no demand yet: nobody to tell

    const demand = reducerDemand({ ownerId: 'owner-1' });
    const draft = { ...demand, status: 'pending_review' as const };
    expect(await service.onDemandChange(draft, demand)).toBe(2);
    const byUser = new Map(written.map((n) => [n.userId, n]));
    expect([...byUser.keys()].sort()).toEqual(['holder-a', 'holder-b']);
    expect(byUser.get('holder-a')).toMatchObject({
      id: `achievement_match#${demand.id}`,
      reason: 'achievement_match',
      demandId: demand.id,
      achievementId: reducer.id,
      tier: 'main',
      push: 'pending',
      title: demand.title,
    });
    expect(byUser.get('holder-b')).toMatchObject({ achievementId: welding.id, tier: 'mentioned', push: 'inbox_only' });
    expect(byUser.get('holder-b')?.explanation?.keywords[0]).toMatchObject({ keyword: '焊接', where: 'description' });

    // Replayed, or changed again while published: nothing new.
    expect(await service.onDemandChange(draft, demand)).toBe(0);
    expect(await service.onDemandChange(demand, { ...demand, version: demand.version + 1 })).toBe(0);
    expect(written).toHaveLength(2);
  });

  it('reads only the partitions of concepts the demand names, and skips 成果 no longer published', async () => {
    const reducer = mockAchievement({ ownerId: 'holder-a' });
    const { service, index, stored, written } = setup([], [reducer]);
    await service.onAchievementChange(undefined, reducer);
    stored.set(reducer.id, { ...reducer, status: 'closed' });
    await service.onDemandChange(undefined, reducerDemand());
    // Not kw#齿轮传动, which the 成果 is also filed under but the demand does not name.
    expect([...index.reads].sort()).toEqual(['kw#减速器', 'kw#谐波减速器'].sort());
    expect(written).toEqual([]);
  });
});

describe('a 成果 published: the owners of matching open demands', () => {
  it('files it under each keyword concept, tells each owner once in the inbox only, and unfiles it on close', async () => {
    const demandA = reducerDemand({ ownerId: 'owner-a' });
    const demandA2 = reducerDemand({ ownerId: 'owner-a', title: '谐波减速器柔轮疲劳' });
    const demandB = reducerDemand({ ownerId: 'owner-b' });
    const ownDemand = reducerDemand({ ownerId: 'holder-x' });
    const closed = reducerDemand({ ownerId: 'owner-c', status: 'closed' });
    const other = createMockDemand({ status: 'published', ownerId: 'owner-d' });
    const achievement = mockAchievement({ ownerId: 'holder-x' });
    const { service, index, written } = setup([demandA, demandA2, demandB, ownDemand, closed, other], [achievement]);

    const pending = { ...achievement, status: 'pending_review' as const };
    expect(await service.onAchievementChange(pending, achievement)).toBe(2);
    expect(written.map((n) => n.userId).sort()).toEqual(['owner-a', 'owner-b']);
    for (const n of written) {
      expect(n).toMatchObject({
        id: `new_achievement#${achievement.id}`,
        reason: 'new_achievement',
        achievementId: achievement.id,
        push: 'inbox_only',
        title: achievement.title,
      });
    }
    expect([...index.partitions.keys()].sort()).toEqual(['kw#减速器', 'kw#谐波减速器', 'kw#齿轮传动'].sort());
    expect(await service.onAchievementChange(pending, achievement)).toBe(0); // replayed

    await service.onAchievementChange(achievement, { ...achievement, status: 'closed' });
    expect(await index.indexedKeywords()).toEqual(new Set());
  });
});

describe('the match lists and the scorecard', () => {
  it('lists the 成果 that fit the demand for its owner and admins; others get the not-found answer of a made-up id', async () => {
    const demand = reducerDemand({ ownerId: owner.id });
    const reducer = mockAchievement();
    const welding = mockAchievement({ title: '焊接机器人工作站（示例）', keywords: ['焊接'] });
    const draft = mockAchievement({ status: 'draft' });
    const own = mockAchievement({ ownerId: owner.id });
    const { service } = setup([demand], [reducer, welding, draft, own]);
    for (const a of [reducer, welding, own]) await service.onAchievementChange(undefined, a);

    const mine = await service.matchesForDemand(owner, demand.id);
    expect(mine.ok && mine.value.items.map((i) => i.achievementId)).toEqual([reducer.id, welding.id]);
    expect(mine.ok && mine.value.items[0]).toMatchObject({
      title: reducer.title,
      tier: 'main',
      trl: 7,
      holderType: 'university',
    });
    const one = await service.matchesForDemand(admin, demand.id, 1);
    expect(one.ok && one.value.items).toHaveLength(1);

    const denied = await service.matchesForDemand(stranger, demand.id);
    const missing = await service.matchesForDemand(stranger, 'no-such-demand');
    expect(denied).toEqual(missing);
    expect(denied.ok || denied.error.code).toBe('DEMAND.NOT_FOUND');
  });

  it('lists the open demands a 成果 fits for its holder and admins', async () => {
    const demand = reducerDemand({ ownerId: 'owner-a' });
    const achievement = mockAchievement({ ownerId: 'holder-x' });
    const { service } = setup([demand, createMockDemand({ status: 'published' })], [achievement]);
    const mine = await service.matchesForAchievement({ id: 'holder-x', role: 'user' }, achievement.id);
    expect(mine.ok && mine.value.items).toEqual([
      expect.objectContaining({ demandId: demand.id, title: demand.title, tier: 'main', budgetWan: 100, region: demand.region }),
    ]);
    const denied = await service.matchesForAchievement(stranger, achievement.id);
    expect(denied).toEqual(await service.matchesForAchievement(stranger, 'no-such'));
    expect(denied.ok || denied.error.code).toBe('ACHIEVEMENT.NOT_FOUND');
  });

  it('gives the scorecard of a published 成果 to the demand owner only', async () => {
    const demand = reducerDemand({ ownerId: owner.id });
    const achievement = mockAchievement();
    const hidden = mockAchievement({ status: 'pending_review' });
    const { service } = setup([demand], [achievement, hidden]);
    const card = await service.scorecard(owner, demand.id, achievement.id);
    expect(card.ok && card.value).toMatchObject({ demandId: demand.id, achievementId: achievement.id, fit: { tier: 'main' } });
    expect((await service.scorecard(stranger, demand.id, achievement.id)).ok).toBe(false);
    const unpublished = await service.scorecard(owner, demand.id, hidden.id);
    expect(unpublished.ok || unpublished.error.code).toBe('ACHIEVEMENT.NOT_FOUND');
  });
});

describe('similar demands', () => {
  it('gives published demands about the same things, never the demand itself, and 404 for a demand not public', async () => {
    const demand = reducerDemand();
    const alike = reducerDemand({ title: '机器人关节谐波减速器柔轮寿命', ownerId: 'other' });
    const unrelated = createMockDemand({
      status: 'published',
      title: '锂电池正极材料包覆',
      description: '正极材料表面包覆改性。',
    });
    const draft = reducerDemand({ status: 'draft' });
    const { service } = setup([demand, alike, unrelated, draft]);
    const similar = await service.similar(demand.id);
    expect(similar.ok && similar.value.items.map((i) => i.demandId)).toEqual([alike.id]);
    expect(similar.ok && similar.value.items[0]).toMatchObject({ title: alike.title, field: 'equipment' });
    expect(similar.ok && similar.value.items[0]?.score).toBeGreaterThan(0);
    const hidden = await service.similar(draft.id);
    expect(hidden).toEqual(await service.similar('no-such'));
  });
});
