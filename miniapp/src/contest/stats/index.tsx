// 数据统计 (contest/stats/index): the contest in figures — demands published, money on offer, solutions, matches —
// and charts by field, region and status, drawn with plain views.
import { Text, View } from '@tarojs/components';
import { call } from '../../api/client';
import { ErrorState, SkeletonList } from '../../components';
import { formatDateTime } from '../../format';
import { useResource } from '../../hooks/use-resource';
import { AlertFeedbackSection } from './alert-feedback-section';
import { BarChart } from './bar-chart';
import { fieldBars, figures, regionBars, statusBars } from './stats.model';
import '../common/contest.css';

export default function StatsPage() {
  const stats = useResource(() => call('stats'), { key: 'stats' });
  const { state } = stats;
  if (state.status === 'loading' || state.status === 'idle') return <SkeletonList count={3} />;
  if (state.status === 'error') return <ErrorState message={state.error.message} onRetry={stats.reload} />;
  const s = state.data;
  return (
    <View className='contest-page'>
      <View className='stat-figures'>
        {figures(s).map((f) => (
          <View key={f.key} className={`stat-figure stat-${f.key}`} aria-label={`${f.label} ${f.value}`}>
            <Text className='contest-figure stat-value'>{f.value}</Text>
            <Text className='stat-label'>{f.label}</Text>
          </View>
        ))}
      </View>
      <BarChart title='按产业领域' bars={fieldBars(s)} />
      <BarChart title='按地区（前 10）' bars={regionBars(s)} />
      <BarChart title='按需求状态' bars={statusBars(s)} />
      <AlertFeedbackSection />
      <Text className='contest-footnote'>数据更新于 {formatDateTime(s.at)}，下拉可刷新</Text>
    </View>
  );
}
