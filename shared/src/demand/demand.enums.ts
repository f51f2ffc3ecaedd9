// The closed vocabularies of 附件3, with their Chinese labels. Keys are stable API values; labels are for people.

export const SALES_BANDS = ['lt10m', '10m-50m', '50m-100m', '100m-200m', 'gt200m'] as const;
export type SalesBand = (typeof SALES_BANDS)[number];
export const SALES_BAND_LABELS: Record<SalesBand, string> = {
  lt10m: '1000万以下',
  '10m-50m': '1000万–5000万',
  '50m-100m': '5000万–1亿',
  '100m-200m': '1亿–2亿',
  gt200m: '2亿以上',
};

export const INDUSTRY_FIELDS = [
  'digital_economy',
  'ai',
  'equipment',
  'new_materials',
  'new_energy',
  'other',
] as const;
export type IndustryField = (typeof INDUSTRY_FIELDS)[number];
export const INDUSTRY_FIELD_LABELS: Record<IndustryField, string> = {
  digital_economy: '数字经济',
  ai: '人工智能',
  equipment: '装备制造',
  new_materials: '新材料',
  new_energy: '新能源',
  other: '其他',
};

export const COOPERATION_MODES = [
  'equity',
  'transfer',
  'license',
  'co_develop',
  'joint_venture',
  'other',
] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];
export const COOPERATION_MODE_LABELS: Record<CooperationMode, string> = {
  equity: '股权投资',
  transfer: '技术转让',
  license: '许可使用',
  co_develop: '合作开发',
  joint_venture: '合作兴办新企业',
  other: '其它',
};

export const DEMAND_STATUSES = ['draft', 'pending_review', 'rejected', 'published', 'matched', 'closed'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
export const DEMAND_STATUS_LABELS: Record<DemandStatus, string> = {
  draft: '草稿',
  pending_review: '审核中',
  rejected: '未通过',
  published: '已发布',
  matched: '已对接',
  closed: '已关闭',
};

export const USER_ROLES = ['user', 'admin', 'judge'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS: Record<UserRole, string> = {
  user: '用户',
  admin: '管理员',
  judge: '评委',
};
