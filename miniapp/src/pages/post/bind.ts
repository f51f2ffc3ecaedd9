// Binds a text field of the form to a TextInput: its label, value, and touch on blur.
import { DEMAND_FIELD_LABELS } from '@cic/shared';
import type { DemandForm, DemandFormValues } from '../../features/demand-form/demand-form.model';

export type TextKey = {
  [K in keyof DemandFormValues]-?: string extends NonNullable<DemandFormValues[K]> ? K : never;
}[keyof DemandFormValues];

export function bindText(form: DemandForm, name: TextKey) {
  return {
    label: DEMAND_FIELD_LABELS[name],
    value: form.values[name],
    onInput: (value: string) => form.set(name, value),
    onBlur: () => form.touch(name),
  };
}

/** The props of the Field around that input: its name, label and error. */
export function fieldOf(form: DemandForm, name: keyof typeof DEMAND_FIELD_LABELS) {
  return { name, label: DEMAND_FIELD_LABELS[name], error: form.errors[name] };
}
