import Taro, { __test, calls } from '../mocks/taro';
import { badgeText, refreshUnreadBadge, showUnreadBadge } from '../../src/badge/unread-badge';
import { setSession } from '../../src/session/session';
import { freshPageEachTest } from '../features/fake-api';

const logIn = () => setSession({ token: 't', expiresIn: 3600, user: { id: 'u1', nickname: '张工', role: 'user' } });

freshPageEachTest();

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

it('pages refreshing while a count is on its way share one more count, asked after it', async () => {
  logIn();
  // The first count is held open; an alert arrives meanwhile; the calls made meanwhile must show it.
  let unread = 0;
  let release = () => undefined as void;
  const held = new Promise<void>((r) => (release = r));
  const asked: number[] = [];
  __test.onRequest(async () => {
    const counted = unread;
    asked.push(counted);
    if (asked.length === 1) await held;
    return { statusCode: 200, data: { unread: counted } };
  });
  const first = refreshUnreadBadge();
  unread = 1;
  const later = [refreshUnreadBadge(), refreshUnreadBadge(), refreshUnreadBadge()];
  release();
  await Promise.all([first, ...later]);
  expect(asked).toEqual([0, 1]);
  expect(calls.tabBadges).toEqual([null, '1']);
});

it('never shows fewer than the unread items the caller has on screen', async () => {
  logIn();
  // The count's index has not caught up with the inbox page the person sees.
  __test.onRequest(() => ({ statusCode: 200, data: { unread: 0 } }));
  await refreshUnreadBadge({ atLeast: 2 });
  await refreshUnreadBadge();
  expect(calls.tabBadges).toEqual(['2', null]);
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
