// The judged ranking of a final: rank, solution, the mean of each criterion and the weighted total out of 100.
import { Text, View } from '@tarojs/components';
import { SCORE_CRITERIA, SCORE_CRITERION_LABELS, type RankingEntry, type RankingResponse } from '@cic/shared';
import { EmptyState } from '../../components';
import { formatDateTime } from '../../format';
import { SolutionStatusTag } from './solution-status';

const one = (n: number) => String(Number(n.toFixed(1)));

function averages(average: RankingEntry['average']): string {
  return average ? SCORE_CRITERIA.map((c) => `${SCORE_CRITERION_LABELS[c]} ${one(average[c])}`).join(' · ') : '尚未评分';
}

function weightsText(weights: RankingResponse['weights']): string {
  return SCORE_CRITERIA.map((c) => `${SCORE_CRITERION_LABELS[c]}×${weights[c]}`).join('　');
}

export function RankingTable({ ranking }: { ranking: RankingResponse }) {
  return (
    <View className='ranking' role='table' aria-label='评审排名'>
      <Text className='contest-meta ranking-note'>
        {ranking.judges} 位评委 · 权重 {weightsText(ranking.weights)}
        {ranking.closed ? ` · 评审已于 ${formatDateTime(ranking.closedAt)} 结束` : ' · 评审进行中'}
      </Text>
      {ranking.items.length === 0 ? (
        <EmptyState title='还没有入围方案' description='需求方入围方案后，评委即可评分' />
      ) : (
        <>
          <View className='ranking-row ranking-head' role='row'>
            <Text className='ranking-rank'>名次</Text>
            <Text className='ranking-name'>方案</Text>
            <Text className='ranking-total'>总分</Text>
          </View>
          {ranking.items.map((e) => (
            <View key={e.solutionId} className='ranking-row' role='row'>
              <Text className='ranking-rank'>{e.rank ?? '—'}</Text>
              <View className='ranking-name'>
                <Text className='ranking-title'>{e.title}</Text>
                <Text className='ranking-org'>{e.organisation}</Text>
                <Text className='ranking-detail'>
                  {`${averages(e.average)} · ${e.judgesScored}/${ranking.judges} 位评委已评`}
                </Text>
                <SolutionStatusTag status={e.status} />
              </View>
              <Text className='ranking-total'>{e.total === null ? '—' : one(e.total)}</Text>
            </View>
          ))}
        </>
      )}
    </View>
  );
}
