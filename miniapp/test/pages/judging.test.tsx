import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { JudgingAssignment, ScoreRequest } from '@cic/shared';
import JudgingPage from '../../src/contest/judging/index';
import ScoreSheetPage from '../../src/contest/judging/sheet';
import { listResponse, ranking, triaged } from '../features/contest-fixtures';
import { apiError, fakeApi, type FakeRequest, freshPageEachTest, loginAs } from '../features/fake-api';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const assignment = (over: Partial<JudgingAssignment> = {}): JudgingAssignment => ({
  demandId: 'd1',
  title: '钛合金焊缝在线检测',
  closed: false,
  shortlisted: 2,
  scoredByMe: 1,
  ...over,
});

const SCORED = triaged({
  id: 's1',
  title: '相控阵在线检测',
  status: 'shortlisted',
  myScore: { completeness: 80, feasibility: 70, fit: 90 },
});
const FRESH = triaged({ id: 's2', title: 'X射线数字成像', status: 'intent' });
const card = (title: string) => within(screen.getByText(title).closest('.score-card') as HTMLElement);

function serve(extra: Record<string, (req: FakeRequest) => unknown> = {}) {
  return fakeApi({
    'GET /me/judging': () => ({ items: [assignment()] }),
    'GET /demands/:id/solutions': () => listResponse([SCORED, FRESH], { viewer: { role: 'judge' } }),
    'GET /demands/:id/ranking': () => ranking(),
    'PUT /solutions/:id/score': (req) => ({
      ...(req.body as ScoreRequest),
      solutionId: req.params.id,
      demandId: 'd1',
      judgeId: 'u1',
      at: '2026-11-20T02:00:00Z',
    }),
    ...extra,
  });
}

freshPageEachTest();

describe('评审打分', () => {
  it('lists the finals I judge, with how far I got, and opens the sheet', async () => {
    loginAs('judge');
    fakeApi({
      'GET /me/judging': () => ({
        items: [
          assignment(),
          assignment({ demandId: 'd2', title: '锂电极片缺陷检测', shortlisted: 1, scoredByMe: 1 }),
          assignment({ demandId: 'd3', title: '视觉质检', closed: true, shortlisted: 3, scoredByMe: 3 }),
        ],
      }),
    });
    render(<JudgingPage />);
    expect(await screen.findByText('钛合金焊缝在线检测')).toBeTruthy();
    for (const text of ['入围方案 2 个 · 我已评 1 个', '待评分', '已评完', '评审已结束'])
      expect(screen.getByText(text)).toBeTruthy();
    fireEvent.click(screen.getByText('锂电极片缺陷检测'));
    expect(calls.navigations).toEqual(['/contest/judging/sheet?demandId=d2']);
  });

  it('says when nothing is assigned', async () => {
    loginAs('judge');
    fakeApi({ 'GET /me/judging': () => ({ items: [] }) });
    render(<JudgingPage />);
    expect(await screen.findByText('暂无评审任务')).toBeTruthy();
  });
});

