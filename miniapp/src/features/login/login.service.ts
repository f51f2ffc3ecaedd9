// Logging in and out. On WeChat the code from Taro.login is exchanged by the API (session_key stays on the server);
// on H5 the local stack offers a dev login instead, since Taro.login does not exist in a browser.
import Taro from '@tarojs/taro';
import type { DevLoginRequest } from '@cic/shared';
import { ApiError, call } from '../../api/client';
import { setSession } from '../../session/session';

export async function loginWithWechat(): Promise<void> {
  const { code } = await Taro.login();
  // In production H5 builds Taro.login resolves without a code rather than failing.
  if (!code) throw new ApiError(0, 'AUTH.WECHAT_CODE_INVALID', '微信登录失败，请重试');
  setSession(await call('authWechat', { body: { code } }));
}

export async function loginForDev(request: DevLoginRequest): Promise<void> {
  setSession(await call('authDev', { body: request }));
}

/** Ends this device's session on the server too (best effort: offline, the session still ends here). */
export async function logout(): Promise<void> {
  // The request takes the token before it waits, so the local session can end at once.
  const ended = call('authLogout').catch(() => undefined);
  setSession(undefined);
  await ended;
}

/** 注销账号: the server erases the account and everything of it; then the session ends here. */
export async function deleteAccount(): Promise<void> {
  await call('meDelete');
  setSession(undefined);
}

/** The Chinese message to show for any failure of a call. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
}
