// The seed's mapping of real jstec demands onto 附件3: fields and cooperation modes by keyword, ids that sort like the
// source's, yuan → 万元, and a record that breaks a 附件3 rule skipped with the reason, never padded or altered.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { charCount, validateDemandContent } from '@cic/shared';
import { mapCooperation, mapField, mapRecord, parseJsonl, seedId, type JstecRecord } from '../seed/jstec-mapping';

const OPTS = { ownerId: 'seed-owner', at: '2025-01-01T00:00:00.000Z' };
const LONG = '现有产品表面缺陷主要依靠人工目视检测，人员容易疲劳且准确性不高，难以保证较高的检验标准，希望引入机器视觉方案。';

function record(overrides: Partial<JstecRecord> = {}): JstecRecord {
  return {
    id: '202031605571218144',
    title: '基于视觉识别的荧光渗透探伤检测',
    cooperation: '合作开发',
    investmentYuan: 123456,
    description: LONG,
    techFields: ['先进制造与自动化'],
    demandType: '技术改造',
    region: '江苏省 / 南京市 / 江宁区',
    sourceUrl: 'https://www.jstec.com.cn/crowdsourcing/demandDetail?id=202031605571218144',
    ...overrides,
  };
}

describe('mapField', () => {
  it('makes any AI-ish field an AI demand, wherever it stands', () => {
    for (const ai of ['人工智能', '智能机器人', '图像处理与识别', '多语种处理', '机器学习']) {
      expect(mapField([ai])).toEqual({ field: 'ai' });
      expect(mapField(['新材料', '先进制造与自动化', ai])).toEqual({ field: 'ai' });
    }
  });

  it('lets the first field that matches a rule decide, rules in order', () => {
    expect(mapField(['新材料'])).toEqual({ field: 'new_materials' });
    expect(mapField(['新能源与高效节能'])).toEqual({ field: 'new_energy' });
    expect(mapField(['电子信息'])).toEqual({ field: 'digital_economy' });
    expect(mapField(['先进制造与自动化'])).toEqual({ field: 'equipment' });
    // First field wins over a later one.
    expect(mapField(['先进制造与自动化', '新材料'])).toEqual({ field: 'equipment' });
    expect(mapField(['生物与新医药', '电力系统与设备'])).toEqual({ field: 'new_energy' });
    // Within one field, the earlier rule wins: 新能源汽车 names energy before vehicles.
    expect(mapField(['新能源汽车'])).toEqual({ field: 'new_energy' });
    expect(mapField(['电子材料'])).toEqual({ field: 'new_materials' });
  });

  it('maps an unknown field to other, with the first field as its text', () => {
    expect(mapField(['生物与新医药', '现代农业'])).toEqual({ field: 'other', fieldOther: '生物与新医药' });
    expect(mapField([])).toEqual({ field: 'other' });
  });
});

describe('mapCooperation', () => {
  it('maps the five known modes', () => {
    expect(mapCooperation('合作开发')).toEqual({ cooperationModes: ['co_develop'] });
    expect(mapCooperation('技术转让')).toEqual({ cooperationModes: ['transfer'] });
    expect(mapCooperation('许可使用')).toEqual({ cooperationModes: ['license'] });
    expect(mapCooperation('股权投资')).toEqual({ cooperationModes: ['equity'] });
    expect(mapCooperation('合作兴办新企业')).toEqual({ cooperationModes: ['joint_venture'] });
    expect(mapCooperation(' 合作开发 ')).toEqual({ cooperationModes: ['co_develop'] });
  });

  it('maps any other mode to other with its text', () => {
    expect(mapCooperation('技术服务')).toEqual({ cooperationModes: ['other'], cooperationOther: '技术服务' });
    expect(mapCooperation('技术咨询')).toEqual({ cooperationModes: ['other'], cooperationOther: '技术咨询' });
  });

  it('gives no mode for an empty text', () => {
    expect(mapCooperation('')).toEqual({ cooperationModes: [] });
    expect(mapCooperation('   ')).toEqual({ cooperationModes: [] });
  });
});

