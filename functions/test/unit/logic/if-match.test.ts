// If-Match: absent means "no version to check"; a version is read in each form a client may send it; anything else is
// a 400 that names the header, never a silent skip of the check the client asked for.
import { ifMatch } from '../../../src/http/if-match';

describe('ifMatch', () => {
  it('absent: no version', () => {
    expect(ifMatch(undefined)).toEqual({ ok: true, value: undefined });
  });

  it.each<[string, number]>([
    ['0', 0],
    ['7', 7],
    ['42', 42],
    ['"3"', 3],
    ['W/"2"', 2],
    ['W/5', 5],
    [' 12 ', 12],
    ['007', 7],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ])('%j → version %i', (header, version) => {
    expect(ifMatch(header)).toEqual({ ok: true, value: version });
  });

  it.each([
    'abc',
    '',
    ' ',
    '*',
    '-1',
    '1.5',
    '1e3',
    '0x1',
    'NaN',
    'Infinity',
    '1, 2',
    '"1',
    '1"',
    'W/',
    'w/"1"',
    'W/ "1"',
    '"1"2',
    '１２',
    '99999999999999999999',
    String(Number.MAX_SAFE_INTEGER + 1),
  ])('%j → 400 REQUEST.VALIDATION naming If-Match', (header) => {
    const result = ifMatch(header);
    expect(result).toEqual({
      ok: false,
      error: { code: 'REQUEST.VALIDATION', fields: { 'If-Match': 'If-Match 必须是需求或方案的版本号（整数）' } },
    });
  });
});
