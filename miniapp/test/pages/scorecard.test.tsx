import { fireEvent, render, screen, within } from '@testing-library/react';
import ScorecardPage from '../../src/achievements/scorecard/index';
import { apiError, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { expectShownWithoutRequests, retryAfterServerError } from '../features/page-helpers';
import { scorecard } from '../features/match-fixtures';
import { calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const line = (label: string, score: number) => within(screen.getByRole('group', { name: `${label} ${score} 分` }));
const detail = { id: 'a1', title: '钛合金激光焊接工艺', holderName: '南京理工大学焊接研究所', holderType: 'university' };

freshPageEachTest({ demandId: 'd1', achievementId: 'a1' });

describe('成果粗评估', () => {
  it('shows the total and each line with its score, weight, reason and facts, said to be a rough estimate', async () => {
    loginAs();
    const log = fakeApi({
      'GET /demands/:id/matches/:achievementId': () => scorecard(),
      'GET /achievements/:id': () => detail,
    });
    render(<ScorecardPage />);
    expect(screen.getByLabelText('加载中')).toBeTruthy();
    expect(await screen.findByLabelText('综合得分 83 分')).toBeTruthy();
    expect(log.map((r) => r.path).sort()).toEqual(['/achievements/a1', '/demands/d1/matches/a1']);
    expect(screen.getByText('钛合金激光焊接工艺')).toBeTruthy();
    expect(screen.getByText('南京理工大学焊接研究所 · 高校')).toBeTruthy();
    expect(screen.getByText(/粗评估：系统根据双方公开填写的信息自动估算，仅供参考/)).toBeTruthy();
    expect(screen.getByText('权重：契合度 40%、成熟度 20%、知识产权 15%、价格 15%、地域 10%。')).toBeTruthy();

    const labels = Array.from(document.querySelectorAll('.score-line__label'), (n) => n.textContent);
    expect(labels).toEqual(['契合度', '成熟度', '知识产权', '价格', '地域']);
    expect(line('契合度', 86).getByText('权重 40%')).toBeTruthy();
    expect(line('契合度', 86).getByText('成果与需求的主题一致')).toBeTruthy();
    expect(line('契合度', 86).getByText('共同概念：激光焊接、钛合金')).toBeTruthy();
    expect(line('成熟度', 70).getByText('成果 TRL 6 级，需求需要 TRL 7 级')).toBeTruthy();
    expect(line('知识产权', 80).getByText('已授权：发明专利 2 项、软件著作权 1 项；申请中：发明专利 1 项')).toBeTruthy();
    expect(line('价格', 100).getByText('成果参考价格 80万元，需求拟投入 120万元')).toBeTruthy();
    expect(line('地域', 90).getByText('同省')).toBeTruthy();
    expect(line('地域', 90).getByText('权重 10%')).toBeTruthy();

    fireEvent.click(screen.getByText('查看成果详情 ›'));
    expect(calls.navigations).toEqual(['/achievements/detail/index?id=a1']);
  });

  it('says 面议, no IP and an unknown TRL plainly, and works without the 成果 heading', async () => {
    loginAs();
    fakeApi({
      'GET /demands/:id/matches/:achievementId': () =>
        scorecard({
          maturity: { score: 30, weight: 0.2, reason: '未填写技术成熟度', needed: 7 },
          ip: { score: 0, weight: 0.15, reason: '没有知识产权', granted: {}, pending: {} },
          budget: { score: 60, weight: 0.15, reason: '价格面议', priceWan: null },
        }),
      'GET /achievements/:id': () => apiError(500, 'INTERNAL', '服务暂时出错'),
    });
    render(<ScorecardPage />);
    expect(await screen.findByText('匹配的成果')).toBeTruthy();
    expect(line('成熟度', 30).getByText('成果未填写技术成熟度，需求需要 TRL 7 级')).toBeTruthy();
    expect(line('知识产权', 0).getByText('未填写知识产权')).toBeTruthy();
    expect(line('价格', 60).getByText('成果参考价格 面议，需求拟投入 面议')).toBeTruthy();
  });

  it('invites from the scorecard: 已邀请', async () => {
    loginAs();
    const log = fakeApi({
      'GET /demands/:id/matches/:achievementId': () => scorecard(),
      'GET /achievements/:id': () => detail,
      'POST /demands/:id/invitations': () => ({}),
    });
    render(<ScorecardPage />);
    fireEvent.click(await screen.findByText('邀请揭榜'));
    fireEvent.click(screen.getByText('发送邀请'));
    expect(await screen.findByText('已邀请')).toBeTruthy();
    expect(log.at(-1)).toMatchObject({ method: 'POST', path: '/demands/d1/invitations', body: { achievementId: 'a1' } });
  });

  it('shows no access on a 404 and 重试 after a failure', async () => {
    loginAs();
    let answer: unknown = apiError(404, 'DEMAND.NOT_FOUND', '需求不存在或尚未发布');
    fakeApi({ 'GET /demands/:id/matches/:achievementId': () => answer, 'GET /achievements/:id': () => detail });
    const { unmount } = render(<ScorecardPage />);
    expect(await screen.findByText('只有需求发布者和组织方可以查看成果粗评估')).toBeTruthy();
    unmount();
    answer = apiError(503, 'INTERNAL', '服务暂时出错，请稍后重试');
    render(<ScorecardPage />);
    await retryAfterServerError(() => (answer = scorecard()));
    expect(await screen.findByLabelText('综合得分 83 分')).toBeTruthy();
  });

  it('asks a logged-out visitor to log in', () => {
    expectShownWithoutRequests(<ScorecardPage />, '请先登录');
  });
});
