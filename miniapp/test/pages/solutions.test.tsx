import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { DecisionRequest, TriagedSolution } from '@cic/shared';
import SolutionsPage from '../../src/contest/solutions/index';
import { listResponse, ranking, solution, triaged } from '../features/contest-fixtures';
import { apiError, fakeApi, type FakeRequest, freshPageEachTest, loginAs } from '../features/fake-api';
import { calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const A = triaged({
  id: 's1',
  title: '相控阵在线检测',
  organisation: '南京理工大学',
  fit: { score: 86, terms: ['钛合金', '焊缝'] },
  judgeScore: { total: 88.333, judges: 2 },
});
const B = triaged({ id: 's2', title: '涡流阵列检测', organisation: '常州检测技术公司', fit: { score: 41, terms: [] } });
const C = triaged({
  id: 's3',
  title: 'X射线数字成像',
  organisation: '上海光机所',
  status: 'shortlisted',
  fit: { score: 63, terms: ['焊缝'] },
});

const card = (title: string) => within(screen.getByText(title).closest('.solution-card') as HTMLElement);
const DECIDE = 'POST /solutions/:id/decision';

/** The owner's API: the three solutions, sorted and filtered as asked; decisions change their state. */
function serve(extra: Record<string, (req: FakeRequest) => unknown> = {}, role: 'owner' | 'admin' = 'owner') {
  let items: TriagedSolution[] = [A, B, C];
  return fakeApi({
    'GET /demands/:id/solutions': (req) => {
      const shown = items.filter((s) => !req.query.status || s.status === req.query.status);
      const res = listResponse(shown, { sort: (req.query.sort ?? 'time') as 'fit', viewer: { role } });
      return { ...res, counts: listResponse(items).counts };
    },
    [DECIDE]: (req) => {
      const { decision, reason } = req.body as DecisionRequest;
      const status = ({ shortlist: 'shortlisted', decline: 'declined', intent: 'intent' } as const)[decision];
      items = items.map((s) => (s.id === req.params.id ? { ...s, status, decisionReason: reason } : s));
      return solution({ id: req.params.id, status, decisionReason: reason });
    },
    'GET /demands/:id/ranking': () => ranking(),
    ...extra,
  });
}

freshPageEachTest({ demandId: 'd1' });

describe('揭榜方案 (the owner’s view)', () => {
  it('shows each solution’s fit, the demand’s words it shares, the judges’ score, and counts by state', async () => {
    loginAs();
    const log = serve();
    render(<SolutionsPage />);
    expect(await screen.findByText('相控阵在线检测')).toBeTruthy();
    expect(log[0]).toMatchObject({ path: '/demands/d1/solutions', query: { sort: 'fit' } });

    expect(card('相控阵在线检测').getByLabelText('匹配度 86')).toBeTruthy();
    const terms = card('相控阵在线检测').getByLabelText('命中需求关键词');
    expect(within(terms).getByText('钛合金').className).toContain('tag--primary');
    expect(within(terms).getByText('焊缝')).toBeTruthy();
    expect(card('相控阵在线检测').getByText('88.3')).toBeTruthy();
    expect(card('相控阵在线检测').getByText('评委评分（2 位）')).toBeTruthy();
    expect(card('涡流阵列检测').queryByLabelText('命中需求关键词')).toBeNull();
    expect(card('涡流阵列检测').queryByText(/评委评分/)).toBeNull();

    for (const chip of ['全部 3', '待处理 2', '已入围 1', '未入选 0', '已签意向 0']) expect(screen.getByText(chip)).toBeTruthy();
  });

  it('asks the API again with the chosen sort and state', async () => {
    loginAs();
    const log = serve();
    render(<SolutionsPage />);
    await screen.findByText('相控阵在线检测');
    fireEvent.click(screen.getByText('评分'));
    await waitFor(() => expect(log.at(-1)?.query).toEqual({ sort: 'score' }));
    fireEvent.click(screen.getByText('时间'));
    await waitFor(() => expect(log.at(-1)?.query).toEqual({ sort: 'time' }));

    fireEvent.click(screen.getByText('已入围 1'));
    await waitFor(() => expect(log.at(-1)?.query).toEqual({ sort: 'time', status: 'shortlisted' }));
    await waitFor(() => expect(screen.queryByText('相控阵在线检测')).toBeNull());
    expect(screen.getByText('X射线数字成像')).toBeTruthy();
    // The counts stay those of every solution.
    expect(screen.getByText('全部 3')).toBeTruthy();

    fireEvent.click(screen.getByText('已签意向 0'));
    expect(await screen.findByText('没有已签意向的方案')).toBeTruthy();
  });

  it('shortlists, then offers only what the new state allows', async () => {
    loginAs();
    const log = serve();
    render(<SolutionsPage />);
    await screen.findByText('相控阵在线检测');
    expect(card('X射线数字成像').queryByText('入围')).toBeNull();
    fireEvent.click(card('相控阵在线检测').getByText('入围'));
    await waitFor(() => expect(card('相控阵在线检测').getByText('已入围')).toBeTruthy());
    expect(log.find((r) => r.method === 'POST')).toMatchObject({
      path: '/solutions/s1/decision',
      body: { decision: 'shortlist' },
    });
    expect(calls.toasts.at(-1)?.title).toBe('已入围');
    expect(card('相控阵在线检测').queryByText('入围')).toBeNull();
    expect(card('相控阵在线检测').getByText('签订意向协议')).toBeTruthy();
  });

  it('declines only with a reason, which the submitter will read', async () => {
    loginAs();
    const log = serve();
    render(<SolutionsPage />);
    await screen.findByText('涡流阵列检测');
    fireEvent.click(card('涡流阵列检测').getByText('婉拒'));
    fireEvent.click(card('涡流阵列检测').getByText('确认婉拒'));
    expect(card('涡流阵列检测').getByText('婉拒时请填写原因，揭榜方会看到它')).toBeTruthy();
    fireEvent.change(card('涡流阵列检测').getByLabelText('婉拒原因'), { target: { value: '   ' } });
    fireEvent.click(card('涡流阵列检测').getByText('确认婉拒'));
    expect(card('涡流阵列检测').getByText('婉拒时请填写原因，揭榜方会看到它')).toBeTruthy();
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(card('涡流阵列检测').getByLabelText('婉拒原因'), { target: { value: '检测速度达不到产线节拍要求' } });
    expect(card('涡流阵列检测').queryByText('婉拒时请填写原因，揭榜方会看到它')).toBeNull();
    fireEvent.click(card('涡流阵列检测').getByText('确认婉拒'));
    await waitFor(() => expect(card('涡流阵列检测').getByText('未入选')).toBeTruthy());
    expect(log.find((r) => r.method === 'POST')).toMatchObject({
      path: '/solutions/s2/decision',
      body: { decision: 'decline', reason: '检测速度达不到产线节拍要求' },
    });
    expect(card('涡流阵列检测').getByText('检测速度达不到产线节拍要求')).toBeTruthy();
    expect(card('涡流阵列检测').queryByText('婉拒')).toBeNull();
  });

  it('signs an intent agreement only after the confirm dialog, and shows the API’s refusal in the card', async () => {
    loginAs();
    let matched = false;
    const log = serve({
      [DECIDE]: (req) =>
        matched
          ? apiError(409, 'SOLUTION.MATCHED', '该需求已与其他方案签订意向协议')
          : solution({ id: req.params.id, status: 'intent' }),
    });
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true } as never);
    render(<SolutionsPage />);
    await screen.findByText('X射线数字成像');
    fireEvent.click(card('X射线数字成像').getByText('签订意向协议'));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(modal.mock.calls[0]?.[0]).toMatchObject({ title: '签订意向协议', content: expect.stringContaining('上海光机所') });
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);

    matched = true;
    fireEvent.click(card('X射线数字成像').getByText('签订意向协议'));
    expect(await card('X射线数字成像').findByText('该需求已与其他方案签订意向协议')).toBeTruthy();
    expect(log.find((r) => r.method === 'POST')).toMatchObject({ path: '/solutions/s3/decision', body: { decision: 'intent' } });
    modal.mockRestore();
  });

  it('folds a long summary to three lines, with 展开全文', async () => {
    loginAs();
    serve();
    render(<SolutionsPage />);
    await screen.findByText('相控阵在线检测');
    const text = card('相控阵在线检测').getByText(/相控阵超声与激光视觉复合/);
    expect(text.className).toContain('is-clamped');
    fireEvent.click(card('相控阵在线检测').getByText('展开全文'));
    expect(text.className).not.toContain('is-clamped');
    expect(card('相控阵在线检测').getByText('收起')).toBeTruthy();
  });

  it('shows the ranking on its tab', async () => {
    loginAs();
    const log = serve({
      'GET /demands/:id/ranking': () =>
        ranking({
          items: [
            {
              solutionId: 's3',
              title: 'X射线数字成像',
              organisation: '上海光机所',
              status: 'shortlisted',
              judgesScored: 2,
              average: { completeness: 90, feasibility: 80, fit: 85 },
              total: 85,
              rank: 1,
            },
            {
              solutionId: 's1',
              title: '相控阵在线检测',
              organisation: '南京理工大学',
              status: 'shortlisted',
              judgesScored: 0,
              average: null,
              total: null,
              rank: null,
            },
          ],
        }),
    });
    render(<SolutionsPage />);
    await screen.findByText('相控阵在线检测');
    fireEvent.click(screen.getByRole('tab', { name: '评审排名' }));
    const table = await screen.findByRole('table', { name: '评审排名' });
    expect(log.at(-1)?.path).toBe('/demands/d1/ranking');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^1X射线数字成像上海光机所完备性 90 · 可实施性 80 · 匹配性 85 · 2\/2 位评委已评已入围85$/),
      expect.stringMatching(/^—相控阵在线检测南京理工大学尚未评分 · 0\/2 位评委已评已入围—$/),
    ]);
  });

  it('gives an organiser the list without the owner’s decisions, and the way to an award', async () => {
    loginAs('admin');
    serve({}, 'admin');
    render(<SolutionsPage />);
    await screen.findByText('相控阵在线检测');
    expect(screen.queryByText('入围')).toBeNull();
    expect(screen.queryByText('婉拒')).toBeNull();
    fireEvent.click(screen.getByText('颁发奖项 ›'));
    expect(calls.navigations).toEqual(['/contest/award-form/index?demandId=d1']);
  });

  it('says when there is nothing yet, and when the viewer may not see the solutions', async () => {
    loginAs();
    fakeApi({ 'GET /demands/:id/solutions': () => listResponse([]) });
    const first = render(<SolutionsPage />);
    expect(await screen.findByText('还没有收到揭榜方案')).toBeTruthy();
    first.unmount();

    fakeApi({ 'GET /demands/:id/solutions': () => apiError(403, 'AUTH.FORBIDDEN', '无权操作') });
    render(<SolutionsPage />);
    expect(await screen.findByText('无法查看这些方案')).toBeTruthy();
  });
});
