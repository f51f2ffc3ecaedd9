// The synonym table: canonical forms, variants, normalisation, and the shipped data/synonyms.json checked against the
// real demands it was built from.
import { charCount } from '@cic/shared';
import synonymsFile from '../../../../data/synonyms.json';
import { buildSynonymTable, canonicalOf, synonymGroups, variantsOf } from '../../../src/alerts/matching/synonyms';
import { demandText, occursIn } from '../../../src/alerts/matching/matcher';
import { realDemands } from './real-demands';

describe('canonicalOf', () => {
  it('maps every member of a group to its first member', () => {
    expect(canonicalOf('锂电池')).toBe('锂电池');
    expect(canonicalOf('动力电池')).toBe('锂电池');
    expect(canonicalOf('锂离子电池')).toBe('锂电池');
    expect(canonicalOf('大语言模型')).toBe('大模型');
  });

  it('normalises before looking up: full-width, upper case and surrounding space', () => {
    expect(canonicalOf('ＬＬＭ')).toBe('大模型');
    expect(canonicalOf(' LLM ')).toBe('大模型');
    expect(canonicalOf('Digital  Twin')).toBe('数字孪生');
  });

  it('returns an unknown term normalised, as itself', () => {
    expect(canonicalOf('荧光渗透探伤')).toBe('荧光渗透探伤');
    expect(canonicalOf(' ＡＢＣ-Ｘ ')).toBe('abc-x');
  });
});

describe('variantsOf', () => {
  it('lists the normalised group, canonical first, from any member', () => {
    expect(variantsOf('LLM')).toEqual(['大模型', '大语言模型', 'llm', '生成式ai', '生成式人工智能', 'gpt']);
    expect(variantsOf('储能系统')).toEqual(['储能', '储能系统', '储能电站']);
  });

  it('is the normalised term alone when it has no group', () => {
    expect(variantsOf('Ｘ射线')).toEqual(['x射线']);
  });
});

describe('buildSynonymTable', () => {
  it('refuses a term that belongs to two groups', () => {
    expect(() =>
      buildSynonymTable({
        version: 1,
        groups: [
          ['储能', '储能系统'],
          ['储能系统', '储能电站'],
        ],
      }),
    ).toThrow(/"储能系统" is in the groups of "储能" and "储能系统"/);
  });

  it('treats members that normalise alike as one, and refuses a malformed file', () => {
    const table = buildSynonymTable({ version: 1, groups: [['LLM', 'ｌｌｍ', '大模型']] });
    expect(table.groups).toEqual([['llm', '大模型']]);
    expect(() => buildSynonymTable({ version: 2, groups: [] })).toThrow();
    expect(() => buildSynonymTable({ version: 1, groups: [['孤单']] })).toThrow();
  });
});

describe('the shipped data/synonyms.json', () => {
  const groups = synonymGroups();
  const texts = realDemands().map(demandText);

  it('has 40–80 groups of 2–20-character terms, each term in one group', () => {
    expect(synonymsFile.version).toBe(1);
    expect(groups.length).toBeGreaterThanOrEqual(40);
    expect(groups.length).toBeLessThanOrEqual(80);
    const all = groups.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const term of all) {
      expect(charCount(term)).toBeGreaterThanOrEqual(2);
      expect(charCount(term)).toBeLessThanOrEqual(20);
    }
  });

  it('has in every group a member that occurs in the real demands', () => {
    const unseen = groups.filter((group) => !group.some((term) => texts.some((t) => occursIn(t, term))));
    expect(unseen).toEqual([]);
  });
});
