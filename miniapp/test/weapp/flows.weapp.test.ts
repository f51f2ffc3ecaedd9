// One tap per main flow, through WeChat's component framework to Taro's event handler and on to the local API:
// logging in with WeChat, opening a demand from the hall, following it.
import type { MyFollowsResponse } from '@cic/shared';
import { call } from '../../../functions/test/support/api';
import { SESSION_STORAGE_KEY, type Session } from '../../src/session/session-record';
import { weappSuite } from './support/suite';

const suite = weappSuite();

test('微信一键登录 on 我的: wx.login, the code exchanged by the API, the session kept, the menu shown', async () => {
  const host = suite.start();
  host.wx.person = `weapp${Date.now().toString(36)}`;
  const me = host.open('pages/me/index');
  await me.waitForText('微信一键登录');
  await me.tap('微信一键登录');
  await me.waitForText('我的需求');
  expect(me.text()).toContain('退出登录');
  expect(me.text()).not.toContain('未登录');
  expect(host.wx.requests).toContainEqual({ method: 'POST', path: '/auth/wechat', status: 200 });
  expect(host.wx.toasts).toContain('登录成功');
  const stored = host.wx.storage.get(SESSION_STORAGE_KEY) as Session | undefined;
  expect(stored?.token).toEqual(expect.any(String));
  // The stored token is one the API accepts.
  expect((await call('GET', '/me/follows', { token: stored!.token })).status).toBe(200);
});

test('a tap on a demand in the hall opens its detail page', async () => {
  const host = suite.start();
  const hall = host.open('pages/index/index');
  await hall.waitForText(suite.fixture.demand.title);
  await hall.tap(suite.fixture.demand.title);
  await hall.waitFor('navigation', () => host.wx.navigations.length > 0);
  const [navigation] = host.wx.navigations;
  expect(navigation).toEqual({ kind: 'navigateTo', url: `/pages/demand/index?id=${suite.fixture.demand.id}` });
  const url = new URL(navigation!.url!, 'https://servicewechat.com');
  const detail = host.open(url.pathname.slice(1), Object.fromEntries(url.searchParams));
  await detail.waitForText('技术需求描述');
  expect(detail.text()).toContain(suite.fixture.demand.title);
});

test('关注 on a demand follows it: the button and count change, and the API has the follow', async () => {
  const host = suite.start({ session: suite.fixture.newcomer });
  const detail = host.open('pages/demand/index', { id: suite.fixture.demand.id });
  await detail.waitForText('1人关注');
  await detail.tap('关注');
  await detail.waitForText('已关注');
  await detail.waitForText('2人关注');
  expect(host.wx.requests).toContainEqual({ method: 'PUT', path: `/demands/${suite.fixture.demand.id}/follow`, status: 200 });
  const follows = await call<MyFollowsResponse>('GET', '/me/follows', { token: suite.fixture.newcomer.token });
  expect(follows.body.items.map((d) => d.id)).toContain(suite.fixture.demand.id);
});
