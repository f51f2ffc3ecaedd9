// The 附件3 form's logic, independent of Taro: which error to show under which field, and the character counters.
// Every rule comes from shared/ (the same schema the API checks), so the phone and the server never disagree.
import {
  DEMAND_FIELD_LABELS,
  DEMAND_LIMITS,
  validateDemandComplete,
  validateDemandDraft,
  type DemandDraft,
  type DemandFieldKey,
} from '@cic/shared';
import { charCounter } from '../../components/char-counter';
import type { ValidatedForm } from '../../hooks/use-validated-form';
import { listingFormRules, toDraftOf, type ListingFormSpec } from './listing-form';

/** What the form holds: the draft's fields as typed (the budget may still be text in the input). */
export type DemandFormValues = Omit<DemandDraft, 'budgetWan'> & { budgetWan?: number | string };

export const FORM_FIELDS = Object.keys(DEMAND_FIELD_LABELS) as DemandFieldKey[];

/** The form's state on the shared form hook: `useValidatedForm(initial, DEMAND_FORM_RULES)`. */
export type DemandForm = ValidatedForm<DemandFormValues, DemandFieldKey>;

export const DEMAND_FORM_SPEC: ListingFormSpec<DemandFormValues, DemandFieldKey> = {
  fields: FORM_FIELDS,
  numeric: ['budgetWan'],
  validateDraft: validateDemandDraft,
  validateComplete: validateDemandComplete,
  ignoredWhenBlank: ['anonymous'],
};

/** The input's text turned into what the API expects: '' is "not given", a number stays a number. */
export const toDraft = (values: DemandFormValues): Record<string, unknown> => toDraftOf(values, DEMAND_FORM_SPEC.numeric);

/** The counter under 企业简介 (at most 300) and 技术需求描述 (at least 50): "120/300", "30/50 起". */
export function counterText(key: 'companyIntro' | 'description', value: string | undefined): string {
  return charCounter(value, DEMAND_LIMITS[key], true);
}

/** The counter a text field shows: only 企业简介 and 技术需求描述 have one. */
export function counterOf(key: keyof DemandFormValues, values: DemandFormValues): string | undefined {
  return key === 'companyIntro' || key === 'description' ? counterText(key, values[key]) : undefined;
}

export const DEMAND_FORM_RULES = listingFormRules(DEMAND_FORM_SPEC);
/** Errors while typing (fields left) and at submit: see listing-form.ts. */
export const errorsWhileTyping = (values: DemandFormValues, touched: ReadonlySet<DemandFieldKey>) =>
  DEMAND_FORM_RULES.whileTyping(values, touched);
export const errorsForSubmit = (values: DemandFormValues) => DEMAND_FORM_RULES.forSubmit(values);
