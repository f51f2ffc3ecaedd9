// What the public sees of a demand: never the owner id or the reject reason; on an anonymous demand none of the hidden
// fields, and none of their values repeated in a public text.
import { DEMAND_FIELD_LABELS, HIDDEN_WHEN_ANONYMOUS, type Demand, type PublicDemand } from '@cic/shared';
import { MASK, formOf, maskHiddenValues, toPublicDemand, toSummary } from '../../../src/demands/demand.view';

const AT = '2025-03-01T08:00:00.000Z';

function demand(overrides: Partial<Demand> = {}): Demand {
  return {
    id: '01JDEMAND0000000000000000',
    ownerId: 'user-owner-1',
    status: 'published',
    createdAt: AT,
    updatedAt: AT,
    submittedAt: AT,
    publishedAt: AT,
    followerCount: 3,
    version: 4,
    rejectReason: '请补充技术指标',
    history: [
      { status: 'draft', at: '2025-02-01T00:00:00.000Z' },
      { status: 'pending_review', at: '2025-02-02T00:00:00.000Z' },
      { status: 'rejected', at: '2025-02-03T00:00:00.000Z', note: '请补充技术指标' },
      { status: 'pending_review', at: '2025-02-04T00:00:00.000Z' },
      { status: 'published', at: AT, note: '通过' },
      { status: 'closed', at: '2025-04-01T00:00:00.000Z', note: '已对接' },
    ],
    companyName: '苏州纳米新材料有限公司',
    region: '江苏省苏州市',
    contactName: '王建国',
    contactPhone: '0512-66778899',
    contactTitle: '技术部经理',
    email: 'Wang.JG@Nano-Example.com',
    companyIntro: '专注纳米涂层的高新技术企业。',
    salesBand: '10m-50m',
    title: '耐高温纳米涂层配方优化',
    budgetWan: 50,
    field: 'new_materials',
    description:
      '现有纳米涂层在 600 摄氏度以上会出现开裂和剥落，希望与高校或科研院所合作，优化涂层配方与喷涂工艺，使其在 800 摄氏度下连续工作 1000 小时不失效。',
    cooperationModes: ['co_develop'],
    brokerName: '李四海',
    brokerPhone: '13912345678',
    anonymous: false,
    ...overrides,
  };
}

/** What the public sees of an anonymous demand. */
const anonymousView = (overrides: Partial<Demand> = {}): PublicDemand =>
  toPublicDemand(demand({ anonymous: true, ...overrides }));

describe('toPublicDemand', () => {
  it('always removes ownerId and rejectReason', () => {
    for (const anonymous of [false, true]) {
      const view = toPublicDemand(demand({ anonymous }));
      expect(view).not.toHaveProperty('ownerId');
      expect(view).not.toHaveProperty('rejectReason');
      expect(JSON.stringify(view)).not.toContain('user-owner-1');
    }
  });

  it('keeps the contacts and the texts as written when not anonymous', () => {
    const d = demand();
    const view = toPublicDemand(d);
    for (const key of HIDDEN_WHEN_ANONYMOUS) expect(view[key]).toBe(d[key]);
    expect(view.title).toBe(d.title);
    expect(view.description).toBe(d.description);
    expect(view.companyIntro).toBe(d.companyIntro);
  });

  it('keeps only published and closed history entries, without their notes', () => {
    const view = toPublicDemand(demand());
    expect(view.history).toEqual([
      { status: 'published', at: AT },
      { status: 'closed', at: '2025-04-01T00:00:00.000Z' },
    ]);
    for (const e of view.history) expect(e).not.toHaveProperty('note');
  });

  it('removes every hidden field of an anonymous demand', () => {
    const view = anonymousView();
    for (const key of HIDDEN_WHEN_ANONYMOUS) expect(view).not.toHaveProperty(key);
    expect(view.anonymous).toBe(true);
    expect(view.title).toBe('耐高温纳米涂层配方优化');
    expect(view.budgetWan).toBe(50);
  });

  it('masks hidden values repeated in title, description, companyIntro and region', () => {
    const d = demand({
      anonymous: true,
      title: '苏州纳米新材料有限公司涂层配方优化',
      description:
        '请联系王建国（技术部经理），电话 0512-66778899 或 051266778899，邮箱 wang.jg@nano-example.com，' +
        '也可联系经纪人李四海 13912345678。现有纳米涂层在高温下会开裂和剥落，希望合作优化配方。',
      companyIntro: '苏州纳米新材料有限公司成立于 2010 年，邮箱 WANG.JG@NANO-EXAMPLE.COM。',
      region: '江苏省苏州市（苏州纳米新材料有限公司园区）',
    });
    const view = toPublicDemand(d);
    expect(view.title).toBe(`${MASK}涂层配方优化`);
    expect(view.description).toBe(
      `请联系${MASK}（${MASK}），电话 ${MASK} 或 ${MASK}，邮箱 ${MASK}，` +
        `也可联系经纪人${MASK} ${MASK}。现有纳米涂层在高温下会开裂和剥落，希望合作优化配方。`,
    );
    expect(view.companyIntro).toBe(`${MASK}成立于 2010 年，邮箱 ${MASK}。`);
    expect(view.region).toBe(`江苏省苏州市（${MASK}园区）`);

    const json = JSON.stringify(view).toLowerCase();
    for (const key of HIDDEN_WHEN_ANONYMOUS) {
      const value = d[key];
      if (typeof value === 'string') expect(json).not.toContain(value.toLowerCase());
    }
    expect(json).not.toContain('051266778899');
  });

  it('masks hidden values in fieldOther and cooperationOther too', () => {
    const view = anonymousView({
      field: 'other',
      fieldOther: '王建国团队方向',
      cooperationModes: ['other'],
      cooperationOther: '与苏州纳米新材料有限公司共建实验室',
    });
    expect(view.fieldOther).toBe(`${MASK}团队方向`);
    expect(view.cooperationOther).toBe(`与${MASK}共建实验室`);
  });

  it('does not mask a one-character hidden value', () => {
    const view = anonymousView({
      contactName: '王',
      contactTitle: '总',
      description: `王总希望优化涂层配方。${'现有涂层易开裂。'.repeat(6)}`,
    });
    expect(view.description?.startsWith('王总希望优化涂层配方。')).toBe(true);
    expect(view).not.toHaveProperty('contactName');
    expect(view).not.toHaveProperty('contactTitle');
  });

  it('treats a hidden value as text, not as a pattern', () => {
    const view = anonymousView({ description: `邮箱 wangXjg@nano-example.com 不是联系人邮箱。${'x'.repeat(40)}` });
    expect(view.description).toContain('wangXjg@nano-example.com');
  });

  it('does not change the demand it is given', () => {
    const d = demand({ anonymous: true, description: '电话 0512-66778899' });
    const before = structuredClone(d);
    toPublicDemand(d);
    expect(d).toEqual(before);
  });
});

