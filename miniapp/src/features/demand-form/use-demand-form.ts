// The form's state: values, which fields the person has left (touched), and the errors to show under each.
// The rules are demand-form.model's (the shared schema); this hook only decides when they are shown.
import { useMemo, useState } from 'react';
import type { DemandFieldKey, FieldErrors } from '@cic/shared';
import { errorsForSubmit, errorsWhileTyping, type DemandFormValues } from './demand-form.model';
import { FORM_FIELDS } from './demand-form.values';

const EVERY_FIELD: ReadonlySet<DemandFieldKey> = new Set(FORM_FIELDS);

export interface DemandForm {
  values: DemandFormValues;
  errors: FieldErrors;
  /** True once the person changed something since the form was loaded. */
  dirty: boolean;
  set<K extends keyof DemandFormValues>(key: K, value: DemandFormValues[K]): void;
  /** The person left the field: its required/minimum errors may show now. */
  touch(key: DemandFieldKey): void;
  /** Every error at once (提交审核); also shows them all from now on. Empty when the demand may be submitted. */
  checkForSubmit(): FieldErrors;
  /** Errors the API reported, shown in place until the field is edited. */
  showServerErrors(fields: FieldErrors): void;
}

export function useDemandForm(initial: DemandFormValues): DemandForm {
  const [values, setValues] = useState<DemandFormValues>(initial);
  const [touched, setTouched] = useState<ReadonlySet<DemandFieldKey>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [dirty, setDirty] = useState(false);

  const errors = useMemo(
    () => ({ ...serverErrors, ...errorsWhileTyping(values, showAll ? EVERY_FIELD : touched) }),
    [serverErrors, values, showAll, touched],
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
        const { [key]: _, ...rest } = e;
        return rest;
      });
    },
    touch(key) {
      setTouched((t) => (t.has(key) ? t : new Set([...t, key])));
    },
    checkForSubmit() {
      setShowAll(true);
      return errorsForSubmit(values);
    },
    showServerErrors(fields) {
      setServerErrors(fields);
    },
  };
}
