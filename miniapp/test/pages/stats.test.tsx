import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StatsPage from '../../src/contest/stats/index';
import { setSession } from '../../src/session/session';
import { stats } from '../features/contest-fixtures';
import { apiError, fakeApi } from '../features/fake-api';
import { __test } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const chart = (title: string) => within(screen.getByRole('group', { name: title }));
const rows = (title: string) =>
  chart(title)
    .getAllByLabelText(/ \d+$/)
    .map((r) => r.getAttribute('aria-label'));

beforeEach(() => {
  __test.reset();
  setSession(undefined);
});

describe('数据统计', () => {
  it('shows the headline figures, 拟投入 in 亿元 from 1亿 on', async () => {
    fakeApi({ 'GET /stats': () => stats() });
    render(<StatsPage />);
    expect(await screen.findByLabelText('已发布需求 752')).toBeTruthy();
    expect(screen.getByLabelText('拟投入合作经费 12.35亿元')).toBeTruthy();
    expect(screen.getByLabelText('揭榜方案 58')).toBeTruthy();
    expect(screen.getByLabelText('已有揭榜的需求 31')).toBeTruthy();
    expect(screen.getByLabelText('已对接需求 12')).toBeTruthy();
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
    expect(await screen.findByText('服务暂时出错，请稍后重试')).toBeTruthy();
    answer = stats();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByLabelText('已对接需求 12')).toBeTruthy();
    answer = stats({ matched: 13 });
    __test.pullDown();
    await waitFor(() => expect(screen.getByLabelText('已对接需求 13')).toBeTruthy());
  });
});
