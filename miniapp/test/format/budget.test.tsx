import { formatBudget, formatBudgetAmount, formatMinBudget } from '../../src/format';

type Wan = number | undefined;

// Each formatter with what it prints for amounts in 万元.
describe.each<[string, (wan: Wan) => string, [Wan, string][]]>([
  [
    'formatBudget (cards)',
    formatBudget,
    [
      [0, '面议'],
      [undefined, '面议'],
      [10, '10万元'],
      [12.5, '12.5万元'],
      [0.3333, '0.3333万元'],
      [9999, '9999万元'],
      [10_000, '1亿元'],
      [15_000, '1.5亿元'],
      [123_456, '12.35亿元'],
    ],
  ],
  [
    'formatBudgetAmount (under a label that already says 万元)',
    formatBudgetAmount,
    [
      [0, '面议'],
      [80, '80'],
      [15_000, '15,000'],
      [1_000_000, '1,000,000'],
      [1234.5, '1,234.5'],
    ],
  ],
])('%s', (_name, format, cases) => {
  it.each(cases)('%p → %s', (wan, text) => {
    expect(format(wan)).toBe(text);
  });
});

it('formatBudget treats a nonsensical number as 面议 rather than printing NaN', () => {
  expect(formatBudget(Number.NaN)).toBe('面议');
  expect(formatBudget(-5)).toBe('面议');
});

it('formatMinBudget names the unit', () => {
  expect(formatMinBudget(50)).toBe('50万元');
  expect(formatMinBudget(20_000)).toBe('2亿元');
});
