// One demand waiting for review: enough to judge it here, the full text one tap away, and the two decisions.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ERRORS, type Demand } from '@cic/shared';
import { Tag } from '../../components';
import { ReasonField } from '../../components/form-fields';
import { fieldLabel, formatDateTime, formatRegion } from '../../format';
import '../../components/card.css';

const SAFETY_NOTES: Record<NonNullable<Demand['safety']>, string> = {
  review: '内容待人工复核',
  unchecked: '未完成内容安全检测',
};

interface Props {
  demand: Demand;
  busy: boolean;
  onApprove: (demand: Demand) => void;
  onReject: (demand: Demand, reason: string) => void;
}

export function ReviewItem({ demand, busy, onApprove, onReject }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  function reject() {
    if (!reason.trim()) {
      setError(ERRORS['REVIEW.REASON_REQUIRED'].message);
      return;
    }
    onReject(demand, reason.trim());
  }

  return (
    <View className='card review-item'>
      <View className='card-head'>
        <Text className='card-title'>{demand.title || '未命名需求'}</Text>
        {demand.safety && <Tag tone='primary'>{SAFETY_NOTES[demand.safety]}</Tag>}
      </View>
      <View className='review-meta'>
        <Text className='review-meta-item'>{fieldLabel(demand.field, demand.fieldOther)}</Text>
        <Text className='review-meta-item'>{formatRegion(demand.region)}</Text>
        <Text className='review-meta-item'>提交于 {formatDateTime(demand.submittedAt ?? demand.updatedAt)}</Text>
      </View>
      {demand.description && <Text className='review-excerpt'>{demand.description}</Text>}
      <View
        className='review-link'
        role='link'
        onClick={() => void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(demand.id)}` })}
      >
        查看详情 ›
      </View>
      <ReasonField
        label='驳回原因'
        value={reason}
        placeholder='驳回时必填，将展示给发布者'
        error={error}
        onInput={(v) => {
          setReason(v);
          setError(undefined);
        }}
      />
      <View className='review-actions'>
        <Button className='review-reject' size='mini' disabled={busy || undefined} onClick={reject}>
          驳回
        </Button>
        <Button className='review-approve' size='mini' disabled={busy || undefined} onClick={() => onApprove(demand)}>
          通过
        </Button>
      </View>
    </View>
  );
}
