// What a newly published demand writes into inboxes: one item per subscriber with the best of their matches, its
// tier copied out, pushed only when it is the main topic or the subscription asks for mentions too; and what a
// re-ranker may change (tiers and scores, nothing else).
import type { Demand, Notification } from '@cic/shared';
import { createDemandAlerts } from '../../../src/alerts/demand-alerts.service';
import type { RerankerPort } from '../../../src/alerts/reranker.port';
import { createMockDemand } from '../../fakes/demand.factory';
import { createFixedClock } from '../../fakes/fixed-clock';
import { InMemoryPercolator, subscription } from '../matching/in-memory-percolator';

// The reducer is the topic (title, and twice in the description); welding is named once, in passing.
const demand: Demand = createMockDemand({
  status: 'published',
  ownerId: 'owner',
  title: '工业机器人关节谐波减速器寿命提升',
  description: '谐波减速器柔轮在交变载荷下出现疲劳裂纹，需将减速器寿命提升至两万小时，回差小于10弧秒。工装支架采用焊接结构。',
});

function setUp(reranker?: RerankerPort) {
  const written: Notification[] = [];
  const percolator = new InMemoryPercolator()
    .add(subscription({ keywords: ['减速器'] }, { id: 'main', userId: 'u-main' }))
    .add(subscription({ keywords: ['焊接'] }, { id: 'mention', userId: 'u-mention' }))
    .add(subscription({ keywords: ['焊接'], pushMentioned: true }, { id: 'both', userId: 'u-both' }))
    // One person, two subscriptions: the passing one and the main one.
    .add(subscription({ keywords: ['焊接'] }, { id: 'twice-mention', userId: 'u-twice' }))
    .add(subscription({ keywords: ['减速机'] }, { id: 'twice-main', userId: 'u-twice' }));
  const alerts = createDemandAlerts({
    percolator,
    notifications: {
      createOnce: (n) => {
        if (written.some((w) => w.userId === n.userId && w.id === n.id)) return Promise.resolve(false);
        written.push(n);
        return Promise.resolve(true);
      },
    },
    followers: () => Promise.resolve([]),
    clock: createFixedClock(),
    ...(reranker ? { reranker } : {}),
  });
  const of = (userId: string) => written.filter((n) => n.userId === userId);
  return { alerts, written, of };
}

describe('alerts for a newly published demand', () => {
  it('pushes the main topic, keeps a mention in the inbox, and pushes it when the subscription asks', async () => {
    const { alerts, of } = setUp();
    await alerts.onDemandChange({ ...demand, status: 'pending_review' }, demand);
    expect(of('u-main')).toEqual([expect.objectContaining({ tier: 'main', push: 'pending', subscriptionId: 'main' })]);
    expect(of('u-mention')).toEqual([expect.objectContaining({ tier: 'mentioned', push: 'inbox_only' })]);
    expect(of('u-both')).toEqual([expect.objectContaining({ tier: 'mentioned', push: 'pending' })]);
  });

  it('writes one item per person, from their best match', async () => {
    const { alerts, of } = setUp();
    await alerts.onDemandChange(undefined, demand);
    expect(of('u-twice')).toEqual([expect.objectContaining({ subscriptionId: 'twice-main', tier: 'main', push: 'pending' })]);
  });

  it('lets a re-ranker move matches between tiers, and nothing more', async () => {
    // Demotes every main match, promotes nothing, and answers a verdict too many.
    const demote: RerankerPort = {
      rerank: (_d, matches) =>
        Promise.resolve([
          ...matches.map((m) => (m.explanation.tier === 'main' ? { tier: 'mentioned' as const, score: 7 } : undefined)),
          { tier: 'main' as const, score: 1 },
        ]),
    };
    const { alerts, of, written } = setUp(demote);
    await alerts.onDemandChange(undefined, demand);
    expect(of('u-main')).toEqual([expect.objectContaining({ tier: 'mentioned', push: 'inbox_only' })]);
    expect(of('u-main')[0]?.explanation).toMatchObject({ tier: 'mentioned', score: 1, keywords: [{ keyword: '减速器' }] });
    expect(of('u-both')).toEqual([expect.objectContaining({ tier: 'mentioned', push: 'pending' })]);
    expect(written).toHaveLength(4);
  });
});