describe('maskHiddenValues', () => {
  it('masks a phone with or without its hyphen, and an e-mail in any case', () => {
    expect(maskHiddenValues('a 0512-66778899 b 051266778899 c', ['0512-66778899'])).toBe(`a ${MASK} b ${MASK} c`);
    expect(maskHiddenValues('Mail: A.B@C.CN', ['a.b@c.cn'])).toBe(`Mail: ${MASK}`);
  });

  // The same phone number in another written form is still the hidden value.
  it('masks a stored bare mobile written with hyphens or spaces in the text', () => {
    expect(maskHiddenValues('电话 138-1234-5678', ['13812345678'])).toBe(`电话 ${MASK}`);
    expect(maskHiddenValues('电话 138 1234 5678', ['13812345678'])).toBe(`电话 ${MASK}`);
  });

  it('masks a stored +86 mobile written without its country code in the text', () => {
    expect(maskHiddenValues('电话 13812345678', ['+8613812345678'])).toBe(`电话 ${MASK}`);
  });

  it('ignores values shorter than two characters and masks trimmed values', () => {
    expect(maskHiddenValues('王工', ['王', ''])).toBe('王工');
    expect(maskHiddenValues('王工', ['  王工  '])).toBe(MASK);
  });
});

describe('toSummary', () => {
  const view = (description: string | undefined): PublicDemand => toPublicDemand(demand({ description }));

  it('folds white space and cuts the excerpt at 80 characters with an ellipsis', () => {
    const body = `第一行\n\n  第二行\t第三行 ${'钛合金'.repeat(40)}`;
    const summary = toSummary(view(body));
    const folded = body.replace(/\s+/g, ' ');
    expect(Array.from(summary.excerpt)).toHaveLength(81);
    expect(summary.excerpt).toBe(`${Array.from(folded).slice(0, 80).join('')}…`);
    expect(summary.excerpt).not.toMatch(/\s{2}|\n|\t/);
  });

  it('counts characters as code points', () => {
    const summary = toSummary(view('𠮷'.repeat(100)));
    expect(summary.excerpt).toBe(`${'𠮷'.repeat(80)}…`);
  });

  it('keeps a description of at most 80 characters whole, trimmed', () => {
    expect(toSummary(view(`  ${'钛'.repeat(80)}\n`)).excerpt).toBe('钛'.repeat(80));
    expect(toSummary(view('短 \n 描述')).excerpt).toBe('短 描述');
    expect(toSummary(view(undefined)).excerpt).toBe('');
  });

  it('carries the card fields and nothing hidden', () => {
    const v = anonymousView();
    const summary = toSummary(v);
    expect(summary).toMatchObject({
      id: v.id,
      status: 'published',
      title: v.title,
      field: 'new_materials',
      region: v.region,
      budgetWan: 50,
      cooperationModes: ['co_develop'],
      publishedAt: AT,
      followerCount: 3,
      anonymous: true,
    });
    expect(summary).not.toHaveProperty('description');
    expect(summary).not.toHaveProperty('history');
  });
});

describe('formOf', () => {
  it('returns only the 附件3 keys that are set', () => {
    const d = demand({ fieldOther: undefined });
    const form = formOf(d);
    const formKeys: readonly string[] = Object.keys(DEMAND_FIELD_LABELS);
    for (const key of Object.keys(form)) expect(formKeys).toContain(key);
    for (const meta of [
      'id',
      'ownerId',
      'status',
      'history',
      'version',
      'followerCount',
      'rejectReason',
      'createdAt',
      'source',
    ]) {
      expect(form).not.toHaveProperty(meta);
    }
    expect(form).not.toHaveProperty('fieldOther');
    expect(form.title).toBe(d.title);
    expect(form.anonymous).toBe(false);
    expect(form.cooperationModes).toEqual(['co_develop']);
    expect(Object.keys(form).sort()).toEqual(formKeys.filter((k) => k !== 'fieldOther' && k !== 'cooperationOther').sort());
  });
});
