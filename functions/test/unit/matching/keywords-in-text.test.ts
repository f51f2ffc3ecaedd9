// Scanning a demand's text for subscribed keywords: synonyms and narrower terms, full-width input, overlapping terms, whole Latin words,
// agreement with a naive scan on the real demands, and a size that stays cheap with 100k indexed keywords.
import { demandText, keywordsInText } from '../../../src/alerts/matching/matcher';
import { occursIn } from '../../../src/alerts/matching/occurrences';
import { conceptGroups, variantsOf } from '../../../src/alerts/matching/concepts';
import { realDemands } from './real-demands';
import { seededRandom } from '../../../../scripts/lib/seeded-random';

const set = (...keys: string[]): ReadonlySet<string> => new Set(keys);

/** What keywordsInText must find, by the obvious and slow route. */
const naive = (text: string, indexed: ReadonlySet<string>) =>
  [...indexed].filter((k) => variantsOf(k).some((v) => occursIn(text, v))).sort();

describe('keywordsInText', () => {
  it('finds an indexed keyword written as itself or as a synonym, reported by its canonical form', () => {
    expect(keywordsInText('研究锂电池的热管理', set('锂电池'))).toEqual(['锂电池']);
    expect(keywordsInText('退役动力电池的拆解', set('锂电池'))).toEqual(['锂电池']);
    expect(keywordsInText('基于大语言模型的问答', set('大模型', '锂电池'))).toEqual(['大模型']);
    expect(keywordsInText('无关的文字', set('大模型', '锂电池'))).toEqual([]);
  });

  it('matches full-width and upper-case Latin keywords after normalisation', () => {
    expect(keywordsInText('构建基于ＬＬＭ的知识库', set('大模型'))).toEqual(['大模型']);
    expect(keywordsInText('采用 Llm 技术', set('大模型'))).toEqual(['大模型']);
    expect(keywordsInText('改进ＹＯＬＯｖ８模型', set('yolov8'))).toEqual(['yolov8']);
  });

  it('finds overlapping and nested terms, in order of first occurrence', () => {
    expect(keywordsInText('激光熔覆层的开裂', set('熔覆层', '激光', '激光熔覆', '开裂'))).toEqual([
      '激光',
      '激光熔覆',
      '熔覆层',
      '开裂',
    ]);
    // 钙钛矿太阳能电池 is a kind of 钙钛矿 and of 光伏 (through 钙钛矿电池), and contains 太阳能电池 of 光伏 too.
    expect(keywordsInText('钙钛矿太阳能电池', set('光伏', '钙钛矿')).sort()).toEqual(['光伏', '钙钛矿']);
    expect(keywordsInText('太阳能电池片', set('光伏', '钙钛矿'))).toEqual(['光伏']);
    expect(keywordsInText('碳纤维复合材料', set('碳纤维', '复合材料'))).toEqual(['碳纤维', '复合材料']);
  });

  it('matches a Latin term only as a whole word on its Latin sides', () => {
    expect(keywordsInText('send an email for details', set('人工智能'))).toEqual([]);
    expect(keywordsInText('AI视觉检测', set('人工智能'))).toEqual(['人工智能']);
    expect(keywordsInText('nb-iot 模块', set('物联网'))).toEqual(['物联网']);
    expect(keywordsInText('重量15g', set('5g'))).toEqual([]);
    expect(keywordsInText('5G通信', set('5g'))).toEqual(['5g']);
  });

  it('agrees with a naive scan on the real demands', () => {
    const texts = realDemands().map(demandText);
    const random = seededRandom(7);
    const indexed = new Set<string>(conceptGroups().map((g) => g[0] as string));
    while (indexed.size < 3000) {
      const text = texts[Math.floor(random() * texts.length)] as string;
      const len = 2 + Math.floor(random() * 5);
      const start = Math.floor(random() * Math.max(1, text.length - len));
      const s = text.slice(start, start + len).trim();
      if (s.length >= 2) indexed.add(s);
    }
    for (const text of texts.slice(0, 120)) {
      expect([...keywordsInText(text, indexed)].sort()).toEqual(naive(text, indexed));
    }
  });

  it('scans a 5,000-character text against 100,000 indexed keywords without looking at each keyword', () => {
    const random = seededRandom(11);
    const han = (n: number) =>
      Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 3000))).join('');
    const indexed = new Set<string>();
    while (indexed.size < 100_000) indexed.add(han(2 + Math.floor(random() * 6)));
    const planted = [...indexed].slice(0, 5);
    const text = `${han(2000)}${planted.join('，')}${han(3000)}`.slice(0, 5000);
    keywordsInText('预热', indexed); // builds the lookup tables for this set once
    const started = performance.now();
    const found = keywordsInText(text, indexed);
    const ms = performance.now() - started;
    expect(found).toEqual(expect.arrayContaining(planted));
    expect(found.sort()).toEqual(naive(text, indexed));
    expect(ms).toBeLessThan(250);
  });
});
