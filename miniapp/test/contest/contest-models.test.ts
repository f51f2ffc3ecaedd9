import { counterText, errorsWhileTyping, toRequest, valuesFrom } from '../../src/contest/solution-form/solution-form.model';
import { fieldBars, formatWanTotal, regionBars } from '../../src/contest/stats/stats.model';
import { FORM, solution, stats } from '../features/contest-fixtures';

describe('the 揭榜 form model', () => {
  it('sends numbers typed as text as numbers, leaves out blanks and an unchecked agreement', () => {
    expect(toRequest({ title: '方案', costWan: ' 80.5 ', months: '12', team: '', ndaAccepted: false })).toEqual({
      title: '方案',
      costWan: 80.5,
      months: 12,
    });
    // Text that is not a number stays text, so the shared rules name the field.
    expect(toRequest({ costWan: '八十' })).toEqual({ costWan: '八十' });
  });

  it('fills the inputs from a stored solution and asks for the agreement again', () => {
    expect(valuesFrom(solution())).toEqual({ ...FORM, costWan: '80', months: '12', ndaAccepted: false });
  });

  it('shows a minimum only once the field was left, a maximum at once', () => {
    const values = { summary: '太短', title: '长'.repeat(61) };
    expect(errorsWhileTyping(values, new Set())).toEqual({ title: '方案名称不能超过 60 个字（当前 61 个字）' });
    expect(errorsWhileTyping(values, new Set(['summary']))).toMatchObject({
      summary: '方案简介至少需要 100 个字（当前 2 个字）',
    });
  });

  it('counts characters as a person does', () => {
    expect(counterText('summary', ' 相控阵 ')).toBe('3/100 字起');
    expect(counterText('summary', '字'.repeat(120))).toBe('120/3000');
    expect(counterText('title', '𠮷野家')).toBe('3/60');
  });
});

describe('the figures', () => {
  it('gives 拟投入 in 万元 below 1亿 and in 亿元 above', () => {
    expect(formatWanTotal(0)).toBe('0万元');
    expect(formatWanTotal(9999.6)).toBe('10,000万元');
    expect(formatWanTotal(10_000)).toBe('1亿元');
    expect(formatWanTotal(41_712.3456)).toBe('4.17亿元');
  });

  it('orders the bars largest first, leaves out empty ones, and keeps the top 10 regions', () => {
    expect(fieldBars(stats()).map((b) => b.label)).toEqual(['新材料', '装备制造', '人工智能', '数字经济', '其他']);
    expect(regionBars(stats())).toHaveLength(10);
    expect(regionBars(stats(), 3).map((b) => b.value)).toEqual([300, 280, 260]);
  });
});
