import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MySolutionsPage from '../../src/contest/my-solutions/index';
import { mySolution } from '../features/contest-fixtures';
import { apiError, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { expectShownWithoutRequests, retryAfterServerError } from '../features/page-helpers';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const card = (title: string) => within(screen.getByText(title).closest('.my-solution') as HTMLElement);

freshPageEachTest();

describe('我的揭榜', () => {
  it('lists my solutions with their state, the decline reason, and 修改 only while 待处理', async () => {
    loginAs();
    fakeApi({
      'GET /me/solutions': () => ({
        items: [
          mySolution({ id: 's1', title: '相控阵在线检测', status: 'submitted' }),
          mySolution({
            id: 's2',
            title: '涡流阵列检测',
            status: 'declined',
            decisionReason: '检测速度达不到产线节拍要求',
            decidedAt: '2026-11-12T02:00:00Z',
            demandTitle: '锂电极片缺陷检测',
            demandStatus: 'matched',
          }),
          mySolution({ id: 's3', title: 'X射线数字成像', status: 'shortlisted' }),
        ],
      }),
    });
    render(<MySolutionsPage />);
    expect(await screen.findByText('相控阵在线检测')).toBeTruthy();

    expect(card('相控阵在线检测').getByText('待处理')).toBeTruthy();
    for (const text of ['未入选', '婉拒原因', '检测速度达不到产线节拍要求', '已对接']) {
      expect(card('涡流阵列检测').getByText(text)).toBeTruthy();
    }
    expect(card('X射线数字成像').getByText('已入围')).toBeTruthy();

    expect(screen.getAllByText('修改方案')).toHaveLength(1);
    fireEvent.click(card('相控阵在线检测').getByText('修改方案'));
    fireEvent.click(card('涡流阵列检测').getByText('揭榜需求：锂电极片缺陷检测'));
    expect(calls.navigations).toEqual(['/contest/solution-form/index?id=s1', '/pages/demand/index?id=d1']);
  });

  it('says how to start when there is none', async () => {
    loginAs();
    fakeApi({ 'GET /me/solutions': () => ({ items: [] }) });
    render(<MySolutionsPage />);
    expect(await screen.findByText('还没有揭榜')).toBeTruthy();
    fireEvent.click(screen.getByText('去需求大厅'));
    expect(calls.navigations).toEqual(['/pages/index/index']);
  });

  it('refreshes on pull-down, and offers 重试 after a failure', async () => {
    loginAs();
    let up = false;
    let items = [mySolution({ title: '相控阵在线检测' })];
    const log = fakeApi({ 'GET /me/solutions': () => (up ? { items } : apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试')) });
    render(<MySolutionsPage />);
    await retryAfterServerError(() => (up = true));
    expect(await screen.findByText('待处理')).toBeTruthy();

    items = [mySolution({ title: '相控阵在线检测', status: 'shortlisted' })];
    __test.pullDown();
    expect(await screen.findByText('已入围')).toBeTruthy();
    await waitFor(() => expect(log).toHaveLength(3));
  });

  it('asks a logged-out visitor to log in', () => {
    expectShownWithoutRequests(<MySolutionsPage />, '登录后查看你提交的揭榜方案');
  });
});
