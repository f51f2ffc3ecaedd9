// What a page shows to someone who may not see it: not logged in (why, and the way to the login on 我的), or without
// the role it needs.
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import '../../components/form.css';
import './login.css';

/** A page's answer to someone who may not see it: what is wrong, why, and what they can do about it (children). */
export function AccessPanel({
  title,
  text,
  role,
  children,
}: {
  title: string;
  text: string;
  role?: string;
  children?: ReactNode;
}) {
  return (
    <View className='access-panel' role={role}>
      <Text className='access-panel-title'>{title}</Text>
      <Text className='access-panel-text'>{text}</Text>
      {children}
    </View>
  );
}

export function LoginRequired({ reason }: { reason: string }) {
  return (
    <AccessPanel title='请先登录' text={reason}>
      <Button className='login-required-button' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        去登录
      </Button>
    </AccessPanel>
  );
}
