import { Text } from '@tarojs/components';
import './tag.css';

export type TagTone = 'primary' | 'neutral' | 'success' | 'muted';

/** tier: a match's tier at the start of a line (tag--tier). */
export function Tag({ children, tone = 'neutral', tier = false }: { children: string; tone?: TagTone; tier?: boolean }) {
  return <Text className={`tag${tier ? ' tag--tier' : ''} tag--${tone}`}>{children}</Text>;
}
