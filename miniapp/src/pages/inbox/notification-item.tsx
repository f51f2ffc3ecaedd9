import { Text, View } from '@tarojs/components';
import type { Notification } from '@cic/shared';
import { formatRelativeTime } from '../../format';
import { REASON_LABELS, whyReceived } from './why-received';

export function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const unread = !item.readAt;
  const [headline, ...details] = whyReceived(item);
  return (
    <View className={unread ? 'notification-item unread' : 'notification-item'} onClick={() => onOpen(item)}>
      <View className='notification-item__head'>
        {unread ? <View className='notification-item__dot' aria-label='未读' /> : null}
        <Text className='notification-item__reason'>{REASON_LABELS[item.reason]}</Text>
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
  );
}
