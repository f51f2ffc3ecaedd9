// The 附件3 rules at their boundaries: every rule passes just inside its limit, fails just outside, and a failure names
// the field with its Chinese label so a person knows what to fix.
import {
  COOPERATION_MODES,
  DEMAND_FIELD_LABELS as L,
  INDUSTRY_FIELDS,
  SALES_BANDS,
  SALES_BAND_LABELS,
  charCount,
  isMainlandPhone,
  validateDemandComplete,
  validateDemandContent,
  validateDemandDraft,
  validateDemandListQuery,
  validateDevLogin,
  validateReview,
  type DemandFieldKey,
  type Validated,
} from '@cic/shared';
import { failFields, okValue } from './support/validated';

type Input = Record<string, unknown>;

/** A fully valid complete demand; each case overrides one field. */
function valid(overrides: Input = {}): Input {
  return {
    companyName: '南京某某智能科技有限公司',
    region: '江苏省南京市',
    contactName: '张三',
    contactPhone: '13812345678',
    contactTitle: '研发部 经理',
    email: 'name@example.com',
    companyIntro: '一家专注工业视觉检测的高新技术企业。',
    salesBand: '10m-50m',
    title: '高精度视觉检测算法',
    budgetWan: 50,
    field: 'ai',
    description: '需要一套面向金属表面缺陷的高精度视觉检测算法，'.repeat(3),
    cooperationModes: ['co_develop'],
    brokerName: '李四',
    brokerPhone: '025-83456789',
    anonymous: false,
    ...overrides,
  };
}

/** valid() without the given keys. */
function validWithout(...keys: string[]): Input {
  const d = valid();
  for (const k of keys) delete d[k];
  return d;
}

/** A valid content-only demand (no company or contact). */
function validContent(overrides: Input = {}): Input {
  return {
    region: '江苏省苏州市',
    title: '新型储能电池热管理方案',
    budgetWan: 200,
    field: 'new_energy',
    description: '寻求储能电池包在高温环境下的热管理与安全预警整体解决方案，'.repeat(3),
    cooperationModes: ['transfer', 'license'],
    ...overrides,
  };
}

/** The failure's message about the whole input. */
function failMessage<T>(r: Validated<T>): string | undefined {
  if (r.ok) throw new Error(`expected failure, got value ${JSON.stringify(r.value)}`);
  return r.message;
}

/** The input fails, with an error under `key` that names the field by its Chinese label. */
function expectFieldError<T>(r: Validated<T>, key: DemandFieldKey): string {
  const fields = failFields(r);
  const message = fields[key];
  expect(message).toBeDefined();
  expect(message).toContain(L[key]);
  return message ?? '';
}

const han = (n: number): string => '字'.repeat(n);
/** 𠮷 is one character but two UTF-16 code units. */
const astral = (n: number): string => '𠮷'.repeat(n);

/** A case of one field: its name, the value, and whether a complete demand with it passes. */
type FieldCase = readonly [name: string, value: unknown, ok: boolean];

/**
 * A test per case: an otherwise valid complete demand with the value in `key` passes, or fails with an error under
 * `key` that names the field (and contains `mentions`, when given).
 */
function itChecks(key: DemandFieldKey, cases: readonly FieldCase[], mentions?: string): void {
  it.each(cases.map(([name, value, ok]) => [name, ok, value] as const))('%s → ok=%s', (_name, ok, value) => {
    const r = validateDemandComplete(valid({ [key]: value }));
    if (ok) expect(r.ok).toBe(true);
    else if (mentions) expect(expectFieldError(r, key)).toContain(mentions);
    else expectFieldError(r, key);
  });
}

/** The text of an "other" choice (`chosen`) is required under `key`, whose message names the list and says 其他/其它. */
function itRequiresOtherText(key: 'fieldOther' | 'cooperationOther', chosen: Input, list: DemandFieldKey, other: string): void {
  it.each<[string, Input]>([
    ['missing', {}],
    ['empty', { [key]: '' }],
    ['blank', { [key]: '   ' }],
  ])(`"other" with ${key} %s fails under ${key}`, (_case, extra) => {
    const fields = failFields(validateDemandComplete(valid({ ...chosen, ...extra })));
    expect(Object.keys(fields)).toEqual([key]);
    expect(fields[key]).toContain(L[list]);
    expect(fields[key]).toContain(other);
  });
}

