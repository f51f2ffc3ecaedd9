import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro, { __test, calls } from '../mocks/taro';
import type { DemandSummary } from '@cic/shared';
import DemandHall from '../../src/pages/index/index';
import { setSession } from '../../src/session/session';
import { demandSummary as demand, freshPageEachTest } from '../features/fake-api';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

type Reply = { statusCode: number; data: unknown };
const page = (items: DemandSummary[], nextCursor: string | null = null): Reply => ({
  statusCode: 200,
  data: { items, nextCursor },
});

/** Answers GET /demands with `reply(query)`; records each list query. */
function serveList(reply: (query: URLSearchParams) => Reply | Promise<Reply>) {
  const queries: URLSearchParams[] = [];
  __test.onRequest(async ({ url }) => {
    const u = new URL(url);
    if (u.pathname !== '/demands') return { statusCode: 404, data: {} };
    queries.push(u.searchParams);
    return reply(u.searchParams);
  });
  return queries;
}

const cards = () => document.querySelectorAll('.demand-card');

freshPageEachTest();

it('shows skeletons, then a card per demand with its labels', async () => {
  serveList(() =>
    page([
      demand('d1', {
        title: '钛合金激光焊接工艺',
        budgetWan: 0,
        cooperationModes: ['co_develop', 'transfer'],
        followerCount: 12,
      }),
      demand('d2', { field: 'other', fieldOther: '生物医药', region: '上海市 / 浦东新区', budgetWan: 120 }),
    ]),
  );
  render(<DemandHall />);
  expect(screen.getByLabelText('加载中')).toBeTruthy();

  await waitFor(() => expect(cards()).toHaveLength(2));
  expect(screen.queryByLabelText('加载中')).toBeNull();
  const first = within(cards()[0] as HTMLElement);
  for (const text of ['钛合金激光焊接工艺', '新材料', '江苏·苏州', '面议', '合作开发', '技术转让', '12人关注', '2026-11-01']) {
    expect(first.getByText(text)).toBeTruthy();
  }
  const second = within(cards()[1] as HTMLElement);
  for (const text of ['生物医药', '上海·浦东新区', '120万元']) expect(second.getByText(text)).toBeTruthy();
});

it('opens the demand when a card is tapped', async () => {
  serveList(() => page([demand('d1')]));
  render(<DemandHall />);
  fireEvent.click(await screen.findByText('需求d1'));
  expect(calls.navigations).toEqual(['/pages/demand/index?id=d1']);
});

it('appends the next page with the cursor on reaching the bottom, one request at a time', async () => {
  let release: () => void = () => undefined;
  const queries = serveList(async (q) => {
    if (!q.get('cursor')) return page([demand('d1'), demand('d2')], 'c1');
    await new Promise<void>((r) => (release = r));
    return page([demand('d3')], null);
  });
  render(<DemandHall />);
  await waitFor(() => expect(cards()).toHaveLength(2));

  act(() => __test.reachBottom());
  act(() => __test.reachBottom());
  await waitFor(() => expect(queries).toHaveLength(2));
  expect(screen.getByText('加载中…')).toBeTruthy();
  expect(queries[1]!.get('cursor')).toBe('c1');

  await act(async () => release());
  await waitFor(() => expect(cards()).toHaveLength(3));
  expect(queries).toHaveLength(2);
  expect(screen.getByText('没有更多了')).toBeTruthy();

  act(() => __test.reachBottom());
  expect(queries).toHaveLength(2);
});

