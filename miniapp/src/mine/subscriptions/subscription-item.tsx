import { Button, Text, View } from '@tarojs/components';
import type { Subscription } from '@cic/shared';
import { formatDate } from '../../format';
import { describeConditions } from './conditions';

export function SubscriptionItem({
  subscription,
  onDelete,
}: {
  subscription: Subscription;
  onDelete: (s: Subscription) => void;
}) {
  return (
    <View className='sub-item'>
      {describeConditions(subscription).map((line) => (
        <View key={line.label} className='sub-item-line'>
          <Text className='sub-item-label'>{line.label}</Text>
          <Text className='sub-item-text'>{line.text}</Text>
        </View>
      ))}
      <View className='sub-item-foot'>
        <Text className='sub-item-date'>创建于 {formatDate(subscription.createdAt)}</Text>
        <Button className='sub-item-delete' size='mini' onClick={() => onDelete(subscription)}>
          删除
        </Button>
      </View>
    </View>
  );
}