describe('评分表', () => {
  beforeEach(() => __test.setRouterParams({ demandId: 'd1' }));

  it('prefills my last score, marks what I scored, and saves a new score', async () => {
    loginAs('judge');
    const log = serve();
    render(<ScoreSheetPage />);
    expect(await screen.findByText('相控阵在线检测')).toBeTruthy();
    expect(card('相控阵在线检测').getByLabelText<HTMLInputElement>('完备性').value).toBe('80');
    expect(card('相控阵在线检测').getByLabelText<HTMLInputElement>('可实施性').value).toBe('70');
    expect(card('相控阵在线检测').getByLabelText<HTMLInputElement>('匹配性').value).toBe('90');
    expect(card('相控阵在线检测').getByText('已评分')).toBeTruthy();
    expect(card('X射线数字成像').getByText('未评分')).toBeTruthy();

    fireEvent.change(card('X射线数字成像').getByLabelText('完备性'), { target: { value: '85' } });
    fireEvent.change(card('X射线数字成像').getByLabelText('可实施性'), { target: { value: '75' } });
    fireEvent.change(card('X射线数字成像').getByLabelText('匹配性'), { target: { value: '95' } });
    fireEvent.click(card('X射线数字成像').getByText('保存评分'));
    await waitFor(() => expect(card('X射线数字成像').getByText('已评分')).toBeTruthy());
    expect(log.find((r) => r.method === 'PUT')).toMatchObject({
      path: '/solutions/s2/score',
      body: { completeness: 85, feasibility: 75, fit: 95 },
    });
    expect(calls.toasts.at(-1)?.title).toBe('评分已保存');
    // The ranking below is asked for again.
    await waitFor(() => expect(log.filter((r) => r.path === '/demands/d1/ranking')).toHaveLength(2));
  });

  it('checks 0–100 integers before sending', async () => {
    loginAs('judge');
    const log = serve();
    render(<ScoreSheetPage />);
    await screen.findByText('X射线数字成像');
    fireEvent.change(card('X射线数字成像').getByLabelText('完备性'), { target: { value: '120' } });
    fireEvent.change(card('X射线数字成像').getByLabelText('可实施性'), { target: { value: '7.5' } });
    fireEvent.click(card('X射线数字成像').getByText('保存评分'));
    expect(card('X射线数字成像').getByText('完备性的分数在 0–100 之间')).toBeTruthy();
    expect(card('X射线数字成像').getByText('可实施性必须是整数')).toBeTruthy();
    expect(card('X射线数字成像').getByText('请填写匹配性')).toBeTruthy();
    expect(log.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('shows the API’s refusal (评审已结束) in the card', async () => {
    loginAs('judge');
    serve({ 'PUT /solutions/:id/score': () => apiError(409, 'FINAL.CLOSED', '评审已结束，评分不能再修改') });
    render(<ScoreSheetPage />);
    await screen.findByText('相控阵在线检测');
    fireEvent.change(card('相控阵在线检测').getByLabelText('完备性'), { target: { value: '60' } });
    expect(card('相控阵在线检测').getByText('未评分')).toBeTruthy();
    fireEvent.click(card('相控阵在线检测').getByText('更新评分'));
    expect(await card('相控阵在线检测').findByText('评审已结束，评分不能再修改')).toBeTruthy();
    expect(card('相控阵在线检测').getByText('未评分')).toBeTruthy();
  });

  it('freezes the sheet once the final is closed, and shows the ranking', async () => {
    loginAs('judge');
    serve({
      'GET /me/judging': () => ({ items: [assignment({ closed: true })] }),
      'GET /demands/:id/ranking': () =>
        ranking({
          closed: true,
          closedAt: '2026-11-25T08:00:00Z',
          items: [
            {
              solutionId: 's1',
              title: '相控阵在线检测',
              organisation: '南京理工大学',
              status: 'shortlisted',
              judgesScored: 2,
              average: { completeness: 80, feasibility: 70, fit: 90 },
              total: 80,
              rank: 1,
            },
          ],
        }),
    });
    render(<ScoreSheetPage />);
    expect(await screen.findByText('评审已结束，评分不能再修改')).toBeTruthy();
    for (const button of screen.getAllByText('评审已结束', { selector: 'button' }))
      expect((button as HTMLButtonElement).disabled).toBe(true);
    const table = await screen.findByRole('table', { name: '评审排名' });
    expect(within(table).getByText(/评审已于 2026-11-25 16:00 结束/)).toBeTruthy();
    expect(within(table).getByText('80')).toBeTruthy();
  });

  it('tells someone who is not a judge of this final', async () => {
    loginAs('judge');
    serve({ 'GET /demands/:id/solutions': () => apiError(404, 'DEMAND.NOT_FOUND', '需求不存在') });
    render(<ScoreSheetPage />);
    expect(await screen.findByText('你不是该需求的评委')).toBeTruthy();
  });
});
