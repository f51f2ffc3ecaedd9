import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MatchesPage from '../../src/achievements/matches/index';
import { apiError, fakeApi, type FakeRequest, freshPageEachTest, loginAs } from '../features/fake-api';
import { expectShownWithoutRequests, retryAfterServerError } from '../features/page-helpers';
import { achievementMatch } from '../features/match-fixtures';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const card = (title: string) => within(screen.getByText(title).closest('.match-card') as HTMLElement);
const ranked = [achievementMatch(0), achievementMatch(1, { tier: 'mentioned', holderType: 'enterprise', trl: undefined })];

/** Logged in as the demand's owner, its ranked 成果 listed, other routes answered by `routes`; returns the requests. */
async function openMatches(routes: Record<string, (req: FakeRequest) => unknown> = {}) {
  loginAs();
  const log = fakeApi({ 'GET /demands/:id/matches': () => ({ items: ranked }), ...routes });
  render(<MatchesPage />);
  await screen.findByText('成果0：钛合金激光焊接工艺');
  return log;
}

/** Sends an invitation from `item` (a card), with `message` typed if there is one. */
function invite(item: ReturnType<typeof card>, message?: string) {
  fireEvent.click(item.getByText('邀请揭榜'));
  if (message !== undefined) fireEvent.change(item.getByLabelText('邀请留言（选填）'), { target: { value: message } });
  fireEvent.click(item.getByText('发送邀请'));
}

freshPageEachTest({ demandId: 'd1' });

describe('匹配成果', () => {
  it('asks a logged-out visitor to log in, and sends nothing', () => {
    expectShownWithoutRequests(<MatchesPage />, '请先登录');
  });

  it('lists the ranked 成果 with score, tier, why and TRL; a tap opens the 粗评估', async () => {
    loginAs();
    const log = fakeApi({ 'GET /demands/:id/matches': () => ({ items: ranked }) });
    render(<MatchesPage />);
    expect(screen.getByLabelText('加载中')).toBeTruthy();
    await screen.findByText('成果0：钛合金激光焊接工艺');
    expect(log[0]).toMatchObject({ path: '/demands/d1/matches', query: { limit: '30' } });
    const titles = Array.from(document.querySelectorAll('.match-card__title'), (n) => n.textContent);
    expect(titles).toEqual(['成果0：钛合金激光焊接工艺', '成果1：钛合金激光焊接工艺']);

    const best = card('成果0：钛合金激光焊接工艺');
    for (const text of [
      '90分',
      '主题相关',
      '高校',
      'TRL 6 级',
      '激光焊接 · 标题',
      '钛合金（匹配同义词“钛材”）· 描述',
      '产业领域：新材料',
    ]) {
      expect(best.getByText(text)).toBeTruthy();
    }
    const second = card('成果1：钛合金激光焊接工艺');
    expect(second.getByText('提及')).toBeTruthy();
    expect(second.getByText('企业')).toBeTruthy();
    expect(second.queryByText(/TRL/)).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: '成果1：钛合金激光焊接工艺' }));
    expect(calls.navigations).toEqual(['/achievements/scorecard/index?demandId=d1&achievementId=a1']);
  });

  it('invites with a message: 201 → 已邀请', async () => {
    const log = await openMatches({ 'POST /demands/:id/invitations': () => ({}) });
    const best = card('成果0：钛合金激光焊接工艺');
    invite(best, '  欢迎参与揭榜，期待交流  ');
    expect(await best.findByText('已邀请')).toBeTruthy();
    expect(log.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({
        path: '/demands/d1/invitations',
        body: { achievementId: 'a0', message: '欢迎参与揭榜，期待交流' },
      }),
    ]);
    expect(calls.toasts.map((t) => t.title)).toEqual(['邀请已发送']);
    // The other 成果 can still be invited.
    expect(card('成果1：钛合金激光焊接工艺').getByText('邀请揭榜')).toBeTruthy();
  });

  it('says 已邀请，等待答复 on a 409 INVITATION.EXISTS, and sends no message when none is typed', async () => {
    const log = await openMatches({
      'POST /demands/:id/invitations': () => apiError(409, 'INVITATION.EXISTS', '已向该成果发出邀请，请等待对方答复'),
    });
    const second = card('成果1：钛合金激光焊接工艺');
    invite(second);
    expect(await second.findByText('已邀请，等待答复')).toBeTruthy();
    expect(log.at(-1)).toMatchObject({ method: 'POST', body: { achievementId: 'a1' } });
  });

  it('keeps the message and says why when the invitation is refused otherwise', async () => {
    await openMatches({
      'POST /demands/:id/invitations': () =>
        apiError(409, 'INVITATION.DEMAND_NOT_OPEN', '只能为正在揭榜的需求（已发布）发出邀请'),
    });
    const best = card('成果0：钛合金激光焊接工艺');
    invite(best, '请联系我们');
    expect(await best.findByText('只能为正在揭榜的需求（已发布）发出邀请')).toBeTruthy();
    expect(best.getByLabelText<HTMLTextAreaElement>('邀请留言（选填）').value).toBe('请联系我们');
    expect(best.queryByText(/已邀请/)).toBeNull();
  });

  it('checks the message length before sending', async () => {
    const log = await openMatches();
    const best = card('成果0：钛合金激光焊接工艺');
    fireEvent.click(best.getByText('邀请揭榜'));
    fireEvent.change(best.getByLabelText('邀请留言（选填）'), { target: { value: '很'.repeat(201) } });
    expect(best.getByText('邀请留言不能超过 200 个字')).toBeTruthy();
    fireEvent.click(best.getByText('发送邀请'));
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('says when nothing matches yet', async () => {
    loginAs();
    fakeApi({ 'GET /demands/:id/matches': () => ({ items: [] }) });
    render(<MatchesPage />);
    expect(await screen.findByText('暂无匹配的成果')).toBeTruthy();
  });

  it('shows no access on a 404 (not the owner), and 重试 after a failure', async () => {
    loginAs();
    let answer: unknown = apiError(404, 'DEMAND.NOT_FOUND', '需求不存在或尚未发布');
    fakeApi({ 'GET /demands/:id/matches': () => answer });
    const { unmount } = render(<MatchesPage />);
    expect(await screen.findByText('只有需求发布者和组织方可以查看该需求的匹配成果')).toBeTruthy();
    unmount();

    answer = apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试');
    render(<MatchesPage />);
    await retryAfterServerError(() => (answer = { items: ranked }));
    expect(await screen.findByText('成果0：钛合金激光焊接工艺')).toBeTruthy();
  });

  it('refreshes on pull-down', async () => {
    loginAs();
    let items = [achievementMatch(0)];
    const log = fakeApi({ 'GET /demands/:id/matches': () => ({ items }) });
    render(<MatchesPage />);
    await screen.findByText('成果0：钛合金激光焊接工艺');
    items = [achievementMatch(3), achievementMatch(0)];
    __test.pullDown();
    expect(await screen.findByText('成果3：钛合金激光焊接工艺')).toBeTruthy();
    await waitFor(() => expect(log.filter((r) => r.path === '/demands/d1/matches')).toHaveLength(2));
  });
});
