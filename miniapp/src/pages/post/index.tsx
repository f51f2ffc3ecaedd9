// 发布: what to publish first (发布需求 here, 发布成果 in its own form), then the 附件3 form. Opened plainly it continues
// the new-demand draft; opened with ?id= it edits that demand (a draft, or a rejected one whose reason is shown).
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { DemandEditor } from './demand-editor';
import './index.css';

const ACHIEVEMENT_FORM = '/achievements/form/index';

/** 发布需求 is this page; 发布成果 opens the 成果 form. */
function KindChooser() {
  return (
    <View className='post-chooser' role='radiogroup' aria-label='发布类型'>
      <View className='post-choice is-current' role='radio' aria-checked>
        <Text className='post-choice-title'>发布需求</Text>
        <Text className='post-choice-desc'>企业技术需求（附件3）</Text>
      </View>
      <View
        className='post-choice'
        role='radio'
        aria-checked={false}
        onClick={() => void Taro.navigateTo({ url: ACHIEVEMENT_FORM })}
      >
        <Text className='post-choice-title'>发布成果 ›</Text>
        <Text className='post-choice-desc'>高校、院所、企业和团队的技术成果</Text>
      </View>
    </View>
  );
}

export default function PostPage() {
  const session = useSession();
  const router = useRouter();
  const [editId, setEditId] = useState<string | undefined>(() => router.params.id || undefined);
  // A fresh, empty form after each submit (this tab page stays alive).
  const [generation, setGeneration] = useState(0);

  if (!session) return <LoginRequired reason='登录后即可发布技术需求或科技成果，填写内容会自动保存' />;
  return (
    <View className='post-page'>
      {editId ? null : <KindChooser />}
      <DemandEditor
        key={`${session.user.id}:${editId ?? 'new'}:${generation}`}
        userId={session.user.id}
        target={editId ? { id: editId } : 'new'}
        onSubmitted={() => {
          setEditId(undefined);
          setGeneration((g) => g + 1);
        }}
      />
    </View>
  );
}
