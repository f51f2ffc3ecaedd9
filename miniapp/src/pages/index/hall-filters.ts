// The 需求大厅 filters: the chip options and how a choice becomes the GET /demands query.
import {
  COOPERATION_MODE,
  INDUSTRY_FIELD,
  type CooperationMode,
  type DemandListQuery,
  type IndustryField,
  type Province,
} from '@cic/shared';
import type { ChipOption } from '../../components';

export interface HallFilters {
  q?: string;
  field?: IndustryField;
  region?: Province;
  cooperation?: CooperationMode;
  minBudgetWan?: number;
}

export const PAGE_SIZE = 20;

/** A short list from PROVINCES (`satisfies` keeps the names exact): where most demands come from, Jiangsu first. */
const REGION_CHOICES = ['江苏省', '上海市', '浙江省', '安徽省', '北京市', '广东省'] as const satisfies readonly Province[];

export const FIELD_OPTIONS: ChipOption<IndustryField>[] = [{ value: undefined, label: '全部' }, ...INDUSTRY_FIELD.options];

export const REGION_OPTIONS: ChipOption<Province>[] = [
  { value: undefined, label: '全部' },
  ...REGION_CHOICES.map((r) => ({ value: r, label: r })),
];

export const COOPERATION_OPTIONS: ChipOption<CooperationMode>[] = [
  { value: undefined, label: '全部' },
  ...COOPERATION_MODE.options,
];

export const BUDGET_OPTIONS: ChipOption<number>[] = [
  { value: undefined, label: '不限' },
  { value: 10, label: '10万以上' },
  { value: 50, label: '50万以上' },
  { value: 100, label: '100万以上' },
  { value: 500, label: '500万以上' },
];

export function isFiltered(filters: HallFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '');
}

export function toListQuery(filters: HallFilters, cursor?: string): Partial<DemandListQuery> {
  return { ...filters, q: filters.q?.trim() || undefined, cursor, limit: PAGE_SIZE };
}
