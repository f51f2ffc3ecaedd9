// A notice across the top of a page, in the brand's tint: what happened (the title) and what to do or why (the text).
import { Text, View } from '@tarojs/components';
import './notice.css';

export interface NoticeProps {
  title: string;
  text: string;
  /** The page's own class, for what it sets differently. */
  className?: string;
  /** alert: it appeared because of something the person just did. */
  role?: 'alert';
}

export function Notice({ title, text, className, role }: NoticeProps) {
  return (
    <View className={className ? `notice ${className}` : 'notice'} role={role}>
      <Text className='notice__title'>{title}</Text>
      <Text className='notice__text'>{text}</Text>
    </View>
  );
}
