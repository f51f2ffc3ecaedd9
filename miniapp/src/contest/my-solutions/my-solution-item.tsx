// One of my solutions: the demand it answers, its state, the owner's reason when declined, and 修改 while 待处理.
import { Text, View } from '@tarojs/components';
import type { MySolution } from '@cic/shared';
import { Tag } from '../../components';
import { CardReason } from '../../components/card-reason';
import { formatDateTime, statusLabel } from '../../format';
import { SolutionStatusTag } from '../common/solution-status';
import { PillButton } from '../common/pill-button';
import '../../components/card.css';

interface Props {
  item: MySolution;
  onOpenDemand: (item: MySolution) => void;
  onEdit: (item: MySolution) => void;
}

export function MySolutionItem({ item, onOpenDemand, onEdit }: Props) {
  return (
    <View className='card my-solution'>
      <View className='card-head' onClick={() => onOpenDemand(item)}>
        <Text className='card-title'>{item.title}</Text>
        <SolutionStatusTag status={item.status} />
      </View>
      <View className='my-solution-demand' role='link' onClick={() => onOpenDemand(item)}>
        <Text>揭榜需求：{item.demandTitle || '未命名需求'}</Text>
        {item.demandStatus !== 'published' && <Tag tone='muted'>{statusLabel(item.demandStatus)}</Tag>}
      </View>
      <Text className='contest-meta'>
        提交于 {formatDateTime(item.createdAt)}
        {item.decidedAt ? ` · 处理于 ${formatDateTime(item.decidedAt)}` : ''}
      </Text>
      {item.status === 'declined' && <CardReason label='婉拒原因' text={item.decisionReason || '（需求方未填写）'} />}
      {item.status !== 'declined' && item.decisionReason && <CardReason label='需求方留言' text={item.decisionReason} neutral />}
      {item.status === 'submitted' && (
        <View className='contest-actions'>
          <Text className='contest-hint'>需求方处理前可以修改</Text>
          <PillButton primary mini onClick={() => onEdit(item)}>
            修改方案
          </PillButton>
        </View>
      )}
    </View>
  );
}