/** A text of `min` to `max` characters: each side of both bounds. */
const bounds = (min: number, max: number): FieldCase[] => [
  [`${min - 1} chars`, han(min - 1), false],
  [`${min} chars`, han(min), true],
  [`${max} chars`, han(max), true],
  [`${max + 1} chars`, han(max + 1), false],
];
/** 经费 (万元) at its bounds: 0 to 1,000,000, with at most 4 decimals. */
const BUDGET_BOUNDS: FieldCase[] = [
  ['0', 0, true],
  ['-0.01', -0.01, false],
  ['1,000,000', 1_000_000, true],
  ['1,000,000.5', 1_000_000.5, false],
  ['1.2345 (4 decimals)', 1.2345, true],
  ['1.23456 (5 decimals)', 1.23456, false],
];
/** The bounds, with blanks trimmed before counting and characters (not UTF-16 units) counted. */
const lengthCases = (min: number, max: number): FieldCase[] => [
  ...bounds(min, max),
  [`${min - 1} chars padded to ${min + 5} with spaces`, `   ${han(min - 1)}   `, false],
  [`${min} astral chars`, astral(min), true],
];
/** The bounds of a required text, which is also missing when empty or blank, and must be text. */
const requiredTextCases = (min: number, max: number): FieldCase[] => [
  ...bounds(min, max),
  // With a minimum of 1, the empty text is the case below it.
  ...(min > 1 ? [['empty string', '', false] as const] : []),
  ['blank string', '   ', false],
  ['a number', 123, false],
];

describe('charCount', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('abc')).toBe(3);
    expect(charCount('企业名称')).toBe(4);
    expect('𠮷'.length).toBe(2);
    expect(charCount('𠮷')).toBe(1);
    expect(charCount(astral(300))).toBe(300);
  });
});

