// The local stack's login for H5 (DEV_LOGIN=1 on the API): a nickname and a role, no WeChat involved.
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { USER_ROLE, validateDevLogin, type UserRole } from '@cic/shared';
import { loginForDev, messageOf } from './login.service';
import { labelProps } from '../../components/field-label';
import '../../components/form.css';
import './login.css';

export function DevLoginForm() {
  const [nickname, setNickname] = useState('');
  const [role, setRole] = useState<UserRole>('user');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    const checked = validateDevLogin({ nickname, role });
    if (!checked.ok) {
      setError(checked.fields.nickname ?? Object.values(checked.fields)[0]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await loginForDev(checked.value);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='dev-login'>
      <Text className='dev-login-note'>本地开发环境登录（仅 DEV_LOGIN=1 时可用）</Text>
      <Input
        className='field-input dev-login-input'
        value={nickname}
        placeholder='请输入昵称'
        maxlength={-1}
        {...labelProps('昵称')}
        onInput={(e) => setNickname(e.detail.value)}
        onConfirm={() => void submit()}
      />
      <View className='dev-login-roles' role='radiogroup' aria-label='角色'>
        {USER_ROLE.options.map((o) => (
          <View
            key={o.value}
            className={`dev-login-role ${o.value === role ? 'is-selected' : ''}`}
            role='radio'
            aria-checked={o.value === role}
            onClick={() => setRole(o.value)}
          >
            {o.label}
          </View>
        ))}
      </View>
      {error && <Text className='field-error'>{error}</Text>}
      <Button className='primary-button' loading={busy} onClick={() => void submit()}>
        登录
      </Button>
    </View>
  );
}
