// 我的: who is logged in, the way in (WeChat in the mini-program, the dev login on H5), and the personal pages.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { USER_ROLE, type UserRole } from '@cic/shared';
import { confirmDestructive } from '../../components/confirm';
import { DevLoginForm } from '../../features/login/dev-login-form';
import { deleteAccount, logout, messageOf } from '../../features/login/login.service';
import { useSession } from '../../features/login/use-session';
import { WechatLoginButton } from '../../features/login/wechat-login-button';
import { MyAwards } from './my-awards';
import './index.css';

const ENTRIES: readonly { label: string; url: string; only?: UserRole }[] = [
  { label: '我的需求', url: '/mine/my-demands/index' },
  { label: '我的成果', url: '/achievements/mine/index' },
  { label: '邀请', url: '/achievements/invitations/index' },
  { label: '我的关注', url: '/mine/my-follows/index' },
  { label: '我的订阅', url: '/mine/subscriptions/index' },
  { label: '我的揭榜', url: '/contest/my-solutions/index' },
  { label: '评审打分', url: '/contest/judging/index', only: 'judge' },
  { label: '审核', url: '/mine/review/index', only: 'admin' },
  { label: '专场', url: '/contest/tracks/index' },
  { label: '数据统计', url: '/contest/stats/index' },
];

/** What 注销 does, said before it is done (README: 账号注销). */
export const ERASURE_NOTICE =
  '注销后将删除你的账号、订阅、关注、消息和未发布的需求；已发布的需求会被关闭并删除联系人信息，你提交的揭榜方案会删除团队和联系方式并标记为已注销。此操作不可恢复。';

async function confirmAndDelete(): Promise<void> {
  const confirmed = await confirmDestructive({
    title: '注销账号',
    content: ERASURE_NOTICE,
    confirmText: '注销',
  });
  if (!confirmed) return;
  try {
    await deleteAccount();
    void Taro.showToast({ title: '账号已注销', icon: 'success' });
  } catch (e) {
    void Taro.showToast({ title: messageOf(e), icon: 'none' });
  }
}

function LoggedOut() {
  return (
    <View className='me-card'>
      <Text className='me-title'>未登录</Text>
      <Text className='me-subtitle'>登录后可发布需求和成果、关注需求和订阅新需求提醒</Text>
      <View className='me-login'>{process.env.TARO_ENV === 'weapp' ? <WechatLoginButton /> : <DevLoginForm />}</View>
    </View>
  );
}

export default function MePage() {
  const session = useSession();
  if (!session) {
    return (
      <View className='page-shell me-page'>
        <LoggedOut />
      </View>
    );
  }
  const { user } = session;
  return (
    <View className='page-shell me-page'>
      <View className='me-card me-user'>
        <View className='me-avatar'>{user.nickname.slice(0, 1)}</View>
        <View className='me-user-text'>
          <Text className='me-title'>{user.nickname}</Text>
          <Text className={`me-role me-role-${user.role}`}>{USER_ROLE.label(user.role)}</Text>
        </View>
      </View>
      <MyAwards key={user.id} />
      <View className='me-menu'>
        {ENTRIES.filter((e) => !e.only || e.only === user.role).map((e) => (
          <View key={e.url} className='me-entry' role='link' onClick={() => void Taro.navigateTo({ url: e.url })}>
            <Text>{e.label}</Text>
            <Text className='me-entry-arrow'>›</Text>
          </View>
        ))}
      </View>
      <View className='me-logout-wrap'>
        <Button className='me-logout' onClick={() => void logout()}>
          退出登录
        </Button>
        <View className='me-delete' role='button' onClick={() => void confirmAndDelete()}>
          注销账号
        </View>
      </View>
    </View>
  );
}
