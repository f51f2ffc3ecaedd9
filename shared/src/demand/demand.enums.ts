// The closed vocabularies of 附件3, with their Chinese labels. Keys are stable API values; labels are for people.
// Each is one defineEnum (X: values, labels, label, options); the names exported beside it (the values as Xs, X_LABELS,
// the type) are the ones code imported before the helper, with the same types.
import { defineEnum } from '../enum/define-enum';

export const SALES_BAND = defineEnum(['lt10m', '10m-50m', '50m-100m', '100m-200m', 'gt200m'], {
  lt10m: '1000万以下',
  '10m-50m': '1000万–5000万',
  '50m-100m': '5000万–1亿',
  '100m-200m': '1亿–2亿',
  gt200m: '2亿以上',
});
export const SALES_BANDS = SALES_BAND.values;
export type SalesBand = (typeof SALES_BANDS)[number];
export const SALES_BAND_LABELS = SALES_BAND.labels;

export const INDUSTRY_FIELD = defineEnum(['digital_economy', 'ai', 'equipment', 'new_materials', 'new_energy', 'other'], {
  digital_economy: '数字经济',
  ai: '人工智能',
  equipment: '装备制造',
  new_materials: '新材料',
  new_energy: '新能源',
  other: '其他',
});
export const INDUSTRY_FIELDS = INDUSTRY_FIELD.values;
export type IndustryField = (typeof INDUSTRY_FIELDS)[number];
export const INDUSTRY_FIELD_LABELS = INDUSTRY_FIELD.labels;

export const COOPERATION_MODE = defineEnum(['equity', 'transfer', 'license', 'co_develop', 'joint_venture', 'other'], {
  equity: '股权投资',
  transfer: '技术转让',
  license: '许可使用',
  co_develop: '合作开发',
  joint_venture: '合作兴办新企业',
  other: '其它',
});
export const COOPERATION_MODES = COOPERATION_MODE.values;
export type CooperationMode = (typeof COOPERATION_MODES)[number];
export const COOPERATION_MODE_LABELS = COOPERATION_MODE.labels;

export const DEMAND_STATUS = defineEnum(['draft', 'pending_review', 'rejected', 'published', 'matched', 'closed'], {
  draft: '草稿',
  pending_review: '审核中',
  rejected: '未通过',
  published: '已发布',
  matched: '已对接',
  closed: '已关闭',
});
export const DEMAND_STATUSES = DEMAND_STATUS.values;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
export const DEMAND_STATUS_LABELS = DEMAND_STATUS.labels;

// The words the mini-program shows for a role (the dev login's choices, the badge on 我的).
export const USER_ROLE = defineEnum(['user', 'admin', 'judge'], {
  user: '普通用户',
  admin: '管理员',
  judge: '评委',
});
export const USER_ROLES = USER_ROLE.values;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS = USER_ROLE.labels;
