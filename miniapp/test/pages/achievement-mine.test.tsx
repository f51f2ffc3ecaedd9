import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import MyAchievementsPage from '../../src/achievements/mine/index';
import { achievement, apiError, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { expectShownWithoutRequests, retryAfterServerError } from '../features/page-helpers';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

freshPageEachTest();
const cards = () => document.querySelectorAll('.my-achievement');

it('asks a logged-out person to log in, and sends nothing', () => {
  expectShownWithoutRequests(<MyAchievementsPage />, '登录后查看你发布的成果');
});

it('lists my 成果 in every status, with the reject reason, page by page, and opens one', async () => {
  loginAs();
  const log = fakeApi({
    'GET /me/achievements': (req) =>
      req.query.cursor
        ? { items: [achievement('a3', { status: 'draft', title: undefined })], nextCursor: null }
        : {
            items: [
              achievement('a1', { title: '高导热石墨烯薄膜', priceWan: 50 }),
              achievement('a2', { status: 'rejected', rejectReason: '请补充技术指标' }),
            ],
            nextCursor: 'c1',
          },
  });
  render(<MyAchievementsPage />);
  expect(screen.getByLabelText('加载中')).toBeTruthy();
  await waitFor(() => expect(cards()).toHaveLength(2));
  expect(screen.getByText('已发布')).toBeTruthy();
  expect(screen.getByText(/新材料 · 技术成熟度 7 级 · 50万元/)).toBeTruthy();
  expect(screen.getByText('请补充技术指标')).toBeTruthy();

  act(() => __test.reachBottom());
  await waitFor(() => expect(cards()).toHaveLength(3));
  expect(log[1]!.query.cursor).toBe('c1');
  expect(screen.getByText('未命名草稿')).toBeTruthy();

  fireEvent.click(screen.getByText('高导热石墨烯薄膜'));
  expect(calls.navigations).toEqual(['/achievements/detail/index?id=a1']);
});

it('refreshes on pull-down', async () => {
  loginAs();
  let title = '第一版';
  fakeApi({ 'GET /me/achievements': () => ({ items: [achievement('a1', { title })], nextCursor: null }) });
  render(<MyAchievementsPage />);
  await screen.findByText('第一版');
  title = '第二版';
  act(() => __test.pullDown());
  expect(await screen.findByText('第二版')).toBeTruthy();
});

it('has an empty state with 发布成果, and an error state with 重试', async () => {
  loginAs();
  let fail = false;
  fakeApi({
    'GET /me/achievements': () =>
      fail ? apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试') : { items: [], nextCursor: null },
  });
  const first = render(<MyAchievementsPage />);
  expect(await screen.findByText('还没有发布成果')).toBeTruthy();
  fireEvent.click(screen.getByText('发布成果'));
  expect(calls.navigations).toEqual(['/achievements/form/index']);
  first.unmount();

  fail = true;
  render(<MyAchievementsPage />);
  await retryAfterServerError(() => (fail = false));
  expect(await screen.findByText('还没有发布成果')).toBeTruthy();
});
