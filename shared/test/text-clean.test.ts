// cleanText: what a person cannot see is gone, what they can see is kept, and a single-line field stays one line.
import * as fc from 'fast-check';
import { cleanText, isBlankText } from '@cic/shared';

const line = (value: string) => cleanText(value, { multiline: false });
const lines = (value: string) => cleanText(value, { multiline: true });

const hex = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

const C0_BUT_TAB_LF_CR = range(0x00, 0x1f).filter((c) => c !== '\t' && c !== '\n' && c !== '\r');
const DEL_AND_C1 = range(0x7f, 0x9f);
const BIDI = ['\u061C', '\u200E', '\u200F', ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u180E'];
/** Shown as nothing, yet enough to make a blank field look filled in. */
const BLANK_LOOKING = ['\u00AD', '\u115F', '\u1160', '\u3164', '\uFFA0'];
const REMOVED = [...C0_BUT_TAB_LF_CR, ...DEL_AND_C1, ...BIDI, ...ZERO_WIDTH, ...BLANK_LOOKING];

/** True when the text is well-formed UTF-16 (encodeURIComponent throws on a lone surrogate). */
function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

describe('cleanText', () => {
  it.each(REMOVED.map((c) => [hex(c), c]))('removes %s from inside a word, in both modes', (_name, c) => {
    expect(line(`钛${c}合金`)).toBe('钛合金');
    expect(lines(`钛${c}合金`)).toBe('钛合金');
  });

  // [what it shows, the field's kind, the text, the text cleaned]
  it.each<[string, (text: string) => string, string, string]>([
    ['removes a right-to-left override inside a name', line, '张\u202E三丰\u202C', '张三丰'],
    ['removes a right-to-left override that would reverse a file name', line, 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['removes NUL', line, 'a\u0000b', 'ab'],
    ['removes the escape of an escape sequence', line, '\u001B[31m红色\u001B[0m', '[31m红色[0m'],
    ['removes a low surrogate with no high one before it', line, 'a\uDC00b', 'ab'],
    ['removes a pair in the wrong order', line, 'a\uDC00\uD800b', 'ab'],
    ['removes a lone high surrogate', line, '\uD800', ''],
    ['removes a lone high surrogate at the end', line, 'a\uD800', 'a'],
    ['keeps a proper pair', line, '𠮷', '𠮷'],
    ['keeps a proper pair right after a lone high surrogate', line, '\uD800\uD842\uDFB7', '𠮷'],
    ['keeps a proper pair before a lone low surrogate', line, '😀\uDE00', '😀'],
    ['composes an accent separated from its letter by an invisible character', line, 'e\u200B\u0301', '\u00E9'],
    ['composes Hangul jamo (NFC)', line, '\u1100\u1161', '\uAC00'],
    ['keeps full-width forms (NFC, not NFKC)', line, 'ＡＢＣ', 'ＡＢＣ'],
    ['turns CR LF and a lone CR into LF', lines, '第一段\r\n第二段\r第三段\n第四段', '第一段\n第二段\n第三段\n第四段'],
    ['keeps blank lines and tabs in a multi-line field', lines, '一\n\n二\t三', '一\n\n二\t三'],
    ['turns Unicode line and paragraph separators into LF in a multi-line field', lines, '一\u2028二\u2029三', '一\n二\n三'],
    ['turns tabs and line breaks into spaces in a single-line field', line, '高精度\n视觉\t检测', '高精度 视觉 检测'],
    ['turns a run of line breaks and tabs into one space in a single-line field', line, '北京\r\n\r\n\t上海', '北京 上海'],
    ['turns a line separator into a space in a single-line field', line, '一\u2028二', '一 二'],
    ['trims a single-line field', line, '\n\t 标题 \r\n', '标题'],
    ['trims a multi-line field', lines, '\n\n 第一段\n第二段 \n\n', '第一段\n第二段'],
  ])('%s', (_shows, clean, text, cleaned) => {
    expect(clean(text)).toBe(cleaned);
  });

  it('removes tag characters (U+E0000–E007F), invisible text that can carry hidden instructions', () => {
    const hidden = [...'ignore'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    expect(line(`钛合金${hidden}焊接`)).toBe('钛合金焊接');
    expect(isBlankText(`\u3164${hidden}\u00AD`)).toBe(true);
  });

  it('keeps ordinary visible text as it is', () => {
    for (const text of [
      '高精度视觉检测算法',
      'name@example.com',
      '025-83456789',
      'ＡＢＣ１２３',
      '𠮷野家',
      'a\u00A0b',
      '中\u3000文',
    ]) {
      expect(line(text)).toBe(text);
    }
  });

  describe('lone surrogates', () => {
    it('removes a high surrogate that came through a JSON \\ud800 escape', () => {
      const parsed = JSON.parse('"a\\ud800b"') as string;
      expect(parsed).toHaveLength(3);
      expect(line(parsed)).toBe('ab');
    });
  });

  describe('NFC', () => {
    it('composes e + U+0301 into é', () => {
      const composed = line('Cafe\u0301');
      expect(composed).toBe('Caf\u00E9');
      expect(composed).toHaveLength(4);
    });
  });

  describe('properties', () => {
    const SPECIAL = [...REMOVED, '\t', '\n', '\r', '\u2028', ' ', '\u3000', '\u0301', '\uD800', '\uDC00', '𠮷', 'e', '字'];
    const unit = fc.oneof(
      fc.constantFrom(...SPECIAL),
      fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((n) => String.fromCodePoint(n)),
    );
    const anyText = fc.string({ unit, maxLength: 40 });
    const INVISIBLE = new RegExp(`[${REMOVED.join('')}]`);

    it('leaves nothing it removes, no lone surrogate, and no CR', () => {
      fc.assert(
        fc.property(anyText, fc.boolean(), (text, multiline) => {
          const out = cleanText(text, { multiline });
          expect(out).not.toMatch(INVISIBLE);
          expect(out).not.toContain('\r');
          expect(wellFormed(out)).toBe(true);
          expect(out).toBe(out.normalize('NFC'));
          expect(out).toBe(out.trim());
        }),
      );
    });

    it('leaves a single-line field without tabs or line breaks', () => {
      fc.assert(fc.property(anyText, (text) => expect(line(text)).not.toMatch(/[\t\n\r\u2028\u2029]/)));
    });

    it('is idempotent: cleaned text is clean', () => {
      fc.assert(
        fc.property(anyText, fc.boolean(), (text, multiline) => {
          const once = cleanText(text, { multiline });
          expect(cleanText(once, { multiline })).toBe(once);
        }),
      );
    });

    it('never changes text that has nothing to clean', () => {
      const plain = fc.string({ unit: fc.constantFrom('字', 'a', '1', '-', '@', '𠮷', '，'), minLength: 1, maxLength: 30 });
      fc.assert(fc.property(plain, fc.boolean(), (text, multiline) => expect(cleanText(text, { multiline })).toBe(text)));
    });
  });

  it('takes linear time on a large hostile text', () => {
    const hostile = '\uD800\u200B\r\n\u202E\u0301'.repeat(100_000);
    const started = Date.now();
    expect(lines(hostile)).toBe('\u0301' + '\n\u0301'.repeat(99_999));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('isBlankText', () => {
  it.each([
    ['empty', '', true],
    ['spaces', '   ', true],
    ['zero-width spaces', '\u200B\u200B\u200B', true],
    ['a byte order mark', '\uFEFF', true],
    ['bidi controls and newlines', '\u202E\r\n\u2066\u2069', true],
    ['NUL and DEL', '\u0000\u007F', true],
    ['a lone surrogate', '\uD800', true],
    ['an ideographic space', '\u3000', true],
    ['a letter', 'a', false],
    ['a Chinese character', '字', false],
    ['a letter among invisibles', '\u200Ba\u200B', false],
  ])('%s: blank is %p', (_case, text, blank) => {
    expect(isBlankText(text)).toBe(blank);
  });
});
