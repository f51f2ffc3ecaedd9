// Subscriptions stored before the thesaurus keep working without a migration. A subscription sits in the percolator
// under kw#<its rarest keyword's canonical form> as it was then: the first member of its synonym group
// (data/eval/baseline-synonyms.json, the table that shipped) or the keyword itself. A demand finds that partition when
// its text contains a variant of the stored key, so every term the keyword now matches must be a variant of its old key.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalizeText } from '@cic/shared';
import { conceptGroups, expansionOf, variantsOf } from '../../../src/alerts/matching/concepts';
import { keywordsInText } from '../../../src/alerts/matching/matcher';

const baseline = JSON.parse(readFileSync(resolve(__dirname, '../../../../data/eval/baseline-synonyms.json'), 'utf8')) as {
  groups: string[][];
};
const oldHead = new Map<string, string>();
for (const group of baseline.groups)
  for (const member of group) oldHead.set(normalizeText(member), normalizeText(group[0] as string));
const oldKeyOf = (keyword: string) => oldHead.get(normalizeText(keyword)) ?? normalizeText(keyword);

describe('index keys stored before the thesaurus', () => {
  // Every member of every old group, and every term people can now subscribe with.
  const keywords = [...new Set([...oldHead.keys(), ...conceptGroups().flat()])];

  it('are still read for every term their keyword matches today', () => {
    expect(keywords.length).toBeGreaterThan(900);
    const misses: string[] = [];
    for (const keyword of keywords) {
      const variants = new Set(variantsOf(oldKeyOf(keyword)));
      for (const { term } of expansionOf(keyword).terms) if (!variants.has(term)) misses.push(`${keyword}: ${term}`);
    }
    expect(misses).toEqual([]);
  });

  it('finds an old subscription to 减速机 through a demand that only names a kind of reducer', () => {
    const indexed = new Set([oldKeyOf('减速机')]);
    expect(keywordsInText('RV减速器回差控制', indexed)).toEqual([oldKeyOf('减速机')]);
  });
});
