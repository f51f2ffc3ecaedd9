// 我要揭榜 (contest/solution-form/index?demandId= | ?id=): submit a solution to a demand, or edit one's own while the
// owner has not yet decided.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EmptyState, ErrorState, SkeletonList } from '../../components';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { SolutionEditor } from './solution-editor';
import { useFormStart } from './use-form-start';
import '../../components/card.css';
import '../../components/form.css';
import '../common/contest.css';

const MY_SOLUTIONS = '/contest/my-solutions/index';

export default function SolutionFormPage() {
  const session = useSession();
  const { demandId, id } = useRouter().params;
  const { start, retry } = useFormStart(session?.user.id, { demandId, id });

  if (!session) return <LoginRequired reason='登录后即可揭榜，填写内容会自动保存在本机' />;
  if (start.kind === 'loading') return <SkeletonList count={2} />;
  if (start.kind === 'error') return <ErrorState message={start.message} onRetry={() => void retry()} />;
  if (start.kind === 'blocked') {
    return (
      <EmptyState
        title={start.message}
        actionText={start.mySolutionId ? '查看我的揭榜' : undefined}
        onAction={() => void Taro.redirectTo({ url: MY_SOLUTIONS })}
      />
    );
  }
  return (
    <View className='contest-page'>
      <View className='card contest-banner solution-head'>
        <Text className='solution-head-label'>{'solutionId' in start.target ? '修改揭榜方案' : '揭榜需求'}</Text>
        <Text className='solution-head-title'>{start.demandTitle}</Text>
      </View>
      {start.restored && (
        <View className='card contest-note'>
          {start.prefilled ? '已根据您的成果预填，请检查并补充后提交' : '已恢复上次未提交的内容'}
        </View>
      )}
      <SolutionEditor
        key={session.user.id}
        userId={session.user.id}
        target={start.target}
        initial={start.values}
        onDone={() => void Taro.redirectTo({ url: MY_SOLUTIONS })}
      />
    </View>
  );
}
