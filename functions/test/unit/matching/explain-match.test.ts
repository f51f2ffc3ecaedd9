// The in-memory confirmation: each condition alone and together, at its boundaries, and what the explanation says.
import { conditionsOf } from '@cic/shared';
import { explainMatch } from '../../../src/alerts/matching/matcher';
import { createMockDemand } from '../../fakes/demand.factory';

const conditions = conditionsOf;

// Title 钛合金薄板激光焊接变形控制, field new_materials, region 江苏省 / 南京市 / 江宁区, budget 80 万元.
const demand = createMockDemand({
  status: 'published',
  description:
    '需要解决1.5毫米钛合金薄板激光焊接的变形与气孔问题，并引入ＡＩ视觉检测焊缝。目标指标：焊缝抗拉强度不低于母材的95%，气孔率低于0.1%，焊后变形量小于0.2毫米。',
});

describe('explainMatch: keywords', () => {
  it('matches a keyword written in the title or description, and says as what', () => {
    // In the title and once in the description: named, but not the demand's main topic by the rule (relevance.test.ts).
    expect(explainMatch(conditions({ keywords: ['钛合金'] }), demand)).toEqual({
      keywords: [{ keyword: '钛合金', matchedAs: '钛合金', relation: 'exact', where: 'title' }],
      tier: 'mentioned',
      score: expect.any(Number),
    });
    expect(explainMatch(conditions({ keywords: ['气孔率'] }), demand)).toEqual({
      keywords: [{ keyword: '气孔率', matchedAs: '气孔率', relation: 'exact', where: 'description' }],
      tier: 'mentioned',
      score: expect.any(Number),
    });
  });

  it('matches a keyword through its concept, naming the word of the demand that did, in the title first', () => {
    const keywordsOf = (k: string) => explainMatch(conditions({ keywords: [k] }), demand)?.keywords;
    expect(keywordsOf('钛材')).toEqual([{ keyword: '钛材', matchedAs: '钛合金', relation: 'synonym', where: 'title' }]);
    // 激光焊接 contains 激光焊: the longer word is what the demand says.
    expect(keywordsOf('激光焊')).toEqual([{ keyword: '激光焊', matchedAs: '激光焊接', relation: 'synonym', where: 'title' }]);
    expect(keywordsOf('机器视觉')).toEqual([
      { keyword: '机器视觉', matchedAs: '视觉检测', relation: 'synonym', where: 'description' },
    ]);
    expect(keywordsOf('人工智能')).toEqual([{ keyword: '人工智能', matchedAs: 'ai', relation: 'synonym', where: 'description' }]);
  });

  it('matches a keyword through a narrower term of its concept, and says which broader term it is a kind of', () => {
    expect(explainMatch(conditions({ keywords: ['焊接'] }), demand)?.keywords).toEqual([
      { keyword: '焊接', matchedAs: '激光焊接', relation: 'narrower', broader: '焊接', where: 'title' },
    ]);
    const gearbox = createMockDemand({
      title: '工业机器人关节用谐波减速器寿命提升',
      description: '柔轮疲劳寿命不足。'.padEnd(60, '。'),
    });
    expect(explainMatch(conditions({ keywords: ['减速机'] }), gearbox)?.keywords).toEqual([
      { keyword: '减速机', matchedAs: '谐波减速器', relation: 'narrower', broader: '减速器', where: 'title' },
    ]);
    // A narrower term does not imply its broader one.
    const plain = createMockDemand({ title: '齿轮箱噪声控制', description: '减速器在高速工况下的啸叫问题。'.padEnd(60, '。') });
    expect(explainMatch(conditions({ keywords: ['谐波减速器'] }), plain)).toBeUndefined();
  });

  it('does not count a term inside a trap word of its concept, but does count it elsewhere in the same text', () => {
    const resist = createMockDemand({
      title: '国产光刻胶的分辨率提升',
      description: '面向半导体封装的光刻胶配方开发。'.padEnd(60, '。'),
    });
    expect(explainMatch(conditions({ keywords: ['光刻'] }), resist)).toBeUndefined();
    const both = createMockDemand({
      title: '国产光刻胶的分辨率提升',
      description: '匹配深紫外光刻工艺窗口的光刻胶配方。'.padEnd(60, '。'),
    });
    expect(explainMatch(conditions({ keywords: ['光刻'] }), both)?.keywords).toEqual([
      { keyword: '光刻', matchedAs: '深紫外光刻', relation: 'narrower', broader: '光刻', where: 'description' },
    ]);
    // Asked for by name, the trap word itself matches.
    expect(explainMatch(conditions({ keywords: ['光刻胶'] }), resist)?.keywords[0]?.relation).toBe('exact');
  });

  it('skips the terms the subscriber dropped from the expansion, with their own synonyms and kinds, never the keyword itself', () => {
    const noLaser = conditions({ keywords: ['焊接'], dropTerms: ['激光焊接'] });
    // 焊接 inside 激光焊接 no longer counts, nor does 激光焊 (a synonym of the dropped kind): what is left is 焊缝, a
    // related term of 焊接 itself, which only ever makes a mention.
    expect(explainMatch(noLaser, demand)).toMatchObject({
      tier: 'mentioned',
      keywords: [{ keyword: '焊接', matchedAs: '焊缝', relation: 'related', where: 'description' }],
    });
    expect(explainMatch({ ...noLaser, dropTerms: ['激光焊接', '焊缝'] }, demand)).toBeUndefined();
    const onlyKind = createMockDemand({
      title: '激光焊技术改造',
      description: '薄板激光焊后的变形矫正与残余应力。'.padEnd(60, '。'),
    });
    expect(explainMatch(conditions({ keywords: ['焊接'] }), onlyKind)).toBeDefined();
    expect(explainMatch(noLaser, onlyKind)).toBeUndefined();
    const alsoPlain = createMockDemand({
      title: '钛合金薄板激光焊接变形控制',
      description: '焊接节拍不超过3分钟，焊后变形量小于0.2毫米。'.padEnd(60, '。'),
    });
    expect(explainMatch(noLaser, alsoPlain)?.keywords).toEqual([
      { keyword: '焊接', matchedAs: '焊接', relation: 'exact', where: 'description' },
    ]);
    // Dropping a kind keeps the other kinds.
    const friction = createMockDemand({ title: '铝合金搅拌摩擦焊工艺', description: '搅拌头磨损与焊缝成形。'.padEnd(60, '。') });
    expect(explainMatch(noLaser, friction)?.keywords[0]?.matchedAs).toBe('搅拌摩擦焊');
    expect(explainMatch(conditions({ keywords: ['钛合金'], dropTerms: ['钛合金'] }), demand)?.keywords[0]?.matchedAs).toBe(
      '钛合金',
    );
  });

  it('does not match when an exclusion word, or its synonym, occurs anywhere', () => {
    expect(explainMatch(conditions({ keywords: ['焊接'], excludeKeywords: ['气孔率'] }), demand)).toBeUndefined();
    expect(explainMatch(conditions({ keywords: ['焊接'], excludeKeywords: ['钛材'] }), demand)).toBeUndefined();
    expect(explainMatch(conditions({ keywords: ['焊接'], excludeKeywords: ['铝合金'] }), demand)).toBeDefined();
    // An exclusion's narrower terms are not implied: excluding 人工智能 is not excluding every 深度学习.
    const learning = createMockDemand({
      title: '基于深度学习的焊缝缺陷识别',
      description: '焊缝X射线底片的缺陷自动识别与分级。'.padEnd(60, '。'),
    });
    expect(explainMatch(conditions({ keywords: ['焊缝'], excludeKeywords: ['人工智能'] }), learning)).toBeDefined();
    expect(explainMatch(conditions({ keywords: ['焊缝'], excludeKeywords: ['深度学习'] }), learning)).toBeUndefined();
  });

  it('normalises the keyword: full-width and upper case', () => {
    expect(explainMatch(conditions({ keywords: ['ＡＩ'] }), demand)?.keywords).toEqual([
      { keyword: 'ＡＩ', matchedAs: 'ai', relation: 'exact', where: 'description' },
    ]);
  });

  it('requires every keyword', () => {
    expect(explainMatch(conditions({ keywords: ['钛合金', '气孔', '焊缝'] }), demand)?.keywords).toHaveLength(3);
    expect(explainMatch(conditions({ keywords: ['钛合金', '大模型'] }), demand)).toBeUndefined();
  });

  it('does not match across the join of title and description', () => {
    const d = createMockDemand({ title: '焊接变形控制', description: '控制方案需要…'.padEnd(60, '。') });
    expect(explainMatch(conditions({ keywords: ['控制控制'] }), d)).toBeUndefined();
  });

  it('sees a changed description of the same demand object', () => {
    const d = createMockDemand({ description: '石墨烯导热膜的制备工艺'.padEnd(60, '。') });
    expect(explainMatch(conditions({ keywords: ['石墨烯'] }), d)).toBeDefined();
    d.description = '氮化硼导热膜的制备工艺'.padEnd(60, '。');
    expect(explainMatch(conditions({ keywords: ['石墨烯'] }), d)).toBeUndefined();
  });
});

