// An anonymous demand's hidden values are masked in its public texts however the owner spelled them there: full-width
// or upper case, with spaces, zero-width characters or separators between their characters, a phone with or without
// its country or area code, the company by its short name. Texts that do not contain a value keep every character.
import type { Demand } from '@cic/shared';
import * as fc from 'fast-check';
import { companyShortName, companyShortNames } from '../../../src/demands/company-short-name';
import { hiddenValuesOf, MASK, maskHiddenValues, withPublicText } from '../../../src/demands/demand.view';
import { compileMasker } from '../../../src/demands/hidden-value-masking';
import { foldForMatching, matchingStream } from '../../../src/demands/matching-stream';
import { phoneForms } from '../../../src/demands/phone-forms';
import { completeForm, createMockDemand } from '../../fakes/demand.factory';

const REGION = '江苏省 / 南京市 / 江宁区';
const COMPANY = '南京钛合新材料科技有限公司';
/** Spaces and invisible characters that can stand between a value's characters (typed, or pasted with it). */
const INVISIBLE_GAPS = [' ', '\u3000', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const MOBILE = '13912345678';
const LANDLINE = '025-83456789';

/** An anonymous published demand with the factory's form, the hidden values below, and the given overrides. */
function anonymous(overrides: Partial<Demand> = {}): Demand {
  return createMockDemand({
    ...completeForm(),
    status: 'published',
    anonymous: true,
    companyName: COMPANY,
    region: REGION,
    contactName: '王建国',
    contactPhone: MOBILE,
    email: 'Wang.JG@Nano-Example.com',
    brokerName: '李经纪',
    brokerPhone: LANDLINE,
    ...overrides,
  });
}

/** How the demand's description reads to the public when the owner wrote `text` in it. */
const publicly = (text: string, overrides: Partial<Demand> = {}): string | undefined =>
  withPublicText(anonymous({ ...overrides, description: text })).description;

describe('matchingStream', () => {
  it('folds width and case, drops spaces, invisible characters and separators, and maps back to the text', () => {
    const text = '电话：（０２５）\u200B８３４５-6789 ＡＢ';
    const stream = matchingStream(text);
    expect(stream.text).toBe('电话:02583456789ab');
    // Each stream unit points at the characters it came from.
    for (let k = 0; k < stream.text.length; k += 1) {
      expect(foldForMatching(text.slice(stream.start[k], stream.end[k]))).toBe(stream.text[k]);
    }
  });

  it('drops every kind of invisible character and space between characters', () => {
    for (const gap of [...INVISIBLE_GAPS, '\t', '\n', '\u0332']) {
      expect({ gap: gap.codePointAt(0), folded: foldForMatching(`王${gap}建${gap}国`) }).toEqual({
        gap: gap.codePointAt(0),
        folded: '王建国',
      });
    }
  });
});

describe('foldForMatching', () => {
  // The masking trusts the quick whole-text fold to say whether a text holds a value at all, and then matches in the
  // stream: if they ever disagreed, a value could slip through.
  it('agrees with the matching stream on any text', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
    for (const unit of ['binary', anyUnit] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
          expect(foldForMatching(text)).toBe(matchingStream(text).text);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('agrees on the texts where whole-string and per-character folding could differ', () => {
    for (const text of [
      'ΟΔΟΣ ΣΑΣ ς',
      'e\u0301\u0323 a\u0323\u0301',
      '한국어',
      'ﬁ ㍿ ① ⑴ ½',
      '𝟏𝟑𝟗',
      'İstanbul',
      '\ud800x\udc00',
    ]) {
      expect({ text, folded: foldForMatching(text) }).toEqual({ text, folded: matchingStream(text).text });
    }
    expect(foldForMatching('𝟏𝟑𝟗 ①')).toBe('1391');
  });
});

describe('phoneForms', () => {
  it('gives a mobile with and without its country code', () => {
    for (const stored of [MOBILE, '+86 139-1234-5678', '+8613912345678', '8613912345678']) {
      expect(phoneForms(stored)).toEqual([MOBILE, `+86${MOBILE}`, `0086${MOBILE}`]);
    }
  });

  it('gives a landline with its area code, internationally, and its local number alone', () => {
    for (const stored of [
      LANDLINE,
      '02583456789',
      '(025) 8345-6789',
      '025-83456789-801',
      '025-83456789转801',
      '+86 25 8345 6789',
    ]) {
      expect(phoneForms(stored)).toEqual(['02583456789', '+862583456789', '00862583456789', '83456789']);
    }
    expect(phoneForms('0512-66778899')).toContain('66778899');
    expect(phoneForms('010-6275123')).toContain('6275123');
  });

  it('gives nothing for a value that is not a phone number', () => {
    for (const value of ['王建国', 'rd@example.com', COMPANY, '研发部 主任', '3D打印']) expect(phoneForms(value)).toEqual([]);
  });
});

describe('maskHiddenValues: a phone however it is written', () => {
  const mobile = [
    '１３９１２３４５６７８',
    '139 1234 5678',
    '139-1234-5678',
    '139.1234.5678',
    '139—1234—5678',
    '139–1234–5678',
    '139·1234·5678',
    '139/1234/5678',
    '139_1234_5678',
    '１３９－１２３４－５６７８',
    '(139) 1234 5678',
    '+86 139 1234 5678',
    '+86-139-1234-5678',
    '＋８６ １３９ １２３４ ５６７８',
    '(+86) 13912345678',
    '0086 13912345678',
    '139\u200B1234\u200C5678',
    '1\u00AD3\u20609\uFEFF1234\u200D5678',
    '139\u00A01234\u30005678',
  ];
  it.each(mobile)('masks the mobile written as %j', (written) => {
    expect(maskHiddenValues(`请致电${written}联系。`, [MOBILE])).toBe(`请致电${MASK}联系。`);
  });

  const landline = [
    '025-83456789',
    '02583456789',
    '(025) 8345-6789',
    '（０２５）８３４５６７８９',
    '025—83456789',
    '025 8345 6789',
    '+86 25 8345 6789',
    '8345 6789',
    '83456789',
    '８３４５－６７８９',
  ];
  it.each(landline)('masks the landline 025-83456789 written as %j', (written) => {
    expect(maskHiddenValues(`固话：${written}。`, [LANDLINE])).toBe(`固话：${MASK}。`);
  });

  it('masks a landline followed by an extension, leaving the extension', () => {
    expect(maskHiddenValues('电话 025-83456789 转 801', [LANDLINE])).toBe(`电话 ${MASK} 转 801`);
  });

  it('masks digits inside a longer run of digits: over-masking a part number is preferred to a leak', () => {
    expect(maskHiddenValues('零件号 4401391234567899', [MOBILE])).toBe(`零件号 440${MASK}99`);
  });

  it('leaves numbers that are not the hidden phone alone', () => {
    const text = '2025 年投入 80 万元，精度 0.01 mm，转速 13900 rpm，编号 139-1234-567。';
    expect(maskHiddenValues(text, [MOBILE, LANDLINE])).toBe(text);
  });
});

describe('maskHiddenValues: e-mails, names and Latin words', () => {
  it.each([
    'RD@EXAMPLE.COM',
    'Rd@Example.Com',
    'ｒｄ＠ｅｘａｍｐｌｅ．ｃｏｍ',
    'ＲＤ＠ＥＸＡＭＰＬＥ．ＣＯＭ',
    'rd @ example . com',
  ])('masks the e-mail written as %j', (written) => {
    expect(maskHiddenValues(`邮箱：${written}。`, ['rd@example.com'])).toBe(`邮箱：${MASK}。`);
  });

  it('masks an upper-case stored e-mail written in lower case', () => {
    expect(maskHiddenValues('wang.jg@nano-example.com', ['Wang.JG@Nano-Example.com'])).toBe(MASK);
  });

  it.each(['王建国', '王 建 国', '王\u3000建国', '王\u200B建\u200D国', '王-建-国'])(
    'masks the contact name written as %j',
    (written) => {
      expect(maskHiddenValues(`请联系${written}工程师`, ['王建国'])).toBe(`请联系${MASK}工程师`);
    },
  );

  it('does not mask a Latin value inside a longer Latin word, only on its own', () => {
    expect(maskHiddenValues('Tom: automatic, tomato, ＴＯＭ.', ['Tom'])).toBe(`${MASK}: automatic, tomato, ${MASK}.`);
    expect(maskHiddenValues('mail 3rd@example.com or rd@example.com', ['rd@example.com'])).toBe(
      `mail 3rd@example.com or ${MASK}`,
    );
  });

  it('masks touching values as one mask and keeps what stands between others', () => {
    expect(maskHiddenValues('王建国13912345678', ['王建国', MOBILE])).toBe(MASK);
    expect(maskHiddenValues('王建国 / 13912345678', ['王建国', MOBILE])).toBe(`${MASK} / ${MASK}`);
  });

  it('applies a compiled masker to many texts alike', () => {
    const mask = compileMasker(['王建国', MOBILE]);
    expect(mask('王 建国')).toBe(MASK);
    expect(mask('１３９ 1234 5678')).toBe(MASK);
    expect(mask('')).toBe('');
    expect(compileMasker([])('王建国')).toBe('王建国');
  });
});

describe('companyShortName', () => {
  it.each([
    [COMPANY, '钛合新材料'],
    ['钛合（南京）新材料有限公司', '钛合新材料'],
    ['钛合(南京)新材料股份有限公司', '钛合新材料'],
    ['江苏钛合新材料科技发展有限公司', '钛合新材料'],
    ['江苏省南京市钛合新材料有限责任公司', '钛合新材料'],
    ['南京江宁钛合新材料技术有限公司', '钛合新材料'],
    ['中国钛合新材料控股集团有限公司', '钛合新材料'],
    ['苏州钛合新材料实业有限公司', '钛合新材料'],
    ['钛合新材料厂', '钛合新材料'],
    ['ABC Technology Co., Ltd.', 'ABC'],
    ['ABC（南京）科技有限公司', 'ABC'],
  ])('%s is %s', (name, short) => {
    expect(companyShortName(name, REGION)).toBe(short);
  });

  it('keeps the industry word: the short name of 南京钛合新材料科技有限公司 is 钛合新材料, not 钛合', () => {
    expect(companyShortName(COMPANY, REGION)).toBe('钛合新材料');
    expect(companyShortNames(COMPANY, REGION)).toEqual(['钛合新材料']);
  });

  it('derives no short name made only of generic words and places, nor one under two characters', () => {
    for (const name of [
      '南京新材料科技有限公司',
      '苏州电子有限公司',
      '苏州纳米新材料有限公司',
      '南京工业大学',
      '南京大学',
      '南京江宁有限公司',
      '南京华有限公司',
      '科技有限公司',
    ]) {
      expect({ name, short: companyShortName(name, REGION) }).toEqual({ name, short: undefined });
    }
  });

  it("strips the places of the demand's own region, however they are written", () => {
    expect(companyShortName('沭阳钛合新材料有限公司', '江苏省 / 宿迁市 / 沭阳县')).toBe('钛合新材料');
    expect(companyShortName('沭阳钛合新材料有限公司', REGION)).toBe('沭阳钛合新材料');
    expect(companyShortName('沭阳钛合新材料有限公司', '江苏省宿迁市沭阳县')).toBe('钛合新材料');
  });

  it('also gives the short name with a bracketed place kept inside it', () => {
    expect(companyShortNames('钛合（南京）新材料有限公司', REGION)).toEqual(['钛合新材料', '钛合南京新材料']);
    expect(companyShortNames('钛合新材料有限公司（南京）', REGION)).toEqual(['钛合新材料']);
  });
});

describe('withPublicText: the company on an anonymous demand', () => {
  // The short name is masked wherever it appears: what is left around it (a place, a legal form) names no one.
  it.each([
    [COMPANY, MASK],
    ['钛合新材料', MASK],
    ['钛 合 新 材 料', MASK],
    ['钛合\u200B新材料', MASK],
    ['南京钛合新材料', `南京${MASK}`],
    ['钛合新材料科技', `${MASK}科技`],
    ['江苏钛合新材料有限公司', `江苏${MASK}有限公司`],
  ])('masks the company written as %j', (written, expected) => {
    expect(publicly(`${written}需要解决薄板焊接变形问题。`)).toBe(`${expected}需要解决薄板焊接变形问题。`);
  });

  it('masks the bracketed forms of a company registered with its place in brackets', () => {
    const company = { companyName: '钛合（南京）新材料有限公司' };
    expect(publicly('由钛合（南京）新材料有限公司提出。', company)).toBe(`由${MASK}提出。`);
    expect(publicly('由钛合(南京)新材料提出。', company)).toBe(`由${MASK}提出。`);
    expect(publicly('由钛合新材料公司提出。', company)).toBe(`由${MASK}公司提出。`);
  });

  it('does not mask 钛合金 for the company 南京钛合新材料科技有限公司', () => {
    const text = '需要解决1.5毫米钛合金薄板激光焊接的变形问题，新材料方向，钛合金与铝合金的异种焊接。';
    expect(publicly(text)).toBe(text);
    expect(withPublicText(anonymous()).companyIntro).toBe('专注钛合金精密成形的高新技术企业。');
  });

  it('does not mask the generic words of a company that has no short name', () => {
    const text = '寻求电子封装材料的合作，提升电子器件可靠性。';
    expect(publicly(text, { companyName: '南京电子科技有限公司' })).toBe(text);
  });
});

describe('hiddenValuesOf', () => {
  it('adds the other forms of the hidden values', () => {
    const values = hiddenValuesOf(anonymous({ email: '12345678@qq.com' }));
    expect(values).toEqual(
      expect.arrayContaining([COMPANY, '钛合新材料', MOBILE, `+86${MOBILE}`, LANDLINE, '02583456789', '83456789', '12345678']),
    );
  });

  it('is empty for a demand that is not anonymous', () => {
    expect(hiddenValuesOf(anonymous({ anonymous: false }))).toEqual([]);
  });
});

describe('withPublicText', () => {
  it('masks every public text field of an anonymous demand', () => {
    const demand = anonymous({
      title: '钛合新材料：薄板焊接',
      description: `联系王 建 国，电话１３９ １２３４ ５６７８，邮箱 WANG.JG@NANO-EXAMPLE.COM。${'需要解决薄板焊接变形问题。'.repeat(4)}`,
      companyIntro: '南京钛合新材料科技有限公司成立于2010年，经纪人李经纪（025）8345-6789。',
      region: '江苏省 / 南京市 / 江宁区（钛合新材料园）',
      field: 'other',
      fieldOther: '王建国团队方向',
      cooperationModes: ['other'],
      cooperationOther: '与钛合新材料共建实验室，电话 8345 6789',
    });
    const masked = withPublicText(demand);
    expect(masked.title).toBe(`${MASK}：薄板焊接`);
    expect(masked.description).toBe(`联系${MASK}，电话${MASK}，邮箱 ${MASK}。${'需要解决薄板焊接变形问题。'.repeat(4)}`);
    // The broker's name and the bracketed landline right after it touch: one mask.
    expect(masked.companyIntro).toBe(`${MASK}成立于2010年，经纪人${MASK}。`);
    expect(masked.region).toBe(`江苏省 / 南京市 / 江宁区（${MASK}园）`);
    expect(masked.fieldOther).toBe(`${MASK}团队方向`);
    expect(masked.cooperationOther).toBe(`与${MASK}共建实验室，电话 ${MASK}`);
    // And nothing of any hidden value is left in them, folded.
    const needles = hiddenValuesOf(demand).map(foldForMatching);
    for (const key of ['title', 'description', 'companyIntro', 'region', 'fieldOther', 'cooperationOther'] as const) {
      const folded = foldForMatching(masked[key] ?? '');
      for (const needle of needles)
        expect({ key, needle, found: folded.includes(needle) }).toEqual({ key, needle, found: false });
    }
    // The stored demand is untouched.
    expect(demand.title).toBe('钛合新材料：薄板焊接');
  });

  it('masks nothing on a demand that is not anonymous, and returns it as is', () => {
    const demand = anonymous({
      anonymous: false,
      title: '钛合新材料：薄板焊接',
      description: `联系王建国，电话１３９ １２３４ ５６７８，8345 6789。${'需要解决薄板焊接变形问题。'.repeat(4)}`,
    });
    expect(withPublicText(demand)).toBe(demand);
    expect(withPublicText(demand).description).toContain('１３９ １２３４ ５６７８');
  });
});

describe('property: a hidden mobile never survives in public text', () => {
  const digit = fc.integer({ min: 0, max: 9 });
  const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), maxLength: 30 });
  const gap = fc
    .array(fc.constantFrom(...INVISIBLE_GAPS, '-', '－', '.', '．', '—', '–', '·', '/', '_', '(', ')', '（', '）'), {
      maxLength: 3,
    })
    .map((gaps) => gaps.join(''));
  const countryCode = fc.constantFrom('', '+86', '＋８６', '+86 ', '(+86)', '0086');
  const mobile = fc
    .tuple(fc.integer({ min: 3, max: 9 }), fc.array(digit, { minLength: 9, maxLength: 9 }))
    .map(([second, rest]) => `1${second}${rest.join('')}`);
  const storedAs = fc.constantFrom(
    (m: string) => m,
    (m: string) => `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    (m: string) => `+86 ${m}`,
  );

  it('masks the digits written with any widths, gaps and country code, and keeps the text around them', () => {
    fc.assert(
      fc.property(
        mobile,
        storedAs,
        countryCode,
        fc.array(fc.tuple(fc.boolean(), gap), { minLength: 11, maxLength: 11 }),
        cjk,
        cjk,
        (phone, store, cc, spelling, before, after) => {
          const written =
            cc +
            [...phone]
              .map((d, i) => {
                const [wide, sep] = spelling[i] as [boolean, string];
                return (wide ? String.fromCharCode(0xff10 + Number(d)) : d) + (i < 10 ? sep : '');
              })
              .join('');
          const masked = maskHiddenValues(`${before}${written}${after}`, [store(phone)]);
          const digits = (masked.normalize('NFKC').match(/\d/g) ?? []).join('');
          expect(digits).not.toContain(phone);
          expect(foldForMatching(masked)).not.toContain(phone);
          expect(masked.startsWith(before)).toBe(true);
          expect(masked.endsWith(after)).toBe(true);
          expect(masked).toContain(MASK);
        },
      ),
      { numRuns: 500 },
    );
  });
});
