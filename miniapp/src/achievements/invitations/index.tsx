// 揭榜邀请 (我的 → 邀请, achievements/invitations/index): the invitations to 揭榜 my 成果 received, newest first
// (GET /me/invitations). 接受 answers the invitation and opens the 揭榜 form filled from the 成果 — only the fields not
// typed already on this phone, so no earlier input is lost; 婉拒 asks first, then answers.
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Invitation, InvitationResponseResult } from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState } from '../../components';
import { confirmDestructive } from '../../components/confirm';
import { prefillSolutionDraft } from '../../contest/solution-form/solution-draft';
import { MyListPage, useMyPagedList } from '../../features/login/my-list-page';
import { useSession } from '../../features/login/use-session';
import { toApiError } from '../../hooks/use-paged-list';
import { InvitationItem } from './invitation-item';
import './index.css';

const solutionForm = (demandId: string) => `/contest/solution-form/index?demandId=${encodeURIComponent(demandId)}`;

export default function InvitationsPage() {
  const session = useSession();
  const userId = session?.user.id;
  const list = useMyPagedList((cursor) => call('meInvitations', { query: { cursor } }));
  const [busy, setBusy] = useState<string>();
  const inFlight = useRef(false);

  async function respond(inv: Invitation, decision: 'accept' | 'decline'): Promise<InvitationResponseResult | undefined> {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(inv.id);
    try {
      const result = await call('invitationsRespond', { params: { id: inv.id }, body: { decision } });
      list.update((items) => items.map((i) => (i.id === result.invitation.id ? result.invitation : i)));
      return result;
    } catch (err) {
      const error = toApiError(err);
      void Taro.showToast({ title: error.message, icon: 'none' });
      // Answered elsewhere meanwhile: show how.
      if (error.code === 'INVITATION.ANSWERED') void list.refresh();
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(undefined);
    }
  }

  async function accept(inv: Invitation) {
    const result = await respond(inv, 'accept');
    if (!result || !userId) return;
    const prefill = result.solutionPrefill;
    if (prefill) {
      const { demandId, ...values } = prefill;
      prefillSolutionDraft(userId, demandId, values);
    }
    void Taro.showToast({ title: '已接受邀请', icon: 'none' });
    void Taro.navigateTo({ url: solutionForm(prefill?.demandId ?? inv.demandId) });
  }

  async function decline(inv: Invitation) {
    const confirmed = await confirmDestructive({
      title: '婉拒邀请',
      content: `婉拒后需求方会收到通知，不能再接受这条邀请。确定婉拒「${inv.demandTitle}」的邀请吗？`,
      confirmText: '婉拒',
    });
    if (!confirmed) return;
    if (await respond(inv, 'decline')) void Taro.showToast({ title: '已婉拒', icon: 'none' });
  }

  return (
    <MyListPage
      list={list}
      loginReason='登录后查看您的成果收到的揭榜邀请'
      className='achievements-page is-list'
      empty={
        <EmptyState title='还没有收到邀请' description='需求方看到与需求匹配的成果时，可以邀请持有方揭榜，邀请会出现在这里' />
      }
    >
      {(inv) => (
        <InvitationItem
          key={inv.id}
          invitation={inv}
          busy={busy === inv.id}
          onOpenDemand={(i) => void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(i.demandId)}` })}
          onAccept={(i) => void accept(i)}
          onDecline={(i) => void decline(i)}
          onSolve={(i) => void Taro.navigateTo({ url: solutionForm(i.demandId) })}
        />
      )}
    </MyListPage>
  );
}
