// 技术经纪人 and whether the public sees who is asking.
import { Switch } from '@tarojs/components';
import { DEMAND_FIELD_LABELS } from '@cic/shared';
import { Field, FormSection } from '../../components/form-fields';
import type { DemandForm } from '../../features/demand-form/demand-form.model';
import { fieldOf } from './bind';
import { TextField } from './text-field';

export function ContactSection({ form }: { form: DemandForm }) {
  return (
    <FormSection title='技术经纪人与公开方式'>
      <TextField form={form} name='brokerName' placeholder='选填' />
      <TextField form={form} name='brokerPhone' placeholder='选填，手机号或带区号的固话' />
      <Field
        {...fieldOf(form, 'anonymous')}
        hint='开启后，公开页面不显示企业名称、联系人、联系方式和技术经纪人，仅组织方可见'
        aside={
          <Switch
            checked={Boolean(form.values.anonymous)}
            color='#c8102e'
            aria-label={DEMAND_FIELD_LABELS.anonymous}
            onChange={(e) => form.set('anonymous', e.detail.value)}
          />
        }
      />
    </FormSection>
  );
}
