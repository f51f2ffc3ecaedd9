// Test data of the 成果库's matching, defined once: a 成果 on a demand's match list, a demand on a 成果's, a scorecard
// and an invitation, each with overrides.
import type { AchievementMatch, DemandMatch, Invitation, Scorecard } from '@cic/shared';

const explanation = {
  keywords: [
    { keyword: '激光焊接', matchedAs: '激光焊接', relation: 'exact' as const, where: 'title' as const },
    { keyword: '钛合金', matchedAs: '钛材', relation: 'synonym' as const, where: 'description' as const },
  ],
  field: 'new_materials' as const,
};

/** The i-th 成果 of a demand's match list (a0 best). */
export const achievementMatch = (i: number, over: Partial<AchievementMatch> = {}): AchievementMatch => ({
  achievementId: `a${i}`,
  title: `成果${i}：钛合金激光焊接工艺`,
  score: Math.round((0.9 - i * 0.1) * 100) / 100,
  tier: 'main',
  explanation,
  holderType: 'university',
  trl: 6,
  ...over,
});

export const demandMatch = (i: number, over: Partial<DemandMatch> = {}): DemandMatch => ({
  demandId: `d${i}`,
  title: `需求${i}：钛合金薄板焊接`,
  score: Math.round((0.8 - i * 0.1) * 100) / 100,
  tier: 'main',
  explanation,
  budgetWan: 120,
  region: '江苏省 / 南京市',
  ...over,
});

export const scorecard = (over: Partial<Scorecard> = {}): Scorecard => ({
  demandId: 'd1',
  achievementId: 'a1',
  fit: { score: 86, weight: 0.4, reason: '成果与需求的主题一致', concepts: ['激光焊接', '钛合金'], tier: 'main' },
  maturity: { score: 70, weight: 0.2, reason: '成熟度略低于需求的要求', trl: 6, needed: 7 },
  ip: {
    score: 80,
    weight: 0.15,
    reason: '有已授权的发明专利',
    granted: { invention: 2, software: 1 },
    pending: { invention: 1 },
  },
  budget: { score: 100, weight: 0.15, reason: '参考价格在需求的预算之内', priceWan: 80, budgetWan: 120 },
  region: { score: 90, weight: 0.1, reason: '同在江苏省', relation: 'same_province' },
  total: 83.4,
  note: '权重：契合度 40%、成熟度 20%、知识产权 15%、价格 15%、地域 10%。',
  ...over,
});

export const invitation = (over: Partial<Invitation> = {}): Invitation => ({
  id: 'i1',
  demandId: 'd1',
  achievementId: 'a1',
  inviterId: 'u9',
  holderId: 'u1',
  demandTitle: '钛合金薄板激光焊接变形控制',
  achievementTitle: '钛合金激光焊接工艺',
  message: '希望贵团队参与揭榜',
  status: 'open',
  createdAt: '2026-11-10T02:00:00Z',
  ...over,
});
