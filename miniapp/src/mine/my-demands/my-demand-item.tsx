// One of my demands: its status, why it was rejected, and what I can do with it now.
import { Button, Text, View } from '@tarojs/components';
import type { Demand, DemandStatus } from '@cic/shared';
import { Tag, type TagTone } from '../../components';
import { CardReason } from '../../components/card-reason';
import { fieldLabel, formatDateTime, formatRegionShort, statusLabel } from '../../format';
import '../../components/card.css';
import '../../components/text.css';

const TONES: Record<DemandStatus, TagTone> = {
  draft: 'muted',
  pending_review: 'neutral',
  rejected: 'primary',
  published: 'success',
  matched: 'success',
  closed: 'muted',
};

interface Props {
  demand: Demand;
  closing: boolean;
  onOpen: (demand: Demand) => void;
  onEdit: (demand: Demand) => void;
  onClose: (demand: Demand) => void;
}

export function MyDemandItem({ demand, closing, onOpen, onEdit, onClose }: Props) {
  const meta = [
    fieldLabel(demand.field, demand.fieldOther),
    formatRegionShort(demand.region),
    `更新于 ${formatDateTime(demand.updatedAt)}`,
  ];
  return (
    <View className={`card my-demand my-demand-${demand.status}`}>
      <View className='my-demand-body' onClick={() => onOpen(demand)}>
        <View className='card-head'>
          <Text className='card-title'>{demand.title || '未命名草稿'}</Text>
          <Tag tone={TONES[demand.status]}>{statusLabel(demand.status)}</Tag>
        </View>
        <Text className='text-note my-demand-meta'>{meta.filter(Boolean).join(' · ')}</Text>
      </View>
      {demand.status === 'rejected' && <CardReason label='驳回原因' text={demand.rejectReason || '（未填写）'} />}
      {demand.status === 'pending_review' && <Text className='text-note my-demand-note'>组织方审核通过后将在需求大厅发布</Text>}
      <View className='my-demand-actions'>
        {demand.status === 'draft' && (
          <Button className='my-demand-button is-primary' size='mini' onClick={() => onEdit(demand)}>
            继续编辑
          </Button>
        )}
        {demand.status === 'rejected' && (
          <Button className='my-demand-button is-primary' size='mini' onClick={() => onEdit(demand)}>
            修改后重新提交
          </Button>
        )}
        {demand.status === 'published' && (
          <Button className='my-demand-button' size='mini' loading={closing} onClick={() => onClose(demand)}>
            关闭
          </Button>
        )}
      </View>
    </View>
  );
}
