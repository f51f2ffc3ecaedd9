// The pure 成果 matcher: any keyword matches (a profile, not an AND query), through the thesaurus and never inside a
// trap; the score weighs the texts' overlap; only the 成果's own subject, as the demand's main topic, is pushed.
import type { Demand } from '@cic/shared';
import {
  CONCEPT_WEIGHT,
  KEYWORD_WEIGHT,
  TEXT_WEIGHT,
  bigramCounts,
  conceptsIn,
  cosine,
  matchAchievement,
  rankAchievements,
  rankDemands,
  titleCoverage,
} from '../../../src/matchmaking/achievement-matcher';
import { realDemands } from '../matching/real-demands';
import { mockAchievement, reducerDemand } from './achievement.fixture';

const WELDING_SUMMARY =
  '一种面向钛合金薄板的脉冲激光焊接工艺：背面气体保护与焊后局部热处理相结合，焊缝强度达到母材的百分之九十六以上，' +
  '气孔率低于万分之五，变形量小于零点一五毫米；已在两家航空零部件企业完成中试，可提供工艺包、设备选型与人员培训。';
const welding = (keywords: string[]) =>
  mockAchievement({ title: '钛合金薄板脉冲激光焊接工艺（示例）', keywords, summary: WELDING_SUMMARY, field: 'new_materials' });

describe('matchAchievement', () => {
  const demand = reducerDemand();

  it('pushes a 成果 whose subject is the demand main topic, and explains each matching keyword', () => {
    const m = matchAchievement(demand, mockAchievement());
    expect(m?.tier).toBe('main');
    expect(m?.explanation.tier).toBe('main');
    expect(m?.explanation.keywords).toEqual([
      { keyword: '谐波减速器', matchedAs: '谐波减速器', relation: 'exact', where: 'title' },
      { keyword: '减速器', matchedAs: '谐波减速器', relation: 'narrower', broader: '减速器', where: 'title' },
    ]);
    expect(m?.score).toBeGreaterThan(0.55);
    expect(m?.score).toBeLessThanOrEqual(1);
  });

  it('matches when any one keyword matches, and keeps a passing mention in the inbox', () => {
    // The demand names 焊接 once, at the end of its description: a mention.
    const m = matchAchievement(demand, welding(['焊接', '激光焊接']));
    expect(m?.tier).toBe('mentioned');
    expect(m?.explanation.keywords).toEqual([{ keyword: '焊接', matchedAs: '焊接', relation: 'exact', where: 'description' }]);
    expect(m?.score).toBeLessThan(matchAchievement(demand, mockAchievement())?.score ?? 0);
  });

  it('never pushes for a keyword that is not the 成果 own subject (not first, not in its title)', () => {
    const m = matchAchievement(demand, welding(['激光焊接', '减速器']));
    expect(m?.explanation.keywords.map((k) => k.keyword)).toEqual(['减速器']);
    expect(m?.tier).toBe('mentioned');
    // The same keyword as the 成果's first one, with a summary about it, is pushed.
    expect(matchAchievement(demand, mockAchievement({ keywords: ['减速器'] }))?.tier).toBe('main');
  });

  it('keeps in the inbox a main-topic keyword whose 成果 is about something else (the texts disagree)', () => {
    const other = mockAchievement({
      title: '减速器',
      keywords: ['减速器'],
      summary: WELDING_SUMMARY,
    });
    const m = matchAchievement(demand, other);
    expect(m).toBeDefined();
    expect(m?.tier).toBe('mentioned');
  });

  it('gives nothing when no keyword matches, and never inside a trap word', () => {
    expect(matchAchievement(demand, mockAchievement({ keywords: ['锂电池', '正极材料'] }))).toBeUndefined();
    const resist: Pick<Demand, 'title' | 'description'> = {
      title: '高分辨率光刻胶配方开发',
      description: '开发用于先进封装的光刻胶配方，光刻胶分辨率优于2微米，显影后残留低。',
    };
    expect(matchAchievement(resist, mockAchievement({ title: '光刻工艺（示例）', keywords: ['光刻'] }))).toBeUndefined();
  });

  it('weighs keyword strength, concepts and text with weights that add up to 1', () => {
    expect(KEYWORD_WEIGHT + CONCEPT_WEIGHT + TEXT_WEIGHT).toBeCloseTo(1);
  });
});

