import { groupDigits } from '../src/validation/numbers';

describe('groupDigits', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [8650, '8,650'],
    [1234567, '1,234,567'],
    [100000000, '100,000,000'],
    [1234567.5, '1,234,567.5'],
    [0.0001, '0.0001'],
    [-1234, '-1,234'],
  ])('writes %p as %p', (n, text) => {
    expect(groupDigits(n)).toBe(text);
  });

  it('agrees with en-US toLocaleString on integers', () => {
    for (const n of [1, 12, 123, 1234, 12345, 123456, 1234567, 98765432, 2 ** 31]) {
      expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
