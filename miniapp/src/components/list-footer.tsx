// The line under a list: loading the next page, a failed next page (tap to try again), or the end.
import { Text, View } from '@tarojs/components';
import type { ApiError } from '../api/client';
import './list-footer.css';

export interface ListFooterProps {
  loadingMore: boolean;
  moreError: ApiError | undefined;
  hasMore: boolean;
  onRetry: () => void;
}

export function ListFooter({ loadingMore, moreError, hasMore, onRetry }: ListFooterProps) {
  if (loadingMore) return <View className='list-footer'>加载中…</View>;
  if (moreError) {
    return (
      <View className='list-footer list-footer--error' role='button' onClick={onRetry}>
        <Text>{moreError.message}，点击重试</Text>
      </View>
    );
  }
  if (!hasMore) return <View className='list-footer'>没有更多了</View>;
  return <View className='list-footer' />;
}
