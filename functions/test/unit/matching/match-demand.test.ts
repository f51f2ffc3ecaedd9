// matchDemand over an in-memory percolator: which partitions it reads, what it confirms, the owner's own
// subscriptions left out, and a subscription filed under two keys counted once.
import { matchDemand } from '../../../src/alerts/matching/matcher';
import { createMockDemand } from '../../fakes/demand.factory';
import { InMemoryPercolator, subscription } from './in-memory-percolator';

// Title 钛合金薄板激光焊接变形控制, field new_materials, region 江苏省 / 南京市 / 江宁区, budget 80 万元, owner owner-1.
const demand = createMockDemand({ status: 'published', ownerId: 'owner-1' });

function setUp() {
  const subs = {
    keyword: subscription({ keywords: ['钛合金'] }, { id: 'keyword' }),
    synonymAndField: subscription({ keywords: ['钛材', '焊接'], fields: ['new_materials'] }, { id: 'synonym+field' }),
    wrongField: subscription({ keywords: ['钛合金'], fields: ['ai'] }, { id: 'wrong-field' }),
    missingKeyword: subscription({ keywords: ['钛合金', '大模型'] }, { id: 'missing-keyword' }),
    unrelated: subscription({ keywords: ['大模型'] }, { id: 'unrelated' }),
    field: subscription({ fields: ['new_materials'] }, { id: 'field' }),
    twoRegions: subscription({ regions: ['江苏省', '南京市'] }, { id: 'two-regions' }),
    shortRegion: subscription({ regions: ['南京'] }, { id: 'short-region' }),
    otherRegion: subscription({ regions: ['苏州市'] }, { id: 'other-region' }),
    budget: subscription({ minBudgetWan: 80 }, { id: 'budget' }),
    bigBudget: subscription({ minBudgetWan: 100 }, { id: 'big-budget' }),
    own: subscription({ keywords: ['钛合金'] }, { id: 'own', userId: 'owner-1' }),
  };
  const percolator = new InMemoryPercolator();
  for (const s of Object.values(subs)) percolator.add(s);
  return { subs, percolator };
}

describe('matchDemand', () => {
  it('finds every subscription that fires, with its explanation, reading only the partitions the demand hits', async () => {
    const { percolator } = setUp();
    const result = await matchDemand(demand, percolator);

    expect(result.matches.map((m) => m.subscription.id).sort()).toEqual(
      ['budget', 'field', 'keyword', 'short-region', 'synonym+field', 'two-regions'].sort(),
    );
    expect(result.matches.find((m) => m.subscription.id === 'synonym+field')?.explanation).toEqual({
      keywords: [
        { keyword: '钛材', matchedAs: '钛合金', relation: 'synonym', where: 'title' },
        { keyword: '焊接', matchedAs: '激光焊接', relation: 'narrower', broader: '焊接', where: 'title' },
      ],
      tier: 'mentioned',
      score: expect.any(Number),
      field: 'new_materials',
    });
    expect(percolator.reads).not.toContain('kw#大模型');
    expect(percolator.reads).not.toContain('region#苏州市');
    expect(percolator.reads).toEqual(
      expect.arrayContaining(['kw#钛合金', 'field#new_materials', 'region#江苏省', 'region#南京', 'budget']),
    );
    expect(result.partitionsRead).toBe(percolator.reads.length);
  });

  it("leaves out the demand owner's own subscriptions, still counting them as read", async () => {
    const { percolator } = setUp();
    const result = await matchDemand(demand, percolator);
    expect(result.matches.map((m) => m.subscription.id)).not.toContain('own');
    const other = await matchDemand({ ...demand, ownerId: 'someone-else' }, percolator);
    expect(other.matches.map((m) => m.subscription.id)).toContain('own');
    expect(other.itemsRead).toBe(result.itemsRead);
  });

  it('reports a subscription read under two keys once, and counts both reads', async () => {
    const { percolator } = setUp();
    const result = await matchDemand(demand, percolator);
    expect(result.matches.filter((m) => m.subscription.id === 'two-regions')).toHaveLength(1);
    // kw#钛合金: keyword, wrong-field, own and synonym+field (钛材 → 钛合金, longer than 焊接 at equal frequency) ·
    // field#new_materials: field · region#江苏省 and region#南京市: two-regions, twice · region#南京: short-region ·
    // budget: budget, big-budget. missing-keyword sits under kw#大模型 (a tie broken lexicographically), not read.
    expect(result.itemsRead).toBe(10);
  });

  it('uses the indexed keywords it is given instead of asking the percolator', async () => {
    const { percolator } = setUp();
    const spy = jest.spyOn(percolator, 'indexedKeywords');
    const result = await matchDemand(demand, percolator, { indexedKeywords: new Set(['焊缝', '大模型']) });
    expect(spy).not.toHaveBeenCalled();
    expect(percolator.reads).toContain('kw#焊缝');
    expect(percolator.reads).not.toContain('kw#大模型');
    expect(percolator.reads).not.toContain('kw#钛合金');
    expect(result.matches.map((m) => m.subscription.id)).not.toContain('keyword');
  });

  it('matches nothing on an empty percolator', async () => {
    const result = await matchDemand(demand, new InMemoryPercolator());
    expect(result).toEqual({ matches: [], itemsRead: 0, partitionsRead: 8 });
  });
});
