// Moving the 附件3 form's values to and from the API: a stored demand into the inputs, and the inputs into a draft the
// API accepts while the form is still half typed (the generic steps are in listing-form.ts).
import { type Demand, type DemandDraft } from '@cic/shared';
import { FORM_FIELDS, DEMAND_FORM_SPEC, type DemandFormValues } from './demand-form.model';
import { formValuesOf, isBlankOf, savableDraftOf } from './listing-form';

/** A stored demand as the form holds it (the budget as the text of its input). */
export const formValuesFrom = (demand: Partial<Demand>): DemandFormValues =>
  formValuesOf(demand, FORM_FIELDS, DEMAND_FORM_SPEC.numeric);

/** What autosave may send: every field that passes the draft rules (see listing-form.ts). */
export const savableDraft = (values: DemandFormValues): DemandDraft => savableDraftOf(DEMAND_FORM_SPEC, values);

/** True when nothing worth saving has been typed. */
export const isBlank = (values: DemandFormValues): boolean => isBlankOf(DEMAND_FORM_SPEC, values);
