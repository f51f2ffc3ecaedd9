// Where a subscription is filed: its rarest keyword, else its fields or regions, else `budget`; and which partitions
// a demand reads.
import { conditionsOf } from '@cic/shared';
import { indexKeysOf, partitionsFor } from '../../../src/alerts/matching/matcher';

const conditions = conditionsOf;
const dfOf = (table: Record<string, number>) => (canonical: string) => table[canonical] ?? 0;

describe('indexKeysOf with keywords', () => {
  it('files the subscription under exactly one key: its rarest keyword', () => {
    const df = dfOf({ 传感器: 54, 荧光渗透: 2, 渗透剂: 3 });
    expect(indexKeysOf(conditions({ keywords: ['传感器', '荧光渗透', '渗透剂'] }), df)).toEqual(['kw#荧光渗透']);
  });

  it('uses the canonical form, and the frequency of the canonical form', () => {
    const seen: string[] = [];
    const df = (c: string) => {
      seen.push(c);
      return c === '锂电池' ? 1 : 9;
    };
    expect(indexKeysOf(conditions({ keywords: ['电解液', '动力电池'], fields: ['new_energy'] }), df)).toEqual(['kw#锂电池']);
    expect(seen.sort()).toEqual(['电解液', '锂电池']);
    expect(indexKeysOf(conditions({ keywords: ['ＬＬＭ'] }), () => 0)).toEqual(['kw#大模型']);
  });

  it('breaks a frequency tie by the longer keyword, then lexicographically', () => {
    expect(indexKeysOf(conditions({ keywords: ['焊接', '激光熔覆', '熔覆层'] }), () => 4)).toEqual(['kw#激光熔覆']);
    expect(indexKeysOf(conditions({ keywords: ['乙醇', '丙酮'] }), () => 4)).toEqual(['kw#丙酮']);
    // Order of the keywords does not matter.
    expect(indexKeysOf(conditions({ keywords: ['丙酮', '乙醇'] }), () => 4)).toEqual(['kw#丙酮']);
    // A lower frequency beats a longer keyword.
    expect(indexKeysOf(conditions({ keywords: ['激光熔覆', '熔覆'] }), dfOf({ 激光熔覆: 5, 熔覆: 4 }))).toEqual(['kw#熔覆']);
  });

  it('ignores fields and regions once there is a keyword', () => {
    expect(
      indexKeysOf(conditions({ keywords: ['钙钛矿'], fields: ['new_energy'], regions: ['江苏省'], minBudgetWan: 5 }), () => 0),
    ).toEqual(['kw#钙钛矿']);
  });
});

describe('indexKeysOf without keywords', () => {
  it('files a field subscription under each field', () => {
    expect(indexKeysOf(conditions({ fields: ['ai', 'new_energy'] }), () => 0)).toEqual(['field#ai', 'field#new_energy']);
  });

  it('prefers fields when there are no more fields than regions, regions otherwise', () => {
    expect(indexKeysOf(conditions({ fields: ['ai'], regions: ['江苏省', '浙江省'] }), () => 0)).toEqual(['field#ai']);
    expect(indexKeysOf(conditions({ fields: ['ai', 'equipment'], regions: ['江苏省', '浙江省'] }), () => 0)).toEqual([
      'field#ai',
      'field#equipment',
    ]);
    expect(indexKeysOf(conditions({ fields: ['ai', 'equipment', 'other'], regions: ['江苏省', '浙江省'] }), () => 0)).toEqual([
      'region#江苏省',
      'region#浙江省',
    ]);
  });

  it('files a region subscription under each normalised region, a multi-level one under its most specific unit', () => {
    expect(indexKeysOf(conditions({ regions: [' 苏州市 ', '南京'] }), () => 0)).toEqual(['region#苏州市', 'region#南京']);
    expect(indexKeysOf(conditions({ regions: ['江苏省 / 苏州市'] }), () => 0)).toEqual(['region#苏州市']);
    expect(indexKeysOf(conditions({ regions: ['江苏省苏州市'] }), () => 0)).toEqual(['region#苏州市']);
  });

  it('files a budget-only subscription under budget, and an empty one nowhere', () => {
    expect(indexKeysOf(conditions({ minBudgetWan: 50 }), () => 0)).toEqual(['budget']);
    expect(indexKeysOf(conditions({ regions: ['江苏省'], minBudgetWan: 50 }), () => 0)).toEqual(['region#江苏省']);
    expect(indexKeysOf(conditions({}), () => 0)).toEqual([]);
  });
});

describe('partitionsFor', () => {
  it('lists the hit keywords, the field, each unit of the region with and without its suffix, and budget', () => {
    expect(partitionsFor({ field: 'ai', region: '江苏省 / 苏州市 / 江宁区', budgetWan: 10 }, ['大模型', '机器视觉'])).toEqual([
      'kw#大模型',
      'kw#机器视觉',
      'field#ai',
      'region#江苏省',
      'region#江苏',
      'region#苏州市',
      'region#苏州',
      'region#江宁区',
      'region#江宁',
      'budget',
    ]);
  });

  it('splits a region written without slashes into its units, and keeps a code as it is', () => {
    expect(partitionsFor({ region: '江苏省苏州市吴中区' }, [])).toEqual([
      'region#江苏省苏州市吴中区',
      'region#江苏省苏州市吴中',
      'region#江苏省',
      'region#江苏',
      'region#苏州市',
      'region#苏州',
      'region#吴中区',
      'region#吴中',
    ]);
    expect(partitionsFor({ region: '江苏省 / 南京市 / 320112' }, [])).toContain('region#320112');
  });

  it('reads no field, region or budget partition the demand does not have', () => {
    expect(partitionsFor({}, ['钙钛矿'])).toEqual(['kw#钙钛矿']);
  });
});
