import {
  AWARD_KIND,
  AWARD_KIND_LABELS,
  AWARD_KINDS,
  defineEnum,
  DEMAND_STATUS,
  INDUSTRY_FIELD,
  INDUSTRY_FIELD_LABELS,
  INDUSTRY_FIELDS,
  USER_ROLE_LABELS,
  type IndustryField,
} from '../src';

describe('defineEnum', () => {
  const SIZE = defineEnum(['s', 'm', 'l'], { s: '小', m: '中', l: '大' });

  it('keeps the values in their order, with a label for each', () => {
    expect(SIZE.values).toEqual(['s', 'm', 'l']);
    expect(SIZE.labels).toEqual({ s: '小', m: '中', l: '大' });
    expect(SIZE.values.map(SIZE.label)).toEqual(['小', '中', '大']);
    expect(SIZE.options).toEqual([
      { value: 's', label: '小' },
      { value: 'm', label: '中' },
      { value: 'l', label: '大' },
    ]);
  });

  it('infers the literal values, and wants every label and no other', () => {
    const size: (typeof SIZE.values)[number] = 'm';
    // @ts-expect-error 'xl' is not one of the values
    const wrong: (typeof SIZE.values)[number] = 'xl';
    // @ts-expect-error the label of 'l' is missing
    defineEnum(['s', 'l'], { s: '小' });
    // @ts-expect-error 'm' is not one of the values
    defineEnum(['s'], { s: '小', m: '中' });
    expect([size, wrong]).toEqual(['m', 'xl']);
  });

  it('is behind the names the code imports, with the same values', () => {
    expect(INDUSTRY_FIELDS).toBe(INDUSTRY_FIELD.values);
    expect(INDUSTRY_FIELD_LABELS).toBe(INDUSTRY_FIELD.labels);
    const field: IndustryField = INDUSTRY_FIELDS[1];
    expect(INDUSTRY_FIELD.label(field)).toBe('人工智能');
    expect(AWARD_KINDS.map((k) => AWARD_KIND_LABELS[k])).toEqual(AWARD_KIND.options.map((o) => o.label));
    expect(DEMAND_STATUS.label('pending_review')).toBe('审核中');
    expect(USER_ROLE_LABELS).toEqual({ user: '普通用户', admin: '管理员', judge: '评委' });
  });
});
