// 企业信息 of 附件3.
import { SALES_BAND } from '@cic/shared';
import { counterText } from '../../features/demand-form/demand-form.model';
import { Field, FormSection, PickerInput, TextInput } from '../../components/form-fields';
import type { DemandForm } from '../../features/demand-form/use-demand-form';
import { bindText, fieldOf } from './bind';

const SALES_OPTIONS = SALES_BAND.options;

export function CompanySection({ form }: { form: DemandForm }) {
  return (
    <FormSection title='企业信息'>
      <Field {...fieldOf(form, 'companyName')} required>
        <TextInput {...bindText(form, 'companyName')} placeholder='请填写企业全称' />
      </Field>
      <Field {...fieldOf(form, 'region')} required>
        <TextInput {...bindText(form, 'region')} placeholder='如：江苏省 / 苏州市 / 工业园区' />
      </Field>
      <Field {...fieldOf(form, 'contactName')} required>
        <TextInput {...bindText(form, 'contactName')} placeholder='请填写联系人姓名' />
      </Field>
      <Field {...fieldOf(form, 'contactPhone')} required>
        <TextInput {...bindText(form, 'contactPhone')} placeholder='手机号或带区号的固话' />
      </Field>
      <Field {...fieldOf(form, 'contactTitle')}>
        <TextInput {...bindText(form, 'contactTitle')} placeholder='如：研发部 总监' />
      </Field>
      <Field {...fieldOf(form, 'email')}>
        <TextInput {...bindText(form, 'email')} placeholder='name@example.com' />
      </Field>
      <Field {...fieldOf(form, 'companyIntro')} counter={counterText('companyIntro', form.values.companyIntro)}>
        <TextInput {...bindText(form, 'companyIntro')} multiline placeholder='主营业务、规模、研发情况等（300 字以内）' />
      </Field>
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
