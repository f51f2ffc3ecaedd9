// 建议领域：新材料（置信度 82%）, under the 产业领域 choice of a form. Tapping it applies the field; it never applies
// itself, and it is gone when the field chosen is already the one suggested.
import { Text, View } from '@tarojs/components';
import { INDUSTRY_FIELD_LABELS, type FieldSuggestion as Suggestion, type IndustryField } from '@cic/shared';
import './field-suggestion.css';

interface Props {
  suggestion: Suggestion | undefined;
  current: IndustryField | undefined;
  onApply: (field: IndustryField) => void;
}

export const suggestionText = (s: Suggestion) =>
  `建议领域：${INDUSTRY_FIELD_LABELS[s.field]}（置信度 ${Math.round(s.confidence * 100)}%）`;

export function FieldSuggestion({ suggestion, current, onApply }: Props) {
  if (!suggestion || suggestion.field === current) return null;
  return (
    <View
      className='field-suggestion'
      role='button'
      aria-label={`${suggestionText(suggestion)}，点击采用`}
      onClick={() => onApply(suggestion.field)}
    >
      <Text className='field-suggestion__text'>{suggestionText(suggestion)}</Text>
      <Text className='field-suggestion__apply'>采用</Text>
    </View>
  );
}
