// 邀请揭榜 on a matched 成果 (匹配成果, 成果粗评估): a tap opens an optional message, 发送邀请 sends
// POST /demands/{id}/invitations. 201 → 已邀请; 409 INVITATION.EXISTS → 已邀请，等待答复 (one open invitation per demand
// and 成果). Any other refusal shows its message and keeps what was typed.
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { charCount, INVITATION_MESSAGE_MAX, validateInvitation } from '@cic/shared';
import { call } from '../../api/client';
import { ReasonField } from '../../components/form-fields';
import { PillButton } from '../../contest/common/pill-button';
import { toApiError } from '../../hooks/use-paged-list';
import '../../components/form.css';
import './invite-button.css';

type Step = 'idle' | 'composing' | 'sending' | 'invited' | 'waiting';

const DONE: Partial<Record<Step, string>> = { invited: '已邀请', waiting: '已邀请，等待答复' };

export function InviteButton({ demandId, achievementId }: { demandId: string; achievementId: string }) {
  const [step, setStep] = useState<Step>('idle');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  // A second tap before the re-render must not send a second invitation.
  const inFlight = useRef(false);

  async function send() {
    if (inFlight.current) return;
    const text = message.trim();
    const checked = validateInvitation(text ? { achievementId, message: text } : { achievementId });
    if (!checked.ok) return setError(checked.fields.message ?? checked.fields.achievementId ?? checked.message);
    inFlight.current = true;
    setStep('sending');
    try {
      await call('invitationsCreate', { params: { id: demandId }, body: checked.value });
      setStep('invited');
      void Taro.showToast({ title: '邀请已发送', icon: 'none' });
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'INVITATION.EXISTS') return setStep('waiting');
      setStep('composing');
      setError(e.fields.message ?? e.message);
    } finally {
      inFlight.current = false;
    }
  }

  const done = DONE[step];
  if (done) {
    return (
      <Text className='invite-done' aria-live='polite'>
        {done}
      </Text>
    );
  }
  if (step === 'idle') {
    return (
      <PillButton className='invite-button' primary onClick={() => setStep('composing')}>
        邀请揭榜
      </PillButton>
    );
  }
  const sending = step === 'sending';
  return (
    <View className='invite-box'>
      <ReasonField
        label='邀请留言（选填）'
        value={message}
        multiline
        placeholder={`向成果持有方说明需求要点，不超过 ${INVITATION_MESSAGE_MAX} 字`}
        error={error}
        onInput={(v) => {
          setMessage(v);
          setError(charCount(v.trim()) > INVITATION_MESSAGE_MAX ? `邀请留言不能超过 ${INVITATION_MESSAGE_MAX} 个字` : undefined);
        }}
      />
      <View className='invite-actions'>
        <PillButton className='invite-button' disabled={sending} onClick={() => setStep('idle')}>
          取消
        </PillButton>
        <PillButton className='invite-button' primary loading={sending} disabled={sending} onClick={() => void send()}>
          发送邀请
        </PillButton>
      </View>
    </View>
  );
}
