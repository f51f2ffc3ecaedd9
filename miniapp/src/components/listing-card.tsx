// A listing in a list (a demand in the hall, a 成果): its title and status, its tags, who offers it, an excerpt, and the
// meta row (the money, the region, then what the kind adds at the right). What someone scanning needs to open it.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Tag } from './tag';
import './hall-card.css';
import './text.css';
import './listing-card.css';

export interface ListingCardProps {
  /** demand, achievement: the card's own class (`demand-card`), for pages and tests. */
  kind: string;
  title: string;
  /** A status tag beside the title (not shown for published listings). */
  status?: string;
  tags: ReactNode;
  /** Who offers it: 持有单位 · 高校. */
  who?: string;
  excerpt?: string;
  /** 80万元, or 面议 (shown quieter). */
  money: string;
  open?: boolean;
  region?: string;
  /** At the right of the meta row. */
  trailing?: ReactNode;
  onOpen: () => void;
}

export function ListingCard({
  kind,
  title,
  status,
  tags,
  who,
  excerpt,
  money,
  open,
  region,
  trailing,
  onOpen,
}: ListingCardProps) {
  return (
    <View className={`hall-card listing-card ${kind}-card`} hoverClass='listing-card--pressed' onClick={onOpen}>
      <View className='listing-card__head'>
        <Text className='text-clamp text-clamp--2 listing-card__title'>{title}</Text>
        {status ? <Tag tone='muted'>{status}</Tag> : null}
      </View>
      {who ? <Text className='listing-card__who'>{who}</Text> : null}
      <View className='listing-card__tags'>{tags}</View>
      {excerpt ? <Text className='text-clamp text-clamp--2 listing-card__excerpt'>{excerpt}</Text> : null}
      <View className='listing-card__meta'>
        <Text className={open ? 'listing-card__budget listing-card__budget--open' : 'listing-card__budget'}>{money}</Text>
        {region ? <Text className='listing-card__region'>{region}</Text> : null}
        <Text className='listing-card__spacer' />
        {trailing}
      </View>
    </View>
  );
}
