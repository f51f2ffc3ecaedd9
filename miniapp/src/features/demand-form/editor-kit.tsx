// The pieces every listing editor (the 附件3 form, the 成果 form) shows around its sections: why it was rejected, that
// unsent input came back, the autosave line with 提交审核, and the submit itself: check every rule first and call
// nothing while any fails, save the draft, submit it, then open the person's list.
import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ApiError } from '../../api/client';
import { Notice } from '../../components/notice';
import type { ValidatedForm } from '../../hooks/use-validated-form';
import type { EditorStart } from './use-editor-start';
import type { DraftAutosave, DraftSync } from './use-draft-autosave';
import './editor.css';

export function scrollToField(key: string) {
  try {
    Taro.pageScrollTo({ selector: `#field-${key}`, duration: 300 }).catch(() => undefined);
  } catch {
    // Not every host can scroll to a selector; the toast still says where to look.
  }
}

export function syncText(sync: DraftSync): string {
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

interface SubmitOptions<V, K extends string> {
  form: ValidatedForm<V, K>;
  fields: readonly K[];
  autosave: DraftAutosave<V, { id: string }>;
  submit: (id: string) => Promise<unknown>;
  /** Where the person sees what they submitted. */
  listUrl: string;
  onSubmitted: () => void;
}

/** 提交审核: returns the action and whether it is running. */
export function useListingSubmit<V, K extends string>({
  form,
  fields,
  autosave,
  submit,
  listUrl,
  onSubmitted,
}: SubmitOptions<V, K>) {
  const [submitting, setSubmitting] = useState(false);
  async function run() {
    const errors = form.checkForSubmit();
    const first = fields.find((key) => errors[key]);
    if (first) {
      void Taro.showToast({ title: '请检查标出的字段', icon: 'none' });
      scrollToField(first);
      return;
    }
    setSubmitting(true);
    try {
      const saved = await autosave.saveNow(form.values);
      await submit(saved.id);
      autosave.discard();
      void Taro.showToast({ title: '已提交审核', icon: 'success' });
      void Taro.navigateTo({ url: listUrl });
      onSubmitted();
    } catch (e) {
      if (e instanceof ApiError) {
        form.showServerErrors(e.fields);
        const firstServer = fields.find((key) => e.fields[key]);
        if (firstServer) scrollToField(firstServer);
      }
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '提交失败，请稍后重试', icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  }
  return { submitting, submit: run };
}

/** The autosave line and 提交审核 under the form. */
export function EditorActions({ sync, submitting, onSubmit }: { sync: DraftSync; submitting: boolean; onSubmit: () => void }) {
  return (
    <View className='post-actions'>
      <Text className={`post-sync ${sync.state === 'failed' ? 'is-failed' : ''}`}>{syncText(sync)}</Text>
      <Button className='primary-button post-submit' loading={submitting} onClick={onSubmit}>
        提交审核
      </Button>
    </View>
  );
}

/** The editor once it knows where it starts: loading, why it cannot be edited, or the form with the notes above it. */
export function EditorFrame<V>({
  start,
  children,
}: {
  start: EditorStart<V>;
  children: (ready: Extract<EditorStart<V>, { kind: 'ready' }>) => ReactNode;
}) {
  if (start.kind === 'loading') return <View className='post-state'>加载中…</View>;
  if (start.kind !== 'ready') return <View className='post-state'>{start.message}</View>;
  return (
    <View>
      {start.rejectReason && (
        <Notice className='post-rejected' title='审核未通过，请修改后重新提交' text={`驳回原因：${start.rejectReason}`} />
      )}
      {start.restored && <View className='post-restored'>已恢复上次未提交的内容</View>}
      {children(start)}
    </View>
  );
}
