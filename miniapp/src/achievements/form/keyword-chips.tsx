// 关键词 as chips: type a word and tap 添加 (or the keyboard's 完成); × removes it. 1–8 words of 2–20 characters, the
// rules and their messages coming from the shared schema (shown by the form under the field).
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ACHIEVEMENT_LIMITS } from '@cic/shared';
import { labelProps } from '../../components/field-label';

interface Props {
  label: string;
  words: readonly string[];
  onChange: (words: string[]) => void;
}

export function KeywordChips({ label, words, onChange }: Props) {
  const [text, setText] = useState('');
  const full = words.length >= ACHIEVEMENT_LIMITS.keywords.max;
  const add = () => {
    // Commas and spaces separate words, as people paste them.
    const typed = text
      .split(/[,，、;；\s]+/)
      .map((w) => w.trim())
      .filter(Boolean);
    if (typed.length === 0) return;
    onChange([...words, ...typed.filter((w) => !words.includes(w))]);
    setText('');
  };
  return (
    <View className='keyword-chips'>
      <View className='chip-group' role='list' aria-label={`已添加的${label}`}>
        {words.map((w) => (
          <View key={w} className='chip is-selected keyword-chip' role='listitem'>
            <Text>{w}</Text>
            <View
              className='keyword-chip__remove'
              role='button'
              aria-label={`删除${label}${w}`}
              onClick={() => onChange(words.filter((x) => x !== w))}
            >
              ×
            </View>
          </View>
        ))}
      </View>
      {!full && (
        <View className='keyword-chips__add'>
          <Input
            className='field-input keyword-chips__input'
            value={text}
            placeholder='输入关键词，如：石墨烯'
            placeholderClass='field-placeholder'
            maxlength={-1}
            confirmType='done'
            {...labelProps(label)}
            onInput={(e) => setText(e.detail.value)}
            onConfirm={add}
          />
          <View className='keyword-chips__button' role='button' onClick={add}>
            添加
          </View>
        </View>
      )}
    </View>
  );
}
