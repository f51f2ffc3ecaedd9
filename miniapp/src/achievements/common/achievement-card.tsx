// A 成果 in a list (需求大厅's 成果 tab): title, who holds it (or 匿名) and what kind of holder, field, 技术成熟度,
// keywords, price or 面议, and 示例 on the demo 成果.
import { Text } from '@tarojs/components';
import type { AchievementSummary } from '@cic/shared';
import { ListingCard } from '../../components/listing-card';
import { Tag } from '../../components/tag';
import { formatRegionShort, formatRelativeTime, statusLabel } from '../../format';
import { holderLine, priceLabel } from './achievement-labels';
import { AchievementTags } from './achievement-tags';

export interface AchievementCardProps {
  achievement: AchievementSummary;
  onOpen: (id: string) => void;
  now?: Date;
}

export function AchievementCard({ achievement: a, onOpen, now }: AchievementCardProps) {
  const price = priceLabel(a.priceWan);
  return (
    <ListingCard
      kind='achievement'
      title={a.title ?? '未命名成果'}
      status={a.status !== 'published' ? statusLabel(a.status) : undefined}
      who={holderLine(a)}
      tags={
        <>
          <AchievementTags a={a} />
          {(a.keywords ?? []).map((k) => (
            <Tag key={k} tone='muted'>
              {k}
            </Tag>
          ))}
        </>
      }
      excerpt={a.excerpt}
      money={price}
      open={a.priceWan === null || a.priceWan === undefined}
      region={formatRegionShort(a.region)}
      trailing={a.publishedAt ? <Text className='listing-card__time'>{formatRelativeTime(a.publishedAt, now)}</Text> : null}
      onOpen={() => onOpen(a.id)}
    />
  );
}
