// The 附件3 form with autosave and 提交审核. Submitting checks every rule first and calls nothing while any fails.
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import {
  DEMAND_FORM_RULES,
  DEMAND_FORM_SPEC,
  FORM_FIELDS,
  type DemandFormValues,
} from '../../features/demand-form/demand-form.model';
import { formValuesFrom } from '../../features/demand-form/demand-form.values';
import type { DraftTarget } from '../../features/demand-form/draft-storage';
import { EditorActions, EditorFrame, useListingSubmit } from '../../features/demand-form/editor-kit';
import { DEMAND_DRAFT, useDraftAutosave, type DraftLink } from '../../features/demand-form/use-draft-autosave';
import { useEditorStart, type EditorSource } from '../../features/demand-form/use-editor-start';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { CompanySection } from './company-section';
import { ContactSection } from './contact-section';
import { DemandSection } from './demand-section';

const DEMAND_SOURCE: EditorSource<DemandFormValues> = {
  name: 'demand',
  noun: '需求',
  spec: DEMAND_FORM_SPEC,
  load: (id) => call('demandsDetail', { params: { id } }),
  valuesFrom: formValuesFrom,
};

interface Props {
  userId: string;
  target: DraftTarget;
  onSubmitted: () => void;
}

function Form({ userId, target, values, link, onSubmitted }: Props & { values: DemandFormValues; link?: DraftLink }) {
  const form = useValidatedForm(values, DEMAND_FORM_RULES);
  const autosave = useDraftAutosave({ kind: DEMAND_DRAFT, userId, target, values: form.values, dirty: form.dirty, link });
  const { submit, submitting } = useListingSubmit({
    form,
    fields: FORM_FIELDS,
    autosave,
    submit: (id) => call('demandsSubmit', { params: { id } }),
    listUrl: '/mine/my-demands/index',
    onSubmitted,
  });
  return (
    <View className='post-form'>
      <CompanySection form={form} />
      <DemandSection form={form} />
      <ContactSection form={form} />
      <EditorActions sync={autosave.sync} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  );
}

/** Opened plainly it continues the new-demand draft; with an id it edits that demand (a draft, or a rejected one). */
export function DemandEditor(props: Props) {
  const start = useEditorStart(DEMAND_SOURCE, props.userId, props.target);
  return <EditorFrame start={start}>{(ready) => <Form {...props} values={ready.values} link={ready.link} />}</EditorFrame>;
}
