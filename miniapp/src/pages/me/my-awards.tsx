// 我的奖项: the contest's awards to the caller's solutions and demands, as badges on their profile. Decoration: a
// failure to load shows nothing rather than an error.
import { useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyAward } from '@cic/shared';
import { call } from '../../api/client';

export function MyAwards() {
  const [awards, setAwards] = useState<MyAward[]>([]);
  const inFlight = useRef(false);
  const load = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    void call('meAwards')
      .then(
        (r) => setAwards((shown) => (shown.length === 0 && r.items.length === 0 ? shown : r.items)),
        () => undefined,
      )
      .finally(() => {
        inFlight.current = false;
      });
  };
  // On mount (a login happens while the page is already shown) and whenever 我的 shows again.
  useEffect(load, []);
  useDidShow(load);
  if (awards.length === 0) return null;
  return (
    <View className='me-card me-awards' role='list' aria-label='我的奖项'>
      <Text className='me-awards-title'>我的奖项</Text>
      {awards.map((a) => (
        <View key={a.id} className='me-award' role='listitem'>
          <Text className='me-award-name'>{`${a.year} ${a.label}`}</Text>
          <Text className='me-award-for'>{`${a.winnerName} · ${a.demandTitle}`}</Text>
        </View>
      ))}
    </View>
  );
}
