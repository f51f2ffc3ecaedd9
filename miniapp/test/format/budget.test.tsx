import { formatBudget, formatBudgetAmount, formatMinBudget } from '../../src/format';

describe('formatBudget (cards)', () => {
  it.each([
    [0, '面议'],
    [undefined, '面议'],
    [10, '10万元'],
    [12.5, '12.5万元'],
    [0.3333, '0.3333万元'],
    [9999, '9999万元'],
    [10_000, '1亿元'],
    [15_000, '1.5亿元'],
    [123_456, '12.35亿元'],
  ])('%p → %s', (wan, text) => {
    expect(formatBudget(wan)).toBe(text);
  });

  it('treats a nonsensical number as 面议 rather than printing NaN', () => {
    expect(formatBudget(Number.NaN)).toBe('面议');
    expect(formatBudget(-5)).toBe('面议');
  });
});

describe('formatBudgetAmount (under a label that already says 万元)', () => {
  it.each([
    [0, '面议'],
    [80, '80'],
    [15_000, '15,000'],
    [1_000_000, '1,000,000'],
    [1234.5, '1,234.5'],
  ])('%p → %s', (wan, text) => {
    expect(formatBudgetAmount(wan)).toBe(text);
  });
});

it('formatMinBudget names the unit', () => {
  expect(formatMinBudget(50)).toBe('50万元');
  expect(formatMinBudget(20_000)).toBe('2亿元');
});
