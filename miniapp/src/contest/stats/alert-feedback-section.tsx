// 提醒反馈 on the 数据统计 page, for organisers only: the subscribers' 有用 / 不相关 verdicts on alerts, by the concept
// of the keyword that matched and by tier, with the precision they give (GET /admin/alerts/feedback), most judged
// first. Everyone else sees nothing of it, and nothing is asked for them.
import { Text, View } from '@tarojs/components';
import { MATCH_TIER_LABELS, type AlertFeedbackResponse, type FeedbackCounts } from '@cic/shared';
import { call } from '../../api/client';
import { useSession } from '../../features/login/use-session';
import { InlineResource } from '../../components/inline-resource';
import { useResource } from '../../hooks/use-resource';
import '../../components/card.css';
import '../../components/section-title.css';

type Row = AlertFeedbackResponse['items'][number];

const judged = (c: FeedbackCounts) => c.relevant + c.notRelevant;

/** 83% from 0.833; — before any verdict. */
export function precisionText(c: FeedbackCounts): string {
  return c.precision === undefined ? '—' : `${Math.round(c.precision * 100)}%`;
}

/** 有用 5 · 不相关 1 · 精确率 83% */
export function countsText(c: FeedbackCounts): string {
  return `有用 ${c.relevant} · 不相关 ${c.notRelevant} · 精确率 ${precisionText(c)}`;
}

/** Most judged first (the API orders them so too), then by concept. */
export function byMostJudged(items: readonly Row[]): Row[] {
  return [...items].sort((a, b) => judged(b.all) - judged(a.all) || a.concept.localeCompare(b.concept));
}

function FeedbackRow({ concept, main, mentioned, all, total }: Row & { total?: boolean }) {
  return (
    <View className='ranking-row' role='row' aria-label={total ? '合计' : concept}>
      <View className='ranking-name'>
        <Text className='ranking-title'>{total ? '合计' : concept}</Text>
        <Text className='ranking-detail'>{`${MATCH_TIER_LABELS.main}：${countsText(main)}`}</Text>
        <Text className='ranking-detail'>{`${MATCH_TIER_LABELS.mentioned}：${countsText(mentioned)}`}</Text>
      </View>
      <Text className='ranking-total' aria-label={`总精确率 ${precisionText(all)}`}>
        {precisionText(all)}
      </Text>
    </View>
  );
}

export function AlertFeedbackSection() {
  const session = useSession();
  const isAdmin = session?.user.role === 'admin';
  const figures = useResource(() => call('adminAlertsFeedback'), {
    key: `alert-feedback|${session?.user.id ?? ''}`,
    enabled: isAdmin,
  });
  if (!isAdmin) return null;
  return (
    <View className='card chart' role='group' aria-label='提醒反馈'>
      <Text className='section-title chart-title'>提醒反馈（仅组织方可见）</Text>
      <Text className='contest-meta ranking-note'>
        订阅者对每条提醒点“有用”或“不相关”，按关键词的概念统计精确率，反馈最多的在前。
      </Text>
      <InlineResource resource={figures} what='反馈' empty='还没有用户反馈'>
        {(data) => (
          <View role='table' aria-label='提醒反馈明细'>
            <FeedbackRow concept='合计' total {...data.total} />
            {byMostJudged(data.items).map((row) => (
              <FeedbackRow key={row.concept} {...row} />
            ))}
          </View>
        )}
      </InlineResource>
    </View>
  );
}
