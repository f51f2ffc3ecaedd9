// 需求信息 of 附件3, with the text that 其他/其它 asks for.
import { DEMAND_FIELD_LABELS } from '@cic/shared';
import { FormSection } from '../../components/form-fields';
import type { DemandForm } from '../../features/demand-form/demand-form.model';
import { CooperationChoice, IndustryFieldChoice } from '../../features/demand-form/listing-choices';
import { TextField } from './text-field';

export function DemandSection({ form }: { form: DemandForm }) {
  return (
    <FormSection title='需求信息'>
      <TextField form={form} name='title' required placeholder='一句话概括技术需求（4–60 字）' />
      <TextField form={form} name='budgetWan' required type='digit' placeholder='如：120' />
      <IndustryFieldChoice
        form={form}
        labels={DEMAND_FIELD_LABELS}
        title={form.values.title}
        description={form.values.description}
      />
      <TextField
        form={form}
        name='description'
        required
        multiline
        placeholder='需要解决的技术问题、主要技术指标、现有基础等（50 字起）'
      />
      <CooperationChoice form={form} labels={DEMAND_FIELD_LABELS} />
    </FormSection>
  );
}
