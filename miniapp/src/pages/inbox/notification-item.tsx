import { Text, View } from '@tarojs/components';
import { MATCH_TIER_LABELS, type Notification } from '@cic/shared';
import { Tag } from '../../components';
import { formatRelativeTime } from '../../format';
import { AlertFeedbackBar } from './alert-feedback-bar';
import { REASON_LABELS, tierOf, whyReceived } from './why-received';
import '../../components/hall-card.css';

interface Props {
  item: Notification;
  onOpen: (item: Notification) => void;
  /** 有用 / 不相关, on subscription alerts. */
  feedback: { sending: boolean; onJudge: (item: Notification, relevant: boolean) => void };
}

export function NotificationItem({ item, onOpen, feedback }: Props) {
  const unread = !item.readAt;
  const tier = tierOf(item);
  const [headline, ...details] = whyReceived(item);
  return (
    <View className={unread ? 'hall-card notification-item unread' : 'hall-card notification-item'}>
      <View className='notification-item__body' onClick={() => onOpen(item)}>
        <View className='notification-item__head'>
          {unread ? <View className='notification-item__dot' aria-label='未读' /> : null}
          <Text className='notification-item__reason'>{REASON_LABELS[item.reason]}</Text>
          {tier ? (
            <Tag tone={tier === 'main' ? 'primary' : 'neutral'} tier>
              {MATCH_TIER_LABELS[tier]}
            </Tag>
          ) : null}
          <Text className='notification-item__time'>{formatRelativeTime(item.createdAt)}</Text>
        </View>
        <Text className='notification-item__title'>{item.title}</Text>
        <View className='notification-item__why'>
          <Text className='notification-item__why-label'>为什么收到这条</Text>
          <Text className='notification-item__why-line'>{headline}</Text>
          {details.map((line) => (
            <Text key={line} className='notification-item__why-line'>
              {line}
            </Text>
          ))}
        </View>
      </View>
      {item.reason === 'new_match' ? (
        <AlertFeedbackBar item={item} sending={feedback.sending} onJudge={feedback.onJudge} />
      ) : null}
    </View>
  );
}