describe('explainMatch: field, region, budget', () => {
  /** The explanation of a match without keywords: main tier, full score, and `matched` (the condition that held). */
  const withoutKeywords = (matched: object) => ({ keywords: [], tier: 'main', score: 1, ...matched });

  it('requires the demand field to be one of the fields', () => {
    expect(explainMatch(conditions({ fields: ['new_materials'] }), demand)).toEqual(withoutKeywords({ field: 'new_materials' }));
    expect(explainMatch(conditions({ fields: ['ai', 'new_materials'] }), demand)?.field).toBe('new_materials');
    expect(explainMatch(conditions({ fields: ['ai'] }), demand)).toBeUndefined();
    expect(explainMatch(conditions({ fields: ['new_materials'] }), { ...demand, field: undefined })).toBeUndefined();
  });

  it('requires the demand region to contain one of the regions, after normalisation', () => {
    expect(explainMatch(conditions({ regions: ['南京'] }), demand)).toEqual(withoutKeywords({ region: '南京' }));
    expect(explainMatch(conditions({ regions: ['浙江省', ' 江苏省 '] }), demand)?.region).toBe(' 江苏省 ');
    expect(explainMatch(conditions({ regions: ['苏州市'] }), demand)).toBeUndefined();
    expect(explainMatch(conditions({ regions: ['江苏省'] }), { ...demand, region: undefined })).toBeUndefined();
  });

  it('requires the budget to reach minBudgetWan, equal included', () => {
    expect(explainMatch(conditions({ minBudgetWan: 80 }), demand)).toEqual(withoutKeywords({ minBudgetWan: 80 }));
    expect(explainMatch(conditions({ minBudgetWan: 0 }), demand)).toEqual(withoutKeywords({ minBudgetWan: 0 }));
    expect(explainMatch(conditions({ minBudgetWan: 80.0001 }), demand)).toBeUndefined();
    expect(explainMatch(conditions({ minBudgetWan: 0 }), { ...demand, budgetWan: undefined })).toBeUndefined();
  });

  it('requires every condition together, each at its boundary', () => {
    const all = conditions({ keywords: ['钛材', '焊缝'], fields: ['new_materials'], regions: ['江宁区'], minBudgetWan: 80 });
    expect(explainMatch(all, demand)).toEqual({
      keywords: [
        { keyword: '钛材', matchedAs: '钛合金', relation: 'synonym', where: 'title' },
        { keyword: '焊缝', matchedAs: '焊缝', relation: 'exact', where: 'description' },
      ],
      tier: 'mentioned',
      score: expect.any(Number),
      field: 'new_materials',
      region: '江宁区',
      minBudgetWan: 80,
    });
    expect(explainMatch({ ...all, keywords: ['钛材', '铆接'] }, demand)).toBeUndefined();
    expect(explainMatch({ ...all, fields: ['equipment'] }, demand)).toBeUndefined();
    expect(explainMatch({ ...all, regions: ['玄武区'] }, demand)).toBeUndefined();
    expect(explainMatch({ ...all, minBudgetWan: 81 }, demand)).toBeUndefined();
  });

  it('never matches a subscription without conditions', () => {
    expect(explainMatch(conditions({}), demand)).toBeUndefined();
  });
});
