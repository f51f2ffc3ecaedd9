// 微信一键登录: Taro.login's code goes to the API, which asks WeChat who this is.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import { loginWithWechat, messageOf } from './login.service';
import '../../components/form.css';

export function WechatLoginButton() {
  const [busy, setBusy] = useState(false);
  async function login() {
    setBusy(true);
    try {
      await loginWithWechat();
      void Taro.showToast({ title: '登录成功', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button className='primary-button' loading={busy} onClick={() => void login()}>
      微信一键登录
    </Button>
  );
}
