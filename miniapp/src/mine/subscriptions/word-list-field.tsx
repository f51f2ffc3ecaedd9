// A list of words typed one at a time (关键词, 排除词): each added word as a tag that removes it on tap, what goes under
// it (a keyword's expansion), and the input with 添加. The error, from the shared schema, names the field.
import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { Field, TextInput } from '../../components/form-fields';

interface Props {
  name: string;
  label: string;
  words: readonly string[];
  text: string;
  max: number;
  error?: string;
  hint: string;
  placeholder: string;
  /** A tone for the tags: exclusion words read as "not this". */
  tone?: 'include' | 'exclude';
  onText: (text: string) => void;
  onAdd: () => void;
  onRemove: (word: string) => void;
  /** Shown under each word (a keyword's expansion). */
  below?: (word: string) => ReactNode;
}

export function WordListField({
  name,
  label,
  words,
  text,
  max,
  error,
  hint,
  placeholder,
  tone = 'include',
  onText,
  onAdd,
  onRemove,
  below,
}: Props) {
  const tag = (w: string) => (
    <View
      key={w}
      className={`sub-tag${tone === 'exclude' ? ' sub-tag--exclude' : ''}`}
      role='button'
      aria-label={`删除${label} ${w}`}
      onClick={() => onRemove(w)}
    >
      <Text>{tone === 'exclude' ? `不含 ${w}` : w}</Text>
      <Text className='sub-tag-remove'>×</Text>
    </View>
  );
  return (
    <Field name={name} label={label} counter={`${words.length}/${max}`} error={error} hint={hint}>
      {words.length > 0 &&
        (below ? (
          words.map((w) => (
            <View key={w} className='sub-word-block'>
              <View className='sub-tags'>{tag(w)}</View>
              {below(w)}
            </View>
          ))
        ) : (
          <View className='sub-tags'>{words.map(tag)}</View>
        ))}
      <View className='sub-keyword-row'>
        <View className='sub-keyword-input'>
          <TextInput label={label} value={text} placeholder={placeholder} onInput={onText} onConfirm={onAdd} />
        </View>
        <Button className='sub-keyword-add' size='mini' aria-label={`添加${label}`} onClick={onAdd}>
          添加
        </Button>
      </View>
    </Field>
  );
}
