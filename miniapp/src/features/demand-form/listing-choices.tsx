// The two 附件3 choices the demand form and the 成果 form share: 产业领域 (with the text 其他 asks for, and the
// 建议领域 suggestion from the title and the description, applied only on a tap) and 合作方式 (several, with the text
// 其它 asks for).
import { COOPERATION_MODE, INDUSTRY_FIELD, type CooperationMode, type FieldErrors, type IndustryField } from '@cic/shared';
import { FieldSuggestion } from '../../components/field-suggestion';
import { FormTextField } from '../../components/form-binding';
import { ChipGroup, ChoiceChips, Field } from '../../components/form-fields';
import { useFieldSuggestion } from './use-field-suggestion';

interface ChoiceValues {
  field?: IndustryField;
  fieldOther?: string;
  cooperationModes?: CooperationMode[];
  cooperationOther?: string;
}
type ChoiceKey = keyof ChoiceValues;

/** The part of a form these choices use: any form whose values have the four fields. */
interface ChoiceForm {
  values: ChoiceValues;
  errors: FieldErrors;
  set<F extends ChoiceKey>(key: F, value: ChoiceValues[F]): void;
  touch(key: ChoiceKey): void;
}

type Labels = Record<ChoiceKey, string>;

export function IndustryFieldChoice({
  form,
  labels,
  title,
  description,
}: {
  form: ChoiceForm;
  labels: Labels;
  /** What the suggestion reads. */
  title: string | undefined;
  description: string | undefined;
}) {
  const suggestion = useFieldSuggestion(title, description);
  const choose = (field: IndustryField) => {
    form.set('field', field);
    form.touch('field');
  };
  return (
    <>
      <Field name='field' label={labels.field} error={form.errors.field} required>
        <ChoiceChips label={labels.field} options={INDUSTRY_FIELD.options} value={form.values.field} onChange={choose} />
        <FieldSuggestion suggestion={suggestion} current={form.values.field} onApply={choose} />
      </Field>
      {form.values.field === 'other' && (
        <FormTextField form={form} name='fieldOther' label={labels.fieldOther} required placeholder='请填写所属产业领域' />
      )}
    </>
  );
}

export function CooperationChoice({ form, labels }: { form: ChoiceForm; labels: Labels }) {
  const modes = form.values.cooperationModes ?? [];
  const toggle = (mode: CooperationMode) => {
    form.set('cooperationModes', modes.includes(mode) ? modes.filter((m) => m !== mode) : [...modes, mode]);
    form.touch('cooperationModes');
  };
  return (
    <>
      <Field name='cooperationModes' label={labels.cooperationModes} error={form.errors.cooperationModes} required hint='可多选'>
        <ChipGroup label={labels.cooperationModes} options={COOPERATION_MODE.options} selected={modes} onToggle={toggle} />
      </Field>
      {modes.includes('other') && (
        <FormTextField
          form={form}
          name='cooperationOther'
          label={labels.cooperationOther}
          required
          placeholder='请填写其它合作方式'
        />
      )}
    </>
  );
}
