// The 揭榜比拼 bodies clean their text as the 附件3 form does: invisible characters are gone before a field is required
// or counted, a name stays on one line, and a summary or a reason keeps its lines.
import { SOLUTION_FIELD_LABELS as L, validateAward, validateDecision, validateSolutionForm, validateTrack } from '@cic/shared';
import { failFields, okValue } from './support/validated';

type Input = Record<string, unknown>;

const ZW = '\u200B\u200C\u200D\u2060\uFEFF';
const han = (n: number): string => '字'.repeat(n);

function solution(overrides: Input = {}): Input {
  return {
    title: '激光熔覆修复方案',
    summary: han(120),
    organisation: '某某大学材料学院',
    team: '王教授（负责人）、李博士',
    contactName: '王五',
    contactPhone: '13912345678',
    costWan: 80,
    months: 12,
    ndaAccepted: true,
    ...overrides,
  };
}

describe('validateSolutionForm', () => {
  it('accepts the fixture', () => {
    expect(okValue(validateSolutionForm(solution())).title).toBe('激光熔覆修复方案');
  });

  it.each<[keyof typeof L]>([['title'], ['summary'], ['organisation'], ['team'], ['contactName'], ['contactPhone']])(
    '%s made only of invisible characters asks for it to be filled in',
    (key) => {
      expect(failFields(validateSolutionForm(solution({ [key]: `${ZW}\u202E\u0000` })))[key]).toBe(`请填写${L[key]}`);
    },
  );

  it('counts the title after cleaning: 60 characters with zero-width ones fit, 61 do not', () => {
    expect(okValue(validateSolutionForm(solution({ title: `${han(60)}${ZW}` }))).title).toBe(han(60));
    expect(failFields(validateSolutionForm(solution({ title: `${han(61)}${ZW}` }))).title).toContain('当前 61 个字');
  });

  it('counts the summary minimum after cleaning: 99 characters padded with invisible ones are too short', () => {
    expect(failFields(validateSolutionForm(solution({ summary: `${han(99)}${ZW.repeat(5)}` }))).summary).toContain(
      '当前 99 个字',
    );
  });

  it('keeps the lines of the summary and the team, and puts the title on one line', () => {
    const value = okValue(
      validateSolutionForm(solution({ summary: `${han(60)}\r\n${han(60)}`, team: '王教授\n李博士', title: '激光\n熔覆' })),
    );
    expect(value.summary).toBe(`${han(60)}\n${han(60)}`);
    expect(value.team).toBe('王教授\n李博士');
    expect(value.title).toBe('激光 熔覆');
  });

  it('removes a bidi override from the contact name and composes accents in the organisation', () => {
    const value = okValue(validateSolutionForm(solution({ contactName: '王\u202E五', organisation: 'E\u0301cole 某某实验室' })));
    expect(value.contactName).toBe('王五');
    expect(value.organisation).toBe('\u00C9cole 某某实验室');
  });
});

describe('validateDecision', () => {
  it('a decline whose reason is only invisible characters still needs a reason', () => {
    expect(failFields(validateDecision({ decision: 'decline', reason: `${ZW}\u202E` })).reason).toContain('原因');
  });

  it('keeps the lines of the reason and counts its 500 characters after cleaning', () => {
    expect(okValue(validateDecision({ decision: 'decline', reason: '预算不符\r\n周期太长\u0007' })).reason).toBe(
      '预算不符\n周期太长',
    );
    expect(okValue(validateDecision({ decision: 'decline', reason: `${han(500)}${ZW}` })).reason).toBe(han(500));
    expect(failFields(validateDecision({ decision: 'decline', reason: han(501) })).reason).toContain('500');
  });

  it('counts the reason in characters, not UTF-16 units', () => {
    expect(okValue(validateDecision({ decision: 'decline', reason: '𠮷'.repeat(500) })).reason).toBe('𠮷'.repeat(500));
  });
});

describe('validateTrack', () => {
  const track = (overrides: Input = {}): Input => ({
    name: '长三角新材料专场',
    kind: 'industry',
    startDate: '2026-03-01',
    endDate: '2026-06-30',
    ...overrides,
  });

  it('a name of invisible characters is missing; a name on two lines becomes one', () => {
    expect(failFields(validateTrack(track({ name: ZW }))).name).toBe('请填写专场名称');
    expect(okValue(validateTrack(track({ name: '长三角\n新材料' }))).name).toBe('长三角 新材料');
  });

  it('keeps the lines of the description and removes what cannot be seen', () => {
    expect(okValue(validateTrack(track({ description: '第一段\r\n第二段\u202E' }))).description).toBe('第一段\n第二段');
  });
});

describe('validateAward', () => {
  const award = (overrides: Input = {}): Input => ({
    demandId: 'D1',
    kind: 'best_solution',
    target: 'owner',
    year: 2026,
    ...overrides,
  });

  it('an "other" award whose name is only invisible characters still needs its name', () => {
    expect(failFields(validateAward(award({ kind: 'other', kindOther: ZW }))).kindOther).toBe('请填写奖项名称');
  });

  it('puts the award name on one line and keeps the lines of the citation', () => {
    const value = okValue(validateAward(award({ kind: 'other', kindOther: '最佳\n协作奖', note: '第一句\r\n第二句\u0000' })));
    expect(value.kindOther).toBe('最佳 协作奖');
    expect(value.note).toBe('第一句\n第二句');
  });
});
