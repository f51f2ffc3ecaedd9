// Under a subscription alert: was it relevant? 有用 / 不相关, the current verdict highlighted and changeable.
import { Text, View } from '@tarojs/components';
import type { Notification } from '@cic/shared';
import '../../components/filter-chips.css';

const VERDICTS = [
  { relevant: true, label: '有用' },
  { relevant: false, label: '不相关' },
] as const;

interface Props {
  item: Notification;
  sending: boolean;
  onJudge: (item: Notification, relevant: boolean) => void;
}

export function AlertFeedbackBar({ item, sending, onJudge }: Props) {
  const verdict = item.feedback?.relevant;
  const prompt = verdict === undefined ? '这条提醒对你有用吗？' : `你的反馈：${verdict ? '有用' : '不相关'}（可改）`;
  return (
    <View className='alert-feedback' role='group' aria-label='这条提醒对你有用吗'>
      <Text className='alert-feedback__prompt'>{prompt}</Text>
      {VERDICTS.map((v) => {
        const on = verdict === v.relevant;
        return (
          <View
            key={v.label}
            className={`filter-chip filter-chip--raised filter-chip--small alert-feedback__button${on ? ' filter-chip--active' : ''}${sending ? ' is-sending' : ''}`}
            role='button'
            aria-pressed={on}
            aria-disabled={sending}
            onClick={() => onJudge(item, v.relevant)}
          >
            {v.label}
          </View>
        );
      })}
    </View>
  );
}
