import { Text } from '@tarojs/components';
import './tag.css';

export type TagTone = 'primary' | 'neutral' | 'success' | 'muted';

export function Tag({ children, tone = 'neutral' }: { children: string; tone?: TagTone }) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>;
}
