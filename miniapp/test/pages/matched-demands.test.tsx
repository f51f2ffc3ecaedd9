import { fireEvent, render, screen, within } from '@testing-library/react';
import { MatchedDemands } from '../../src/achievements/detail/matched-demands';
import { apiError, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { demandMatch } from '../features/match-fixtures';
import { calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const section = () => within(screen.getByRole('group', { name: '匹配需求' }));

freshPageEachTest();

describe('匹配需求 on a 成果', () => {
  it('lists the matching demands best first, with budget, region and why; a tap opens the demand', async () => {
    loginAs();
    const log = fakeApi({
      'GET /achievements/:id/matches': () => ({
        items: [demandMatch(1), demandMatch(2, { tier: 'mentioned', budgetWan: undefined, region: undefined })],
      }),
    });
    render(<MatchedDemands achievementId='a1' />);
    expect(section().getByText('正在加载匹配需求…')).toBeTruthy();
    await section().findByText('需求1：钛合金薄板焊接');
    expect(log.map((r) => r.path)).toEqual(['/achievements/a1/matches']);
    const first = within(screen.getByText('需求1：钛合金薄板焊接').closest('.match-card') as HTMLElement);
    for (const text of ['70分', '主题相关', '120万元', '江苏·南京', '激光焊接 · 标题'])
      expect(first.getByText(text)).toBeTruthy();
    const second = within(screen.getByText('需求2：钛合金薄板焊接').closest('.match-card') as HTMLElement);
    expect(second.getByText('提及')).toBeTruthy();
    expect(second.getByText('面议')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: '需求2：钛合金薄板焊接' }));
    expect(calls.navigations).toEqual(['/pages/demand/index?id=d2']);
  });

  it('says when nothing matches, and offers 重试 after a failure', async () => {
    loginAs();
    let answer: unknown = apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试');
    fakeApi({ 'GET /achievements/:id/matches': () => answer });
    render(<MatchedDemands achievementId='a1' />);
    expect(await section().findByText('匹配需求没有加载出来：服务暂时出错，请稍后重试')).toBeTruthy();
    answer = { items: [] };
    fireEvent.click(section().getByText('重试'));
    expect(await section().findByText('暂无匹配的需求。有相关需求发布时，我们会通知您。')).toBeTruthy();
  });
});
