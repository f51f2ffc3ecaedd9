import type { Final, Score, Solution } from '@cic/shared';
import { rank, summarise, weightedTotal } from '../../../src/contest/ranking';

const final = (over: Partial<Final> = {}): Final => ({
  demandId: 'd1',
  judgeIds: ['j1', 'j2'],
  weights: { completeness: 1, feasibility: 1, fit: 1 },
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const solution = (id: string, title = id): Solution =>
  ({ id, title, organisation: `${title} 单位`, status: 'shortlisted' }) as Solution;

const score = (solutionId: string, judgeId: string, c: number, f: number, m: number): Score => ({
  demandId: 'd1',
  solutionId,
  judgeId,
  completeness: c,
  feasibility: f,
  fit: m,
  at: '2026-01-01T00:00:00.000Z',
});

describe('weightedTotal', () => {
  it('is the plain mean with equal weights', () => {
    expect(weightedTotal({ completeness: 90, feasibility: 60, fit: 30 }, { completeness: 1, feasibility: 1, fit: 1 })).toBe(60);
  });
  it('weighs each criterion by its weight, out of 100', () => {
    // (2·90 + 1·60 + 1·30) / 4
    expect(weightedTotal({ completeness: 90, feasibility: 60, fit: 30 }, { completeness: 2, feasibility: 1, fit: 1 })).toBe(67.5);
    expect(weightedTotal({ completeness: 100, feasibility: 100, fit: 100 }, { completeness: 5, feasibility: 0, fit: 3 })).toBe(
      100,
    );
  });
});

describe('rank', () => {
  it('averages each solution over the judges who scored it and orders by total', () => {
    const entries = rank(
      final(),
      [solution('a'), solution('b')],
      [score('a', 'j1', 80, 80, 80), score('a', 'j2', 60, 60, 60), score('b', 'j1', 90, 90, 90)],
    );
    expect(entries.map((e) => [e.solutionId, e.total, e.rank, e.judgesScored])).toEqual([
      ['b', 90, 1, 1],
      ['a', 70, 2, 2],
    ]);
    expect(entries[1]?.average).toEqual({ completeness: 70, feasibility: 70, fit: 70 });
  });

  it('gives equal totals the same rank, and the next one its place (1, 1, 3)', () => {
    const entries = rank(
      final({ judgeIds: ['j1'] }),
      [solution('a'), solution('b'), solution('c')],
      [score('a', 'j1', 70, 70, 70), score('b', 'j1', 70, 70, 70), score('c', 'j1', 50, 50, 50)],
    );
    expect(entries.map((e) => e.rank)).toEqual([1, 1, 3]);
  });

  it('leaves unscored solutions unranked, after the scored ones', () => {
    const entries = rank(final(), [solution('a'), solution('b')], [score('b', 'j1', 10, 10, 10)]);
    expect(entries.map((e) => [e.solutionId, e.rank, e.total, e.average])).toEqual([
      ['b', 1, 10, { completeness: 10, feasibility: 10, fit: 10 }],
      ['a', null, null, null],
    ]);
  });

  it('ignores the scores of a judge who is no longer assigned', () => {
    const entries = rank(
      final({ judgeIds: ['j2'] }),
      [solution('a')],
      [score('a', 'j1', 100, 100, 100), score('a', 'j2', 40, 40, 40)],
    );
    expect(entries[0]?.total).toBe(40);
    expect(entries[0]?.judgesScored).toBe(1);
  });

  it('uses the final weights', () => {
    const weights = { completeness: 0, feasibility: 0, fit: 1 };
    const entries = rank(
      final({ judgeIds: ['j1'], weights }),
      [solution('a'), solution('b')],
      [score('a', 'j1', 100, 100, 10), score('b', 'j1', 0, 0, 20)],
    );
    expect(entries.map((e) => e.solutionId)).toEqual(['b', 'a']);
  });
});

describe('summarise', () => {
  it('is undefined without scores', () => {
    expect(summarise(undefined, { completeness: 1, feasibility: 1, fit: 1 })).toBeUndefined();
    expect(summarise([], { completeness: 1, feasibility: 1, fit: 1 })).toBeUndefined();
  });
  it('rounds to two decimals', () => {
    expect(summarise([score('a', 'j1', 100, 0, 0)], { completeness: 1, feasibility: 1, fit: 1 })).toEqual({
      total: 33.33,
      judges: 1,
    });
  });
});
