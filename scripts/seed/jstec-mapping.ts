// Maps a real demand from the Jiangsu technology exchange (data/jstec-demands.jsonl) onto our 附件3 model.
// A record that breaks a 附件3 rule is skipped with the reason, never padded or altered.
import { validateDemandContent, type CooperationMode, type Demand, type FieldErrors, type IndustryField } from '@cic/shared';

export interface JstecRecord {
  id: string;
  title: string;
  cooperation: string;
  investmentYuan: number;
  description: string;
  techFields: string[];
  demandType: string;
  region: string;
  sourceUrl: string;
}

/** Their technology fields, matched by keyword, in order: the first rule that hits decides. */
/** AI cuts across their taxonomy: any of a record's fields that names it makes the demand an AI one. */
const AI = /人工智能|机器人|图像处理|多语种处理|机器学习/;

const FIELD_RULES: [IndustryField, RegExp][] = [
  ['new_materials', /材料|陶瓷|玻璃|钢材|合金|橡胶|塑料|纤维|化学品|催化剂/],
  ['new_energy', /能源|节能|电池|储能|太阳能|风能|氢能|核能|电力|发电|配电|输电|变电|电容器|能量/],
  [
    'digital_economy',
    /电子|软件|物联网|信息|通信|网络|计算机|云计算|数据|集成电路|微电子|传感器|嵌入式|半导体|卫星|光传输|显示|广播影视|电子商务/,
  ],
  ['equipment', /制造|装备|机械|自动化|仪器仪表|仪器|控制系统|数控|加工|船舶|航空|飞行器|汽车|车辆|轨道|机电|零部件|设备/],
];

const COOPERATION: Record<string, CooperationMode> = {
  合作开发: 'co_develop',
  技术转让: 'transfer',
  许可使用: 'license',
  股权投资: 'equity',
  合作兴办新企业: 'joint_venture',
};

export function mapField(techFields: readonly string[]): { field: IndustryField; fieldOther?: string } {
  if (techFields.some((tf) => AI.test(tf))) return { field: 'ai' };
  for (const tf of techFields) {
    for (const [field, pattern] of FIELD_RULES) if (pattern.test(tf)) return { field };
  }
  return techFields[0] ? { field: 'other', fieldOther: techFields[0] } : { field: 'other' };
}

export function mapCooperation(text: string): { cooperationModes: CooperationMode[]; cooperationOther?: string } {
  const trimmed = text.trim();
  const mode = COOPERATION[trimmed];
  if (mode) return { cooperationModes: [mode] };
  return trimmed ? { cooperationModes: ['other'], cooperationOther: trimmed } : { cooperationModes: [] };
}

/** Seed ids sort like the source's ids (its newest have 19 digits), so "newest first" keeps the source's order. */
export function seedId(externalId: string): string {
  return `jstec-${externalId.padStart(19, '0')}`;
}

export type MappedRecord = { ok: true; demand: Demand } | { ok: false; id: string; fields: FieldErrors };

export function mapRecord(record: JstecRecord, opts: { ownerId: string; at: string }): MappedRecord {
  const content = validateDemandContent({
    title: record.title,
    region: record.region,
    budgetWan: record.investmentYuan / 10_000,
    description: record.description,
    ...mapField(record.techFields),
    ...mapCooperation(record.cooperation),
  });
  if (!content.ok) return { ok: false, id: record.id, fields: content.fields };
  const id = seedId(record.id);
  return {
    ok: true,
    demand: {
      ...content.value,
      // The source publishes no company or contacts (and we removed what it had): shown as anonymous.
      anonymous: true,
      id,
      ownerId: opts.ownerId,
      status: 'published',
      createdAt: opts.at,
      updatedAt: opts.at,
      submittedAt: opts.at,
      publishedAt: opts.at,
      followerCount: 0,
      version: 1,
      history: [{ status: 'published', at: opts.at }],
      source: { name: 'jstec', label: '江苏省技术产权交易市场', externalId: record.id, url: record.sourceUrl },
    },
  };
}

export function parseJsonl(text: string): JstecRecord[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JstecRecord);
}
