// Recall on the real demands (data/jstec-demands.jsonl): a subscription to a word of a demand's title finds that
// demand through the percolator, the same word with another field does not, and the percolator agrees with a full
// scan of every subscription.
import { INDUSTRY_FIELDS, type Demand, type Subscription } from '@cic/shared';
import { documentFrequencies } from '../../../src/alerts/matching/document-frequency';
import { demandText, explainMatch, indexKeysOf, matchDemand } from '../../../src/alerts/matching/matcher';
import { InMemoryPercolator, subscription } from './in-memory-percolator';
import { realDemands } from './real-demands';

const HAN_RUN = /\p{Script=Han}{3,}/gu;
/** Generic words of every title, and particles: a word neither contains them nor is cut out of them. */
const GENERIC = /技术|系统|研究|开发|研发|平台|设计|应用|方法|工艺|分析|关键|基于|一种|实现|提升|提高|生产|产品|智能|项目|需求/u;
const BAD_START = /^[的一种于及与和对在用等为之其中术统究发台计法艺析键现升品能目求]/u;
const BAD_END = /[的一种于及与和对在用等为之其中技系研开平设应方工分关基实提生产项需智]$/u;
const wordLike = (w: string) => !GENERIC.test(w) && !BAD_START.test(w) && !BAD_END.test(w);

/**
 * A word of the title a person might subscribe to: its 3–4-character Han substring shared with most other demands
 * (2–40 of them, not a generic word such as 技术 or 系统 nor cut out of one), else its rarest one.
 */
function titleWord(demand: Demand, df: (s: string) => number): string | undefined {
  let best: { word: string; df: number } | undefined;
  let rarest: { word: string; df: number } | undefined;
  for (const [run] of (demand.title ?? '').matchAll(HAN_RUN)) {
    for (const len of [4, 3]) {
      for (let i = 0; i + len <= run.length; i += 1) {
        const word = run.slice(i, i + len);
        const f = df(word);
        if (!rarest || f < rarest.df) rarest = { word, df: f };
        if (wordLike(word) && f >= 2 && f <= 40 && (!best || f > best.df)) best = { word, df: f };
      }
    }
  }
  return (best ?? rarest)?.word;
}

describe('the matcher on 50 real demands', () => {
  const demands = realDemands();
  const texts = demands.map(demandText);
  const dfCache = new Map<string, number>();
  const rawDf = (s: string) => {
    let f = dfCache.get(s);
    if (f === undefined) {
      f = texts.filter((t) => t.includes(s)).length;
      dfCache.set(s, f);
    }
    return f;
  };

  const step = Math.floor(demands.length / 50);
  const cases = Array.from({ length: 50 }, (_, i) => demands[i * step] as Demand).map((demand, i) => {
    const word = titleWord(demand, rawDf);
    if (word === undefined) throw new Error(`no Han word in the title of ${demand.id}`);
    const otherField = INDUSTRY_FIELDS.find((f) => f !== demand.field) ?? 'other';
    return {
      demand,
      word,
      plain: subscription({ keywords: [word] }, { id: `plain-${i}` }),
      otherField: subscription({ keywords: [word], fields: [otherField] }, { id: `other-field-${i}` }),
    };
  });

  const all: Subscription[] = cases.flatMap((c) => [c.plain, c.otherField]);
  const df = documentFrequencies(
    texts,
    all.flatMap((s) => s.keywords),
  );
  const percolator = new InMemoryPercolator();
  for (const s of all)
    percolator.add(
      s,
      indexKeysOf(s, (c) => df.get(c) ?? 0),
    );

  it('built 50 distinct cases from the real data', () => {
    expect(demands.length).toBeGreaterThan(700);
    expect(new Set(cases.map((c) => c.demand.id)).size).toBe(50);
  });

  it.each(cases.map((c, i) => [i, c.word, c] as const))(
    'case %i: 「%s」 finds its demand, not with another field',
    async (_i, word, c) => {
      const result = await matchDemand(c.demand, percolator);
      const ids = result.matches.map((m) => m.subscription.id);
      expect(ids).toContain(c.plain.id);
      expect(ids).not.toContain(c.otherField.id);
      expect(result.matches.find((m) => m.subscription.id === c.plain.id)?.explanation.keywords).toEqual([
        expect.objectContaining({ keyword: word, matchedAs: expect.any(String), where: 'title' }),
      ]);
      // The same answer as reading every subscription.
      const scan = all.filter((s) => explainMatch(s, c.demand) !== undefined).map((s) => s.id);
      expect(ids.sort()).toEqual(scan.sort());
      expect(result.itemsRead).toBeLessThan(all.length);
    },
  );
});
