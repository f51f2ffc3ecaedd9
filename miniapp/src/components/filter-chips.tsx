// One row of single-choice chips under a title, scrolling sideways when it is wider than the screen; and the chips on
// their own (ChipChoices), for a row that is laid out otherwise (the inbox's tabs).
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

export interface ChipChoicesProps<V> extends Omit<FilterChipsProps<V>, 'title'> {
  /** button: a filter, its state in aria-pressed; tab: one of a tablist, in aria-selected. */
  role?: 'button' | 'tab';
  /** White chips, for a row on the page's grey background. */
  raised?: boolean;
}

export function ChipChoices<V extends string | number>({
  options,
  value,
  onChange,
  role = 'button',
  raised = false,
}: ChipChoicesProps<V>) {
  const base = raised ? 'filter-chip filter-chip--raised' : 'filter-chip';
  return (
    <>
      {options.map((option) => {
        const active = option.value === value;
        return (
          <View
            key={option.label}
            className={active ? `${base} filter-chip--active` : base}
            role={role}
            aria-pressed={role === 'button' ? active : undefined}
            aria-selected={role === 'tab' ? active : undefined}
            onClick={() => {
              if (!active) onChange(option.value);
            }}
          >
            {option.label}
          </View>
        );
      })}
    </>
  );
}

export function FilterChips<V extends string | number>({ title, ...choices }: FilterChipsProps<V>) {
  return (
    <View className='filter-row' role='group' aria-label={title}>
      <Text className='filter-row__title'>{title}</Text>
      <ScrollView className='filter-row__scroll' scrollX enhanced showScrollbar={false}>
        <ChipChoices {...choices} />
      </ScrollView>
    </View>
  );
}
