import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Achievement, Demand, ReviewQueueItem } from '@cic/shared';
import ReviewPage from '../../src/mine/review/index';
import { fakeApi, type FakeRequest, freshPageEachTest, loginAs } from '../features/fake-api';
import { expectShownWithoutRequests, expectTexts } from '../features/page-helpers';
import { calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const pending = (id: string, title: string, submittedAt: string, over: Partial<Demand> = {}): ReviewQueueItem => ({
  kind: 'demand',
  id,
  ownerId: 'u9',
  status: 'pending_review',
  createdAt: '2026-11-01T02:00:00Z',
  updatedAt: submittedAt,
  submittedAt,
  followerCount: 0,
  version: 3,
  history: [],
  title,
  field: 'equipment',
  region: '江苏省 / 常州市',
  description: '需要开发精密摆线针轮减速器。',
  ...over,
});

const queue = [
  pending('d2', '视觉质检算法', '2026-11-03T08:00:00Z', { safety: 'review', field: 'ai' }),
  pending('d1', '焊缝检测装备', '2026-11-02T06:30:00Z', { safety: 'unchecked' }),
  pending('d3', '钙钛矿电池封装', '2026-11-04T01:00:00Z', { field: 'other', fieldOther: '光电材料' }),
];

const achievement = (id: string, title: string, submittedAt: string, over: Partial<Achievement> = {}): ReviewQueueItem => ({
  kind: 'achievement',
  id,
  ownerId: 'u8',
  status: 'pending_review',
  createdAt: '2026-11-01T02:00:00Z',
  updatedAt: submittedAt,
  submittedAt,
  version: 2,
  history: [],
  title,
  holderName: '南京理工大学焊接研究所',
  holderType: 'university',
  field: 'equipment',
  trl: 6,
  summary: '相控阵超声与激光视觉复合的焊缝在线检测系统，检测速度每分钟2米以上。',
  ...over,
});
const achievements = [
  achievement('a1', '焊缝相控阵在线检测系统', '2026-11-02T01:00:00Z', { safety: 'review' }),
  achievement('a2', '钙钛矿组件封装工艺', '2026-11-05T01:00:00Z', { holderType: 'enterprise', holderName: undefined }),
];

const item = (title: string) => within(screen.getByText(title).closest('.review-item') as HTMLElement);

/** An admin's review queue open on the demands, other routes (or another queue) answered by `routes`. */
async function openQueue(routes: Record<string, (req: FakeRequest) => unknown> = {}) {
  loginAs('admin');
  const log = fakeApi({ 'GET /admin/reviews': () => ({ items: queue, nextCursor: null }), ...routes });
  render(<ReviewPage />);
  await screen.findByText('焊缝检测装备');
  return log;
}

freshPageEachTest();

describe('审核', () => {
  it('is closed to anyone but an admin', () => {
    loginAs('judge');
    expectShownWithoutRequests(<ReviewPage />, '无权限');
  });

  it('lists the queue oldest first, with region, field, time, the safety flag and a link to the detail', async () => {
    await openQueue();
    const titles = Array.from(document.querySelectorAll('.review-item .card-title'), (n) => n.textContent);
    expect(titles).toEqual(['焊缝检测装备', '视觉质检算法', '钙钛矿电池封装']);

    expectTexts(item('焊缝检测装备'), ['未完成内容安全检测', '装备制造', '江苏省 / 常州市', '提交于 2026-11-02 14:30']);
    expect(item('视觉质检算法').getByText('内容待人工复核')).toBeTruthy();
    expect(item('钙钛矿电池封装').getByText('光电材料')).toBeTruthy();
    expect(item('钙钛矿电池封装').queryByText(/内容待人工复核|未完成内容安全检测/)).toBeNull();

    fireEvent.click(item('视觉质检算法').getByText(/查看详情/));
    expect(calls.navigations).toEqual(['/pages/demand/index?id=d2']);
  });

  it('approves: the item leaves the list', async () => {
    const log = await openQueue({
      'POST /admin/demands/:id/review': (req) => ({ ...queue[1]!, status: 'published', id: req.params.id }),
    });
    fireEvent.click(item('焊缝检测装备').getByText('通过'));
    await waitFor(() => expect(screen.queryByText('焊缝检测装备')).toBeNull());
    expect(log.at(-1)).toMatchObject({ method: 'POST', path: '/admin/demands/d1/review', body: { decision: 'approve' } });
    expect(calls.toasts.map((t) => t.title)).toEqual(['已通过，需求已发布']);
    expect(screen.getByText('视觉质检算法')).toBeTruthy();
  });

  it('rejects only with a reason, which goes to the owner', async () => {
    const log = await openQueue({
      'POST /admin/demands/:id/review': (req) => ({ ...queue[0]!, status: 'rejected', id: req.params.id }),
    });
    const card = item('视觉质检算法');
    fireEvent.click(card.getByText('驳回'));
    expect(card.getByText('驳回时请填写原因')).toBeTruthy();
    fireEvent.change(card.getByLabelText('驳回原因'), { target: { value: '   ' } });
    fireEvent.click(card.getByText('驳回'));
    expect(card.getByText('驳回时请填写原因')).toBeTruthy();
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(card.getByLabelText('驳回原因'), { target: { value: '请补充检测精度指标' } });
    expect(card.queryByText('驳回时请填写原因')).toBeNull();
    fireEvent.click(card.getByText('驳回'));
    await waitFor(() => expect(screen.queryByText('视觉质检算法')).toBeNull());
    expect(log.at(-1)).toMatchObject({
      path: '/admin/demands/d2/review',
      body: { decision: 'reject', reason: '请补充检测精度指标' },
    });
    expect(calls.toasts.map((t) => t.title)).toEqual(['已驳回']);
  });

  it('switches to the newest submissions first, asking the API for that order', async () => {
    const log = await openQueue({
      'GET /admin/reviews': (req) => ({
        items: req.query.order === 'newest' ? [queue[2]!, queue[0]!] : [queue[1]!, queue[0]!],
        nextCursor: null,
      }),
    });
    expect(screen.getByText(/最早提交的在前/)).toBeTruthy();
    fireEvent.click(screen.getByText('最新提交'));
    await screen.findByText('钙钛矿电池封装');
    const titles = Array.from(document.querySelectorAll('.review-item .card-title'), (n) => n.textContent);
    expect(titles).toEqual(['钙钛矿电池封装', '视觉质检算法']);
    expect(screen.getByText(/最新提交的在前/)).toBeTruthy();
    expect(log.filter((r) => r.path === '/admin/reviews').map((r) => r.query.order)).toEqual(['oldest', 'newest']);
  });

  it('says when the queue is empty', async () => {
    loginAs('admin');
    fakeApi({ 'GET /admin/reviews': () => ({ items: [], nextCursor: null }) });
    render(<ReviewPage />);
    expect(await screen.findByText('没有待审核的需求')).toBeTruthy();
  });

  it('switches between 需求, 成果 and 全部, asking the API for that kind', async () => {
    const log = await openQueue({
      'GET /admin/reviews': (req) => ({
        items:
          req.query.kind === 'demand'
            ? [queue[1]!]
            : req.query.kind === 'achievement'
              ? achievements
              : [queue[1]!, ...achievements],
        nextCursor: null,
      }),
    });
    expect(screen.queryByText('焊缝相控阵在线检测系统')).toBeNull();

    fireEvent.click(screen.getByText('成果'));
    await screen.findByText('焊缝相控阵在线检测系统');
    expect(screen.queryByText('焊缝检测装备')).toBeNull();
    const card = item('焊缝相控阵在线检测系统');
    expectTexts(card, ['南京理工大学焊接研究所 · 高校', '装备制造', '6 级 · 相似环境中演示系统通过演示', '内容待人工复核']);
    expect(card.getByText(/相控阵超声与激光视觉复合/)).toBeTruthy();
    expect(item('钙钛矿组件封装工艺').getByText('企业')).toBeTruthy();
    // One kind at a time needs no kind tag on each card.
    expect(card.queryByText('成果')).toBeNull();
    fireEvent.click(card.getByText(/查看详情/));
    expect(calls.navigations).toEqual(['/achievements/detail/index?id=a1']);

    fireEvent.click(screen.getByText('全部'));
    await waitFor(() => expect(document.querySelectorAll('.review-item')).toHaveLength(3));
    expect(item('焊缝检测装备').getByText('需求')).toBeTruthy();
    expect(item('焊缝相控阵在线检测系统').getByText('成果')).toBeTruthy();
    expect(log.filter((r) => r.path === '/admin/reviews').map((r) => r.query.kind)).toEqual(['demand', 'achievement', undefined]);
  });

  it('approves and rejects a 成果 through its own route', async () => {
    loginAs('admin');
    const log = fakeApi({
      'GET /admin/reviews': () => ({ items: achievements, nextCursor: null }),
      'POST /admin/achievements/:id/review': (req) => ({ ...achievements[0]!, id: req.params.id }),
    });
    render(<ReviewPage />);
    fireEvent.click(screen.getByText('成果'));
    await screen.findByText('焊缝相控阵在线检测系统');
    fireEvent.click(item('焊缝相控阵在线检测系统').getByText('通过'));
    await waitFor(() => expect(screen.queryByText('焊缝相控阵在线检测系统')).toBeNull());
    expect(log.at(-1)).toMatchObject({ path: '/admin/achievements/a1/review', body: { decision: 'approve' } });

    const card = item('钙钛矿组件封装工艺');
    fireEvent.change(card.getByLabelText('驳回原因'), { target: { value: '请补充封装寿命测试数据' } });
    fireEvent.click(card.getByText('驳回'));
    await waitFor(() => expect(screen.queryByText('钙钛矿组件封装工艺')).toBeNull());
    expect(log.at(-1)).toMatchObject({
      path: '/admin/achievements/a2/review',
      body: { decision: 'reject', reason: '请补充封装寿命测试数据' },
    });
    expect(calls.toasts.map((t) => t.title)).toEqual(['已通过，成果已发布', '已驳回']);
    expect(await screen.findByText('没有待审核的成果')).toBeTruthy();
  });
});
