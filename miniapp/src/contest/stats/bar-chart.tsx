// A horizontal bar chart drawn with plain views: one row per item, the bar's length relative to the largest value.
import { Text, View } from '@tarojs/components';
import { groupDigits } from '@cic/shared';
import '../../components/card.css';
import '../../components/section-title.css';

export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars, empty = '暂无数据' }: { title: string; bars: Bar[]; empty?: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <View className='card chart' role='group' aria-label={title}>
      <Text className='section-title chart-title'>{title}</Text>
      {max === 0 ? (
        <Text className='contest-meta'>{empty}</Text>
      ) : (
        bars.map((b) => (
          <View key={b.label} className='chart-row' aria-label={`${b.label} ${b.value}`}>
            <Text className='chart-label'>{b.label}</Text>
            <View className='chart-track'>
              {/* At least a sliver, so a 1 beside a 500 is still seen. */}
              <View className='chart-bar' style={{ width: `${b.value === 0 ? 0 : Math.max(2, (100 * b.value) / max)}%` }} />
            </View>
            <Text className='chart-value'>{groupDigits(b.value)}</Text>
          </View>
        ))
      )}
    </View>
  );
}
