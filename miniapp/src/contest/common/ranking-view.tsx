// The 评审排名 of a demand's final, loaded on its own (owner, organisers and the final's judges may see it).
import { useEffect } from 'react';
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import { EmptyState } from '../../components';
import { RankingTable } from './ranking-table';
import { ResourceFallback } from '../../components/resource-list';
import { useResource } from '../../hooks/use-resource';
import '../../components/card.css';

/** `version` changes after a score is saved, to load the ranking again. */
export function RankingView({ demandId, version = 0 }: { demandId: string; version?: number }) {
  const ranking = useResource(() => call('finalsRanking', { params: { id: demandId } }), {
    key: demandId,
    enabled: Boolean(demandId),
  });
  const { refresh } = ranking;
  // After a score is saved: the new standing, without blanking the table meanwhile.
  useEffect(() => {
    if (version > 0) void refresh();
  }, [version, refresh]);
  const { state } = ranking;
  if (state.status !== 'ready') {
    const refused = <EmptyState title='暂无评审排名' description='组织方为该需求指定评委后，这里会显示评审排名' />;
    return <ResourceFallback resource={ranking} skeleton={1} refused={refused} />;
  }
  return (
    <View className='card'>
      <RankingTable ranking={state.data} />
    </View>
  );
}
