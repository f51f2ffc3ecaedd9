import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro, { __test, calls } from '../mocks/taro';
import Hall from '../../src/pages/index/index';
import { achievementSummary, apiError, fakeApi, freshPageEachTest, type FakeRequest } from '../features/fake-api';
import { retryAfterServerError } from '../features/page-helpers';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const cards = () => document.querySelectorAll('.achievement-card');
const lists = (log: FakeRequest[]) => log.filter((r) => r.path === '/achievements');

/** The hall on its 成果 tab, with GET /achievements answered by `answer`. */
function openAchievementsTab(answer: (req: FakeRequest) => unknown) {
  const log = fakeApi({
    'GET /demands': () => ({ items: [], nextCursor: null }),
    'GET /achievements': answer,
  });
  render(<Hall />);
  fireEvent.click(screen.getByRole('tab', { name: '成果' }));
  return log;
}

freshPageEachTest();

it('switches between 需求 and 成果, each list with its own search and chips', async () => {
  const log = openAchievementsTab(() => ({ items: [achievementSummary('a1')], nextCursor: null }));
  expect(screen.getByRole('tab', { name: '成果' }).getAttribute('aria-selected')).toBe('true');
  await waitFor(() => expect(cards()).toHaveLength(1));
  expect(screen.getByLabelText('搜索成果')).toBeTruthy();
  expect(screen.getByRole('group', { name: '成熟度' })).toBeTruthy();
  expect(screen.queryByRole('group', { name: '经费' })).toBeNull();

  fireEvent.click(screen.getByRole('tab', { name: '需求' }));
  expect(await screen.findByText('暂无已发布的需求')).toBeTruthy();
  expect(screen.getByLabelText('搜索需求')).toBeTruthy();
  expect(log.map((r) => r.path)).toEqual(['/demands', '/achievements', '/demands']);
});

it('shows skeletons, then a card per 成果: holder or 匿名, holder type, field, TRL, keywords, price or 面议, 示例', async () => {
  openAchievementsTab(() => ({
    items: [
      achievementSummary('a1', { title: '高导热石墨烯薄膜', example: true }),
      achievementSummary('a2', { anonymous: true, holderName: undefined, holderType: 'university', priceWan: 120, trl: 4 }),
    ],
    nextCursor: null,
  }));
  expect(screen.getByLabelText('加载中')).toBeTruthy();
  await waitFor(() => expect(cards()).toHaveLength(2));
  const first = within(cards()[0] as HTMLElement);
  for (const text of [
    '高导热石墨烯薄膜',
    '江南材料研究院 · 科研院所',
    '新材料',
    '技术成熟度 7 级',
    '石墨烯',
    '导热膜',
    '面议',
    '示例',
    '江苏·南京',
  ]) {
    expect(first.getByText(text)).toBeTruthy();
  }
  const second = within(cards()[1] as HTMLElement);
  for (const text of ['匿名 · 高校', '120万元', '技术成熟度 4 级']) expect(second.getByText(text)).toBeTruthy();
  expect(second.queryByText('示例')).toBeNull();
  expect(second.queryByText('江南材料研究院 · 科研院所')).toBeNull();
});

it('sends field, region, trlMin and q, and starts from the first page', async () => {
  const log = openAchievementsTab(() => ({ items: [achievementSummary('a1')], nextCursor: 'c1' }));
  await waitFor(() => expect(cards()).toHaveLength(1));
  fireEvent.click(within(screen.getByRole('group', { name: '产业领域' })).getByText('新材料'));
  fireEvent.click(within(screen.getByRole('group', { name: '地区' })).getByText('江苏省'));
  fireEvent.click(screen.getByText('6级以上'));
  await waitFor(() => expect(lists(log)).toHaveLength(4));
  fireEvent.change(screen.getByLabelText('搜索成果'), { target: { value: ' 导热 ' } });
  fireEvent.keyDown(screen.getByLabelText('搜索成果'), { key: 'Enter' });
  await waitFor(() => expect(lists(log)).toHaveLength(5));
  expect(lists(log)[4]!.query).toEqual({ field: 'new_materials', region: '江苏省', trlMin: '6', q: '导热', limit: '20' });
});

it('loads the next page with the cursor, and refreshes on pull-down', async () => {
  const stop = jest.spyOn(Taro, 'stopPullDownRefresh');
  let round = 1;
  const log = openAchievementsTab((req) =>
    req.query.cursor
      ? { items: [achievementSummary('a2')], nextCursor: null }
      : { items: [achievementSummary(`r${round}`)], nextCursor: 'c1' },
  );
  await waitFor(() => expect(cards()).toHaveLength(1));
  act(() => __test.reachBottom());
  await waitFor(() => expect(cards()).toHaveLength(2));
  expect(lists(log)[1]!.query.cursor).toBe('c1');
  expect(screen.getByText('没有更多了')).toBeTruthy();

  round = 2;
  act(() => __test.pullDown());
  await screen.findByText('成果r2');
  expect(screen.queryByText('成果r1')).toBeNull();
  expect(stop).toHaveBeenCalled();
});

it('opens a 成果 when its card is tapped', async () => {
  openAchievementsTab(() => ({ items: [achievementSummary('a1')], nextCursor: null }));
  fireEvent.click(await screen.findByText('成果a1'));
  expect(calls.navigations).toEqual(['/achievements/detail/index?id=a1']);
});

it('says when nothing is published, and when the filters find nothing (清除筛选)', async () => {
  const log = openAchievementsTab((req) => (req.query.field ? { items: [], nextCursor: null } : { items: [], nextCursor: null }));
  expect(await screen.findByText('暂无已发布的成果')).toBeTruthy();
  expect(screen.queryByText('清除筛选')).toBeNull();
  fireEvent.click(within(screen.getByRole('group', { name: '产业领域' })).getByText('人工智能'));
  expect(await screen.findByText('没有找到符合条件的成果')).toBeTruthy();
  fireEvent.click(screen.getByText('清除筛选'));
  await screen.findByText('暂无已发布的成果');
  expect(lists(log).at(-1)!.query.field).toBeUndefined();
});

it('shows the error with 重试, which loads again', async () => {
  let up = false;
  openAchievementsTab(() =>
    up ? { items: [achievementSummary('a1')], nextCursor: null } : apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试'),
  );
  await retryAfterServerError(() => (up = true));
  await waitFor(() => expect(cards()).toHaveLength(1));
});
