import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MePage, { ERASURE_NOTICE } from '../../src/pages/me/index';
import { getSession } from '../../src/session/session';
import { award } from '../features/contest-fixtures';
import { apiError, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { expectTapsOpen, expectTexts } from '../features/page-helpers';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const auth = (nickname: string, role: string) => ({
  token: `t-${nickname}`,
  expiresIn: 3600,
  user: { id: `u-${nickname}`, nickname, role },
});

freshPageEachTest();

describe('我的', () => {
  it('logs in on H5 with the dev login: nickname and role go to the API and the session is kept', async () => {
    const log = fakeApi({
      'POST /auth/dev': (req) => auth((req.body as { nickname: string }).nickname, (req.body as { role: string }).role),
    });
    render(<MePage />);
    expect(screen.queryByText('微信一键登录')).toBeNull();
    fireEvent.change(screen.getByLabelText('昵称'), { target: { value: '张评审' } });
    fireEvent.click(screen.getByText('评委'));
    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('张评审')).toBeTruthy();
    expect(screen.getByText('评委')).toBeTruthy();
    expect(log[0]).toMatchObject({ method: 'POST', path: '/auth/dev', body: { nickname: '张评审', role: 'judge' } });
    expect(getSession()).toMatchObject({ token: 't-张评审', user: { nickname: '张评审', role: 'judge' } });
    expect(__test.storage.get('cic.session')).toMatchObject({ token: 't-张评审' });
  });

  it('asks for a nickname before calling the API, and shows the API refusal in place', async () => {
    const log = fakeApi({ 'POST /auth/dev': () => apiError(403, 'AUTH.DEV_LOGIN_DISABLED', '开发登录未开启') });
    render(<MePage />);
    fireEvent.click(screen.getByText('登录'));
    expect(screen.getByText('请填写昵称')).toBeTruthy();
    expect(log).toEqual([]);

    fireEvent.change(screen.getByLabelText('昵称'), { target: { value: '张三' } });
    fireEvent.click(screen.getByText('登录'));
    expect(await screen.findByText('开发登录未开启')).toBeTruthy();
    expect(getSession()).toBeUndefined();
  });

  it('logs in with WeChat in the mini-program (Taro.login → /auth/wechat)', async () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      const log = fakeApi({ 'POST /auth/wechat': () => auth('微信用户', 'user') });
      render(<MePage />);
      expect(screen.queryByLabelText('昵称')).toBeNull();
      fireEvent.click(screen.getByText('微信一键登录'));
      expect(await screen.findByText('微信用户')).toBeTruthy();
      expect(log[0]).toMatchObject({ path: '/auth/wechat', body: { code: 'test-code' } });
    } finally {
      process.env.TARO_ENV = env;
    }
  });

  it('shows the entries, with 审核 only for an admin', () => {
    loginAs('user');
    const { unmount } = render(<MePage />);
    expect(screen.getByText('普通用户')).toBeTruthy();
    expectTexts(screen, ['我的需求', '我的关注', '我的订阅']);
    expect(screen.queryByText('审核')).toBeNull();
    unmount();

    loginAs('admin');
    render(<MePage />);
    expect(screen.getByText('管理员')).toBeTruthy();
    expectTapsOpen([
      [screen, '审核', '/mine/review/index'],
      [screen, '我的订阅', '/mine/subscriptions/index'],
    ]);
  });

  it('shows the contest entries, 评审打分 only for a judge', () => {
    loginAs('user');
    fakeApi({ 'GET /me/awards': () => ({ items: [] }) });
    const { unmount } = render(<MePage />);
    expectTexts(screen, ['我的揭榜', '专场', '数据统计']);
    expect(screen.queryByText('评审打分')).toBeNull();
    unmount();

    loginAs('judge');
    render(<MePage />);
    expectTapsOpen([
      [screen, '评审打分', '/contest/judging/index'],
      [screen, '我的揭榜', '/contest/my-solutions/index'],
      [screen, '专场', '/contest/tracks/index'],
      [screen, '数据统计', '/contest/stats/index'],
    ]);
  });

  it('shows the caller’s awards as badges on the profile', async () => {
    loginAs('user');
    fakeApi({
      'GET /me/awards': () => ({
        items: [{ ...award({ at: '2026-11-30T02:00:00Z' }), demandTitle: '钛合金焊缝在线检测' }],
      }),
    });
    render(<MePage />);
    const badges = await screen.findByRole('list', { name: '我的奖项' });
    expect(badges.textContent).toContain('2026 最佳解决方案奖');
    expect(badges.textContent).toContain('南京理工大学焊接研究所 · 钛合金焊缝在线检测');
  });

  it('shows no award section when there is none or it cannot load', async () => {
    loginAs('user');
    const log = fakeApi({ 'GET /me/awards': () => apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试') });
    render(<MePage />);
    await waitFor(() => expect(log).toHaveLength(1));
    expect(screen.queryByRole('list', { name: '我的奖项' })).toBeNull();
    expect(screen.queryByText('服务暂时出错，请稍后重试')).toBeNull();
  });

  it('logs out: the server ends this session (with the token), and the session ends here', async () => {
    loginAs('user');
    const log = fakeApi({ 'POST /auth/logout': () => ({ loggedOut: true }) });
    const token = getSession()?.token;
    render(<MePage />);
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(screen.getByLabelText('昵称')).toBeTruthy());
    expect(getSession()).toBeUndefined();
    expect(__test.storage.has('cic.session')).toBe(false);
    await waitFor(() => expect(log.filter((r) => r.path === '/auth/logout')).toHaveLength(1));
    expect(log.find((r) => r.path === '/auth/logout')?.headers).toMatchObject({ authorization: `Bearer ${token}` });
  });

  it('logs out offline too', async () => {
    loginAs('user');
    fakeApi({ 'POST /auth/logout': () => apiError(0, 'CLIENT.NETWORK', '网络连接失败，请检查网络后重试') });
    render(<MePage />);
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(screen.getByLabelText('昵称')).toBeTruthy());
    expect(getSession()).toBeUndefined();
  });

  it('注销账号: says what is erased, asks, then DELETE /me and the session ends', async () => {
    loginAs('user');
    const log = fakeApi({ 'DELETE /me': () => ({ deleted: true }) });
    render(<MePage />);
    fireEvent.click(screen.getByText('注销账号'));
    await waitFor(() => expect(screen.getByLabelText('昵称')).toBeTruthy());
    expect(calls.modals[0]).toMatchObject({ title: '注销账号', content: ERASURE_NOTICE });
    expect(log.filter((r) => r.path !== '/me/awards').map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /me']);
    expect(getSession()).toBeUndefined();
    expect(calls.toasts).toContainEqual(expect.objectContaining({ title: '账号已注销' }));
  });

  it('注销账号 cancelled does nothing; a failure keeps the session and says why', async () => {
    loginAs('user');
    const log = fakeApi({ 'DELETE /me': () => apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试') });
    __test.answerModal(false);
    render(<MePage />);
    fireEvent.click(screen.getByText('注销账号'));
    await waitFor(() => expect(calls.modals).toHaveLength(1));
    expect(log.filter((r) => r.path === '/me')).toEqual([]);
    __test.answerModal(true);
    fireEvent.click(screen.getByText('注销账号'));
    await waitFor(() => expect(calls.toasts).toContainEqual(expect.objectContaining({ title: '服务暂时出错，请稍后重试' })));
    expect(getSession()).toBeDefined();
  });
});
