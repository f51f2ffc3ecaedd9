import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Demand } from '@cic/shared';
import Taro from '@tarojs/taro';
import MyDemandsPage from '../../src/mine/my-demands/index';
import MyFollowsPage from '../../src/mine/my-follows/index';
import { demandSummary, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

// The shared mock has no reLaunch (the way into the 发布需求 tab with an id): record it like the other navigations.
const mockTaro = Taro as unknown as Record<string, unknown>;
beforeAll(() => {
  mockTaro.reLaunch ??= async (o: { url: string }) => void calls.navigations.push(o.url);
});

const demand = (id: string, over: Partial<Demand>): Demand => ({
  id,
  ownerId: 'u1',
  status: 'draft',
  createdAt: '2026-11-01T02:00:00Z',
  updatedAt: '2026-11-02T02:00:00Z',
  followerCount: 0,
  version: 2,
  history: [],
  title: `需求 ${id}`,
  field: 'ai',
  region: '江苏省 / 南京市',
  ...over,
});

const mine = [
  demand('d1', { status: 'draft', title: undefined }),
  demand('d2', { status: 'pending_review', title: '视觉质检算法' }),
  demand('d3', { status: 'rejected', title: '焊缝检测装备', rejectReason: '请补充检测精度指标' }),
  demand('d4', { status: 'published', title: '钙钛矿电池封装' }),
  demand('d5', { status: 'closed', title: '锂电池回收' }),
];

const card = (title: string) => screen.getByText(title).closest('.my-demand') as HTMLElement;

freshPageEachTest();

describe('我的需求', () => {
  it('asks a logged-out person to log in', () => {
    render(<MyDemandsPage />);
    expect(screen.getByText('去登录')).toBeTruthy();
  });

  it('lists my demands with their status, and the reject reason with a way to resubmit', async () => {
    loginAs();
    fakeApi({ 'GET /me/demands': () => ({ items: mine, nextCursor: null }) });
    render(<MyDemandsPage />);
    await screen.findByText('焊缝检测装备');
    expect(within(card('未命名草稿')).getByText('草稿')).toBeTruthy();
    expect(within(card('视觉质检算法')).getByText('审核中')).toBeTruthy();
    expect(within(card('焊缝检测装备')).getByText('未通过')).toBeTruthy();
    expect(within(card('钙钛矿电池封装')).getByText('已发布')).toBeTruthy();
    expect(within(card('锂电池回收')).getByText('已关闭')).toBeTruthy();

    const rejected = within(card('焊缝检测装备'));
    expect(rejected.getByText('请补充检测精度指标')).toBeTruthy();
    fireEvent.click(rejected.getByText('修改后重新提交'));
    expect(calls.navigations).toEqual(['/pages/post/index?id=d3']);
    // Only a published demand can be closed from here.
    expect(screen.getAllByText('关闭')).toHaveLength(1);
  });

  it('closes a published demand after confirming', async () => {
    loginAs();
    const log = fakeApi({
      'GET /me/demands': () => ({ items: mine, nextCursor: null }),
      'POST /demands/:id/close': (req) => demand(req.params.id!, { status: 'closed', title: '钙钛矿电池封装' }),
    });
    render(<MyDemandsPage />);
    await screen.findByText('钙钛矿电池封装');
    fireEvent.click(within(card('钙钛矿电池封装')).getByText('关闭'));
    await waitFor(() => expect(within(card('钙钛矿电池封装')).getByText('已关闭')).toBeTruthy());
    expect(log.map((r) => `${r.method} ${r.path}`)).toContain('POST /demands/d4/close');
    expect(calls.toasts).toContainEqual({ title: '已关闭', icon: 'success' });
  });

  it('does not close when the person cancels', async () => {
    loginAs();
    const log = fakeApi({ 'GET /me/demands': () => ({ items: mine, nextCursor: null }) });
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    render(<MyDemandsPage />);
    await screen.findByText('钙钛矿电池封装');
    fireEvent.click(within(card('钙钛矿电池封装')).getByText('关闭'));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);
    modal.mockRestore();
  });

  it('refreshes on pull-down, and says so when there is nothing yet', async () => {
    loginAs();
    let items: Demand[] = [];
    fakeApi({ 'GET /me/demands': () => ({ items, nextCursor: null }) });
    render(<MyDemandsPage />);
    expect(await screen.findByText('还没有发布需求')).toBeTruthy();
    items = [mine[1]!];
    act(() => __test.pullDown());
    expect(await screen.findByText('视觉质检算法')).toBeTruthy();
  });
});

describe('我的关注', () => {
  it('lists followed demands as cards that open the detail', async () => {
    loginAs();
    const followed = {
      ...demandSummary('p1', {
        title: '高强钛合金薄板激光焊接工艺',
        region: '江苏省 / 南京市',
        budgetWan: 120,
        excerpt: '焊缝强度不低于母材的90%',
      }),
      followedAt: '2026-11-03T02:00:00Z',
    };
    fakeApi({ 'GET /me/follows': () => ({ items: [followed], nextCursor: null }) });
    render(<MyFollowsPage />);
    fireEvent.click(await screen.findByText('高强钛合金薄板激光焊接工艺'));
    expect(calls.navigations).toEqual(['/pages/demand/index?id=p1']);
  });
});
