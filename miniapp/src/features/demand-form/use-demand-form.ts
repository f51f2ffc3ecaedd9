// The 附件3 form's state, on the shared form hook with demand-form.model's rules (the shared schema).
import type { DemandFieldKey } from '@cic/shared';
import { useValidatedForm, type FormRules, type ValidatedForm } from '../../hooks/use-validated-form';
import { errorsForSubmit, errorsWhileTyping, type DemandFormValues } from './demand-form.model';
import { FORM_FIELDS } from './demand-form.values';

export type DemandForm = ValidatedForm<DemandFormValues, DemandFieldKey>;

const RULES: FormRules<DemandFormValues, DemandFieldKey> = {
  fields: FORM_FIELDS,
  whileTyping: errorsWhileTyping,
  forSubmit: errorsForSubmit,
};

export function useDemandForm(initial: DemandFormValues): DemandForm {
  return useValidatedForm(initial, RULES);
}
