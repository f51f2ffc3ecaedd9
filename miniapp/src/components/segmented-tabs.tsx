// Two or three views of one page side by side (需求 | 成果): tabs to assistive technology, one selected.
import { View } from '@tarojs/components';
import './segmented-tabs.css';

interface Props<T extends string> {
  label: string;
  tabs: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

export function SegmentedTabs<T extends string>({ label, tabs, value, onChange }: Props<T>) {
  return (
    <View className='segmented-tabs' role='tablist' aria-label={label}>
      {tabs.map((t) => (
        <View
          key={t.value}
          className={t.value === value ? 'segmented-tab is-active' : 'segmented-tab'}
          role='tab'
          aria-selected={t.value === value}
          onClick={() => t.value !== value && onChange(t.value)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
