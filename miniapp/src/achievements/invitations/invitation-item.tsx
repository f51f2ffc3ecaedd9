// One invitation to 揭榜 (动员揭榜) as its 成果's holder sees it: which demand, for which 成果, the inviter's message,
// its status, and while it waits for an answer 婉拒 / 接受并揭榜; once accepted, 去揭榜.
import { Text, View } from '@tarojs/components';
import type { Invitation, InvitationStatus } from '@cic/shared';
import { Tag, type TagTone } from '../../components';
import { CardReason } from '../../components/card-reason';
import { formatDateTime } from '../../format';
import { PillButton } from '../../contest/common/pill-button';
import '../../components/card.css';
import '../../components/text.css';
import '../common/achievements.css';
import '../matches/invite-button.css';

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  open: '待答复',
  accepted: '已接受',
  declined: '已婉拒',
};
const TONES: Record<InvitationStatus, TagTone> = { open: 'primary', accepted: 'success', declined: 'muted' };

interface Props {
  invitation: Invitation;
  busy: boolean;
  onOpenDemand: (invitation: Invitation) => void;
  onAccept: (invitation: Invitation) => void;
  onDecline: (invitation: Invitation) => void;
  /** 去揭榜, after accepting. */
  onSolve: (invitation: Invitation) => void;
}

export function InvitationItem({ invitation: inv, busy, onOpenDemand, onAccept, onDecline, onSolve }: Props) {
  const when = inv.respondedAt
    ? `${INVITATION_STATUS_LABELS[inv.status]}于 ${formatDateTime(inv.respondedAt)}`
    : `收到于 ${formatDateTime(inv.createdAt)}`;
  return (
    <View className='card invitation-item'>
      <View className='card-head'>
        <Text className='card-title'>{inv.demandTitle}</Text>
        <Tag tone={TONES[inv.status]}>{INVITATION_STATUS_LABELS[inv.status]}</Tag>
      </View>
      <Text className='text-explain invitation-line'>{`邀请您的成果：${inv.achievementTitle}`}</Text>
      <Text className='text-explain invitation-line'>{when}</Text>
      {inv.message ? <CardReason label='邀请留言' text={inv.message} neutral /> : null}
      <View className='achievements-link' role='link' onClick={() => onOpenDemand(inv)}>
        查看需求 ›
      </View>
      {inv.status === 'open' ? (
        <View className='invite-actions'>
          <PillButton className='invite-button' disabled={busy} onClick={() => onDecline(inv)}>
            婉拒
          </PillButton>
          <PillButton className='invite-button' primary disabled={busy} onClick={() => onAccept(inv)}>
            接受并揭榜
          </PillButton>
        </View>
      ) : null}
      {inv.status === 'accepted' ? (
        <View className='invite-actions'>
          <PillButton className='invite-button' primary onClick={() => onSolve(inv)}>
            去揭榜
          </PillButton>
        </View>
      ) : null}
    </View>
  );
}
