import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AwardRequest } from '@cic/shared';
import AwardFormPage from '../../src/contest/award-form/index';
import { listResponse, triaged } from '../features/contest-fixtures';
import { apiError, fakeApi, type FakeRequest, freshPageEachTest, loginAs } from '../features/fake-api';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const year = String(new Date().getFullYear());

function serve(
  award: (req: FakeRequest) => unknown = (req) => ({
    ...(req.body as AwardRequest),
    id: 'a1',
    label: '最佳解决方案奖',
    winnerName: '南京理工大学',
    at: '2026-11-30T02:00:00Z',
  }),
) {
  return fakeApi({
    'GET /demands/:id/solutions': () =>
      listResponse(
        [
          triaged({ id: 's1', title: '相控阵在线检测', organisation: '南京理工大学', status: 'intent' }),
          triaged({ id: 's2', title: '涡流阵列检测', organisation: '常州检测', status: 'declined' }),
        ],
        { viewer: { role: 'admin' } },
      ),
    'POST /admin/awards': award,
  });
}

freshPageEachTest({ demandId: 'd1' });

describe('颁发奖项', () => {
  it('is for organisers only', () => {
    loginAs('user');
    const log = serve();
    render(<AwardFormPage />);
    expect(screen.getByText('只有组织方管理员可以颁发奖项')).toBeTruthy();
    expect(log).toEqual([]);
  });

  it('gives 最佳解决方案奖 to a picked solution, and shows who won', async () => {
    loginAs('admin');
    const log = serve();
    render(<AwardFormPage />);
    await screen.findByText('相控阵在线检测 · 南京理工大学（已签意向）');
    expect(screen.getByRole('radio', { name: '最佳解决方案奖' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('年度').value).toBe(year);

    fireEvent.click(screen.getByText('颁发'));
    expect(screen.getByText('颁给方案团队时请指定方案')).toBeTruthy();
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.click(screen.getByRole('radio', { name: '相控阵在线检测 · 南京理工大学（已签意向）' }));
    fireEvent.change(screen.getByLabelText('颁奖词'), { target: { value: '检测方案完整可落地' } });
    fireEvent.click(screen.getByText('颁发'));
    expect(await screen.findByText('已颁发：最佳解决方案奖')).toBeTruthy();
    expect(screen.getByText(`获奖者：南京理工大学 · ${year} 年度`)).toBeTruthy();
    expect(log.find((r) => r.method === 'POST')).toMatchObject({
      path: '/admin/awards',
      body: {
        demandId: 'd1',
        kind: 'best_solution',
        target: 'solution',
        solutionId: 's1',
        year: Number(year),
        note: '检测方案完整可落地',
      },
    });
  });

  it('asks for the name of an 其他奖项, sends no solution for the company, and shows the API’s errors', async () => {
    loginAs('admin');
    const log = serve(() => apiError(400, 'AWARD.TARGET_INVALID', '获奖对象与需求不符', { target: '该需求没有技术经纪人' }));
    render(<AwardFormPage />);
    await screen.findByText('相控阵在线检测 · 南京理工大学（已签意向）');
    fireEvent.click(screen.getByRole('radio', { name: '其他奖项' }));
    fireEvent.click(screen.getByRole('radio', { name: '技术经纪人' }));
    expect(screen.queryByText(/相控阵在线检测/)).toBeNull();
    fireEvent.click(screen.getByText('颁发'));
    expect(screen.getByText('请填写奖项名称')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('奖项名称'), { target: { value: '优秀对接服务奖' } });
    fireEvent.change(screen.getByLabelText('年度'), { target: { value: '2014' } });
    fireEvent.click(screen.getByText('颁发'));
    expect(screen.getByText('年度不能早于 2015')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('年度'), { target: { value: '2026' } });
    fireEvent.click(screen.getByText('颁发'));
    expect(await screen.findByText('该需求没有技术经纪人')).toBeTruthy();
    await waitFor(() =>
      expect(log.find((r) => r.method === 'POST')?.body).toEqual({
        demandId: 'd1',
        kind: 'other',
        kindOther: '优秀对接服务奖',
        target: 'broker',
        year: 2026,
      }),
    );
  });
});
