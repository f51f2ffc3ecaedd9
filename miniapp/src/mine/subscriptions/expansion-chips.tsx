// Under a keyword: what it will match, as ticked chips by group (同义词 / 下位词 / 相关词). Unticking one stops matching
// on it; long groups show their first terms with 展开全部. Loading and failure say what they mean for saving.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ConceptExpansion } from '@cic/shared';
import { TERM_GROUP_HINTS, termGroups, untickedCount, type TermChip, type TermGroup } from './expansion.model';
import type { ExpansionState } from './use-concept-expansions';
import '../../components/text.css';

/** A keyword's own state line: loading, not loaded, nothing to expand. */
const NOTE = 'text-note text-note--lines sub-expansion-note';

/** How many chips a group shows before 展开全部. */
export const CHIPS_SHOWN = 12;

interface Props {
  keyword: string;
  state: ExpansionState | undefined;
  unticked: ReadonlySet<string>;
  onToggle: (term: string) => void;
  onRetry: () => void;
}

export function ExpansionChips({ keyword, state, unticked, onToggle, onRetry }: Props) {
  if (!state || state.status === 'loading') {
    return (
      <View className={NOTE} role='status'>
        <Text>正在加载“{keyword}”的同义词和下位词…</Text>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className={`${NOTE} is-error`} role='alert'>
        <Text>
          “{keyword}”的同义词和下位词没有加载出来（{state.message}）。不影响保存：订阅仍按完整的词义匹配。
        </Text>
        <View className='sub-expansion-retry' role='button' onClick={onRetry}>
          重试
        </View>
      </View>
    );
  }
  return <ExpansionGroups keyword={keyword} expansion={state.data} unticked={unticked} onToggle={onToggle} />;
}

function ExpansionGroups({
  keyword,
  expansion,
  unticked,
  onToggle,
}: {
  keyword: string;
  expansion: ConceptExpansion;
  unticked: ReadonlySet<string>;
  onToggle: (term: string) => void;
}) {
  const groups = termGroups(expansion, unticked);
  if (groups.length === 0) {
    return <Text className={NOTE}>“{keyword}”没有收录同义词或下位词，只匹配这个词本身</Text>;
  }
  const off = untickedCount(expansion, unticked);
  return (
    <View className='sub-expansion' role='group' aria-label={`“${keyword}”的匹配范围`}>
      <Text className='text-note text-note--lines sub-expansion-summary'>
        {off > 0 ? `也会匹配下面打勾的词（已去掉 ${off} 个）` : '也会匹配下面的词，点一下可去掉不想要的'}
      </Text>
      {groups.map((g) => (
        <ChipGroupOf key={g.key} keyword={keyword} group={g} onToggle={onToggle} />
      ))}
      {expansion.traps.length > 0 && (
        <Text className='text-note text-note--lines sub-expansion-traps'>不算命中：{expansion.traps.join('、')}</Text>
      )}
    </View>
  );
}

function ChipGroupOf({ keyword, group, onToggle }: { keyword: string; group: TermGroup; onToggle: (term: string) => void }) {
  const [all, setAll] = useState(false);
  const long = group.chips.length > CHIPS_SHOWN;
  const shown = all || !long ? group.chips : group.chips.slice(0, CHIPS_SHOWN);
  return (
    <View className='sub-term-group' role='group' aria-label={`${keyword}的${group.title}`}>
      <Text className='sub-term-group-title'>
        {group.title}
        <Text className='sub-term-group-hint'> · {TERM_GROUP_HINTS[group.key]}</Text>
      </Text>
      <View className='sub-term-chips'>
        {shown.map((c) => (
          <TermChipView key={c.term} chip={c} onToggle={onToggle} />
        ))}
        {long && (
          <View className='sub-term-more' role='button' onClick={() => setAll(!all)}>
            {all ? '收起' : `展开全部 ${group.chips.length} 个`}
          </View>
        )}
      </View>
    </View>
  );
}

function TermChipView({ chip, onToggle }: { chip: TermChip; onToggle: (term: string) => void }) {
  // A kind of an unticked term goes with it: shown off, and not a choice of its own until that term is ticked again.
  if (chip.goesWith) {
    return (
      <View
        className='sub-term-chip is-off is-implied'
        role='checkbox'
        aria-checked={false}
        aria-disabled
        aria-label={`${chip.label}（随“${chip.goesWith}”去掉）`}
      >
        <Text>{chip.label}</Text>
      </View>
    );
  }
  return (
    <View
      className={`sub-term-chip${chip.ticked ? ' is-on' : ' is-off'}`}
      role='checkbox'
      aria-checked={chip.ticked}
      aria-label={chip.label}
      onClick={() => onToggle(chip.term)}
    >
      <Text>{chip.ticked ? `✓ ${chip.label}` : chip.label}</Text>
    </View>
  );
}
