import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StatsPage from '../../src/contest/stats/index';
import type { AlertFeedbackResponse } from '@cic/shared';
import { setSession } from '../../src/session/session';
import { stats } from '../features/contest-fixtures';
import { apiError, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { retryAfterServerError } from '../features/page-helpers';
import { __test } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const chart = (title: string) => within(screen.getByRole('group', { name: title }));
const rows = (title: string) =>
  chart(title)
    .getAllByLabelText(/ \d+$/)
    .map((r) => r.getAttribute('aria-label'));

freshPageEachTest();

describe('数据统计', () => {
  it('shows the headline figures (成果, 匹配 and 邀请 too), 拟投入 in 亿元 from 1亿 on', async () => {
    fakeApi({ 'GET /stats': () => stats() });
    render(<StatsPage />);
    expect(await screen.findByLabelText('已发布需求 752')).toBeTruthy();
    for (const figure of [
      '拟投入合作经费 12.35亿元',
      '揭榜方案 58',
      '已有揭榜的需求 31',
      '已对接需求 12',
      '已发布成果 36',
      '成果匹配 1,240',
      '揭榜邀请 18',
      '已接受邀请 7',
    ]) {
      expect(screen.getByLabelText(figure)).toBeTruthy();
    }
  });

  it('shows 拟投入 in 万元 below 1亿', async () => {
    fakeApi({ 'GET /stats': () => stats({ budgetWan: 8650.4 }) });
    render(<StatsPage />);
    expect(await screen.findByLabelText('拟投入合作经费 8,650万元')).toBeTruthy();
  });

  it('draws bars by field (largest first), the top 10 regions and every public status', async () => {
    fakeApi({ 'GET /stats': () => stats() });
    render(<StatsPage />);
    await screen.findByLabelText('已发布需求 752');
    expect(rows('按产业领域')).toEqual(['新材料 180', '装备制造 150', '人工智能 90', '数字经济 60', '其他 12']);
    const regions = rows('按地区（前 10）');
    expect(regions).toHaveLength(10);
    expect(regions[0]).toBe('江苏省 300');
    expect(regions).not.toContain('天津市 80');
    expect(rows('按需求状态')).toEqual(['审核中 3', '未通过 1', '已发布 700', '已对接 12', '已关闭 40']);
    // Bars are as long as their share of the largest.
    const bar = (label: string) =>
      (chart('按产业领域').getByLabelText(label).querySelector('.chart-bar') as HTMLElement).style.width;
    expect(bar('新材料 180')).toBe('100%');
    expect(bar('人工智能 90')).toBe('50%');
  });

  it('offers 重试 after a failure, and refreshes on pull-down', async () => {
    let answer: unknown = apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试');
    fakeApi({ 'GET /stats': () => answer });
    render(<StatsPage />);
    await retryAfterServerError(() => (answer = stats()));
    expect(await screen.findByLabelText('已对接需求 12')).toBeTruthy();
    answer = stats({ matched: 13 });
    __test.pullDown();
    await waitFor(() => expect(screen.getByLabelText('已对接需求 13')).toBeTruthy());
  });
});

describe('数据统计: 提醒反馈 for organisers', () => {
  const counts = (relevant: number, notRelevant: number) => ({
    relevant,
    notRelevant,
    ...(relevant + notRelevant > 0 ? { precision: relevant / (relevant + notRelevant) } : {}),
  });
  const FEEDBACK: AlertFeedbackResponse = {
    // Less judged first, to show the page puts the most judged first.
    items: [
      { concept: '焊接', main: counts(1, 0), mentioned: counts(0, 1), all: counts(1, 1) },
      { concept: '减速器', main: counts(5, 1), mentioned: counts(1, 2), all: counts(6, 3) },
    ],
    total: { main: counts(6, 1), mentioned: counts(1, 3), all: counts(7, 4) },
  };
  const rowsOf = () => within(screen.getByRole('table', { name: '提醒反馈明细' })).getAllByRole('row');

  it('shows an admin the verdicts and precision by concept and tier, most judged first, with the total', async () => {
    loginAs('admin');
    fakeApi({ 'GET /stats': () => stats(), 'GET /admin/alerts/feedback': () => FEEDBACK });
    render(<StatsPage />);
    await screen.findByText('提醒反馈（仅组织方可见）');
    await waitFor(() => expect(rowsOf()).toHaveLength(3));
    expect(rowsOf().map((r) => r.getAttribute('aria-label'))).toEqual(['合计', '减速器', '焊接']);
    const reducer = within(rowsOf()[1]!);
    expect(reducer.getByText('主题相关：有用 5 · 不相关 1 · 精确率 83%')).toBeTruthy();
    expect(reducer.getByText('提及：有用 1 · 不相关 2 · 精确率 33%')).toBeTruthy();
    expect(reducer.getByLabelText('总精确率 67%')).toBeTruthy();
    const total = within(rowsOf()[0]!);
    expect(total.getByText('主题相关：有用 6 · 不相关 1 · 精确率 86%')).toBeTruthy();
    expect(total.getByText('提及：有用 1 · 不相关 3 · 精确率 25%')).toBeTruthy();
    expect(total.getByLabelText('总精确率 64%')).toBeTruthy();
  });

  it('says when there is no feedback yet, and shows — for a tier without verdicts', async () => {
    loginAs('admin');
    let answer: unknown = { items: [], total: { main: counts(0, 0), mentioned: counts(0, 0), all: counts(0, 0) } };
    fakeApi({ 'GET /stats': () => stats(), 'GET /admin/alerts/feedback': () => answer });
    render(<StatsPage />);
    expect(await screen.findByText('还没有用户反馈')).toBeTruthy();
    const welding = { concept: '焊接', main: counts(2, 0), mentioned: counts(0, 0), all: counts(2, 0) };
    answer = { items: [welding], total: welding };
    __test.pullDown();
    await waitFor(() => expect(rowsOf()).toHaveLength(2));
    expect(within(rowsOf()[1]!).getByText('提及：有用 0 · 不相关 0 · 精确率 —')).toBeTruthy();
    expect(within(rowsOf()[1]!).getByLabelText('总精确率 100%')).toBeTruthy();
  });

  it('offers 重试 when the figures fail, without hiding the rest of the page', async () => {
    loginAs('admin');
    let answer: unknown = apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试');
    fakeApi({ 'GET /stats': () => stats(), 'GET /admin/alerts/feedback': () => answer });
    render(<StatsPage />);
    expect(await screen.findByText('反馈没有加载出来：服务暂时出错，请稍后重试')).toBeTruthy();
    expect(screen.getByLabelText('已发布需求 752')).toBeTruthy();
    answer = FEEDBACK;
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(rowsOf()).toHaveLength(3));
  });

  it('shows nothing of it, and asks nothing, for anyone but an admin', async () => {
    for (const role of [undefined, 'user', 'judge'] as const) {
      setSession(undefined);
      if (role) loginAs(role);
      const log = fakeApi({ 'GET /stats': () => stats(), 'GET /admin/alerts/feedback': () => FEEDBACK });
      const { unmount } = render(<StatsPage />);
      await screen.findByLabelText('已发布需求 752');
      expect(screen.queryByText('提醒反馈（仅组织方可见）')).toBeNull();
      expect(log.map((r) => r.path)).toEqual(['/stats']);
      unmount();
    }
  });
});
