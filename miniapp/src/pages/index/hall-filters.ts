// The 需求大厅 filters of its two lists: the chip options and how a choice becomes the GET /demands or GET /achievements
// query.
import {
  COOPERATION_MODE,
  INDUSTRY_FIELD,
  TRL_MAX,
  type AchievementListQuery,
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

/** 不限, then a chip for each minimum. */
function minimumOptions(minimums: readonly number[], label: (min: number) => string): ChipOption<number>[] {
  return [{ value: undefined, label: '不限' }, ...minimums.map((min) => ({ value: min, label: label(min) }))];
}

export const BUDGET_OPTIONS = minimumOptions([10, 50, 100, 500], (wan) => `${wan}万以上`);

/** The 成果 list's filters: field, region and a minimum 技术成熟度. */
export interface AchievementFilters {
  q?: string;
  field?: IndustryField;
  region?: Province;
  trlMin?: number;
}

/** The top of the scale has nothing above it: 9级, not 9级以上. */
export const TRL_MIN_OPTIONS = minimumOptions([4, 6, 7, TRL_MAX], (trl) => (trl === TRL_MAX ? `${trl}级` : `${trl}级以上`));

export function isFiltered(filters: object): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '');
}

export function toListQuery<F extends { q?: string }>(filters: F, cursor?: string): F & { cursor?: string; limit: number } {
  return { ...filters, q: filters.q?.trim() || undefined, cursor, limit: PAGE_SIZE };
}

// The two routes take these queries (checked here, so a filter the API does not know cannot be sent).
export const demandQuery = (f: HallFilters, cursor?: string): Partial<DemandListQuery> => toListQuery(f, cursor);
export const achievementQuery = (f: AchievementFilters, cursor?: string): Partial<AchievementListQuery> => toListQuery(f, cursor);
