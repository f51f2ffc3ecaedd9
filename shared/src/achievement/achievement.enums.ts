// The closed vocabularies of the 成果 form, with their Chinese labels (see demand.enums.ts for the pattern).
import { defineEnum } from '../enum/define-enum';

export const HOLDER_TYPE = defineEnum(['university', 'institute', 'enterprise', 'team', 'individual'], {
  university: '高校',
  institute: '科研院所',
  enterprise: '企业',
  team: '团队',
  individual: '个人',
});
export const HOLDER_TYPES = HOLDER_TYPE.values;
export type HolderType = (typeof HOLDER_TYPES)[number];

export const IP_KIND = defineEnum(['invention', 'utility', 'design', 'software', 'other'], {
  invention: '发明专利',
  utility: '实用新型',
  design: '外观设计',
  software: '软件著作权',
  other: '其他知识产权',
});
export const IP_KINDS = IP_KIND.values;
export type IpKind = (typeof IP_KINDS)[number];

export const IP_STATUS = defineEnum(['granted', 'pending'], { granted: '已授权', pending: '申请中' });
export const IP_STATUSES = IP_STATUS.values;
export type IpStatus = (typeof IP_STATUSES)[number];

/**
 * 技术成熟度 (technology readiness level), 1–9, in the words of the nine levels of GB/T 22900—2009《科学技术研究项目
 * 评价通则》 for development projects, shortened to fit a picker row.
 */
export const TRL_LABELS: Readonly<Record<number, string>> = {
  1: '1 级 · 发现基本原理',
  2: '2 级 · 形成技术概念或开发方案',
  3: '3 级 · 关键功能分析和实验结论成立',
  4: '4 级 · 研究室环境中关键部件通过验证',
  5: '5 级 · 相似环境中关键部件通过验证',
  6: '6 级 · 相似环境中演示系统通过演示',
  7: '7 级 · 真实环境中演示系统通过演示',
  8: '8 级 · 实际系统完成并通过试验验证',
  9: '9 级 · 实际系统通过使用考验，可推广',
};
export const TRL_MIN = 1;
export const TRL_MAX = 9;
export const trlLabel = (trl: number): string => TRL_LABELS[trl] ?? `${trl} 级`;

/** The two kinds of listing that share one lifecycle, one review queue and one anonymity rule. */
export const LISTING_KIND = defineEnum(['demand', 'achievement'], { demand: '需求', achievement: '成果' });
export const LISTING_KINDS = LISTING_KIND.values;
export type ListingKind = (typeof LISTING_KINDS)[number];
