// 知识产权: 0–20 entries, each a kind (发明专利…), its number and whether it is granted or pending. Add and remove rows;
// the form checks them with the shared schema.
import { Text, View } from '@tarojs/components';
import { ACHIEVEMENT_LIMITS, IP_KIND, IP_STATUS, type AchievementDraft } from '@cic/shared';
import { ChoiceChips, PickerInput, TextInput } from '../../components/form-fields';

type Ip = NonNullable<AchievementDraft['ip']>[number];

interface Props {
  entries: readonly Ip[];
  onChange: (entries: Ip[]) => void;
}

const EMPTY: Ip = { kind: 'invention', number: '', status: 'granted' };

/** 知识产权第 2 项, and what of it (类型, 编号, 状态): the entry's name for assistive technology. */
const entryLabel = (i: number, part = '') => `知识产权第 ${i + 1} 项${part}`;

export function IpEntries({ entries, onChange }: Props) {
  const edit = (i: number, change: Partial<Ip>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...change } : e)));
  return (
    <View className='ip-entries'>
      {entries.map((entry, i) => (
        // The position is the entry's identity: entries have no id and may repeat while typed.
        <View key={i} className='ip-entry' role='group' aria-label={entryLabel(i)}>
          <View className='ip-entry__head'>
            <Text className='ip-entry__index'>第 {i + 1} 项</Text>
            <View
              className='ip-entry__remove'
              role='button'
              aria-label={`删除${entryLabel(i)}`}
              onClick={() => onChange(entries.filter((_, j) => j !== i))}
            >
              删除
            </View>
          </View>
          <PickerInput
            label={entryLabel(i, '类型')}
            options={IP_KIND.options}
            value={entry.kind}
            onChange={(kind) => edit(i, { kind })}
          />
          <View className='ip-entry__number'>
            <TextInput
              label={entryLabel(i, '编号')}
              value={entry.number}
              placeholder='专利号或登记号，如 ZL202310001234.5'
              onInput={(number) => edit(i, { number })}
            />
          </View>
          <ChoiceChips
            label={entryLabel(i, '状态')}
            options={IP_STATUS.options}
            value={entry.status}
            onChange={(status) => edit(i, { status })}
          />
        </View>
      ))}
      {entries.length < ACHIEVEMENT_LIMITS.ip.max && (
        <View className='ip-entries__add' role='button' onClick={() => onChange([...entries, EMPTY])}>
          + 添加知识产权
        </View>
      )}
    </View>
  );
}
