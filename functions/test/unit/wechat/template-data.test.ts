// Template data helpers: every value within WeChat's limit for its keyword type, times in China time.
import {
  amount,
  characterString,
  date,
  name,
  newMatchMessage,
  number,
  phrase,
  statusChangeMessage,
  thing,
  time,
} from '../../../src/wechat/template-data';

const length = (s: string) => Array.from(s).length;

describe('template data helpers', () => {
  it('thing: keeps up to 20 characters, cuts longer text to 19 and "…"', () => {
    const twenty = '新能源汽车电池回收与梯次利用技术合作需求';
    expect(thing(twenty)).toBe(twenty);
    const thirty = '面向长三角地区的新能源汽车电池回收与梯次利用技术合作需求征集';
    expect(thing(thirty)).toBe(`${Array.from(thirty).slice(0, 19).join('')}…`);
    expect(length(thing(thirty))).toBe(20);
    expect(length(thing('x'.repeat(21)))).toBe(20);
  });

  it('thing: counts an emoji as one character and never splits it', () => {
    const text = '🎉'.repeat(25);
    expect(thing(text)).toBe(`${'🎉'.repeat(19)}…`);
    expect(thing('🎉'.repeat(20))).toBe('🎉'.repeat(20));
  });

  it('thing: puts text on one line', () => {
    expect(thing('  第一行\n第二行\t结束  ')).toBe('第一行 第二行 结束');
  });

  it('characterString: up to 32 ASCII digits, letters or symbols', () => {
    expect(characterString('ORDER-2026/11#42')).toBe('ORDER-2026/11#42');
    expect(characterString('订单 No.123')).toBe('No.123');
    expect(characterString('x'.repeat(40))).toBe('x'.repeat(32));
  });

  it('phrase: up to 5 Chinese characters only', () => {
    expect(phrase('已关闭')).toBe('已关闭');
    expect(phrase('需求已经被关闭了')).toBe('需求已经被');
    expect(phrase('closed (已关闭)')).toBe('已关闭');
  });

  it('name: 10 characters with Chinese, 20 without', () => {
    expect(name('欧阳娜娜欧阳娜娜欧阳娜娜')).toBe('欧阳娜娜欧阳娜娜欧阳');
    expect(name('Alexander Hamilton Jr. III')).toBe('Alexander Hamilton J');
  });

  it('number and amount', () => {
    expect(number(42)).toBe('42');
    expect(number(3.5)).toBe('3.5');
    expect(number(12345678901234567890n)).toBe('12345678901234567890');
    expect(() => number(-1)).toThrow(RangeError);
    expect(() => number(10n ** 40n)).toThrow(RangeError);
    expect(amount(1280)).toBe('¥1280');
    expect(amount(12.5)).toBe('¥12.50');
    expect(() => amount(12345678901)).toThrow(RangeError);
  });

  it('time and date: in China time (UTC+8), whatever the process time zone', () => {
    expect(time(new Date('2026-11-22T06:30:00Z'))).toBe('2026年11月22日 14:30');
    expect(time(new Date('2026-11-21T16:05:00Z'))).toBe('2026年11月22日 00:05');
    expect(time(new Date('2026-01-05T01:02:00Z'))).toBe('2026年1月5日 09:02');
    expect(time(new Date('2026-12-31T15:59:00Z'))).toBe('2026年12月31日 23:59');
    expect(time(new Date('2026-12-31T16:00:00Z'))).toBe('2027年1月1日 00:00');
    expect(date(new Date('2026-11-21T16:05:00Z'))).toBe('2026年11月22日');
    expect(date(new Date('2026-11-21T15:59:59Z'))).toBe('2026年11月21日');
    expect(() => time(new Date('not a date'))).toThrow(RangeError);
  });

  it('newMatchMessage: the demand page and thing1/thing2/time3', () => {
    expect(
      newMatchMessage({
        openid: 'oAbc',
        templateId: 'tmpl-1',
        demandId: '01HX/2',
        title: '工业机器人视觉检测',
        reason: '关键词：机器人、视觉',
        publishedAt: new Date('2026-11-22T06:30:00Z'),
      }),
    ).toEqual({
      touser: 'oAbc',
      templateId: 'tmpl-1',
      page: 'pages/demand/index?id=01HX%2F2',
      data: {
        thing1: { value: '工业机器人视觉检测' },
        thing2: { value: '关键词：机器人、视觉' },
        time3: { value: '2026年11月22日 14:30' },
      },
    });
  });

  it('statusChangeMessage: thing1/phrase2/time3', () => {
    expect(
      statusChangeMessage({
        openid: 'oAbc',
        templateId: 'tmpl-2',
        demandId: 'd-1',
        title: '工业机器人视觉检测',
        status: '已关闭',
        at: new Date('2026-11-22T06:30:00Z'),
      }),
    ).toEqual({
      touser: 'oAbc',
      templateId: 'tmpl-2',
      page: 'pages/demand/index?id=d-1',
      data: { thing1: { value: '工业机器人视觉检测' }, phrase2: { value: '已关闭' }, time3: { value: '2026年11月22日 14:30' } },
    });
  });
});
