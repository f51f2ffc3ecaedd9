// The evaluation's own parts: the labelled set obeys its rules (data/eval/README.md), the scoring counts what it says,
// the steering only unticks chips the editor shows, and the thesaurus passes its checker.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { normalizeText } from '@cic/shared';
import { conceptExpansionOf } from '../../functions/src/alerts/matching/concepts';
import { loadLabelledSet, MIN_JUDGED, type EvalDemand, type LabelledSubscription } from '../eval/labelled-set';
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
