// 成果粗评估: each line by its documented rule (docs/decisions/0014-achievement-matching.md), and the weighted total.
import {
  DEFAULT_NEEDED_TRL,
  REGION_SCORES,
  SCORECARD_NOTE,
  SCORECARD_WEIGHTS,
  UNKNOWN_BUDGET_SCORE,
  neededTrl,
  placeOf,
  scorecardOf,
} from '../../../src/matchmaking/scorecard';
import { realDemands } from '../matching/real-demands';
import { mockAchievement, reducerDemand } from './achievement.fixture';

describe('scorecardOf', () => {
  it('adds the weighted lines into the total, and says it is a rough automatic estimate', () => {
    const card = scorecardOf(reducerDemand(), mockAchievement());
    const lines = [card.fit, card.maturity, card.ip, card.budget, card.region];
    expect(lines.reduce((s, l) => s + l.weight, 0)).toBeCloseTo(1);
    expect(card.total).toBe(Math.round(lines.reduce((s, l) => s + l.weight * l.score, 0)));
    for (const line of lines) {
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(100);
      expect(line.reason).toMatch(/\p{Script=Han}/u);
    }
    expect(card.note).toBe(SCORECARD_NOTE);
    expect(card.note).toContain('自动估算');
    expect(card.fit.weight).toBe(SCORECARD_WEIGHTS.fit);
  });

  it('fit: the match score, the shared concepts and the tier', () => {
    const card = scorecardOf(reducerDemand(), mockAchievement());
    expect(card.fit.tier).toBe('main');
    expect(card.fit.concepts).toContain('减速器');
    expect(card.fit.score).toBeGreaterThan(50);
    expect(card.fit.reason).toContain('为主题');
    const none = scorecardOf(reducerDemand(), mockAchievement({ keywords: ['锂电池'], title: '锂电池正极材料（示例）' }));
    expect(none.fit.score).toBe(0);
    expect(none.fit.reason).toContain('未出现在需求中');
  });

  it('maturity: the TRL needed comes from the demand words; each missing level costs 20', () => {
    expect(neededTrl({ title: '高强铝合金产业化', description: '' })).toMatchObject({ trl: 8, word: '产业化' });
    expect(neededTrl({ title: '催化剂中试放大', description: '' })).toMatchObject({ trl: 7, word: '中试' });
    expect(neededTrl({ title: '样机开发', description: '' })).toMatchObject({ trl: 6 });
    expect(neededTrl({ title: '腐蚀机理研究', description: '' })).toMatchObject({ trl: 4 });
    expect(neededTrl({ title: '某项技术', description: '' })).toEqual({ trl: DEFAULT_NEEDED_TRL });

    const pilot = reducerDemand({ title: '谐波减速器中试', description: '需完成谐波减速器中试验证。' });
    expect(scorecardOf(pilot, mockAchievement({ trl: 7 })).maturity).toMatchObject({ score: 100, trl: 7, needed: 7 });
    expect(scorecardOf(pilot, mockAchievement({ trl: 5 })).maturity).toMatchObject({ score: 60, needed: 7 });
    expect(scorecardOf(pilot, mockAchievement({ trl: 1 })).maturity.score).toBe(0);
    const { trl: _t, ...noTrl } = mockAchievement();
    expect(scorecardOf(pilot, { ...noTrl }).maturity).toMatchObject({ score: 0, reason: expect.stringContaining('未填写') });
  });

  it('ip: granted and pending, by kind, invention patents weigh most, capped at 100', () => {
    const card = scorecardOf(reducerDemand(), mockAchievement());
    expect(card.ip).toMatchObject({ granted: { invention: 1 }, pending: { utility: 1 }, score: 35 });
    expect(card.ip.reason).toBe('已授权发明专利 1 项；申请中实用新型 1 项');
    const many = Array.from({ length: 5 }, (_, i) => ({
      kind: 'invention' as const,
      number: `ZL${i}`,
      status: 'granted' as const,
    }));
    expect(scorecardOf(reducerDemand(), mockAchievement({ ip: many })).ip.score).toBe(100);
    expect(scorecardOf(reducerDemand(), mockAchievement({ ip: [] })).ip).toMatchObject({ score: 0, reason: '未填写知识产权' });
  });

  it('budget: within the budget, over it in proportion, 面议 or no budget in between', () => {
    const demand = reducerDemand({ budgetWan: 100 });
    expect(scorecardOf(demand, mockAchievement({ priceWan: 80 })).budget).toMatchObject({
      score: 100,
      priceWan: 80,
      budgetWan: 100,
    });
    expect(scorecardOf(demand, mockAchievement({ priceWan: 200 })).budget).toMatchObject({ score: 50 });
    expect(scorecardOf(demand, mockAchievement({ priceWan: null })).budget).toMatchObject({
      score: UNKNOWN_BUDGET_SCORE,
      priceWan: null,
      reason: expect.stringContaining('面议'),
    });
    expect(scorecardOf(reducerDemand({ budgetWan: 0 }), mockAchievement({ priceWan: 50 })).budget.score).toBe(
      UNKNOWN_BUDGET_SCORE,
    );
  });

  it('region: same city, same province, 长三角, elsewhere, unknown', () => {
    const relation = (demandRegion: string, achievementRegion: string) =>
      scorecardOf(reducerDemand({ region: demandRegion }), mockAchievement({ region: achievementRegion })).region;
    expect(relation('江苏省 / 苏州市 / 吴江区', '江苏省 / 苏州市')).toMatchObject({
      relation: 'same_city',
      score: REGION_SCORES.same_city,
    });
    expect(relation('江苏省 / 南京市 / 江宁区', '江苏省苏州市')).toMatchObject({ relation: 'same_province' });
    expect(relation('浙江省 / 杭州市', '上海市 / 闵行区')).toMatchObject({
      relation: 'yangtze_delta',
      reason: expect.stringContaining('长三角'),
    });
    expect(relation('安徽省 / 合肥市', '广东省 / 深圳市')).toMatchObject({
      relation: 'elsewhere',
      score: REGION_SCORES.elsewhere,
    });
    expect(relation('某地', '江苏省 / 苏州市')).toMatchObject({ relation: 'unknown' });
    expect(placeOf('上海市 / 浦东新区')).toEqual({ province: '上海市', city: '上海市' });
    expect(placeOf('江苏省 / 南京市 / 320112')).toEqual({ province: '江苏省', city: '南京市' });
  });

  it('reads every real demand, placing all but those whose region names no province', () => {
    const a = mockAchievement();
    const demands = realDemands();
    let unknown = 0;
    for (const demand of demands) {
      const card = scorecardOf(demand, a);
      expect(card.total).toBeGreaterThanOrEqual(0);
      expect(card.total).toBeLessThanOrEqual(100);
      expect(card.region.relation === 'unknown').toBe(placeOf(demand.region).province === undefined);
      if (card.region.relation === 'unknown') unknown += 1;
    }
    // Today one real demand gives only a city (连云港市海州区).
    expect(unknown).toBeLessThan(demands.length / 100);
  });
});
