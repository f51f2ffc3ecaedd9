// The 揭榜 form's state, on the shared form hook with solution-form.model's rules (the shared schema).
import type { SolutionFieldKey } from '@cic/shared';
import { useValidatedForm, type FormRules, type ValidatedForm } from '../../hooks/use-validated-form';
import { allErrors, errorsWhileTyping, SOLUTION_FIELDS, type SolutionFormValues } from './solution-form.model';

export type SolutionFormState = ValidatedForm<SolutionFormValues, SolutionFieldKey>;

const RULES: FormRules<SolutionFormValues, SolutionFieldKey> = {
  fields: SOLUTION_FIELDS,
  whileTyping: errorsWhileTyping,
  forSubmit: allErrors,
};

export function useSolutionForm(initial: SolutionFormValues): SolutionFormState {
  return useValidatedForm(initial, RULES);
}
