// Moving the form's values to and from the API: a stored demand into the inputs, and the inputs into a draft the
// API accepts while the form is still half typed.
import { validateDemandDraft, type Demand, type DemandDraft } from '@cic/shared';
import { FORM_FIELDS, toDraft, type DemandFormValues } from './demand-form.model';

/** A stored demand as the form holds it (the budget as the text of its input). */
export function formValuesFrom(demand: Partial<Demand>): DemandFormValues {
  const values: DemandFormValues = {};
  const fill = values as Record<string, unknown>;
  for (const key of FORM_FIELDS) {
    const value = demand[key];
    if (value !== undefined && value !== null) fill[key] = key === 'budgetWan' ? String(value) : value;
  }
  return values;
}

/**
 * What autosave may send: every field that passes the draft rules. A field still wrong (a budget typed as 十万, an
 * over-long intro) is left out rather than blocking the save of everything else; it stays on the phone.
 */
export function savableDraft(values: DemandFormValues): DemandDraft {
  const draft = toDraft(values);
  const first = validateDemandDraft(draft);
  if (first.ok) return first.value;
  for (const key of Object.keys(first.fields)) delete draft[key];
  const second = validateDemandDraft(draft);
  return second.ok ? second.value : {};
}

/** True when nothing worth saving has been typed. */
export function isBlank(values: DemandFormValues): boolean {
  return Object.keys(toDraft(values)).every((key) => key === 'anonymous');
}
