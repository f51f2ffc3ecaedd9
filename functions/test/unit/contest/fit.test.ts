import { fitScorer, sharedRuns, termWeight, type TermStats } from '../../../src/contest/fit';
import { queryTerms } from '../../../src/search/bigram-tokenizer';

/** A corpus where 技术, 需求 and 要求 are everywhere and the technical words are rare. */
const COMMON = new Set(['技术', '需求', '要求', '解决', '问题', '目标', '指标']);
const stats: TermStats = {
  documentFrequency: async (t) => (COMMON.has(t) ? 600 : 3),
  documents: async () => 700,
};

const demand = {
  title: '钛合金薄板激光焊接变形控制',
  description: '需要解决1.5毫米钛合金薄板激光焊接的变形与气孔问题，目标指标：焊缝抗拉强度不低于母材的95%。',
};

describe('fit of a solution to its demand', () => {
  it('scores a solution that addresses the technical words above one that only repeats common words', async () => {
    const fit = await fitScorer(demand, stats);
    const onTopic = fit({
      title: '钛合金激光焊接变形控制工艺',
      summary: '通过背面气体保护减少气孔，焊缝抗拉强度达到母材的96%。',
    });
    const generic = fit({ title: '技术需求解决方案', summary: '我们的团队能解决各类技术问题，满足需求的目标和指标要求。' });
    expect(onTopic.score).toBeGreaterThan(generic.score);
    expect(onTopic.score).toBeGreaterThan(40);
    expect(generic.score).toBeLessThan(20);
  });

  it('shows the shared words as whole runs, longest first, not as overlapping bigrams', async () => {
    const fit = await fitScorer(demand, stats);
    const { terms } = fit({ title: '钛合金薄板焊接', summary: '气孔' });
    expect(terms).toContain('钛合金薄板');
    expect(terms).toContain('气孔');
    expect(terms).not.toContain('钛合');
    expect(terms).not.toContain('合金');
  });

  it('is 0 with nothing in common and 100 for the demand itself', async () => {
    const fit = await fitScorer(demand, stats);
    expect(fit({ title: '无关', summary: '完全不同的内容' }).score).toBe(0);
    expect(fit({ title: demand.title, summary: demand.description }).score).toBe(100);
  });

  it('matches Latin words and model numbers as whole words', () => {
    const runs = sharedRuns('需要 AD7606 采集卡', new Set(queryTerms('采用 ad7606 方案')), () => 1);
    expect(runs).toContain('ad7606');
  });
});

describe('termWeight', () => {
  it('weighs rare terms more than common ones, never below a floor', () => {
    expect(termWeight(3, 700)).toBeGreaterThan(termWeight(600, 700));
    expect(termWeight(10_000, 700)).toBeGreaterThan(0);
  });
});
