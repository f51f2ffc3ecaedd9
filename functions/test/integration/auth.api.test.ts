// Login: WeChat's jscode2session through the fake WeChat server over real HTTP, and the dev login of the local stack.
import type { AuthResponse, Demand, Page } from '@cic/shared';
import { call, uniq } from '../support/api';
import { stackWechat } from '../support/fake-wechat-control';

describe('POST /auth/wechat', () => {
  it('returns a token and a user for a good code, the same user for the same person, and never session_key', async () => {
    const person = uniq('p');
    const first = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${person}-1` } });
    expect(first.status).toBe(200);
    expect(first.body.user).toEqual({ id: expect.stringMatching(/^wx_/), nickname: '微信用户', role: 'user' });
    expect(first.text).not.toMatch(/session_key|openid/i);
    const again = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${person}-2` } });
    expect(again.body.user.id).toBe(first.body.user.id);
    const mine = await call<Page<Demand>>('GET', '/me/demands', { token: first.body.token });
    expect(mine.status).toBe(200);
  });

  it('answers 401 for an invalid or reused code', async () => {
    const bad = await call('POST', '/auth/wechat', { json: { code: 'invalid-code' } });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ error: { code: 'AUTH.WECHAT_CODE_INVALID' } });
    const code = `user-${uniq('p')}-1`;
    expect((await call('POST', '/auth/wechat', { json: { code } })).status).toBe(200);
    expect((await call('POST', '/auth/wechat', { json: { code } })).status).toBe(401);
  });

  it('answers 503 when WeChat is busy or down, without a 500', async () => {
    await stackWechat().fail({ api: 'jscode2session', errcode: -1 });
    const busy = await call('POST', '/auth/wechat', { json: { code: `user-${uniq('p')}-1` } });
    expect(busy.status).toBe(503);
    expect(busy.body).toMatchObject({ error: { code: 'AUTH.WECHAT_UNAVAILABLE' } });
    await stackWechat().fail({ api: 'jscode2session', status: 502 });
    expect((await call('POST', '/auth/wechat', { json: { code: `user-${uniq('p')}-1` } })).status).toBe(503);
  });

  it('requires a code', async () => {
    const res = await call('POST', '/auth/wechat', { json: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { fields: { code: expect.stringContaining('code') } } });
  });
});

describe('POST /auth/dev', () => {
  it('logs in as the asked role, and the same nickname and role is the same user', async () => {
    const nickname = uniq('评委');
    const a = await call<AuthResponse>('POST', '/auth/dev', { json: { nickname, role: 'judge' } });
    const b = await call<AuthResponse>('POST', '/auth/dev', { json: { nickname, role: 'judge' } });
    expect(a.body.user).toEqual({ id: b.body.user.id, nickname, role: 'judge' });
    expect(a.body.expiresIn).toBeGreaterThan(0);
  });

  it('refuses an unknown role', async () => {
    const res = await call('POST', '/auth/dev', { json: { nickname: 'x', role: 'root' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { fields: { role: expect.any(String) } } });
  });
});
