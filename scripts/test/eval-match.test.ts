// The evaluation's own parts: the labelled set obeys its rules (data/eval/README.md), the scoring counts what it says,
// the steering only unticks chips the editor shows, the thesaurus passes its checker, every provider has a valid 成果,
// and recall@5 and MRR of the 成果 match lists count what they say.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { normalizeText } from '@cic/shared';
import { conceptExpansionOf } from '../../functions/src/alerts/matching/concepts';
import { loadEvalAchievements } from '../eval/achievements';
import { loadLabelledSet, MIN_JUDGED, type EvalDemand, type LabelledSet, type LabelledSubscription } from '../eval/labelled-set';
import { meanRanking, rankOutcome, recallAtK, reciprocalRank, scoreRanking } from '../eval/ranking';
import { precision, recall, scoreSubscription, type Matcher } from '../eval/scoring';

const run = promisify(execFile);

describe('the labelled set', () => {
  const set = loadLabelledSet();

  it('has 24 subscriptions over the six fields, split 12/12 before tuning, each judged on the pool and more', () => {
    expect(set.subscriptions).toHaveLength(24);
    expect(set.subscriptions.filter((s) => s.split === 'tune')).toHaveLength(12);
    expect(set.demands.length).toBeGreaterThan(700);
    for (const sub of set.subscriptions) {
      expect(sub.judged.size).toBeGreaterThanOrEqual(MIN_JUDGED);
      expect(set.pool.every((id) => sub.judged.has(id))).toBe(true);
    }
  });

  it('gives a reason for every relevant demand', () => {
    for (const sub of set.subscriptions) {
      for (const j of sub.judged.values()) if (j.relevant) expect(j.reason.trim()).not.toBe('');
    }
  });

  it('steers a subscription only with chips the editor shows for its keywords, and exclusion words of 2–20 characters', () => {
    for (const sub of set.subscriptions) {
      const chips = new Set(
        sub.keywords.flatMap((k) => {
          const e = conceptExpansionOf(k);
          return [...e.synonyms, ...e.narrower.map((n) => n.term), ...e.related].map(normalizeText);
        }),
      );
      for (const term of sub.steered.dropTerms) expect([sub.id, chips.has(normalizeText(term))]).toEqual([sub.id, true]);
      for (const word of sub.steered.excludeKeywords) expect([...word].length).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses a set that breaks a rule, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    mkdirSync(join(dir, 'subscriptions'));
    mkdirSync(join(dir, 'judgments'));
    const demands = join(dir, 'demands.jsonl');
    writeFileSync(demands, `${JSON.stringify({ id: 'd1', title: '标题', description: '描述' })}\n`);
    writeFileSync(join(dir, 'pool.json'), JSON.stringify({ seed: 1, method: 'test', ids: ['d1'] }));
    const sub = { id: 's01', field: 'ai', split: 'tune', provider: '一个测试用的解决方案提供方', keywords: ['大模型'] };
    writeFileSync(
      join(dir, 'subscriptions', 's01.json'),
      JSON.stringify({ ...sub, steered: { dropTerms: [], excludeKeywords: [], why: '' } }),
    );
    writeFileSync(join(dir, 'judgments', 's01.jsonl'), `${JSON.stringify({ demandId: 'd1', relevant: true, reason: '' })}\n`);
    expect(() => loadLabelledSet(dir, demands)).toThrow(/judgments\/s01\.jsonl:1: a relevant demand without a reason/);
  });
});

describe('scoring', () => {
  const demand = (id: string): EvalDemand => ({ id, title: id, description: '' });
  const judged = (entries: [string, boolean][]) =>
    new Map(entries.map(([demandId, relevant]) => [demandId, { demandId, relevant, reason: relevant ? '相关' : '' }]));
  const sub = {
    judged: judged([
      ['a', true],
      ['b', true],
      ['c', false],
      ['d', false],
    ]),
  } as unknown as LabelledSubscription;
  // Alerts a, c and e; pushes a only. e is outside the judged set.
  const matcher: Matcher = {
    name: 'fixed',
    decide: (_s, d) => ({ inbox: ['a', 'c', 'e'].includes(d.id), pushed: d.id === 'a' }),
  };

  it('counts right, wrong and missed alerts per tier, and alerts outside the judged set apart', () => {
    const s = scoreSubscription(matcher, sub, ['a', 'b', 'c', 'd', 'e'].map(demand));
    expect(s).toMatchObject({ relevant: 2, pushed: { tp: 1, fp: 0, fn: 1 }, inbox: { tp: 1, fp: 1, fn: 1 }, outside: 1 });
    expect(precision(s.pushed)).toBe(1);
    expect(recall(s.inbox)).toBe(0.5);
    expect(precision({ tp: 0, fp: 0, fn: 3 })).toBeUndefined();
  });
});

describe('the thesaurus checker', () => {
  it('passes on the shipped thesaurus', async () => {
    const { stdout } = await run('npx', ['tsx', resolve(__dirname, '../thesaurus-report.ts')], {
      cwd: resolve(__dirname, '../..'),
    });
    expect(stdout.trim().split('\n').at(-1)).toBe('PASS');
  }, 120_000);
});

describe('the 成果 of the labelled set', () => {
  const set = loadLabelledSet();

  it('has one complete 成果 per provider, id eval-<provider>, in the provider’s field, keywords of its own trade', () => {
    const achievements = loadEvalAchievements(set.subscriptions);
    expect(achievements.size).toBe(set.subscriptions.length);
    for (const sub of set.subscriptions) {
      const a = achievements.get(sub.id);
      expect(a).toMatchObject({ id: `eval-${sub.id}`, subscriptionId: sub.id, field: sub.field });
      expect([...(a?.summary ?? '')].length).toBeLessThanOrEqual(400);
      // Its keywords start from the provider's own: the subscription's keywords are among them.
      for (const k of sub.keywords) expect([sub.id, a?.keywords.includes(k)]).toEqual([sub.id, true]);
    }
  });

  it('refuses a missing or invalid 成果, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-achievements-'));
    const [first, second] = set.subscriptions;
    writeFileSync(join(dir, `${first?.id}.json`), JSON.stringify({ id: `eval-${first?.id}`, title: '短' }));
    expect(() => loadEvalAchievements([first, second] as LabelledSubscription[], dir)).toThrow(
      new RegExp(`achievements/${first?.id}\\.json: .*title[\\s\\S]*achievements/${second?.id}\\.json: missing`),
    );
  });
});

