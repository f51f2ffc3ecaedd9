// Chinese labels of the 附件3 form, keyed by API field name. Error messages name fields with these.

export const DEMAND_FIELD_LABELS = {
  companyName: '企业名称',
  region: '所属地区',
  contactName: '联系人',
  contactPhone: '联系方式',
  contactTitle: '所属部门及职务',
  email: 'E-mail',
  companyIntro: '企业简介',
  salesBand: '上年度销售额',
  title: '技术需求名称',
  budgetWan: '拟投入合作经费（万元）',
  field: '产业领域',
  fieldOther: '其他产业领域',
  description: '技术需求描述',
  cooperationModes: '希望的合作方式',
  cooperationOther: '其它合作方式',
  brokerName: '技术经纪人姓名',
  brokerPhone: '技术经纪人联系电话',
  anonymous: '隐去企业名称和联系方式',
} as const;

export type DemandFieldKey = keyof typeof DEMAND_FIELD_LABELS;

/** The 附件3 fields about people rather than the enterprise: the contact and the broker. */
export const PERSONAL_DEMAND_FIELDS = [
  'contactName',
  'contactPhone',
  'contactTitle',
  'email',
  'brokerName',
  'brokerPhone',
] as const;

/** The fields the public never sees on an anonymous demand: the company and its people. */
export const HIDDEN_WHEN_ANONYMOUS = ['companyName', ...PERSONAL_DEMAND_FIELDS] as const satisfies readonly DemandFieldKey[];
export type HiddenDemandField = (typeof HIDDEN_WHEN_ANONYMOUS)[number];
