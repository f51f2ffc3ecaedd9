// One row of single-choice chips under a title, scrolling sideways when it is wider than the screen.
import { ScrollView, Text, View } from '@tarojs/components';
import './filter-chips.css';

export interface ChipOption<V> {
  /** undefined is the "全部 / 不限" chip. */
  value: V | undefined;
  label: string;
}

export interface FilterChipsProps<V> {
  title: string;
  options: readonly ChipOption<V>[];
  value: V | undefined;
  onChange: (value: V | undefined) => void;
}

export function FilterChips<V extends string | number>({ title, options, value, onChange }: FilterChipsProps<V>) {
  return (
    <View className='filter-row' role='group' aria-label={title}>
      <Text className='filter-row__title'>{title}</Text>
      <ScrollView className='filter-row__scroll' scrollX enhanced showScrollbar={false}>
        {options.map((option) => {
          const active = option.value === value;
          return (
            <View
              key={option.label}
              className={active ? 'filter-chip filter-chip--active' : 'filter-chip'}
              role='button'
              aria-pressed={active}
              onClick={() => {
                if (!active) onChange(option.value);
              }}
            >
              {option.label}
            </View>
          );
        })}
      </ScrollView>
    </View>
  );
}