describe('recall@5 and MRR of a ranked match list', () => {
  it('finds the first relevant item and the share of relevant ones in the top 5', () => {
    // Relevant: b (2nd) and g (7th, outside the top 5).
    const o = rankOutcome(['a', 'b', 'c', 'd', 'e', 'f', 'g'], new Set(['b', 'g']));
    expect(o).toEqual({ relevant: 2, firstRank: 2, inTopK: 1 });
    expect(recallAtK(o)).toBe(0.5);
    expect(reciprocalRank(o)).toBe(0.5);
  });

  it('counts a relevant item missing from the list as not found (reciprocal rank 0)', () => {
    const o = rankOutcome(['a', 'c'], new Set(['b']));
    expect(o).toEqual({ relevant: 1, firstRank: undefined, inTopK: 0 });
    expect(recallAtK(o)).toBe(0);
    expect(reciprocalRank(o)).toBe(0);
  });

  it('takes the ignored items off the list before counting', () => {
    // x is relevant in the other half: without it, b moves from 6th to 5th.
    const o = rankOutcome(['x', 'a', 'c', 'd', 'e', 'b'], new Set(['b']), new Set(['x']));
    expect(o).toEqual({ relevant: 1, firstRank: 5, inTopK: 1 });
    expect(reciprocalRank(o)).toBeCloseTo(0.2);
  });

  it('averages over demands, each weighing the same, and says when there is none', () => {
    const outcomes = [
      rankOutcome(['b', 'a'], new Set(['b'])), // RR 1, recall 1
      rankOutcome(['a', 'c', 'b', 'd', 'e', 'f'], new Set(['b', 'f'])), // RR 1/3, recall 1/2
      rankOutcome([], new Set(['b'])), // RR 0, recall 0
    ];
    const m = meanRanking(outcomes);
    expect(m.demands).toBe(3);
    expect(m.mrr).toBeCloseTo((1 + 1 / 3 + 0) / 3);
    expect(m.recallAtK).toBeCloseTo((1 + 0.5 + 0) / 3);
    expect(meanRanking([])).toEqual({ demands: 0, recallAtK: undefined, mrr: undefined });
    expect(() => rankOutcome(['a'], new Set())).toThrow(/no relevant/);
  });

  it('ranks, per half, the demands with a relevant provider of that half, not counting the other half’s', () => {
    const demand = (id: string): EvalDemand => ({ id, title: id, description: '' });
    const sub = (id: string, split: 'tune' | 'report', relevantTo: string[], judged: string[]) =>
      ({
        id,
        split,
        judged: new Map(judged.map((d) => [d, { demandId: d, relevant: relevantTo.includes(d), reason: '' }])),
      }) as unknown as LabelledSubscription;
    const set = {
      demands: ['d1', 'd2', 'd3'].map(demand),
      pool: [],
      subscriptions: [
        sub('r1', 'report', ['d1'], ['d1', 'd2', 'd3']),
        sub('r2', 'report', ['d2'], ['d1', 'd2']),
        sub('t1', 'tune', ['d1', 'd3'], ['d1', 'd2', 'd3']),
      ],
    } as unknown as LabelledSet;
    // d1: t1 (relevant, other half) first, then r2 (not relevant), then r1; d2: r2 is not on the list.
    const lists: Record<string, string[]> = { d1: ['t1', 'r2', 'r1'], d2: ['r1'], d3: ['t1'] };
    const report = scoreRanking(set, 'report', (d) => lists[d.id] ?? []);
    expect(report.perDemand.map((r) => [r.demand.id, r.firstRank])).toEqual([
      ['d1', 2],
      ['d2', undefined],
    ]);
    expect(report.mrr).toBeCloseTo((1 / 2 + 0) / 2);
    expect(report.recallAtK).toBeCloseTo((1 + 0) / 2);
    const tune = scoreRanking(set, 'tune', (d) => lists[d.id] ?? []);
    expect(tune.perDemand.map((r) => [r.demand.id, r.firstRank])).toEqual([
      ['d1', 1],
      ['d3', 1],
    ]);
    expect(tune.mrr).toBe(1);
  });
});
