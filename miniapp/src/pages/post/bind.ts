// The 附件3 form's fields under their 附件3 labels.
import { DEMAND_FIELD_LABELS, type DemandFieldKey } from '@cic/shared';
import { fieldProps } from '../../components/form-binding';
import type { DemandForm, DemandFormValues } from '../../features/demand-form/demand-form.model';

export type TextKey = {
  [K in keyof DemandFormValues]-?: string extends NonNullable<DemandFormValues[K]> ? K : never;
}[keyof DemandFormValues];

/** The props of the Field around an input: its name, label and error. */
export const fieldOf = (form: DemandForm, name: DemandFieldKey) => fieldProps(form, name, DEMAND_FIELD_LABELS);
