// A form's state: values, which fields the person has left (touched), and the errors to show under each. The rules
// come from the form's model (the shared schema); this hook only decides when they are shown.
import { useMemo, useState } from 'react';
import type { FieldErrors } from '@cic/shared';

export interface ValidatedForm<V, K extends string> {
  values: V;
  errors: FieldErrors;
  /** True once the person changed something since the form was loaded. */
  dirty: boolean;
  set<F extends keyof V>(key: F, value: V[F]): void;
  /** The person left the field: its required/minimum errors may show now. */
  touch(key: K): void;
  /** Every error at once (on submit); also shows them all from now on. Empty when the form may be sent. */
  checkForSubmit(): FieldErrors;
  /** Errors the API reported, shown in place until the field is edited. */
  showServerErrors(fields: FieldErrors): void;
}

export interface FormRules<V, K extends string> {
  fields: readonly K[];
  /** The errors of the fields in `shown`, as the person types. */
  whileTyping(values: V, shown: ReadonlySet<K>): FieldErrors;
  /** Every error, for a submit. */
  forSubmit(values: V): FieldErrors;
}

export function useValidatedForm<V extends object, K extends string>(initial: V, rules: FormRules<V, K>): ValidatedForm<V, K> {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<ReadonlySet<K>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [dirty, setDirty] = useState(false);
  const everyField = useMemo(() => new Set(rules.fields), [rules.fields]);

  const errors = useMemo(
    () => ({ ...serverErrors, ...rules.whileTyping(values, showAll ? everyField : touched) }),
    [serverErrors, values, showAll, touched, everyField, rules],
  );

  return {
    values,
    errors,
    dirty,
    set(key, value) {
      setValues((v) => ({ ...v, [key]: value }));
      setDirty(true);
      setServerErrors((e) => {
        if (!(key in e)) return e;
        const { [key as string]: _, ...rest } = e;
        return rest;
      });
    },
    touch(key) {
      setTouched((t) => (t.has(key) ? t : new Set([...t, key])));
    },
    checkForSubmit() {
      setShowAll(true);
      return rules.forSubmit(values);
    },
    showServerErrors: setServerErrors,
  };
}