describe('seedId', () => {
  it('pads the external id to 19 digits', () => {
    expect(seedId('202031605569880332')).toBe('jstec-0202031605569880332');
    expect(seedId('2020316055698803321')).toBe('jstec-2020316055698803321');
    expect(seedId('202031605569880332').length).toBe(seedId('2020316055698803321').length);
  });

  it('sorts a 19-digit id after every 18-digit one, as the numbers do', () => {
    const ids = ['1000000000000000000', '999999999999999999', '202031605569880332', '1234567890123456789'];
    const bySeed = [...ids].sort((a, b) => (seedId(a) < seedId(b) ? -1 : 1));
    const byNumber = [...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    expect(bySeed).toEqual(byNumber);
    expect(seedId('1000000000000000000') > seedId('999999999999999999')).toBe(true);
  });
});

/** A seeded demand is published when the seed runs, new: no followers, no edits. */
const PUBLISHED_AT_SEED = {
  status: 'published',
  createdAt: OPTS.at,
  publishedAt: OPTS.at,
  followerCount: 0,
  version: 1,
  history: [{ status: 'published', at: OPTS.at }],
};

describe('mapRecord', () => {
  it('maps a record to a published, anonymous demand from jstec', () => {
    const r = record();
    const result = mapRecord(r, OPTS);
    if (!result.ok) throw new Error(`skipped: ${JSON.stringify(result.fields)}`);
    const d = result.demand;
    expect(d.budgetWan).toBe(12.3456);
    expect(d).toMatchObject({
      id: seedId(r.id),
      ownerId: 'seed-owner',
      anonymous: true,
      title: r.title,
      description: r.description,
      region: r.region,
      field: 'equipment',
      cooperationModes: ['co_develop'],
      ...PUBLISHED_AT_SEED,
      source: { name: 'jstec', label: '江苏省技术产权交易市场', externalId: r.id, url: r.sourceUrl },
    });
    expect(d).not.toHaveProperty('companyName');
    expect(d).not.toHaveProperty('contactPhone');
  });

  it('converts yuan to 万元', () => {
    const budget = (investmentYuan: number) => {
      const m = mapRecord(record({ investmentYuan }), OPTS);
      return m.ok ? m.demand.budgetWan : undefined;
    };
    expect(budget(123456)).toBe(12.3456);
    expect(budget(100000)).toBe(10);
    expect(budget(0)).toBe(0);
  });

  it('keeps the other-mode texts', () => {
    const m = mapRecord(record({ cooperation: '技术服务', techFields: ['生物与新医药'] }), OPTS);
    if (!m.ok) throw new Error(`skipped: ${JSON.stringify(m.fields)}`);
    expect(m.demand).toMatchObject({
      field: 'other',
      fieldOther: '生物与新医药',
      cooperationModes: ['other'],
      cooperationOther: '技术服务',
    });
  });

  it('skips a record whose description is under 50 characters, without altering it', () => {
    const short = '需要合适的国产化元器件来替代AD7606。';
    const r = record({ description: short });
    const before = structuredClone(r);
    const m = mapRecord(r, OPTS);
    expect(m).toEqual({ ok: false, id: r.id, fields: { description: expect.stringContaining('50') } });
    expect(r).toEqual(before);
  });

  it('counts the description in code points: 49 characters with a 𠮷 is short, 50 is enough', () => {
    const d49 = `𠮷${'测'.repeat(48)}`;
    expect(d49.length).toBe(50);
    expect(mapRecord(record({ description: d49 }), OPTS).ok).toBe(false);
    expect(mapRecord(record({ description: `𠮷${'测'.repeat(49)}` }), OPTS).ok).toBe(true);
    expect(mapRecord(record({ description: `  ${'测'.repeat(49)}  ` }), OPTS).ok).toBe(false);
  });

  it('skips a record with no cooperation mode', () => {
    const m = mapRecord(record({ cooperation: '' }), OPTS);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(Object.keys(m.fields)).toEqual(['cooperationModes']);
  });
});

describe('mapRecord over the real data/jstec-demands.jsonl', () => {
  const text = readFileSync(resolve(__dirname, '../../data/jstec-demands.jsonl'), 'utf8');
  const lines = text.split('\n').filter((line) => line.trim() !== '');

  it('maps every record to a valid demand or skips it with field errors, and skips exactly the short or mode-less ones', () => {
    const records = parseJsonl(text);
    expect(records).toHaveLength(lines.length);
    expect(records.length).toBeGreaterThan(700);

    let skipped = 0;
    const skippedIds: string[] = [];
    for (const r of records) {
      const m = mapRecord(r, OPTS);
      if (m.ok) {
        const check = validateDemandContent(m.demand);
        if (!check.ok) throw new Error(`${r.id} mapped to an invalid demand: ${JSON.stringify(check.fields)}`);
        expect(m.demand.title).toBe(r.title.trim());
        expect(m.demand.description).toBe(r.description.trim());
        expect(m.demand.anonymous).toBe(true);
        expect(m.demand.id).toBe(seedId(r.id));
      } else {
        skipped += 1;
        skippedIds.push(m.id);
        expect(m.id).toBe(r.id);
        expect(Object.keys(m.fields).length).toBeGreaterThan(0);
      }
    }

    // Computed independently from the raw JSON.
    const expectedIds: string[] = [];
    for (const line of lines) {
      const raw: unknown = JSON.parse(line);
      const { id, description, cooperation } = raw as { id: unknown; description: unknown; cooperation: unknown };
      if (typeof id !== 'string' || typeof description !== 'string' || typeof cooperation !== 'string') {
        throw new Error(`unexpected record: ${line.slice(0, 80)}`);
      }
      if (Array.from(description.trim()).length < 50 || cooperation === '') expectedIds.push(id);
    }
    expect(skipped).toBe(expectedIds.length);
    expect(skippedIds.sort()).toEqual(expectedIds.sort());
    expect(skipped).toBeGreaterThan(0);
  });

  it('agrees with the data README: 15 short descriptions and 11 without a cooperation mode', () => {
    const records = parseJsonl(text);
    const short = records.filter((r) => charCount(r.description.trim()) < 50).length;
    const noMode = records.filter((r) => r.cooperation === '').length;
    expect({ short, noMode }).toEqual({ short: 15, noMode: 11 });
  });
});
