// In a card of 我的 or 揭榜: the reason a person was given with a decision (a rejection, a decline), or a note left
// with one (neutral).
import { Text, View } from '@tarojs/components';
import './text.css';
import './card.css';

export function CardReason({ label, text, neutral = false }: { label: string; text: string; neutral?: boolean }) {
  return (
    <View className={neutral ? 'card-reason is-neutral' : 'card-reason'}>
      <Text className='card-reason-label'>{label}</Text>
      <Text className='text-explain card-reason-text'>{text}</Text>
    </View>
  );
}
