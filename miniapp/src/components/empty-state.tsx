import { Button, Text, View } from '@tarojs/components';
import './states.css';

export interface EmptyStateProps {
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
}

export function EmptyState({ title, description, actionText, onAction }: EmptyStateProps) {
  return (
    <View className='state state--empty' role='status'>
      <View className='state__icon state__icon--empty' />
      <Text className='state__title'>{title}</Text>
      {description ? <Text className='state__desc'>{description}</Text> : null}
      {actionText && onAction ? (
        <Button className='state__action' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
