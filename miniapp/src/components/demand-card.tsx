// A demand in a list: what someone scanning the hall needs to decide whether to open it.
import { Text, View } from '@tarojs/components';
import type { DemandSummary } from '@cic/shared';
import { cooperationLabels, fieldLabel, formatBudget, formatRegionShort, formatRelativeTime, statusLabel } from '../format';
import { Tag } from './tag';
import './demand-card.css';

export interface DemandCardProps {
  demand: DemandSummary;
  onOpen: (id: string) => void;
  /** For "now" in relative times (tests). */
  now?: Date;
}

export function DemandCard({ demand, onOpen, now }: DemandCardProps) {
  const field = fieldLabel(demand.field, demand.fieldOther);
  const modes = cooperationLabels(demand.cooperationModes, demand.cooperationOther);
  const region = formatRegionShort(demand.region);
  const budget = formatBudget(demand.budgetWan);
  return (
    <View className='demand-card' hoverClass='demand-card--pressed' onClick={() => onOpen(demand.id)}>
      <View className='demand-card__head'>
        <Text className='demand-card__title'>{demand.title ?? '未命名需求'}</Text>
        {demand.status !== 'published' ? <Tag tone='muted'>{statusLabel(demand.status)}</Tag> : null}
      </View>
      <View className='demand-card__tags'>
        {field ? <Tag tone='primary'>{field}</Tag> : null}
        {modes.map((m) => (
          <Tag key={m}>{m}</Tag>
        ))}
      </View>
      {demand.excerpt ? <Text className='demand-card__excerpt'>{demand.excerpt}</Text> : null}
      <View className='demand-card__meta'>
        <Text className={budget === '面议' ? 'demand-card__budget demand-card__budget--open' : 'demand-card__budget'}>
          {budget}
        </Text>
        {region ? <Text className='demand-card__region'>{region}</Text> : null}
        <Text className='demand-card__spacer' />
        {demand.publishedAt ? <Text className='demand-card__time'>{formatRelativeTime(demand.publishedAt, now)}</Text> : null}
        <Text className='demand-card__followers'>{demand.followerCount}人关注</Text>
      </View>
    </View>
  );
}
