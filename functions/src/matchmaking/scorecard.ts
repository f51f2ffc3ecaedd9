// 成果粗评估: a rough, automatic estimate of how well a 成果 fits a demand, line by line, each line 0–100 with a one-line
// Chinese reason, and a weighted total. Pure. The weights and rules are recorded in
// docs/decisions/0014-achievement-matching.md; change them there and here together.
import { IP_KIND, provinceOf, type Achievement, type Demand, type IpKind, type Province, type Scorecard } from '@cic/shared';
import { conceptLabel, matchAchievement, sharedConcepts } from './achievement-matcher';

/** The weight of each line in the total (they add up to 1). */
export const SCORECARD_WEIGHTS = { fit: 0.4, maturity: 0.2, ip: 0.15, budget: 0.15, region: 0.1 } as const;

export const SCORECARD_NOTE =
  '粗评估：由系统根据文字匹配、技术成熟度、知识产权、报价和地区自动估算，仅供初步筛选参考，不代替专家评审和双方洽谈。';

// ---------------------------------------------------------------------------------------------------------------
// Maturity: what the demand needs, from its words

/**
 * The TRL a demand needs, read from its words (title and description): the first rule whose words occur, in this
 * order, else DEFAULT_NEEDED_TRL. Industrialisation words ask for a system proven in use; pilot words for a system
 * demonstrated in a real environment; a prototype for one demonstrated in a similar environment; research words for
 * key functions verified in the lab.
 */
export const NEEDED_TRL_RULES: readonly { trl: number; stage: string; words: readonly string[] }[] = [
  {
    trl: 8,
    stage: '产业化',
    words: ['产业化', '量产', '批量生产', '规模化', '大批量', '投产', '工业化生产', '生产线', '产线', '推广应用'],
  },
  { trl: 7, stage: '中试', words: ['中试', '工程化', '小批量', '试生产', '放大生产', '工业试验'] },
  { trl: 6, stage: '样机', words: ['样机', '原型', '示范', '样品', '试制'] },
  { trl: 4, stage: '研究', words: ['机理', '基础研究', '可行性', '探索', '预研', '理论研究'] },
];
export const DEFAULT_NEEDED_TRL = 5;
/** Each level the 成果 falls short of what the demand needs costs this much of the maturity line. */
export const TRL_GAP_PENALTY = 20;

export function neededTrl(demand: Pick<Demand, 'title' | 'description'>): { trl: number; stage?: string; word?: string } {
  const text = `${demand.title ?? ''}\n${demand.description ?? ''}`;
  for (const rule of NEEDED_TRL_RULES) {
    const word = rule.words.find((w) => text.includes(w));
    if (word) return { trl: rule.trl, stage: rule.stage, word };
  }
  return { trl: DEFAULT_NEEDED_TRL };
}

function maturityLine(demand: Pick<Demand, 'title' | 'description'>, trl: number | undefined): Scorecard['maturity'] {
  const needed = neededTrl(demand);
  const weight = SCORECARD_WEIGHTS.maturity;
  const why = needed.word
    ? `需求提到“${needed.word}”，按${needed.stage}阶段需 ${needed.trl} 级`
    : `需求未写明阶段，按 ${needed.trl} 级估计`;
  if (trl === undefined) return { score: 0, weight, needed: needed.trl, reason: `成果未填写技术成熟度；${why}` };
  const gap = needed.trl - trl;
  const score = gap <= 0 ? 100 : Math.max(0, 100 - TRL_GAP_PENALTY * gap);
  const verdict = gap <= 0 ? '达到所需' : `低于所需 ${gap} 级`;
  return { score, weight, trl, needed: needed.trl, reason: `成果成熟度 ${trl} 级，${verdict}（${why}）` };
}

// ---------------------------------------------------------------------------------------------------------------
// IP

/** Points per IP entry, by kind and status (the line is capped at 100): a granted invention patent weighs most. */
export const IP_POINTS: Record<IpKind, { granted: number; pending: number }> = {
  invention: { granted: 30, pending: 10 },
  utility: { granted: 10, pending: 5 },
  software: { granted: 10, pending: 5 },
  design: { granted: 5, pending: 2 },
  other: { granted: 5, pending: 2 },
};

function ipLine(ip: Achievement['ip']): Scorecard['ip'] {
  const granted: Partial<Record<IpKind, number>> = {};
  const pending: Partial<Record<IpKind, number>> = {};
  let points = 0;
  for (const entry of ip ?? []) {
    const counts = entry.status === 'granted' ? granted : pending;
    counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
    points += IP_POINTS[entry.kind][entry.status];
  }
  const list = (counts: Partial<Record<IpKind, number>>) =>
    (Object.entries(counts) as [IpKind, number][]).map(([kind, n]) => `${IP_KIND.label(kind)} ${n} 项`).join('、');
  const parts = [list(granted) && `已授权${list(granted)}`, list(pending) && `申请中${list(pending)}`].filter(Boolean);
  const reason = parts.length > 0 ? parts.join('；') : '未填写知识产权';
  return { score: Math.min(100, points), weight: SCORECARD_WEIGHTS.ip, granted, pending, reason };
}

// ---------------------------------------------------------------------------------------------------------------
// Budget

