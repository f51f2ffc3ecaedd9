// The 揭榜 form: validated as typed with the shared rules, kept on the phone as typed, and sent only when every rule
// passes. The API's per-field errors show under their fields; a 409 (already submitted, edited elsewhere, already
// decided) shows its message above the button, and the typed values stay.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SOLUTION_FIELD_LABELS as L, validateSolutionForm, type SolutionFieldKey } from '@cic/shared';
import { ApiError, call, clientError } from '../../api/client';
import { Field, FormSection, TextInput } from '../../components/form-fields';
import { useValidatedForm } from '../../hooks/use-validated-form';
import {
  counterOf,
  SOLUTION_FIELDS,
  SOLUTION_FORM_RULES,
  toRequest,
  type SolutionFormState,
  type SolutionFormValues,
  type TextKey,
} from './solution-form.model';
import { NdaAgreement } from './nda-agreement';
import { useSolutionDraft, type SolutionDraftTarget } from './solution-draft';

/** What is shown for a field: the label with its unit where it has one. */
const SHOWN: Record<TextKey, string> = { ...L, costWan: `${L.costWan}（万元）`, months: `${L.months}（月）` };

interface Props {
  userId: string;
  target: SolutionDraftTarget;
  initial: SolutionFormValues;
  onDone: () => void;
}

function scrollToField(key: string) {
  try {
    Taro.pageScrollTo({ selector: `#field-${key}`, duration: 300 }).catch(() => undefined);
  } catch {
    // Not every host scrolls to a selector; the toast still says where to look.
  }
}

function TextField({
  form,
  name,
  ...input
}: { form: SolutionFormState; name: TextKey } & Partial<Parameters<typeof TextInput>[0]>) {
  return (
    <Field name={name} label={SHOWN[name]} required error={form.errors[name]} counter={counterOf(name, form.values)}>
      <TextInput
        label={SHOWN[name]}
        value={form.values[name]}
        onInput={(v) => form.set(name, v)}
        onBlur={() => form.touch(name)}
        {...input}
      />
    </Field>
  );
}

export function SolutionEditor({ userId, target, initial, onDone }: Props) {
  const form = useValidatedForm(initial, SOLUTION_FORM_RULES);
  const draft = useSolutionDraft(userId, target, form.values, form.dirty);
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState<string>();
  const editing = 'solutionId' in target;

  async function submit() {
    const errors = form.checkForSubmit();
    const first = SOLUTION_FIELDS.find((k) => errors[k]);
    const checked = validateSolutionForm(toRequest(form.values));
    if (first || !checked.ok) {
      void Taro.showToast({ title: '请检查标出的字段', icon: 'none' });
      if (first) scrollToField(first);
      return;
    }
    setSubmitting(true);
    setConflict(undefined);
    try {
      if (editing)
        await call('solutionsUpdate', { params: { id: target.solutionId }, body: checked.value, version: target.version });
      else await call('solutionsSubmit', { params: { id: target.demandId }, body: checked.value });
      draft.discard();
      void Taro.showToast({ title: editing ? '方案已更新' : '揭榜成功，方案已提交', icon: 'none' });
      onDone();
    } catch (e) {
      const error = e instanceof ApiError ? e : clientError('CLIENT.UNKNOWN', '提交失败，请稍后重试');
      form.showServerErrors(error.fields);
      const firstServer = SOLUTION_FIELDS.find((k: SolutionFieldKey) => error.fields[k]);
      if (firstServer) scrollToField(firstServer);
      if (error.status === 409) setConflict(error.message);
      void Taro.showToast({ title: error.message, icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <View className='solution-form'>
      <FormSection title='方案信息'>
        <TextField form={form} name='title' placeholder='一句话说明你的方案（4–60 字）' />
        <TextField
          form={form}
          name='summary'
          multiline
          placeholder='技术路线、关键指标、已有基础和成果、实施计划等（100 字起）'
        />
        <TextField form={form} name='costWan' type='digit' placeholder='如：80' />
        <TextField form={form} name='months' type='number' placeholder='如：12' />
      </FormSection>
      <FormSection title='团队与联系方式'>
        <TextField form={form} name='organisation' placeholder='高校、院所、企业或团队名称' />
        <TextField form={form} name='team' multiline placeholder='负责人与主要成员、职称和分工' />
        <TextField form={form} name='contactName' placeholder='联系人姓名' />
        <TextField form={form} name='contactPhone' placeholder='手机号或带区号的固话' />
      </FormSection>
      <View className='form-section'>
        <NdaAgreement
          accepted={form.values.ndaAccepted === true}
          error={form.errors.ndaAccepted}
          onChange={(v) => {
            form.set('ndaAccepted', v);
            form.touch('ndaAccepted');
          }}
        />
      </View>
      <View className='solution-actions'>
        {conflict && (
          <View className='solution-conflict' role='alert'>
            {conflict}
          </View>
        )}
        <Text className='solution-sync'>
          {draft.savedAt ? `已保存到本机 ${draft.savedAt.toTimeString().slice(0, 5)}` : '填写内容会自动保存在本机'}
        </Text>
        <Button className='primary-button' loading={submitting} disabled={submitting || undefined} onClick={() => void submit()}>
          {editing ? '保存修改' : '提交方案'}
        </Button>
      </View>
    </View>
  );
}
