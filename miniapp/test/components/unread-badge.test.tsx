import Taro, { __test, calls } from '../mocks/taro';
import { badgeText, refreshUnreadBadge, showUnreadBadge } from '../../src/badge/unread-badge';
import { setSession } from '../../src/session/session';

const logIn = () => setSession({ token: 't', expiresIn: 3600, user: { id: 'u1', nickname: '张工', role: 'user' } });

beforeEach(() => {
  __test.reset();
  setSession(undefined);
});

it('clears the badge for a logged-out user without asking the API', async () => {
  await refreshUnreadBadge();
  expect(calls.tabBadges).toEqual([null]);
  expect(calls.requests).toEqual([]);
});

it('shows the unread count of a logged-in user, capped at 99+', async () => {
  logIn();
  let unread = 7;
  __test.onRequest(() => ({ statusCode: 200, data: { unread } }));
  await refreshUnreadBadge();
  unread = 0;
  await refreshUnreadBadge();
  unread = 120;
  await refreshUnreadBadge();
  expect(calls.tabBadges).toEqual(['7', null, '99+']);
  expect(badgeText(100)).toBe('99+');
});

it('asks once when two pages refresh at the same time', async () => {
  logIn();
  __test.onRequest(() => ({ statusCode: 200, data: { unread: 2 } }));
  await Promise.all([refreshUnreadBadge(), refreshUnreadBadge()]);
  expect(calls.requests).toHaveLength(1);
});

it('never fails: no tab bar, or a failed count, leaves things as they are', async () => {
  logIn();
  const spy = jest.spyOn(Taro, 'setTabBarBadge').mockRejectedValue(new Error('setTabBarBadge:fail not TabBar page'));
  __test.onRequest(() => ({ statusCode: 200, data: { unread: 3 } }));
  await expect(refreshUnreadBadge()).resolves.toBeUndefined();
  await expect(showUnreadBadge(1)).resolves.toBeUndefined();
  spy.mockRestore();

  __test.onRequest(() => ({ statusCode: 500, data: {} }));
  await refreshUnreadBadge();
  expect(calls.tabBadges).toEqual([]);
});
