// The 附件3 form's logic, independent of Taro: which error to show under which field, and the character counters.
// Every rule comes from shared/ (the same schema the API checks), so the phone and the server never disagree.
import {
  DEMAND_FIELD_LABELS,
  DEMAND_LIMITS,
  validateDemandComplete,
  validateDemandDraft,
  type DemandDraft,
  type DemandFieldKey,
  type FieldErrors,
} from '@cic/shared';
import { charCounter } from '../../components/char-counter';
import type { FormRules, ValidatedForm } from '../../hooks/use-validated-form';

/** What the form holds: the draft's fields as typed (the budget may still be text in the input). */
export type DemandFormValues = Omit<DemandDraft, 'budgetWan'> & { budgetWan?: number | string };

export const FORM_FIELDS = Object.keys(DEMAND_FIELD_LABELS) as DemandFieldKey[];

/** The form's state on the shared form hook: `useValidatedForm(initial, DEMAND_FORM_RULES)`. */
export type DemandForm = ValidatedForm<DemandFormValues, DemandFieldKey>;

/** The input's text turned into what the API expects: '' is "not given", a number stays a number. */
export function toDraft(values: DemandFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') continue;
    if (key === 'budgetWan' && typeof value === 'string') {
      const n = Number(value.trim());
      out[key] = value.trim() !== '' && Number.isFinite(n) ? n : value;
    } else out[key] = value;
  }
  return out;
}

/**
 * Errors while typing: a field shows an error once the person has left it (touched), and the draft rules (types,
 * maximums) apply at once so an over-long text is flagged as it grows.
 */
export function errorsWhileTyping(values: DemandFormValues, touched: ReadonlySet<DemandFieldKey>): FieldErrors {
  const draft = toDraft(values);
  const errors: FieldErrors = {};
  const asDraft = validateDemandDraft(draft);
  if (!asDraft.ok) Object.assign(errors, asDraft.fields);
  const asComplete = validateDemandComplete(draft);
  if (!asComplete.ok) {
    for (const [key, message] of Object.entries(asComplete.fields)) {
      if (touched.has(key as DemandFieldKey)) errors[key] ??= message;
    }
  }
  return errors;
}

/** Every error, for the moment the person taps 提交审核. Empty when the demand may be submitted. */
export function errorsForSubmit(values: DemandFormValues): FieldErrors {
  const result = validateDemandComplete(toDraft(values));
  return result.ok ? {} : result.fields;
}

/** The counter under 企业简介 (at most 300) and 技术需求描述 (at least 50): "120/300", "30/50 起". */
export function counterText(key: 'companyIntro' | 'description', value: string | undefined): string {
  return charCounter(value, DEMAND_LIMITS[key], true);
}

/** The counter a text field shows: only 企业简介 and 技术需求描述 have one. */
export function counterOf(key: keyof DemandFormValues, values: DemandFormValues): string | undefined {
  return key === 'companyIntro' || key === 'description' ? counterText(key, values[key]) : undefined;
}

export const DEMAND_FORM_RULES: FormRules<DemandFormValues, DemandFieldKey> = {
  fields: FORM_FIELDS,
  whileTyping: errorsWhileTyping,
  forSubmit: errorsForSubmit,
};