it('keeps the list and offers a retry when the next page fails', async () => {
  let failNext = true;
  const queries = serveList((q) => {
    if (!q.get('cursor')) return page([demand('d1')], 'c1');
    if (failNext) {
      failNext = false;
      return { statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务暂时出错，请稍后重试' } } };
    }
    return page([demand('d2')]);
  });
  render(<DemandHall />);
  await waitFor(() => expect(cards()).toHaveLength(1));
  act(() => __test.reachBottom());
  fireEvent.click(await screen.findByText('服务暂时出错，请稍后重试，点击重试'));
  await waitFor(() => expect(cards()).toHaveLength(2));
  expect(queries.map((q) => q.get('cursor'))).toEqual([null, 'c1', 'c1']);
});

it('reloads the first page on pull-to-refresh and stops the refresh animation', async () => {
  const stop = jest.spyOn(Taro, 'stopPullDownRefresh');
  let version = 1;
  const queries = serveList(() => page([demand(`v${version}`)], 'c1'));
  render(<DemandHall />);
  await screen.findByText('需求v1');

  version = 2;
  act(() => __test.pullDown());
  await screen.findByText('需求v2');
  expect(screen.queryByText('需求v1')).toBeNull();
  expect(queries).toHaveLength(2);
  expect(queries[1]!.get('cursor')).toBeNull();
  expect(stop).toHaveBeenCalled();
});

it('sends the chosen chips as the query and starts from the first page', async () => {
  const queries = serveList(() => page([demand('d1')], 'c1'));
  render(<DemandHall />);
  await waitFor(() => expect(cards()).toHaveLength(1));

  fireEvent.click(screen.getByText('人工智能'));
  await waitFor(() => expect(queries).toHaveLength(2));
  expect(queries[1]!.get('field')).toBe('ai');
  expect(queries[1]!.get('cursor')).toBeNull();
  expect(screen.getByText('人工智能').getAttribute('aria-pressed')).toBe('true');

  fireEvent.click(screen.getByText('江苏省'));
  fireEvent.click(screen.getByText('技术转让'));
  fireEvent.click(screen.getByText('50万以上'));
  await waitFor(() => expect(queries).toHaveLength(5));
  const last = queries[4]!;
  expect([last.get('field'), last.get('region'), last.get('cooperation'), last.get('minBudgetWan')]).toEqual([
    'ai',
    '江苏省',
    'transfer',
    '50',
  ]);

  // 全部 in the 产业领域 row drops only the field.
  fireEvent.click(within(screen.getByRole('group', { name: '产业领域' })).getByText('全部'));
  await waitFor(() => expect(queries).toHaveLength(6));
  expect(queries[5]!.get('field')).toBeNull();
  expect(queries[5]!.get('region')).toBe('江苏省');
});

it('searches with q on confirm, and the clear button drops it', async () => {
  const queries = serveList(() => page([demand('d1')]));
  render(<DemandHall />);
  await waitFor(() => expect(queries).toHaveLength(1));

  const box = screen.getByLabelText('搜索需求');
  fireEvent.change(box, { target: { value: ' 钛合金 ' } });
  expect(queries).toHaveLength(1);
  fireEvent.keyDown(box, { key: 'Enter' });
  await waitFor(() => expect(queries).toHaveLength(2));
  expect(queries[1]!.get('q')).toBe('钛合金');

  fireEvent.click(screen.getByLabelText('清除搜索'));
  await waitFor(() => expect(queries).toHaveLength(3));
  expect(queries[2]!.get('q')).toBeNull();
  expect(screen.getByLabelText<HTMLInputElement>('搜索需求').value).toBe('');
});

it('says when filters find nothing, and 清除筛选 resets them', async () => {
  const queries = serveList((q) => page(q.get('field') || q.get('q') ? [] : [demand('d1')]));
  render(<DemandHall />);
  await waitFor(() => expect(cards()).toHaveLength(1));

  fireEvent.click(screen.getByText('新能源'));
  expect(await screen.findByText('没有找到符合条件的需求')).toBeTruthy();
  fireEvent.click(screen.getByText('清除筛选'));
  await waitFor(() => expect(cards()).toHaveLength(1));
  expect(queries.at(-1)!.get('field')).toBeNull();
});

it('says so when nothing is published yet, without a 清除筛选 button', async () => {
  serveList(() => page([]));
  render(<DemandHall />);
  expect(await screen.findByText('暂无已发布的需求')).toBeTruthy();
  expect(screen.queryByText('清除筛选')).toBeNull();
});

it('shows the error with 重试, which loads again', async () => {
  let up = false;
  serveList(() =>
    up ? page([demand('d1')]) : { statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务暂时出错，请稍后重试' } } },
  );
  render(<DemandHall />);
  expect(await screen.findByText('服务暂时出错，请稍后重试')).toBeTruthy();
  up = true;
  fireEvent.click(screen.getByText('重试'));
  await waitFor(() => expect(cards()).toHaveLength(1));
});

it('shows the network message when the request cannot be sent', async () => {
  __test.onRequest(() => Promise.reject(new Error('offline')));
  render(<DemandHall />);
  expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
});

it('clears the 消息 badge for a logged-out visitor and shows the count for a logged-in one', async () => {
  serveList(() => page([]));
  const { unmount } = render(<DemandHall />);
  await screen.findByText('暂无已发布的需求');
  expect(calls.tabBadges).toEqual([null]);
  unmount();

  setSession({ token: 't', expiresIn: 3600, user: { id: 'u1', nickname: '张工', role: 'user' } });
  __test.onRequest(({ url }) =>
    url.endsWith('/me/notifications/unread-count') ? { statusCode: 200, data: { unread: 4 } } : page([]),
  );
  render(<DemandHall />);
  await waitFor(() => expect(calls.tabBadges).toEqual([null, '4']));
});
