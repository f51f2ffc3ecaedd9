// 发布成果 (achievements/form/index, ?id= to edit): the 成果 form with autosave and 提交审核, on the same editor pieces
// as the 附件3 form. Opened plainly it continues the new-成果 draft; with an id it edits that 成果 (a draft, or a
// rejected one whose reason is shown at the top).
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import type { DraftTarget } from '../../features/demand-form/draft-storage';
import { EditorActions, EditorFrame, useListingSubmit } from '../../features/demand-form/editor-kit';
import { useDraftAutosave, type DraftLink } from '../../features/demand-form/use-draft-autosave';
import { useEditorStart } from '../../features/demand-form/use-editor-start';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { useValidatedForm } from '../../hooks/use-validated-form';
import {
  ACHIEVEMENT_DRAFT,
  ACHIEVEMENT_FORM_FIELDS,
  ACHIEVEMENT_FORM_RULES,
  ACHIEVEMENT_SOURCE,
  type AchievementFormValues,
} from '../common/achievement-form.model';
import { AchievementInfoSection, ContactSection, DealSection, HolderSection } from './achievement-sections';
import './index.css';

interface Props {
  userId: string;
  target: DraftTarget;
  onSubmitted: () => void;
}

function Form({ userId, target, values, link, onSubmitted }: Props & { values: AchievementFormValues; link?: DraftLink }) {
  const form = useValidatedForm(values, ACHIEVEMENT_FORM_RULES);
  const autosave = useDraftAutosave({ kind: ACHIEVEMENT_DRAFT, userId, target, values: form.values, dirty: form.dirty, link });
  const { submit, submitting } = useListingSubmit({
    form,
    fields: ACHIEVEMENT_FORM_FIELDS,
    autosave,
    submit: (id) => call('achievementsSubmit', { params: { id } }),
    listUrl: '/achievements/mine/index',
    onSubmitted,
  });
  return (
    <View className='post-form'>
      <AchievementInfoSection form={form} />
      <HolderSection form={form} />
      <DealSection form={form} />
      <ContactSection form={form} />
      <EditorActions sync={autosave.sync} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  );
}

function Editor(props: Props) {
  const start = useEditorStart(ACHIEVEMENT_SOURCE, props.userId, props.target);
  return <EditorFrame start={start}>{(ready) => <Form {...props} values={ready.values} link={ready.link} />}</EditorFrame>;
}

export default function AchievementFormPage() {
  const session = useSession();
  const id = useRouter().params.id || undefined;
  const [generation, setGeneration] = useState(0);
  if (!session) return <LoginRequired reason='登录后即可发布科技成果，填写内容会自动保存' />;
  return (
    <View className='post-page'>
      <Editor
        key={`${session.user.id}:${id ?? 'new'}:${generation}`}
        userId={session.user.id}
        target={id ? { id } : 'new'}
        onSubmitted={() => setGeneration((g) => g + 1)}
      />
    </View>
  );
}
