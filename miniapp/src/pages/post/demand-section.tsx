// 需求信息 of 附件3, with the text that 其他/其它 asks for.
import { COOPERATION_MODE, INDUSTRY_FIELD, type CooperationMode } from '@cic/shared';
import { ChipGroup, ChoiceChips, Field, FormSection } from '../../components/form-fields';
import type { DemandForm } from '../../features/demand-form/demand-form.model';
import { fieldOf } from './bind';
import { TextField } from './text-field';

const FIELD_OPTIONS = INDUSTRY_FIELD.options;
const MODE_OPTIONS = COOPERATION_MODE.options;

export function DemandSection({ form }: { form: DemandForm }) {
  const modes = form.values.cooperationModes ?? [];
  const toggleMode = (mode: CooperationMode) => {
    form.set('cooperationModes', modes.includes(mode) ? modes.filter((m) => m !== mode) : [...modes, mode]);
    form.touch('cooperationModes');
  };
  return (
    <FormSection title='需求信息'>
      <TextField form={form} name='title' required placeholder='一句话概括技术需求（4–60 字）' />
      <TextField form={form} name='budgetWan' required type='digit' placeholder='如：120' />
      <Field {...fieldOf(form, 'field')} required>
        <ChoiceChips
          label={fieldOf(form, 'field').label}
          options={FIELD_OPTIONS}
          value={form.values.field}
          onChange={(v) => {
            form.set('field', v);
            form.touch('field');
          }}
        />
      </Field>
      {form.values.field === 'other' && <TextField form={form} name='fieldOther' required placeholder='请填写所属产业领域' />}
      <TextField
        form={form}
        name='description'
        required
        multiline
        placeholder='需要解决的技术问题、主要技术指标、现有基础等（50 字起）'
      />
      <Field {...fieldOf(form, 'cooperationModes')} required hint='可多选'>
        <ChipGroup
          label={fieldOf(form, 'cooperationModes').label}
          options={MODE_OPTIONS}
          selected={modes}
          onToggle={toggleMode}
        />
      </Field>
      {modes.includes('other') && <TextField form={form} name='cooperationOther' required placeholder='请填写其它合作方式' />}
    </FormSection>
  );
}
