import type { Demand } from '@cic/shared';
import { contributionOf, difference } from '../../../src/stats/contribution';
import { toStatsResponse } from '../../../src/stats/stats.service';
import { createMockDemand } from '../../fakes/demand.factory';

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
