// 发布需求: the 附件3 form. Opened plainly it continues the new-demand draft; opened with ?id= it edits that demand
// (a draft, or a rejected one whose reason is shown at the top).
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import type { DraftTarget } from '../../features/demand-form/draft-storage';
import { DemandEditor } from './demand-editor';
import { useEditorStart } from './use-editor-start';
import './index.css';

function Editor({ userId, target, onSubmitted }: { userId: string; target: DraftTarget; onSubmitted: () => void }) {
  const start = useEditorStart(userId, target);
  if (start.kind === 'loading') return <View className='post-state'>加载中…</View>;
  if (start.kind !== 'ready') return <View className='post-state'>{start.message}</View>;
  return (
    <View>
      {start.rejectReason && (
        <View className='post-rejected'>
          <Text className='post-rejected-title'>审核未通过，请修改后重新提交</Text>
          <Text className='post-rejected-reason'>驳回原因：{start.rejectReason}</Text>
        </View>
      )}
      {start.restored && <View className='post-restored'>已恢复上次未提交的内容</View>}
      <DemandEditor userId={userId} target={target} values={start.values} link={start.link} onSubmitted={onSubmitted} />
    </View>
  );
}

export default function PostPage() {
  const session = useSession();
  const router = useRouter();
  const [editId, setEditId] = useState<string | undefined>(() => router.params.id || undefined);
  // A fresh, empty form after each submit (this tab page stays alive).
  const [generation, setGeneration] = useState(0);

  if (!session) return <LoginRequired reason='登录后即可发布技术需求，填写内容会自动保存' />;
  const target: DraftTarget = editId ? { id: editId } : 'new';
  return (
    <View className='post-page'>
      <Editor
        key={`${session.user.id}:${editId ?? 'new'}:${generation}`}
        userId={session.user.id}
        target={target}
        onSubmitted={() => {
          setEditId(undefined);
          setGeneration((g) => g + 1);
        }}
      />
    </View>
  );
}
