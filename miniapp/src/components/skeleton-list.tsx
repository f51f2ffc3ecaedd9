// Grey placeholders in the shape of demand cards, shown while the first page loads.
import { View } from '@tarojs/components';
import './hall-card.css';
import './skeleton-list.css';

export function SkeletonList({ count = 4 }: { count?: number }) {
  return (
    <View className='skeleton-list' aria-busy='true' aria-label='加载中'>
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className='hall-card skeleton-card'>
          <View className='skeleton-line skeleton-line--title' />
          <View className='skeleton-line skeleton-line--short' />
          <View className='skeleton-line' />
          <View className='skeleton-line skeleton-line--meta' />
        </View>
      ))}
    </View>
  );
}
