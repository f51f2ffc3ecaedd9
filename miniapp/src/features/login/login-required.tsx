// What a page shows to someone who is not logged in: why, and the way to the login on 我的.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import '../../components/form.css';
import './login.css';

export function LoginRequired({ reason }: { reason: string }) {
  return (
    <View className='login-required'>
      <Text className='login-required-title'>请先登录</Text>
      <Text className='login-required-reason'>{reason}</Text>
      <Button className='login-required-button' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        去登录
      </Button>
    </View>
  );
}
