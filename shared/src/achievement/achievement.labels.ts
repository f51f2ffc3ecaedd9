// Chinese labels of the 成果 form, keyed by API field name. Error messages name fields with these.

export const ACHIEVEMENT_FIELD_LABELS = {
  title: '成果名称',
  holderName: '持有单位',
  holderType: '持有方类型',
  field: '产业领域',
  fieldOther: '其他产业领域',
  keywords: '关键词',
  summary: '成果简介',
  trl: '技术成熟度',
  ip: '知识产权',
  cooperationModes: '合作方式',
  cooperationOther: '其它合作方式',
  priceWan: '参考价格（万元）',
  region: '所在地区',
  contactName: '联系人',
  contactPhone: '联系电话',
  email: 'E-mail',
  anonymous: '隐去持有单位和联系方式',
} as const;

export type AchievementFieldKey = keyof typeof ACHIEVEMENT_FIELD_LABELS;

/** The fields the public never sees on an anonymous 成果: the holder and its people. */
export const HIDDEN_WHEN_ANONYMOUS_ACHIEVEMENT = [
  'holderName',
  'contactName',
  'contactPhone',
  'email',
] as const satisfies readonly AchievementFieldKey[];
export type HiddenAchievementField = (typeof HIDDEN_WHEN_ANONYMOUS_ACHIEVEMENT)[number];
