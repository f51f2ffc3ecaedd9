// A subscription's conditions in Chinese, one line per condition.
import {
  conditionsOf,
  INDUSTRY_FIELD_LABELS,
  MATCH_TIER_LABELS,
  SUBSCRIPTION_FIELD_LABELS as L,
  type SubscriptionConditions,
} from '@cic/shared';
import { formatMinBudget } from '../../format';

/** A subscription saved before a condition existed reads as without it. */
export function describeConditions(saved: Partial<SubscriptionConditions>): { label: string; text: string }[] {
  const s = conditionsOf(saved);
  const lines: { label: string; text: string }[] = [];
  if (s.keywords.length) lines.push({ label: L.keywords, text: s.keywords.join('、') });
  if (s.excludeKeywords.length) lines.push({ label: L.excludeKeywords, text: s.excludeKeywords.join('、') });
  if (s.dropTerms.length) lines.push({ label: '去掉的词', text: `已去掉 ${s.dropTerms.length} 个扩展词，出现它们不算命中` });
  if (s.fields.length) lines.push({ label: L.fields, text: s.fields.map((f) => INDUSTRY_FIELD_LABELS[f]).join('、') });
  if (s.regions.length) lines.push({ label: L.regions, text: s.regions.join('、') });
  if (s.minBudgetWan !== undefined) lines.push({ label: '经费', text: `不低于 ${formatMinBudget(s.minBudgetWan)}` });
  // Tiers exist only for keywords: without one, every match is 主题相关.
  if (s.keywords.length) {
    const { main, mentioned } = MATCH_TIER_LABELS;
    lines.push({
      label: '微信推送',
      text: s.pushMentioned ? `${main}和${mentioned}都推送` : `只推送${main}（${mentioned}留在消息里）`,
    });
  }
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
