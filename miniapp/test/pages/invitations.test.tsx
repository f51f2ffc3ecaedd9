import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { InvitationResponseResult } from '@cic/shared';
import InvitationsPage from '../../src/achievements/invitations/index';
import { apiError, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { expectShownWithoutRequests, retryAfterServerError } from '../features/page-helpers';
import { invitation } from '../features/match-fixtures';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const DRAFT_KEY = 'cic.solution-draft.u1.d.d1';
const card = (title: string) => within(screen.getByText(title).closest('.invitation-item') as HTMLElement);
const page = {
  items: [
    invitation(),
    invitation({
      id: 'i2',
      demandId: 'd2',
      demandTitle: '锂电池极片缺陷视觉检测',
      status: 'accepted',
      message: undefined,
      respondedAt: '2026-11-12T06:30:00Z',
    }),
    invitation({
      id: 'i3',
      demandId: 'd3',
      demandTitle: '光伏组件封装材料',
      status: 'declined',
      respondedAt: '2026-11-11T01:00:00Z',
    }),
  ],
  nextCursor: null,
};
const prefill = {
  demandId: 'd1',
  title: '钛合金激光焊接工艺',
  summary: '成果简介：高强钛合金薄板激光焊接，焊缝强度不低于母材的90%。',
  organisation: '南京理工大学焊接研究所',
  contactName: '李教授',
  contactPhone: '13912345678',
};
const accepted = (): InvitationResponseResult => ({
  invitation: invitation({ status: 'accepted', respondedAt: '2026-11-20T02:00:00Z' }),
  solutionPrefill: prefill,
});

freshPageEachTest();

describe('揭榜邀请', () => {
  it('asks a logged-out visitor to log in', () => {
    expectShownWithoutRequests(<InvitationsPage />, '请先登录');
  });

  it('lists the invitations with their status, message and the demand', async () => {
    loginAs();
    fakeApi({ 'GET /me/invitations': () => page });
    render(<InvitationsPage />);
    await screen.findByText('钛合金薄板激光焊接变形控制');
    const open = card('钛合金薄板激光焊接变形控制');
    for (const text of ['待答复', '邀请您的成果：钛合金激光焊接工艺', '希望贵团队参与揭榜', '收到于 2026-11-10 10:00']) {
      expect(open.getByText(text)).toBeTruthy();
    }
    expect(open.getByText('接受并揭榜')).toBeTruthy();
    expect(open.getByText('婉拒')).toBeTruthy();
    const yes = card('锂电池极片缺陷视觉检测');
    expect(yes.getByText('已接受于 2026-11-12 14:30')).toBeTruthy();
    expect(yes.queryByText('接受并揭榜')).toBeNull();
    fireEvent.click(yes.getByText('去揭榜'));
    const no = card('光伏组件封装材料');
    expect(no.getByText('已婉拒')).toBeTruthy();
    expect(no.queryByRole('button')).toBeNull();
    fireEvent.click(no.getByText('查看需求 ›'));
    expect(calls.navigations).toEqual(['/contest/solution-form/index?demandId=d2', '/pages/demand/index?id=d3']);
  });

  it('accepts: the answer is sent, the 揭榜 form opens filled from the 成果', async () => {
    loginAs();
    const log = fakeApi({ 'GET /me/invitations': () => page, 'POST /invitations/:id/respond': () => accepted() });
    render(<InvitationsPage />);
    await screen.findByText('钛合金薄板激光焊接变形控制');
    fireEvent.click(card('钛合金薄板激光焊接变形控制').getByText('接受并揭榜'));
    await waitFor(() => expect(calls.navigations).toEqual(['/contest/solution-form/index?demandId=d1']));
    expect(log.at(-1)).toMatchObject({ method: 'POST', path: '/invitations/i1/respond', body: { decision: 'accept' } });
    const { demandId: _, ...values } = prefill;
    expect(__test.storage.get(DRAFT_KEY)).toMatchObject({ values, prefilled: true });
    expect(card('钛合金薄板激光焊接变形控制').getByText('已接受')).toBeTruthy();
    expect(calls.toasts.map((t) => t.title)).toEqual(['已接受邀请']);
  });

  it('never overwrites what the person already typed in the 揭榜 form', async () => {
    loginAs();
    __test.storage.set(DRAFT_KEY, { values: { title: '我自己写的方案名称', summary: '', costWan: '60' }, savedAt: 1 });
    fakeApi({ 'GET /me/invitations': () => page, 'POST /invitations/:id/respond': () => accepted() });
    render(<InvitationsPage />);
    await screen.findByText('钛合金薄板激光焊接变形控制');
    fireEvent.click(card('钛合金薄板激光焊接变形控制').getByText('接受并揭榜'));
    await waitFor(() => expect(calls.navigations).toHaveLength(1));
    expect(__test.storage.get(DRAFT_KEY)).toMatchObject({
      values: {
        title: '我自己写的方案名称',
        costWan: '60',
        summary: prefill.summary,
        organisation: prefill.organisation,
        contactName: prefill.contactName,
        contactPhone: prefill.contactPhone,
      },
    });
  });

  it('declines after asking, and stays on the list', async () => {
    loginAs();
    const log = fakeApi({
      'GET /me/invitations': () => page,
      'POST /invitations/:id/respond': () => ({
        invitation: invitation({ status: 'declined', respondedAt: '2026-11-20T02:00:00Z' }),
      }),
    });
    render(<InvitationsPage />);
    await screen.findByText('钛合金薄板激光焊接变形控制');
    __test.answerModal(false);
    fireEvent.click(card('钛合金薄板激光焊接变形控制').getByText('婉拒'));
    await waitFor(() => expect(calls.modals).toHaveLength(1));
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);

    __test.answerModal(true);
    fireEvent.click(card('钛合金薄板激光焊接变形控制').getByText('婉拒'));
    expect(await card('钛合金薄板激光焊接变形控制').findByText('已婉拒')).toBeTruthy();
    expect(log.at(-1)).toMatchObject({ path: '/invitations/i1/respond', body: { decision: 'decline' } });
    expect(calls.navigations).toEqual([]);
    expect(calls.toasts.map((t) => t.title)).toEqual(['已婉拒']);
  });

  it('says why an answer was refused, and shows the invitation as it now is', async () => {
    loginAs();
    let items = page.items;
    fakeApi({
      'GET /me/invitations': () => ({ items, nextCursor: null }),
      'POST /invitations/:id/respond': () => apiError(409, 'INVITATION.ANSWERED', '该邀请已答复，不能再次答复'),
    });
    render(<InvitationsPage />);
    await screen.findByText('钛合金薄板激光焊接变形控制');
    items = [invitation({ status: 'accepted', respondedAt: '2026-11-19T02:00:00Z' })];
    fireEvent.click(card('钛合金薄板激光焊接变形控制').getByText('接受并揭榜'));
    expect(await card('钛合金薄板激光焊接变形控制').findByText('已接受')).toBeTruthy();
    expect(calls.toasts.map((t) => t.title)).toEqual(['该邀请已答复，不能再次答复']);
    expect(calls.navigations).toEqual([]);
    expect(__test.storage.has(DRAFT_KEY)).toBe(false);
  });

  it('explains an empty list, and offers 重试 after a failure', async () => {
    loginAs();
    let answer: unknown = apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试');
    fakeApi({ 'GET /me/invitations': () => answer });
    render(<InvitationsPage />);
    await retryAfterServerError(() => (answer = { items: [], nextCursor: null }));
    expect(await screen.findByText('还没有收到邀请')).toBeTruthy();
  });
});
