// The 成果 form's logic, independent of Taro, on the same pieces as the 附件3 form (features/demand-form/listing-form):
// the shared schema's rules (validateAchievementDraft / validateAchievementComplete), the price typed as text with
// 面议 as null, and the autosave and editor hooks' description of a 成果.
import {
  ACHIEVEMENT_FIELD_LABELS,
  ACHIEVEMENT_LIMITS,
  validateAchievementComplete,
  validateAchievementDraft,
  type Achievement,
  type AchievementDraft,
  type AchievementFieldKey,
} from '@cic/shared';
import { call } from '../../api/client';
import { charCounter } from '../../components/char-counter';
import { formValuesOf, listingFormRules, type ListingFormSpec } from '../../features/demand-form/listing-form';
import type { DraftKind } from '../../features/demand-form/use-draft-autosave';
import type { EditorSource } from '../../features/demand-form/use-editor-start';
import type { ValidatedForm } from '../../hooks/use-validated-form';

/** What the form holds: the price may still be text in its input; null is 面议. */
export type AchievementFormValues = Omit<AchievementDraft, 'priceWan'> & { priceWan?: number | string | null };
export type AchievementForm = ValidatedForm<AchievementFormValues, AchievementFieldKey>;

export const ACHIEVEMENT_FORM_FIELDS = Object.keys(ACHIEVEMENT_FIELD_LABELS) as AchievementFieldKey[];

export const ACHIEVEMENT_FORM_SPEC: ListingFormSpec<AchievementFormValues, AchievementFieldKey> = {
  fields: ACHIEVEMENT_FORM_FIELDS,
  numeric: ['priceWan'],
  validateDraft: validateAchievementDraft,
  validateComplete: validateAchievementComplete,
  ignoredWhenBlank: ['anonymous'],
};

export const ACHIEVEMENT_FORM_RULES = listingFormRules(ACHIEVEMENT_FORM_SPEC);

/** A stored 成果 as the form holds it: the price as text, or null for 面议. */
export function achievementFormValues(a: Partial<Achievement>): AchievementFormValues {
  const values = formValuesOf<AchievementFormValues>(a, ACHIEVEMENT_FORM_FIELDS, ACHIEVEMENT_FORM_SPEC.numeric);
  return a.priceWan === null ? { ...values, priceWan: null } : values;
}

/** "120/3000", or "60/100 字起" while the 成果简介 is under its minimum. */
export const summaryCounter = (summary: string | undefined): string => charCounter(summary, ACHIEVEMENT_LIMITS.summary, true);

export const ACHIEVEMENT_DRAFT: DraftKind<AchievementFormValues, Achievement> = {
  name: 'achievement',
  spec: ACHIEVEMENT_FORM_SPEC,
  create: (body) => call('achievementsCreate', { body }),
  update: (id, body, version) => call('achievementsUpdate', { params: { id }, body, version }),
};

export const ACHIEVEMENT_SOURCE: EditorSource<AchievementFormValues> = {
  name: 'achievement',
  noun: '成果',
  spec: ACHIEVEMENT_FORM_SPEC,
  load: (id) => call('achievementsDetail', { params: { id } }).then((a) => a as Achievement),
  valuesFrom: (stored) => achievementFormValues(stored as Partial<Achievement>),
};

export const achievementFormUrl = (id?: string) =>
  id ? `/achievements/form/index?id=${encodeURIComponent(id)}` : '/achievements/form/index';
