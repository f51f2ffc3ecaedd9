// A long text shown in three lines, with 展开 / 收起 when a person wants all of it.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { charCount } from '@cic/shared';
import './expandable-text.css';

/** Texts shorter than this fit in the three lines anyway. */
const SHORT = 80;

export function ExpandableText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const long = charCount(text) > SHORT;
  return (
    <View className='expandable'>
      <Text className={open || !long ? 'expandable-text' : 'expandable-text is-clamped'} userSelect>
        {text}
      </Text>
      {long && (
        <View className='expandable-toggle' role='button' aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '收起' : '展开全文'}
        </View>
      )}
    </View>
  );
}
