// A text field of the 附件3 form: its label, error and counter around an input bound to the form.
import { Field, TextInput } from '../../components/form-fields';
import { counterOf, type DemandForm } from '../../features/demand-form/demand-form.model';
import { bindText, fieldOf, type TextKey } from './bind';

interface Props {
  form: DemandForm;
  name: TextKey;
  required?: boolean;
  placeholder: string;
  type?: 'digit';
  multiline?: boolean;
}

export function TextField({ form, name, required, ...input }: Props) {
  return (
    <Field {...fieldOf(form, name)} required={required} counter={counterOf(name, form.values)}>
      <TextInput {...bindText(form, name)} {...input} />
    </Field>
  );
}
