import { auth, route } from '../composition/auth';

/** POST /auth/wechat {code} */
export const wechat = route('authWechat', { rateLimit: 'login' }, ({ body }) => auth().loginWithWechat(body.code));

/** POST /auth/dev {nickname, role}: only when DEV_LOGIN=1. */
export const dev = route('authDev', { rateLimit: 'login' }, ({ body }) => auth().devLogin(body));

/** POST /auth/logout: ends the caller's session (this device); the account and its other sessions stay. */
export const logout = route('authLogout', ({ user }) => auth().logout(user));
