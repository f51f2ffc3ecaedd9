// The 揭榜 form's state: values, which fields the person has left, and the errors to show under each. The rules are
// solution-form.model's (the shared schema); this hook only decides when they show.
import { useMemo, useState } from 'react';
import type { FieldErrors, SolutionFieldKey } from '@cic/shared';
import { allErrors, errorsWhileTyping, SOLUTION_FIELDS, type SolutionFormValues } from './solution-form.model';

const EVERY_FIELD: ReadonlySet<SolutionFieldKey> = new Set(SOLUTION_FIELDS);

export interface SolutionFormState {
  values: SolutionFormValues;
  errors: FieldErrors;
  dirty: boolean;
  set<K extends keyof SolutionFormValues>(key: K, value: SolutionFormValues[K]): void;
  touch(key: SolutionFieldKey): void;
  /** Every error at once (提交), and from now on. Empty when the form may be sent. */
  checkForSubmit(): FieldErrors;
  /** Errors the API reported, shown in place until the field is edited. */
  showServerErrors(fields: FieldErrors): void;
}

export function useSolutionForm(initial: SolutionFormValues): SolutionFormState {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<SolutionFieldKey>>(() => new Set());
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
      return allErrors(values);
    },
    showServerErrors: setServerErrors,
  };
}
