// The Chinese names of a demand's coded values, with the free text typed for 其他 / 其它.
import {
  COOPERATION_MODE_LABELS,
  DEMAND_STATUS_LABELS,
  INDUSTRY_FIELD_LABELS,
  type CooperationMode,
  type IndustryField,
} from '@cic/shared';

/** 新材料; when the enterprise chose 其他, the field it typed (生物医药). */
export function fieldLabel(field: IndustryField | undefined, fieldOther?: string): string {
  if (!field) return '';
  if (field === 'other' && fieldOther) return fieldOther;
  return INDUSTRY_FIELD_LABELS[field];
}

/** Each chosen mode's label; 其它 is replaced by what was typed for it. */
export function cooperationLabels(modes: readonly CooperationMode[] | undefined, cooperationOther?: string): string[] {
  return (modes ?? []).map((m) => (m === 'other' && cooperationOther ? cooperationOther : COOPERATION_MODE_LABELS[m]));
}

/** Accepts any string: a notification carries the new status as plain text. */
export function statusLabel(status: string | undefined): string {
  if (!status) return '';
  return (DEMAND_STATUS_LABELS as Record<string, string>)[status] ?? status;
}
