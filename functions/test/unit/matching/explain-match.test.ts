// The in-memory confirmation: each condition alone and together, at its boundaries, and what the explanation says.
import type { SubscriptionConditions } from '@cic/shared';
import { explainMatch } from '../../../src/alerts/matching/matcher';
import { createMockDemand } from '../../fakes/demand.factory';

const conditions = (c: Partial<SubscriptionConditions>): SubscriptionConditions => ({
  keywords: [],
  fields: [],
  regions: [],
  ...c,
});

// Title 钛合金薄板激光焊接变形控制, field new_materials, region 江苏省 / 南京市 / 江宁区, budget 80 万元.
const demand = createMockDemand({
  status: 'published',
  description:
    '需要解决1.5毫米钛合金薄板激光焊接的变形与气孔问题，并引入ＡＩ视觉检测焊缝。目标指标：焊缝抗拉强度不低于母材的95%，气孔率低于0.1%，焊后变形量小于0.2毫米。',
});

describe('explainMatch: keywords', () => {
  it('matches a keyword written in the title or description, and says as what', () => {
    expect(explainMatch(conditions({ keywords: ['钛合金'] }), demand)).toEqual({
      keywords: [{ keyword: '钛合金', matchedAs: '钛合金' }],
    });
    expect(explainMatch(conditions({ keywords: ['气孔率'] }), demand)).toEqual({
      keywords: [{ keyword: '气孔率', matchedAs: '气孔率' }],
    });
  });

  it('matches a keyword through its synonym group, preferring the keyword itself', () => {
    expect(explainMatch(conditions({ keywords: ['钛材'] }), demand)).toEqual({
      keywords: [{ keyword: '钛材', matchedAs: '钛合金' }],
    });
    expect(explainMatch(conditions({ keywords: ['激光焊'] }), demand)).toEqual({
      keywords: [{ keyword: '激光焊', matchedAs: '激光焊' }],
    });
    expect(explainMatch(conditions({ keywords: ['机器视觉'] }), demand)).toEqual({
      keywords: [{ keyword: '机器视觉', matchedAs: '视觉检测' }],
    });
    expect(explainMatch(conditions({ keywords: ['人工智能'] }), demand)).toEqual({
      keywords: [{ keyword: '人工智能', matchedAs: 'ai' }],
    });
  });

  it('normalises the keyword: full-width and upper case', () => {
    expect(explainMatch(conditions({ keywords: ['ＡＩ'] }), demand)).toEqual({
      keywords: [{ keyword: 'ＡＩ', matchedAs: 'ai' }],
    });
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
  it('requires the demand field to be one of the fields', () => {
    expect(explainMatch(conditions({ fields: ['new_materials'] }), demand)).toEqual({ keywords: [], field: 'new_materials' });
    expect(explainMatch(conditions({ fields: ['ai', 'new_materials'] }), demand)?.field).toBe('new_materials');
    expect(explainMatch(conditions({ fields: ['ai'] }), demand)).toBeUndefined();
    expect(explainMatch(conditions({ fields: ['new_materials'] }), { ...demand, field: undefined })).toBeUndefined();
  });

  it('requires the demand region to contain one of the regions, after normalisation', () => {
    expect(explainMatch(conditions({ regions: ['南京'] }), demand)).toEqual({ keywords: [], region: '南京' });
    expect(explainMatch(conditions({ regions: ['浙江省', ' 江苏省 '] }), demand)?.region).toBe(' 江苏省 ');
    expect(explainMatch(conditions({ regions: ['苏州市'] }), demand)).toBeUndefined();
    expect(explainMatch(conditions({ regions: ['江苏省'] }), { ...demand, region: undefined })).toBeUndefined();
  });

  it('requires the budget to reach minBudgetWan, equal included', () => {
    expect(explainMatch(conditions({ minBudgetWan: 80 }), demand)).toEqual({ keywords: [], minBudgetWan: 80 });
    expect(explainMatch(conditions({ minBudgetWan: 0 }), demand)).toEqual({ keywords: [], minBudgetWan: 0 });
    expect(explainMatch(conditions({ minBudgetWan: 80.0001 }), demand)).toBeUndefined();
    expect(explainMatch(conditions({ minBudgetWan: 0 }), { ...demand, budgetWan: undefined })).toBeUndefined();
  });

  it('requires every condition together, each at its boundary', () => {
    const all = conditions({ keywords: ['钛材', '焊缝'], fields: ['new_materials'], regions: ['江宁区'], minBudgetWan: 80 });
    expect(explainMatch(all, demand)).toEqual({
      keywords: [
        { keyword: '钛材', matchedAs: '钛合金' },
        { keyword: '焊缝', matchedAs: '焊缝' },
      ],
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