/** The budget line when the 成果's price is 面议 or the demand states no budget: neither a fit nor a misfit. */
export const UNKNOWN_BUDGET_SCORE = 60;

function budgetLine(priceWan: number | null | undefined, budgetWan: number | undefined): Scorecard['budget'] {
  const weight = SCORECARD_WEIGHTS.budget;
  const price = priceWan ?? null;
  const about = { priceWan: price, ...(budgetWan !== undefined ? { budgetWan } : {}) };
  if (price === null) return { score: UNKNOWN_BUDGET_SCORE, weight, ...about, reason: '成果报价面议，需与持有方协商' };
  if (budgetWan === undefined || budgetWan <= 0) {
    return { score: UNKNOWN_BUDGET_SCORE, weight, ...about, reason: `成果参考价格 ${price} 万元，需求未写明拟投入经费` };
  }
  if (price <= budgetWan) {
    return { score: 100, weight, ...about, reason: `成果参考价格 ${price} 万元，在需求拟投入的 ${budgetWan} 万元以内` };
  }
  const score = Math.round((100 * budgetWan) / price);
  return { score, weight, ...about, reason: `成果参考价格 ${price} 万元，超出需求拟投入的 ${budgetWan} 万元` };
}

// ---------------------------------------------------------------------------------------------------------------
// Region

/** 长三角: 上海、江苏、浙江、安徽. */
export const YANGTZE_DELTA: ReadonlySet<Province> = new Set<Province>(['上海市', '江苏省', '浙江省', '安徽省']);
const MUNICIPALITIES: ReadonlySet<Province> = new Set<Province>(['北京市', '天津市', '上海市', '重庆市']);
export const REGION_SCORES = { same_city: 100, same_province: 80, yangtze_delta: 60, elsewhere: 30, unknown: 50 } as const;

const CITY = /^(.+?(?:市|自治州|州|盟|地区))/u;

/** The province and city (地级) of a 所在地区 text such as "江苏省 / 苏州市 / 江宁区" or "江苏省苏州市". */
export function placeOf(region: string | undefined): { province?: Province; city?: string } {
  if (!region) return {};
  const province = provinceOf(region);
  if (!province) return {};
  if (MUNICIPALITIES.has(province)) return { province, city: province };
  const rest = region
    .trim()
    .slice(province.length)
    .replace(/^[\s/]+/u, '');
  const city = CITY.exec(rest.split('/')[0]?.trim() ?? '')?.[1];
  return city ? { province, city } : { province };
}

function regionLine(demandRegion: string | undefined, achievementRegion: string | undefined): Scorecard['region'] {
  const weight = SCORECARD_WEIGHTS.region;
  const d = placeOf(demandRegion);
  const a = placeOf(achievementRegion);
  const line = (relation: keyof typeof REGION_SCORES, reason: string): Scorecard['region'] => ({
    score: REGION_SCORES[relation],
    weight,
    relation,
    reason,
  });
  if (!d.province || !a.province) return line('unknown', '地区信息不全，无法比较');
  if (d.city && d.city === a.city) return line('same_city', `需求与成果同在${d.city}`);
  if (d.province === a.province) return line('same_province', `需求与成果同在${d.province}`);
  if (YANGTZE_DELTA.has(d.province) && YANGTZE_DELTA.has(a.province)) {
    return line('yangtze_delta', `需求在${d.province}，成果在${a.province}，同属长三角`);
  }
  return line('elsewhere', `需求在${d.province}，成果在${a.province}，需跨区域合作`);
}

// ---------------------------------------------------------------------------------------------------------------
// Fit and the whole card

/** How many shared concepts the fit line lists. */
const MAX_CONCEPTS = 8;

function fitLine(demand: Demand, achievement: Achievement): Scorecard['fit'] {
  const weight = SCORECARD_WEIGHTS.fit;
  const match = matchAchievement(demand, achievement);
  const concepts = sharedConcepts(demand, achievement).map(conceptLabel).slice(0, MAX_CONCEPTS);
  // The shared concepts are the line's own field (`concepts`): the reason says how the keywords met the demand.
  if (!match) return { score: 0, weight, concepts, tier: 'mentioned', reason: '成果的关键词未出现在需求中' };
  const words = match.explanation.keywords.map((k) => `“${k.keyword}”`).join('、');
  const how = match.tier === 'main' ? `需求以${words}为主题` : `需求提及${words}`;
  return { score: Math.round(100 * match.score), weight, concepts, tier: match.tier, reason: how };
}

/**
 * The rough evaluation of a 成果 for a demand. Both come as the viewer may see them: the demand's public text (the
 * owner's hidden values play no part) and the 成果's public text.
 */
export function scorecardOf(demand: Demand, achievement: Achievement): Scorecard {
  const fit = fitLine(demand, achievement);
  const maturity = maturityLine(demand, achievement.trl);
  const ip = ipLine(achievement.ip);
  const budget = budgetLine(achievement.priceWan, demand.budgetWan);
  const region = regionLine(demand.region, achievement.region);
  const total = Math.round([fit, maturity, ip, budget, region].reduce((sum, line) => sum + line.weight * line.score, 0));
  return { demandId: demand.id, achievementId: achievement.id, fit, maturity, ip, budget, region, total, note: SCORECARD_NOTE };
}
