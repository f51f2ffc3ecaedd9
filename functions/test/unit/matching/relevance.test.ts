// The tier rule (docs/decisions/0013-relevance-tiers.md): a keyword is the demand's main topic when the title names its
// concept (or a word of its trade) and the description names the concept itself at least twice; every keyword must be.
import { conditionsOf } from '@cic/shared';
import { explainMatch } from '../../../src/alerts/matching/matcher';
import { relevanceOf, TIER_RULE } from '../../../src/alerts/matching/relevance';
import type { KeywordEvidence, Occurrence } from '../../../src/alerts/matching/occurrences';
import { createMockDemand } from '../../fakes/demand.factory';

const at = (where: Occurrence['where'], index: number, relation: Occurrence['relation'] = 'exact'): Occurrence => ({
  term: '减速器',
  relation,
  where,
  index,
});
const evidence = (title: Occurrence[], description: Occurrence[]): KeywordEvidence => ({ keyword: '减速器', title, description });

describe('relevanceOf', () => {
  it('is main when the title names the concept and the description names it again, twice', () => {
    expect(TIER_RULE.descriptionMentions).toBe(2);
    expect(relevanceOf([evidence([at('title', 0)], [at('description', 3), at('description', 90)])]).tier).toBe('main');
    expect(relevanceOf([evidence([at('title', 0)], [at('description', 3)])]).tier).toBe('mentioned');
    expect(relevanceOf([evidence([], [at('description', 0), at('description', 9), at('description', 20)])]).tier).toBe(
      'mentioned',
    );
  });

  it('counts a kind or synonym as the concept, and a related word only in the title', () => {
    const kinds = [at('description', 3, 'narrower'), at('description', 40, 'synonym')];
    expect(relevanceOf([evidence([at('title', 2, 'narrower')], kinds)]).tier).toBe('main');
    expect(relevanceOf([evidence([at('title', 2, 'related')], kinds)]).tier).toBe('main');
    const related = [at('description', 3, 'related'), at('description', 40, 'related')];
    expect(relevanceOf([evidence([at('title', 2)], related)]).tier).toBe('mentioned');
  });

  it('needs every keyword central, and scores the weakest', () => {
    const central = evidence([at('title', 0)], [at('description', 1), at('description', 5)]);
    const passing = evidence([], [at('description', 1)]);
    expect(relevanceOf([central, passing])).toEqual({ tier: 'mentioned', score: 0.1 });
    expect(relevanceOf([central, central])).toEqual({ tier: 'main', score: 0.7 });
    expect(relevanceOf([])).toEqual({ tier: 'mentioned', score: 0 });
  });
});

describe('tiers of real-looking demands', () => {
  const reducer = createMockDemand({
    title: '工业机器人关节谐波减速器寿命提升',
    description: '谐波减速器柔轮在交变载荷下出现疲劳裂纹，需将减速器寿命提升至两万小时，回差小于10弧秒。工装支架采用焊接结构。',
  });

  it('pushes the main topic and labels a passing mention', () => {
    expect(explainMatch(conditionsOf({ keywords: ['减速器'] }), reducer)?.tier).toBe('main');
    expect(explainMatch(conditionsOf({ keywords: ['焊接'] }), reducer)?.tier).toBe('mentioned');
    expect(explainMatch(conditionsOf({ keywords: ['减速器', '焊接'] }), reducer)?.tier).toBe('mentioned');
  });

  it('makes a subscription without keywords main by definition: it asks for everything in its scope', () => {
    expect(explainMatch(conditionsOf({ fields: [reducer.field ?? 'other'] }), reducer)).toMatchObject({ tier: 'main', score: 1 });
  });
});
