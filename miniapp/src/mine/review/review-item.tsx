// One item waiting for review, a demand or a 成果: enough to judge it here, the full text one tap away, and the two
// decisions (驳回 needs a reason, which goes to the submitter).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ERRORS, HOLDER_TYPE, LISTING_KIND, trlLabel, type ReviewQueueItem } from '@cic/shared';
import { Tag } from '../../components';
import { ReasonField } from '../../components/form-fields';
import { fieldLabel, formatDateTime, formatRegion } from '../../format';
import '../../components/card.css';
import '../../components/text.css';

const SAFETY_NOTES: Record<NonNullable<ReviewQueueItem['safety']>, string> = {
  review: '内容待人工复核',
  unchecked: '未完成内容安全检测',
};

interface Props {
  item: ReviewQueueItem;
  /** Shows whether it is a 需求 or a 成果 (when the queue shows both). */
  showKind: boolean;
  busy: boolean;
  onApprove: (item: ReviewQueueItem) => void;
  onReject: (item: ReviewQueueItem, reason: string) => void;
}

/** What the card shows of each kind: the meta line, the text to judge, and where 查看详情 leads. */
function contentOf(item: ReviewQueueItem): { meta: string[]; text?: string; url: string } {
  const id = encodeURIComponent(item.id);
  if (item.kind === 'achievement') {
    const holder = [item.holderName, item.holderType && HOLDER_TYPE.label(item.holderType)].filter(Boolean).join(' · ');
    return {
      meta: [holder, fieldLabel(item.field, item.fieldOther), item.trl === undefined ? '' : trlLabel(item.trl)],
      text: item.summary,
      url: `/achievements/detail/index?id=${id}`,
    };
  }
  return {
    meta: [fieldLabel(item.field, item.fieldOther), formatRegion(item.region)],
    text: item.description,
    url: `/pages/demand/index?id=${id}`,
  };
}

function Decision({ busy, onApprove, onReject }: { busy: boolean; onApprove: () => void; onReject: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  function reject() {
    if (!reason.trim()) {
      setError(ERRORS['REVIEW.REASON_REQUIRED'].message);
      return;
    }
    onReject(reason.trim());
  }

  return (
    <>
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
        <Button className='review-approve' size='mini' disabled={busy || undefined} onClick={onApprove}>
          通过
        </Button>
      </View>
    </>
  );
}

export function ReviewItem({ item, showKind, busy, onApprove, onReject }: Props) {
  const { meta, text, url } = contentOf(item);
  const untitled = item.kind === 'achievement' ? '未命名成果' : '未命名需求';
  return (
    <View className='card review-item'>
      <View className='card-head'>
        <Text className='card-title'>{item.title || untitled}</Text>
        {showKind && <Tag tone={item.kind === 'achievement' ? 'success' : 'neutral'}>{LISTING_KIND.label(item.kind)}</Tag>}
        {item.safety && <Tag tone='primary'>{SAFETY_NOTES[item.safety]}</Tag>}
      </View>
      <View className='review-meta'>
        {meta.filter(Boolean).map((m) => (
          <Text key={m} className='review-meta-item'>
            {m}
          </Text>
        ))}
        <Text className='review-meta-item'>提交于 {formatDateTime(item.submittedAt ?? item.updatedAt)}</Text>
      </View>
      {text && <Text className='text-explain text-clamp text-clamp--3 review-excerpt'>{text}</Text>}
      <View className='review-link' role='link' onClick={() => void Taro.navigateTo({ url })}>
        查看详情 ›
      </View>
      <Decision busy={busy} onApprove={() => onApprove(item)} onReject={(reason) => onReject(item, reason)} />
    </View>
  );
}
