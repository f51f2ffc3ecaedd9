// A demand in a list: what someone scanning the hall needs to decide whether to open it.
import { Text } from '@tarojs/components';
import type { DemandSummary } from '@cic/shared';
import { cooperationLabels, fieldLabel, formatBudget, formatRegionShort, formatRelativeTime, statusLabel } from '../format';
import { ListingCard } from './listing-card';
import { Tag } from './tag';

export interface DemandCardProps {
  demand: DemandSummary;
  onOpen: (id: string) => void;
  /** For "now" in relative times (tests). */
  now?: Date;
}

export function DemandCard({ demand, onOpen, now }: DemandCardProps) {
  const field = fieldLabel(demand.field, demand.fieldOther);
  const budget = formatBudget(demand.budgetWan);
  return (
    <ListingCard
      kind='demand'
      title={demand.title ?? '未命名需求'}
      status={demand.status !== 'published' ? statusLabel(demand.status) : undefined}
      tags={
        <>
          {field ? <Tag tone='primary'>{field}</Tag> : null}
          {cooperationLabels(demand.cooperationModes, demand.cooperationOther).map((m) => (
            <Tag key={m}>{m}</Tag>
          ))}
        </>
      }
      excerpt={demand.excerpt}
      money={budget}
      open={budget === '面议'}
      region={formatRegionShort(demand.region)}
      trailing={
        <>
          {demand.publishedAt ? <Text className='listing-card__time'>{formatRelativeTime(demand.publishedAt, now)}</Text> : null}
          <Text className='listing-card__followers'>{demand.followerCount}人关注</Text>
        </>
      }
      onOpen={() => onOpen(demand.id)}
    />
  );
}
