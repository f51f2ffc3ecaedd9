// A form's field bound to the form's state (hooks/use-validated-form): its Field (name, label, error) and a text input
// that sets the value as typed and marks the field left on blur. For every form built on the shared schemas.
import type { ValidatedForm } from '../hooks/use-validated-form';
import { Field, TextInput } from './form-fields';

/** The props of the Field around an input: its name, label and error. */
export function fieldProps<K extends string>(form: { errors: Record<string, string> }, name: K, labels: Record<K, string>) {
  return { name, label: labels[name], error: form.errors[name] };
}

interface TextFieldProps<V, K extends string> {
  form: Pick<ValidatedForm<V, K>, 'values' | 'errors' | 'set' | 'touch'>;
  name: K & keyof V;
  label: string;
  required?: boolean;
  counter?: string;
  hint?: string;
  placeholder: string;
  type?: 'digit';
  multiline?: boolean;
}

export function FormTextField<V, K extends string>({
  form,
  name,
  label,
  required,
  counter,
  hint,
  ...input
}: TextFieldProps<V, K>) {
  return (
    <Field name={name} label={label} error={form.errors[name]} required={required} counter={counter} hint={hint}>
      <TextInput
        label={label}
        value={form.values[name] as string | number | undefined}
        onInput={(value) => form.set(name, value as V[K & keyof V])}
        onBlur={() => form.touch(name)}
        {...input}
      />
    </Field>
  );
}
