import { Button, Text, View } from '@tarojs/components';
import './states.css';

export interface ErrorStateProps {
  message: string;
  onRetry: () => void;
  /** Defaults to 重试. */
  retryText?: string;
}

export function ErrorState({ message, onRetry, retryText = '重试' }: ErrorStateProps) {
  return (
    <View className='state state--error' role='alert'>
      <View className='state__icon state__icon--error' />
      <Text className='state__title'>加载失败</Text>
      <Text className='state__desc'>{message}</Text>
      <Button className='state__action state__action--primary' onClick={onRetry}>
        {retryText}
      </Button>
    </View>
  );
}