describe('isMainlandPhone', () => {
  it.each<[string, boolean]>([
    ['13812345678', true],
    ['+8613812345678', true],
    ['8613812345678', true],
    ['19912345678', true],
    ['138 1234 5678', true],
    ['138-1234-5678', true],
    ['025-83456789', true],
    ['0512-1234567', true],
    ['02583456789', true],
    ['025-83456789-123', true],
    ['(025)83456789', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['25-83456789', false],
    ['025-123456', false],
    ['abc', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isMainlandPhone(value)).toBe(expected);
  });
});

describe('validateDemandComplete', () => {
  it('accepts the valid fixture', () => {
    const value = okValue(validateDemandComplete(valid()));
    expect(value.title).toBe('高精度视觉检测算法');
    expect(value.budgetWan).toBe(50);
    expect(value.anonymous).toBe(false);
  });

  it('trims text fields', () => {
    const value = okValue(validateDemandComplete(valid({ companyName: '  某某公司  ', title: '  高精度检测  ' })));
    expect(value.companyName).toBe('某某公司');
    expect(value.title).toBe('高精度检测');
  });

  describe('companyName', () => {
    itChecks('companyName', requiredTextCases(2, 100));

    it('is required', () => {
      const message = expectFieldError(validateDemandComplete(validWithout('companyName')), 'companyName');
      expect(message).toContain('请填写');
    });

    it('reports the maximum and the current count when too long', () => {
      const message = expectFieldError(validateDemandComplete(valid({ companyName: han(101) })), 'companyName');
      expect(message).toContain('100');
      expect(message).toContain('101');
    });
  });

  describe.each<[DemandFieldKey, number]>([
    ['region', 100],
    ['contactName', 30],
  ])('%s (required, ≤%i)', (key, max) => {
    it(`accepts ${max} chars`, () => {
      expect(validateDemandComplete(valid({ [key]: han(max) })).ok).toBe(true);
    });
    it(`rejects ${max + 1} chars`, () => {
      const message = expectFieldError(validateDemandComplete(valid({ [key]: han(max + 1) })), key);
      expect(message).toContain(String(max));
    });
    it('is required (missing)', () => {
      expectFieldError(validateDemandComplete(validWithout(key)), key);
    });
    it('is required (blank)', () => {
      expectFieldError(validateDemandComplete(valid({ [key]: '  ' })), key);
    });
    it('must be text', () => {
      expectFieldError(validateDemandComplete(valid({ [key]: 42 })), key);
    });
  });

  describe.each<[DemandFieldKey, number, Input]>([
    ['contactTitle', 50, {}],
    ['brokerName', 30, {}],
    // fieldOther / cooperationOther only survive when "other" is chosen, so choose it for these cases.
    ['fieldOther', 30, { field: 'other' }],
    ['cooperationOther', 50, { cooperationModes: ['other'] }],
  ])('%s (optional, ≤%i)', (key, max, context) => {
    it(`accepts ${max} chars`, () => {
      const value = okValue(validateDemandComplete(valid({ ...context, [key]: han(max) })));
      expect((value as Input)[key]).toBe(han(max));
    });
    it(`rejects ${max + 1} chars`, () => {
      const message = expectFieldError(validateDemandComplete(valid({ ...context, [key]: han(max + 1) })), key);
      expect(message).toContain(String(max));
    });
    if (key === 'contactTitle' || key === 'brokerName') {
      it('may be omitted', () => {
        expect(validateDemandComplete(validWithout(key)).ok).toBe(true);
      });
      it('treats an empty string as absent', () => {
        const value = okValue(validateDemandComplete(valid({ [key]: '' })));
        expect((value as Input)[key]).toBeUndefined();
      });
    }
  });

  describe('contactPhone', () => {
    itChecks(
      'contactPhone',
      (
        [
          ['13812345678', true],
          ['+8613812345678', true],
          ['12812345678', false],
          ['1381234567', false],
          ['025-83456789', true],
          ['0512-1234567', true],
          ['02583456789', true],
          ['025-83456789-123', true],
          ['25-83456789', false],
        ] as const
      ).map(([phone, ok]) => [phone, phone, ok]),
    );

    it('is required', () => {
      expectFieldError(validateDemandComplete(validWithout('contactPhone')), 'contactPhone');
      expectFieldError(validateDemandComplete(valid({ contactPhone: '' })), 'contactPhone');
    });

    it('must be text', () => {
      expectFieldError(validateDemandComplete(valid({ contactPhone: 13812345678 })), 'contactPhone');
    });
  });

  describe('email', () => {
    itChecks('email', [
      ['a plain address', 'name@example.com', true],
      ['a sub-domain address', 'a.b@mail.example.com.cn', true],
      ['no dot in the domain', 'a@b', false],
      ['no @', 'name.example.com', false],
      ['a space inside', 'na me@example.com', false],
      ['a number', 5, false],
    ]);

    it('is optional, and an empty string is treated as absent', () => {
      expect(okValue(validateDemandComplete(validWithout('email'))).email).toBeUndefined();
      expect(okValue(validateDemandComplete(valid({ email: '' }))).email).toBeUndefined();
      expect(okValue(validateDemandComplete(valid({ email: '   ' }))).email).toBeUndefined();
    });
  });

  describe('companyIntro', () => {
    itChecks(
      'companyIntro',
      [
        ['300 Chinese chars', han(300), true],
        ['301 Chinese chars', han(301), false],
        ['300 astral chars (600 UTF-16 units)', astral(300), true],
        ['301 astral chars', astral(301), false],
      ],
      '300',
    );

    it('counts characters, not UTF-16 units', () => {
      expect(astral(300).length).toBe(600);
      expect(okValue(validateDemandComplete(valid({ companyIntro: astral(300) }))).companyIntro).toBe(astral(300));
    });

    it('is optional', () => {
      expect(validateDemandComplete(validWithout('companyIntro')).ok).toBe(true);
    });
  });

  describe('salesBand', () => {
    it.each(SALES_BANDS.map((b) => [b]))('accepts %s', (salesBand) => {
      expect(okValue(validateDemandComplete(valid({ salesBand }))).salesBand).toBe(salesBand);
    });

    it.each<[unknown]>([['1000万以下'], ['gt100m'], ['LT10M'], [3]])('rejects %j, listing the Chinese options', (salesBand) => {
      const message = expectFieldError(validateDemandComplete(valid({ salesBand })), 'salesBand');
      for (const band of SALES_BANDS) expect(message).toContain(SALES_BAND_LABELS[band]);
    });

    it('is optional', () => {
      expect(validateDemandComplete(validWithout('salesBand')).ok).toBe(true);
    });
  });

  describe('title', () => {
    itChecks('title', lengthCases(4, 60));

    it('states the minimum and current count when too short', () => {
      const message = expectFieldError(validateDemandComplete(valid({ title: han(3) })), 'title');
      expect(message).toContain('4');
      expect(message).toContain('3');
    });

    it('is required', () => {
      expectFieldError(validateDemandComplete(validWithout('title')), 'title');
    });
  });

  describe('budgetWan', () => {
    itChecks('budgetWan', [
      ...BUDGET_BOUNDS,
      ['0.0001', 0.0001, true],
      ['0.1 + 0.2 (float noise)', 0.1 + 0.2, true],
      ['NaN', Number.NaN, false],
      ['Infinity', Number.POSITIVE_INFINITY, false],
    ]);

    it('must be a number: the string "10" fails with a type message', () => {
      const message = expectFieldError(validateDemandComplete(valid({ budgetWan: '10' })), 'budgetWan');
      expect(message).toContain('数字');
    });

    it('names the decimal limit', () => {
      expect(expectFieldError(validateDemandComplete(valid({ budgetWan: 1.23456 })), 'budgetWan')).toContain('4');
    });

    it('is required', () => {
      const message = expectFieldError(validateDemandComplete(validWithout('budgetWan')), 'budgetWan');
      expect(message).toContain('请填写');
    });
  });

  describe('field and fieldOther', () => {
    it.each(INDUSTRY_FIELDS.filter((f) => f !== 'other').map((f) => [f]))('accepts %s', (field) => {
      expect(okValue(validateDemandComplete(valid({ field }))).field).toBe(field);
    });

    it.each<[unknown]>([['robotics'], ['人工智能'], [1]])('rejects %j', (field) => {
      expectFieldError(validateDemandComplete(valid({ field })), 'field');
    });

    it('is required', () => {
      expectFieldError(validateDemandComplete(validWithout('field')), 'field');
    });

    it('"other" with its text is accepted and keeps the text', () => {
      const value = okValue(validateDemandComplete(valid({ field: 'other', fieldOther: '生物医药' })));
      expect(value.field).toBe('other');
      expect(value.fieldOther).toBe('生物医药');
    });

    itRequiresOtherText('fieldOther', { field: 'other' }, 'field', '其他');

    it('drops fieldOther when field is not "other"', () => {
      const value = okValue(validateDemandComplete(valid({ field: 'ai', fieldOther: '生物医药' })));
      expect(value).not.toHaveProperty('fieldOther');
    });
  });

  describe('description', () => {
    itChecks('description', lengthCases(50, 5000));

    it('fails with 50 spaces', () => {
      expectFieldError(validateDemandComplete(valid({ description: ' '.repeat(50) })), 'description');
    });

    it.each<[string, string, string]>([
      ['too short', han(49), '49'],
      ['too short after trim', `  ${han(10)}  `, '10'],
      ['too long', han(5001), '5001'],
    ])('the message (%s) contains the current count', (_case, description, count) => {
      const message = expectFieldError(validateDemandComplete(valid({ description })), 'description');
      expect(message).toContain(`当前 ${count} 个字`);
    });

    it('keeps the trimmed text', () => {
      expect(okValue(validateDemandComplete(valid({ description: `  ${han(50)}\n` }))).description).toBe(han(50));
    });

    it('is required', () => {
      expectFieldError(validateDemandComplete(validWithout('description')), 'description');
    });
  });

  describe('cooperationModes and cooperationOther', () => {
    it.each(COOPERATION_MODES.filter((m) => m !== 'other').map((m) => [m]))('accepts [%s]', (mode) => {
      expect(okValue(validateDemandComplete(valid({ cooperationModes: [mode] }))).cooperationModes).toEqual([mode]);
    });

    it('accepts every mode at once', () => {
      const value = okValue(
        validateDemandComplete(valid({ cooperationModes: [...COOPERATION_MODES], cooperationOther: '人才联合培养' })),
      );
      expect(value.cooperationModes).toEqual([...COOPERATION_MODES]);
    });

    it('requires at least one on complete', () => {
      expectFieldError(validateDemandComplete(valid({ cooperationModes: [] })), 'cooperationModes');
    });

    it('is required', () => {
      expectFieldError(validateDemandComplete(validWithout('cooperationModes')), 'cooperationModes');
    });

    it.each<[string, unknown]>([
      ['an unknown value', ['buyout']],
      ['a Chinese label instead of the key', ['技术转让']],
      ['a string instead of a list', 'transfer'],
      ['a number inside', [1]],
    ])('rejects %s', (_case, cooperationModes) => {
      expectFieldError(validateDemandComplete(valid({ cooperationModes })), 'cooperationModes');
    });

    it('de-duplicates repeated values', () => {
      const value = okValue(validateDemandComplete(valid({ cooperationModes: ['equity', 'license', 'equity', 'license'] })));
      expect(value.cooperationModes).toEqual(['equity', 'license']);
    });

    it('"other" with its text is accepted and keeps the text', () => {
      const value = okValue(
        validateDemandComplete(valid({ cooperationModes: ['equity', 'other'], cooperationOther: '共建实验室' })),
      );
      expect(value.cooperationOther).toBe('共建实验室');
    });

    itRequiresOtherText('cooperationOther', { cooperationModes: ['other'] }, 'cooperationModes', '其它');

    it('drops cooperationOther when "other" is not chosen', () => {
      const value = okValue(validateDemandComplete(valid({ cooperationModes: ['equity'], cooperationOther: '共建实验室' })));
      expect(value).not.toHaveProperty('cooperationOther');
    });
  });

  describe('brokerPhone', () => {
    itChecks(
      'brokerPhone',
      (
        [
          ['13912345678', true],
          ['0512-1234567', true],
          ['12345', false],
          ['12812345678', false],
          [13912345678, false],
        ] as const
      ).map(([phone, ok]) => [JSON.stringify(phone), phone, ok]),
    );

    it('is optional, and an empty string is treated as absent', () => {
      expect(validateDemandComplete(validWithout('brokerPhone')).ok).toBe(true);
      expect(okValue(validateDemandComplete(valid({ brokerPhone: '' }))).brokerPhone).toBeUndefined();
    });
  });

  describe('anonymous', () => {
    it.each<[boolean]>([[true], [false]])('accepts %s', (anonymous) => {
      expect(okValue(validateDemandComplete(valid({ anonymous }))).anonymous).toBe(anonymous);
    });

    it.each<[unknown]>([['true'], [1], ['是'], [null]])('rejects %j', (anonymous) => {
      expectFieldError(validateDemandComplete(valid({ anonymous })), 'anonymous');
    });

    it('defaults to false', () => {
      expect(okValue(validateDemandComplete(validWithout('anonymous'))).anonymous).toBe(false);
    });
  });

  describe('object shape', () => {
    it('rejects an unknown key, naming it', () => {
      const fields = failFields(validateDemandComplete(valid({ website: 'https://example.com' })));
      expect(fields.website).toBeDefined();
      expect(fields.website).toContain('website');
    });

    it('reports an unknown key together with field errors', () => {
      const fields = failFields(validateDemandComplete(valid({ website: 'x', title: han(3) })));
      expect(fields.website).toContain('website');
      expect(fields.title).toContain(L.title);
    });

    it.each<[string, unknown]>([
      ['an array', [valid()]],
      ['a string', 'demand'],
      ['null', null],
      ['undefined', undefined],
      ['a number', 7],
    ])('rejects %s with a message about the whole input', (_case, input) => {
      expect(failMessage(validateDemandComplete(input))).toBe('请求内容必须是一个对象');
    });
  });

  describe('reporting', () => {
    const REQUIRED: DemandFieldKey[] = [
      'companyName',
      'region',
      'contactName',
      'contactPhone',
      'title',
      'budgetWan',
      'field',
      'description',
      'cooperationModes',
    ];

    it('reports every missing required field at once, each named by its label', () => {
      const fields = failFields(validateDemandComplete({}));
      expect(Object.keys(fields).sort()).toEqual([...REQUIRED].sort());
      for (const key of REQUIRED) expect(fields[key]).toContain(L[key]);
    });

    it('reports every blank required field at once', () => {
      const blanks: Input = Object.fromEntries(REQUIRED.map((k) => [k, '']));
      const fields = failFields(validateDemandComplete(blanks));
      for (const key of REQUIRED) expect(fields[key]).toContain(L[key]);
    });

    it('reports cross-field errors together with other field errors', () => {
      const fields = failFields(
        validateDemandComplete(
          valid({ field: 'other', cooperationModes: ['other'], title: han(3), budgetWan: -1, contactPhone: '123' }),
        ),
      );
      expect(Object.keys(fields).sort()).toEqual(['budgetWan', 'contactPhone', 'cooperationOther', 'fieldOther', 'title'].sort());
      expect(fields.fieldOther).toContain(L.field);
      expect(fields.cooperationOther).toContain(L.cooperationModes);
      expect(fields.title).toContain(L.title);
    });

    it('reports fieldOther alongside all missing required fields', () => {
      const fields = failFields(validateDemandComplete({ field: 'other' }));
      expect(fields.fieldOther).toBeDefined();
      expect(fields.title).toContain(L.title);
      expect(fields.companyName).toContain(L.companyName);
      expect(fields.field).toBeUndefined();
    });
  });
});

describe('validateDemandDraft', () => {
  it('accepts an empty object', () => {
    expect(okValue(validateDemandDraft({}))).toEqual({});
  });

  it('accepts partial data', () => {
    expect(okValue(validateDemandDraft({ title: '半成品', description: '太短' }))).toEqual({
      title: '半成品',
      description: '太短',
    });
  });

  it('accepts the full valid demand', () => {
    expect(validateDemandDraft(valid()).ok).toBe(true);
  });

  it.each<[string, Input]>([
    ['a 2-char title', { title: han(2) }],
    ['a 1-char company name', { companyName: '企' }],
    ['a short description', { description: han(10) }],
    ['no cooperation mode', { cooperationModes: [] }],
    ['"other" field without its text', { field: 'other' }],
  ])('accepts %s (minimums are checked only on complete)', (_case, draft) => {
    expect(validateDemandDraft(draft).ok).toBe(true);
  });

  it('treats blank strings as absent', () => {
    expect(okValue(validateDemandDraft({ title: '  ', email: '' }))).toEqual({});
  });

  it.each<[DemandFieldKey, unknown]>([
    ['title', han(61)],
    ['companyName', han(101)],
    ['region', han(101)],
    ['contactName', han(31)],
    ['contactTitle', han(51)],
    ['companyIntro', han(301)],
    ['description', han(5001)],
    ['fieldOther', han(31)],
    ['cooperationOther', han(51)],
    ['brokerName', han(31)],
    ['contactPhone', '12812345678'],
    ['brokerPhone', '25-83456789'],
    ['email', 'a@b'],
    ['salesBand', 'huge'],
    ['field', 'robotics'],
    ['cooperationModes', ['buyout']],
    ['budgetWan', '10'],
    ['budgetWan', -0.01],
    ['budgetWan', 1.23456],
    ['anonymous', 'true'],
  ])('still rejects %s = %j', (key, value) => {
    expectFieldError(validateDemandDraft({ [key]: value }), key);
  });

  it('rejects unknown keys, naming them', () => {
    expect(failFields(validateDemandDraft({ foo: 1 })).foo).toContain('foo');
  });

  it('names an unknown key called "_" like any other, with no message about the whole input', () => {
    const r = validateDemandDraft({ title: '钛合金焊接', _: 0 });
    expect(failFields(r)).toEqual({ _: '不支持的字段“_”' });
    expect(failMessage(r)).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['an array', []],
    ['a string', 'draft'],
    ['null', null],
  ])('rejects %s with a message about the whole input, and no field', (_case, input) => {
    const r = validateDemandDraft(input);
    expect(failMessage(r)).toBe('请求内容必须是一个对象');
    expect(failFields(r)).toEqual({});
  });
});

describe('validateDemandContent', () => {
  it('accepts a valid content-only object without company or contact fields', () => {
    const value = okValue(validateDemandContent(validContent()));
    expect(value.title).toBe('新型储能电池热管理方案');
    expect(value).not.toHaveProperty('companyName');
    expect(value).not.toHaveProperty('contactPhone');
  });

  it('reports exactly the missing content fields', () => {
    const fields = failFields(validateDemandContent({}));
    expect(Object.keys(fields).sort()).toEqual(
      ['budgetWan', 'cooperationModes', 'description', 'field', 'region', 'title'].sort(),
    );
  });

  /** The cases of a field, as [field, value, ok]. */
  const of = (key: DemandFieldKey, cases: FieldCase[]) =>
    cases.map(([, value, ok]): [DemandFieldKey, unknown, boolean] => [key, value, ok]);

  it.each<[DemandFieldKey, unknown, boolean]>([
    ...of('title', bounds(4, 60)),
    ...of('description', bounds(50, 5000)),
    ...of('budgetWan', BUDGET_BOUNDS),
    ['budgetWan', '10', false],
    ['cooperationModes', [], false],
  ])('%s = %j → ok=%s', (key, value, ok) => {
    const r = validateDemandContent(validContent({ [key]: value }));
    if (ok) expect(r.ok).toBe(true);
    else expectFieldError(r, key);
  });

  it('applies the "other" rules', () => {
    expect(failFields(validateDemandContent(validContent({ field: 'other' }))).fieldOther).toContain(L.field);
    const value = okValue(validateDemandContent(validContent({ field: 'ai', fieldOther: 'x', cooperationOther: 'y' })));
    expect(value).not.toHaveProperty('fieldOther');
    expect(value).not.toHaveProperty('cooperationOther');
  });
});

describe('validateDevLogin', () => {
  it.each(['user', 'admin', 'judge'].map((role) => [role]))('accepts role %s', (role) => {
    expect(okValue(validateDevLogin({ nickname: '测试', role })).role).toBe(role);
  });

  it.each<[unknown]>([['superuser'], ['Admin'], [''], [undefined]])('rejects role %j', (role) => {
    expect(failFields(validateDevLogin({ nickname: '测试', role })).role).toContain('角色');
  });

  it.each(requiredTextCases(1, 30).map(([name, value, ok]) => [name, ok, value] as const))(
    'nickname %s → ok=%s',
    (_case, ok, nickname) => {
      const r = validateDevLogin({ nickname, role: 'user' });
      if (ok) expect(r.ok).toBe(true);
      else expect(failFields(r).nickname).toContain('昵称');
    },
  );

  it('trims the nickname', () => {
    expect(okValue(validateDevLogin({ nickname: '  小王 ', role: 'user' })).nickname).toBe('小王');
  });

  it('rejects unknown keys and non-objects', () => {
    expect(failFields(validateDevLogin({ nickname: 'a', role: 'user', extra: 1 })).extra).toContain('extra');
    expect(failMessage(validateDevLogin(null))).toBe('请求内容必须是一个对象');
  });
});

describe('validateReview', () => {
  it.each(['approve', 'reject'].map((d) => [d]))('accepts decision %s', (decision) => {
    expect(okValue(validateReview({ decision })).decision).toBe(decision);
  });

  it.each<[unknown]>([['approved'], ['REJECT'], [true], [undefined]])('rejects decision %j', (decision) => {
    expect(failFields(validateReview({ decision })).decision).toContain('审核结果');
  });

  it('accepts a reason up to 500 characters and rejects 501', () => {
    expect(okValue(validateReview({ decision: 'reject', reason: ` ${han(500)} ` })).reason).toBe(han(500));
    expect(failFields(validateReview({ decision: 'reject', reason: han(501) })).reason).toContain('500');
  });

  it('rejects unknown keys', () => {
    expect(failFields(validateReview({ decision: 'approve', note: 'x' })).note).toContain('note');
  });
});

describe('validateDemandListQuery', () => {
  it('accepts an empty query', () => {
    expect(okValue(validateDemandListQuery({}))).toEqual({});
  });

  it.each<[unknown, number | undefined]>([
    ['20', 20],
    ['1', 1],
    ['50', 50],
    [20, 20],
    ['', undefined],
  ])('coerces limit %j → %s', (limit, expected) => {
    expect(okValue(validateDemandListQuery({ limit })).limit).toBe(expected);
  });

  it.each<[unknown]>([['0'], [0], ['51'], ['2.5'], ['abc'], ['-1']])('rejects limit %j', (limit) => {
    expect(failFields(validateDemandListQuery({ limit })).limit).toContain('每页数量');
  });

  it.each(INDUSTRY_FIELDS.map((f) => [f]))('accepts field %s', (field) => {
    expect(okValue(validateDemandListQuery({ field })).field).toBe(field);
  });

  it('rejects an unknown field', () => {
    expect(failFields(validateDemandListQuery({ field: 'robotics' })).field).toContain('产业领域');
  });

  it.each<[unknown, number]>([
    ['10', 10],
    ['0', 0],
    ['12.5', 12.5],
    ['1000000', 1_000_000],
  ])('coerces minBudgetWan %j → %s', (minBudgetWan, expected) => {
    expect(okValue(validateDemandListQuery({ minBudgetWan })).minBudgetWan).toBe(expected);
  });

  it.each<[unknown]>([['-1'], ['1000001'], ['abc']])('rejects minBudgetWan %j', (minBudgetWan) => {
    expect(failFields(validateDemandListQuery({ minBudgetWan })).minBudgetWan).toContain('最低经费');
  });

  it('accepts a cooperation mode and rejects an unknown one', () => {
    expect(okValue(validateDemandListQuery({ cooperation: 'license' })).cooperation).toBe('license');
    expect(failFields(validateDemandListQuery({ cooperation: 'buyout' })).cooperation).toContain('合作方式');
  });

  it('rejects an unknown query key, naming it', () => {
    expect(failFields(validateDemandListQuery({ sort: 'budget' })).sort).toContain('sort');
  });
});

// Text a person cannot see: cleaned before anything is required, counted or kept (shared/src/text/clean.ts).
describe('hidden characters in the 附件3 text fields', () => {
  const ZW = '\u200B\u200C\u200D\u2060\uFEFF';

  it('a title of zero-width spaces is missing: "请填写技术需求名称"', () => {
    expect(failFields(validateDemandComplete(valid({ title: '\u200B\u200B\u200B\u200B' }))).title).toBe('请填写技术需求名称');
  });

  it.each<[DemandFieldKey]>([['companyName'], ['region'], ['contactName'], ['contactPhone'], ['description']])(
    'a required %s made only of invisible characters asks for it to be filled in',
    (key) => {
      expect(failFields(validateDemandComplete(valid({ [key]: `${ZW}\u202E\u0000\r\n` })))[key]).toBe(`请填写${L[key]}`);
    },
  );

  it('an optional field made only of invisible characters is absent, as an empty one is', () => {
    const value = okValue(validateDemandComplete(valid({ email: ZW, contactTitle: '\u202E\u202C', brokerPhone: '\u0000' })));
    expect(value.email).toBeUndefined();
    expect(value.contactTitle).toBeUndefined();
    expect(value.brokerPhone).toBeUndefined();
    expect(okValue(validateDemandComplete(valid({ email: '' }))).email).toBeUndefined();
    expect(okValue(validateDemandDraft({ title: ZW, companyIntro: '\uFEFF\n' }))).toEqual({});
  });

  it('"其他" with a text of zero-width spaces still asks for the text', () => {
    const fields = failFields(
      validateDemandComplete(valid({ field: 'other', fieldOther: ZW, cooperationModes: ['other'], cooperationOther: ZW })),
    );
    expect(fields.fieldOther).toContain(L.fieldOther);
    expect(fields.cooperationOther).toContain(L.cooperationOther);
  });

  it('removes a bidi override inside a name, and NUL inside the company name', () => {
    const value = okValue(
      validateDemandComplete(valid({ contactName: '张\u202E三丰\u202C', companyName: '南京\u0000某某科技' })),
    );
    expect(value.contactName).toBe('张三丰');
    expect(value.companyName).toBe('南京某某科技');
  });

  it('composes accents (NFC): e + U+0301 is stored as é', () => {
    expect(okValue(validateDemandComplete(valid({ companyName: 'Cafe\u0301 科技' }))).companyName).toBe('Caf\u00E9 科技');
  });

  it('removes a lone surrogate sent as a JSON \\ud800 escape', () => {
    const body = JSON.parse('{"title":"钛合金\\ud800焊接工艺"}') as Input;
    expect(okValue(validateDemandDraft(body)).title).toBe('钛合金焊接工艺');
  });

  it('counts the limit after cleaning: 60 characters plus zero-width ones fit a title of at most 60', () => {
    expect(okValue(validateDemandComplete(valid({ title: `${han(30)}${ZW}${han(30)}\u202E` }))).title).toBe(han(60));
    const message = failFields(validateDemandComplete(valid({ title: `${han(61)}${ZW}` }))).title;
    expect(message).toContain('当前 61 个字');
  });

  it('counts the minimum after cleaning: 3 characters padded with zero-width ones are too short', () => {
    expect(failFields(validateDemandComplete(valid({ title: `${han(3)}${ZW}` }))).title).toContain('当前 3 个字');
  });

  it('keeps the lines of a description (CR LF as LF) and turns a line break in a title into a space', () => {
    const description = `${han(30)}\r\n\r\n${han(30)}\r${han(5)}`;
    const value = okValue(
      validateDemandComplete(valid({ description, title: '高精度\n视觉\t检测', companyIntro: '第一行\n第二行' })),
    );
    expect(value.description).toBe(`${han(30)}\n\n${han(30)}\n${han(5)}`);
    expect(value.companyIntro).toBe('第一行\n第二行');
    expect(value.title).toBe('高精度 视觉 检测');
  });

  it('accepts a phone with zero-width characters inside, and keeps it without them', () => {
    expect(okValue(validateDemandComplete(valid({ contactPhone: '138\u200B1234\u200B5678' }))).contactPhone).toBe('13812345678');
  });

  it('checks an e-mail once cleaned', () => {
    expect(okValue(validateDemandComplete(valid({ email: 'name@exa\u200Bmple.com' }))).email).toBe('name@example.com');
  });
});

describe('hidden characters in the other text inputs of the API', () => {
  it('a nickname of zero-width spaces is missing, and one with a line break is one line', () => {
    expect(failFields(validateDevLogin({ nickname: '\u200B\u200B', role: 'user' })).nickname).toBe('请填写昵称');
    expect(okValue(validateDevLogin({ nickname: '小\n王\u202E', role: 'user' })).nickname).toBe('小 王');
  });

  it('counts the nickname in characters after cleaning', () => {
    expect(okValue(validateDevLogin({ nickname: `${astral(30)}\u200B`, role: 'user' })).nickname).toBe(astral(30));
    expect(failFields(validateDevLogin({ nickname: astral(31), role: 'user' })).nickname).toContain('30');
  });

  it('keeps the lines of a review reason and counts its 500 characters after cleaning', () => {
    expect(okValue(validateReview({ decision: 'reject', reason: '标题不清楚\r\n描述太短\u0000' })).reason).toBe(
      '标题不清楚\n描述太短',
    );
    expect(okValue(validateReview({ decision: 'reject', reason: `${han(500)}\u200B\u200B` })).reason).toBe(han(500));
  });

  it('treats a search or region of invisible characters as absent, and cleans one that has text', () => {
    expect(okValue(validateDemandListQuery({ q: '\u200B\u200B', region: '\uFEFF' }))).toEqual({});
    expect(okValue(validateDemandListQuery({ q: '储\u200B能\u202E', region: '江苏\n南京' }))).toEqual({
      q: '储能',
      region: '江苏 南京',
    });
  });
});
