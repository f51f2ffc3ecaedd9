// The pieces of a listing's detail page: a white section under its title, and a label/value row that shows only when
// there is a value (a field the viewer may not see is simply absent from the response).
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './section-title.css';
import './hall-card.css';
import './detail.css';

export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='detail-section'>
      <Text className='section-title detail-section__title'>{title}</Text>
      {children}
    </View>
  );
}

export function DetailRow({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <View className='detail-row'>
      <Text className='detail-row__label'>{label}</Text>
      <Text className='detail-row__value' userSelect>
        {value}
      </Text>
    </View>
  );
}