describe('the overlap measures', () => {
  it('counts bigrams without the generic ones, and the cosine of two profiles is 1 for the same text, 0 for none shared', () => {
    const counts = bigramCounts('技术研发：谐波减速器');
    expect(counts.has('技术')).toBe(false);
    expect(counts.get('谐波')).toBe(1);
    expect(cosine(counts, counts)).toBeCloseTo(1);
    expect(cosine(counts, bigramCounts('锂电池正极'))).toBe(0);
  });

  it('finds the concepts a text names, not those of a trap word', () => {
    expect(conceptsIn('工业机器人谐波减速器寿命提升')).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect([...conceptsIn('工业机器人谐波减速器寿命提升')]).toEqual(expect.arrayContaining(['减速器']));
    expect([...conceptsIn('高分辨率光刻胶配方')]).not.toContain('光刻');
  });

  it('covers a narrower concept of the title by a broader one the title also names', () => {
    expect(titleCoverage(new Set(['a', 'b']), new Set(['a']))).toBe(0.5);
    expect(titleCoverage(new Set(), new Set(['a']))).toBe(1);
  });
});

describe('ranking', () => {
  it('ranks the fitting 成果 first, leaves out the ones that do not match, and is stable', () => {
    const demand = reducerDemand();
    const reducer = mockAchievement();
    const weld = welding(['焊接']);
    const battery = mockAchievement({ keywords: ['锂电池'] });
    const ranked = rankAchievements(demand, [weld, battery, reducer]);
    expect(ranked.map((r) => r.item.id)).toEqual([reducer.id, weld.id]);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 1);
    expect(rankAchievements(demand, [reducer, weld]).map((r) => r.item.id)).toEqual(ranked.map((r) => r.item.id));
  });

  it('ranks real demands for a 成果: the ones about its subject first', () => {
    const demands = realDemands();
    const ndt = mockAchievement({
      title: '超声与涡流无损检测工艺及自动化探伤系统（示例）',
      keywords: ['无损检测', '超声检测', '涡流检测', '缺陷检测'],
      summary:
        '提供超声、射线、磁粉、渗透、涡流等无损检测服务，开发特殊结构的缺陷检测工艺，研制专用检测装置与自动化探伤系统（多通道超声/涡流自动探伤线、' +
        '缺陷自动判读），可为焊缝、铸锻件、管材和零部件制定检测工艺规程。关键指标：超声可检出一毫米平底孔当量缺陷，涡流自动探伤线速度每分钟六十米以上。',
    });
    const ranked = rankDemands(ndt, demands);
    expect(ranked.length).toBeGreaterThan(3);
    expect(ranked.length).toBeLessThan(demands.length / 4);
    // The real demand 基于视觉识别的荧光渗透探伤检测 is about penetrant testing, a kind of NDT.
    const penetrant = ranked.find((r) => r.item.id === 'jstec-0202031605571218144');
    expect(penetrant).toBeDefined();
    expect(penetrant?.explanation.keywords[0]?.relation).toBe('narrower');
    // Best first; every pushed one is about testing.
    for (let i = 1; i < ranked.length; i += 1) expect(ranked[i - 1]?.score).toBeGreaterThanOrEqual(ranked[i]?.score ?? 0);
    const pushed = ranked.filter((r) => r.tier === 'main');
    expect(pushed.length).toBeGreaterThan(0);
    for (const r of pushed) expect(`${r.item.title}${r.item.description}`).toMatch(/检测|探伤|检验/);
  });
});
