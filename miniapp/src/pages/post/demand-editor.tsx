// The 附件3 form with autosave and 提交审核. Submitting checks every rule first and calls nothing while any fails.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ApiError, call } from '../../api/client';
import { DEMAND_FORM_RULES, FORM_FIELDS, type DemandFormValues } from '../../features/demand-form/demand-form.model';
import type { DraftTarget } from '../../features/demand-form/draft-storage';
import { useDraftAutosave, type DraftLink, type DraftSync } from '../../features/demand-form/use-draft-autosave';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { CompanySection } from './company-section';
import { ContactSection } from './contact-section';
import { DemandSection } from './demand-section';

interface Props {
  userId: string;
  target: DraftTarget;
  values: DemandFormValues;
  link?: DraftLink;
  onSubmitted: () => void;
}

function scrollToField(key: string) {
  try {
    Taro.pageScrollTo({ selector: `#field-${key}`, duration: 300 }).catch(() => undefined);
  } catch {
    // Not every host can scroll to a selector; the toast still says where to look.
  }
}

function syncText(sync: DraftSync): string {
  switch (sync.state) {
    case 'saving':
      return '正在保存草稿…';
    case 'saved':
      return `已保存草稿 ${sync.at.toTimeString().slice(0, 5)}`;
    case 'failed':
      return `草稿已存于本机，未能同步到服务器：${sync.message}`;
    default:
      return '填写内容会自动保存为草稿';
  }
}

export function DemandEditor({ userId, target, values: initial, link, onSubmitted }: Props) {
  const form = useValidatedForm(initial, DEMAND_FORM_RULES);
  const autosave = useDraftAutosave({ userId, target, values: form.values, dirty: form.dirty, link });
  const [submitting, setSubmitting] = useState(false);

  async function submit() {
    const errors = form.checkForSubmit();
    const first = FORM_FIELDS.find((key) => errors[key]);
    if (first) {
      void Taro.showToast({ title: '请检查标出的字段', icon: 'none' });
      scrollToField(first);
      return;
    }
    setSubmitting(true);
    try {
      const saved = await autosave.saveNow(form.values);
      await call('demandsSubmit', { params: { id: saved.id } });
      autosave.discard();
      void Taro.showToast({ title: '已提交审核', icon: 'success' });
      void Taro.navigateTo({ url: '/mine/my-demands/index' });
      onSubmitted();
    } catch (e) {
      if (e instanceof ApiError) {
        form.showServerErrors(e.fields);
        const firstServer = FORM_FIELDS.find((key) => e.fields[key]);
        if (firstServer) scrollToField(firstServer);
      }
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '提交失败，请稍后重试', icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <View className='post-form'>
      <CompanySection form={form} />
      <DemandSection form={form} />
      <ContactSection form={form} />
      <View className='post-actions'>
        <Text className={`post-sync ${autosave.sync.state === 'failed' ? 'is-failed' : ''}`}>{syncText(autosave.sync)}</Text>
        <Button className='primary-button post-submit' loading={submitting} onClick={() => void submit()}>
          提交审核
        </Button>
      </View>
    </View>
  );
}
