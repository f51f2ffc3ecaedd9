// A text field of the 附件3 form: its label, error and counter around an input bound to the form.
import { DEMAND_FIELD_LABELS } from '@cic/shared';
import { FormTextField } from '../../components/form-binding';
import { counterOf, type DemandForm } from '../../features/demand-form/demand-form.model';
import type { TextKey } from './bind';

interface Props {
  form: DemandForm;
  name: TextKey;
  required?: boolean;
  placeholder: string;
  type?: 'digit';
  multiline?: boolean;
}

export function TextField({ form, name, ...input }: Props) {
  return (
    <FormTextField form={form} name={name} label={DEMAND_FIELD_LABELS[name]} counter={counterOf(name, form.values)} {...input} />
  );
}
