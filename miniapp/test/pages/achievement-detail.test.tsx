import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Achievement } from '@cic/shared';
import AchievementDetail from '../../src/achievements/detail/index';
import { achievement, apiError, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { calls } from '../mocks/taro';
import { expectTexts } from '../features/page-helpers';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

freshPageEachTest({ id: 'a1' });

/** The public view: no owner id, no review notes. */
function publicView(over: Partial<Achievement> = {}) {
  const { ownerId: _o, rejectReason: _r, ...rest } = achievement('a1', over);
  return { ...rest, viewer: { isOwner: false } };
}

it('shows skeletons, then every public field: TRL with its GB/T 22900 words, IP by kind and status, modes, 面议, contacts', async () => {
  fakeApi({
    'GET /achievements/:id': () =>
      publicView({
        title: '高导热石墨烯薄膜',
        ip: [
          { kind: 'invention', number: 'ZL202310001234.5', status: 'granted' },
          { kind: 'invention', number: 'CN202410005678.9', status: 'pending' },
          { kind: 'software', number: '2024SR123456', status: 'granted' },
        ],
      }),
  });
  render(<AchievementDetail />);
  expect(screen.getByLabelText('加载中')).toBeTruthy();
  expect(await screen.findByText('高导热石墨烯薄膜')).toBeTruthy();
  expectTexts(screen, [
    '7 级 · 真实环境中演示系统通过演示（GB/T 22900）',
    '发明专利（已授权 1 · 申请中 1）',
    '软件著作权（已授权 1）',
    'CN202410005678.9 · 申请中',
    '技术转让、许可使用',
    '面议',
    '江南材料研究院 · 科研院所',
    '李老师',
    '13912345678',
    '石墨烯、导热膜',
  ]);
  expect(screen.queryByText('示例')).toBeNull();
  expect(screen.queryByRole('region', { name: '我的成果' })).toBeNull();
});

it('hides the holder and contacts of an anonymous 成果, and marks a demo 成果 示例', async () => {
  fakeApi({
    'GET /achievements/:id': () => {
      const {
        holderName: _h,
        contactName: _c,
        contactPhone: _p,
        ...rest
      } = publicView({ anonymous: true, example: true, priceWan: 80 });
      return rest;
    },
  });
  render(<AchievementDetail />);
  expect(await screen.findByText('持有单位和联系方式已按持有方要求隐去')).toBeTruthy();
  expect(screen.getByText('匿名 · 科研院所')).toBeTruthy();
  expect(screen.getByText('示例')).toBeTruthy();
  expect(screen.getByText(/示例成果：为演示平台功能编写/)).toBeTruthy();
  expect(screen.getByText('80万元')).toBeTruthy();
  expect(screen.queryByText('李老师')).toBeNull();
});

it('says a missing 成果 is not there, and offers 重试 on an error', async () => {
  let status = 404;
  fakeApi({
    'GET /achievements/:id': () =>
      status === 404
        ? apiError(404, 'ACHIEVEMENT.NOT_FOUND', '成果不存在')
        : apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试'),
  });
  const first = render(<AchievementDetail />);
  expect(await screen.findByText('成果不存在或尚未发布')).toBeTruthy();
  first.unmount();
  status = 500;
  render(<AchievementDetail />);
  expect(await screen.findByText('服务暂时出错，请稍后重试')).toBeTruthy();
  expect(screen.getByText('重试')).toBeTruthy();
});

it('shows the holder the status and reject reason, opens the editor, and submits for review', async () => {
  loginAs();
  const log = fakeApi({
    'GET /achievements/:id': () => ({
      ...achievement('a1', { status: 'rejected', rejectReason: '请补充关键技术指标' }),
      viewer: { isOwner: true },
    }),
    'POST /achievements/:id/submit': () => achievement('a1', { status: 'pending_review', version: 4 }),
  });
  render(<AchievementDetail />);
  const panel = await screen.findByRole('region', { name: '我的成果' });
  expect(panel.textContent).toContain('未通过');
  expect(screen.getByText('请补充关键技术指标')).toBeTruthy();
  fireEvent.click(screen.getByText('编辑'));
  expect(calls.navigations).toEqual(['/achievements/form/index?id=a1']);

  fireEvent.click(screen.getByText('提交审核'));
  await waitFor(() => expect(screen.getByRole('region', { name: '我的成果' }).textContent).toContain('审核中'));
  expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /achievements/a1', 'POST /achievements/a1/submit']);
  expect(screen.queryByText('编辑')).toBeNull();
  expect(calls.toasts).toContainEqual({ title: '已提交审核', icon: 'success' });
});

it('lets the holder close a published 成果 after confirming', async () => {
  loginAs();
  const log = fakeApi({
    'GET /achievements/:id': () => ({ ...achievement('a1'), viewer: { isOwner: true } }),
    'POST /achievements/:id/close': () => achievement('a1', { status: 'closed' }),
  });
  render(<AchievementDetail />);
  fireEvent.click(await screen.findByText('关闭'));
  await waitFor(() => expect(screen.getByRole('region', { name: '我的成果' }).textContent).toContain('已关闭'));
  expect(calls.modals[0]?.title).toBe('关闭成果');
  expect(log.at(-1)).toMatchObject({ method: 'POST', path: '/achievements/a1/close' });
});
