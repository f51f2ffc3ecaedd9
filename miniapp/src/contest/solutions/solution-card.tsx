// One solution as the demand's owner (or an organiser) triages it: how well it fits, the demand's words it shares,
// the judges' score, the summary, and the owner's three decisions.
import { Text, View } from '@tarojs/components';
import type { TriagedSolution } from '@cic/shared';
import { Tag } from '../../components';
import { CardReason } from '../../components/card-reason';
import { formatBudget, formatDateTime } from '../../format';
import { ExpandableText } from '../../components/expandable-text';
import { SolutionStatusTag } from '../common/solution-status';
import { DecisionBar, type DecisionBarProps } from './decision-bar';
import '../../components/card.css';

interface Props {
  item: TriagedSolution;
  /** Present for the owner: the decisions they may take. */
  decisions?: Omit<DecisionBarProps, 'item'>;
}

export function SolutionCard({ item, decisions }: Props) {
  const score = item.judgeScore;
  return (
    <View className='card solution-card' data-solution={item.id}>
      <View className='card-head'>
        <Text className='card-title'>{item.title}</Text>
        <SolutionStatusTag status={item.status} />
      </View>
      <Text className='contest-meta'>
        {item.organisation} · 预计{formatBudget(item.costWan)} · {item.months} 个月 · {formatDateTime(item.createdAt)}
      </Text>
      <View className='solution-scores'>
        <View className='solution-score' aria-label={`匹配度 ${item.fit.score}`}>
          <Text className='contest-figure solution-score-value'>{item.fit.score}</Text>
          <Text className='solution-score-label'>匹配度</Text>
        </View>
        {score && (
          <View className='solution-score is-judged' aria-label={`评委评分 ${score.total.toFixed(1)}`}>
            <Text className='contest-figure solution-score-value'>{Number(score.total.toFixed(1))}</Text>
            <Text className='solution-score-label'>评委评分（{score.judges} 位）</Text>
          </View>
        )}
      </View>
      {item.fit.terms.length > 0 && (
        <View className='solution-terms' aria-label='命中需求关键词'>
          <Text className='solution-terms-label'>命中</Text>
          {item.fit.terms.map((t) => (
            <Tag key={t} tone='primary'>
              {t}
            </Tag>
          ))}
        </View>
      )}
      <ExpandableText text={item.summary} />
      <View className='solution-facts'>
        {item.erasedAt ? (
          <Text>提交者已注销账号，团队和联系方式已删除</Text>
        ) : (
          <>
            <Text>团队：{item.team}</Text>
            <Text>
              联系人：{item.contactName} {item.contactPhone}
            </Text>
          </>
        )}
      </View>
      {item.decisionReason && (
        <CardReason
          label={item.status === 'declined' ? '婉拒原因' : '处理说明'}
          text={item.decisionReason}
          neutral={item.status !== 'declined'}
        />
      )}
      {decisions && <DecisionBar item={item} {...decisions} />}
    </View>
  );
}
