// What the holder (or an organiser) sees above their own 成果: its status, why it was rejected, and what they can do
// now: 编辑 and 提交审核 a draft or a rejected one, 关闭 a published one, and see the demands it matches.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { canTransition, type Achievement, type AchievementStatus } from '@cic/shared';
import { ApiError, call } from '../../api/client';
import { CardReason } from '../../components/card-reason';
import { confirmDestructive } from '../../components/confirm';
import { Tag } from '../../components/tag';
import { statusLabel } from '../../format';
import { PillButton } from '../../contest/common/pill-button';
import { achievementFormUrl } from '../common/achievement-form.model';
import { STATUS_TONES } from '../common/achievement-status';
import '../../components/text.css';

const NOTES: Partial<Record<AchievementStatus, string>> = {
  draft: '草稿仅您可见，提交审核通过后会出现在需求大厅的“成果”中',
  pending_review: '组织方审核通过后将公开发布',
  closed: '已关闭的成果不再出现在成果列表中',
};

const confirmClose = () =>
  confirmDestructive({
    title: '关闭成果',
    content: '关闭后成果将不再出现在成果列表中，也不再参与需求匹配。确定关闭吗？',
    confirmText: '关闭',
  });

export function OwnerPanel({ a, onChanged }: { a: Achievement; onChanged: (a: Achievement) => void }) {
  const [busy, setBusy] = useState<'submit' | 'close'>();
  async function act(kind: 'submit' | 'close') {
    if (kind === 'close' && !(await confirmClose())) return;
    setBusy(kind);
    try {
      const next =
        kind === 'submit'
          ? await call('achievementsSubmit', { params: { id: a.id } })
          : await call('achievementsClose', { params: { id: a.id } });
      onChanged(next);
      void Taro.showToast({ title: kind === 'submit' ? '已提交审核' : '已关闭', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败，请稍后重试', icon: 'none' });
    } finally {
      setBusy(undefined);
    }
  }
  const editable = canTransition('edit', a.status);
  return (
    <View className='card achievement-owner' role='region' aria-label='我的成果'>
      <View className='card-head'>
        <Text className='card-title'>我的成果</Text>
        <Tag tone={STATUS_TONES[a.status]}>{statusLabel(a.status)}</Tag>
      </View>
      {a.status === 'rejected' && <CardReason label='驳回原因' text={a.rejectReason || '（未填写）'} />}
      {NOTES[a.status] ? <Text className='text-note achievement-owner__note'>{NOTES[a.status]}</Text> : null}
      <View className='achievement-owner__actions'>
        {a.status === 'published' && (
          <PillButton
            mini
            onClick={() => void Taro.navigateTo({ url: `/achievements/matches/index?id=${encodeURIComponent(a.id)}` })}
          >
            匹配需求
          </PillButton>
        )}
        {editable && (
          <PillButton mini onClick={() => void Taro.navigateTo({ url: achievementFormUrl(a.id) })}>
            编辑
          </PillButton>
        )}
        {canTransition('submit', a.status) && (
          <PillButton primary mini loading={busy === 'submit'} onClick={() => void act('submit')}>
            提交审核
          </PillButton>
        )}
        {canTransition('close', a.status) && (
          <PillButton mini loading={busy === 'close'} onClick={() => void act('close')}>
            关闭
          </PillButton>
        )}
      </View>
    </View>
  );
}
