// A subscription's conditions in Chinese, one line per condition.
import { INDUSTRY_FIELD_LABELS, SUBSCRIPTION_FIELD_LABELS as L, type SubscriptionConditions } from '@cic/shared';
import { formatMinBudget } from '../../format';

export function describeConditions(s: SubscriptionConditions): { label: string; text: string }[] {
  const lines: { label: string; text: string }[] = [];
  if (s.keywords.length) lines.push({ label: L.keywords, text: s.keywords.join('、') });
  if (s.fields.length) lines.push({ label: L.fields, text: s.fields.map((f) => INDUSTRY_FIELD_LABELS[f]).join('、') });
  if (s.regions.length) lines.push({ label: L.regions, text: s.regions.join('、') });
  if (s.minBudgetWan !== undefined) lines.push({ label: '经费', text: `不低于 ${formatMinBudget(s.minBudgetWan)}` });
  return lines;
}

/** The regions offered as chips: the host province, its cities, and the nearby and largest economies. */
export const REGION_CHOICES = [
  '江苏省',
  '南京市',
  '苏州市',
  '无锡市',
  '常州市',
  '南通市',
  '上海市',
  '浙江省',
  '安徽省',
  '广东省',
  '北京市',
] as const;
