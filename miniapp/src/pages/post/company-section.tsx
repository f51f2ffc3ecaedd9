// 企业信息 of 附件3.
import { SALES_BAND } from '@cic/shared';
import { Field, FormSection, PickerInput } from '../../components/form-fields';
import type { DemandForm } from '../../features/demand-form/demand-form.model';
import { fieldOf } from './bind';
import { TextField } from './text-field';

const SALES_OPTIONS = SALES_BAND.options;

export function CompanySection({ form }: { form: DemandForm }) {
  return (
    <FormSection title='企业信息'>
      <TextField form={form} name='companyName' required placeholder='请填写企业全称' />
      <TextField form={form} name='region' required placeholder='如：江苏省 / 苏州市 / 工业园区' />
      <TextField form={form} name='contactName' required placeholder='请填写联系人姓名' />
      <TextField form={form} name='contactPhone' required placeholder='手机号或带区号的固话' />
      <TextField form={form} name='contactTitle' placeholder='如：研发部 总监' />
      <TextField form={form} name='email' placeholder='name@example.com' />
      <TextField form={form} name='companyIntro' multiline placeholder='主营业务、规模、研发情况等（300 字以内）' />
      <Field {...fieldOf(form, 'salesBand')}>
        <PickerInput
          label={fieldOf(form, 'salesBand').label}
          options={SALES_OPTIONS}
          value={form.values.salesBand}
          onChange={(v) => {
            form.set('salesBand', v);
            form.touch('salesBand');
          }}
        />
      </Field>
    </FormSection>
  );
}
