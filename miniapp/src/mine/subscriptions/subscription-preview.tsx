// 预览: how many recent demands the conditions being edited would have matched, by tier, with a few of them to open.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MATCH_TIER_LABELS, type SubscriptionPreview } from '@cic/shared';
import type { PreviewState } from './use-subscription-preview';
import '../../components/tag.css';
import '../../components/text.css';

/** The preview's own lines: what it is waiting for, what went wrong, how to read it. */
const NOTE = 'text-note text-note--lines sub-preview-note';

const openDemand = (id: string) => void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(id)}` });

export function previewSummary(p: SubscriptionPreview): string {
  return `近期 ${p.demands} 条需求中：${MATCH_TIER_LABELS.main} ${p.main} 条 · ${MATCH_TIER_LABELS.mentioned} ${p.mentioned} 条`;
}

export function SubscriptionPreviewPanel({ state, onRetry }: { state: PreviewState; onRetry: () => void }) {
  return (
    <View className='sub-preview' role='region' aria-label='匹配预览'>
      <Text className='sub-preview-title'>匹配预览</Text>
      <PreviewBody state={state} onRetry={onRetry} />
    </View>
  );
}

function PreviewBody({ state, onRetry }: { state: PreviewState; onRetry: () => void }) {
  if (state.status === 'idle') {
    return <Text className={NOTE}>添加关键词或选择条件后，这里显示近期有多少需求会匹配</Text>;
  }
  if (state.status === 'error') {
    return (
      <View className={`${NOTE} is-error`} role='alert'>
        <Text>预览没有加载出来：{state.message}。不影响保存订阅。</Text>
        <View className='sub-expansion-retry' role='button' onClick={onRetry}>
          重试
        </View>
      </View>
    );
  }
  const data = state.status === 'ready' ? state.data : state.last;
  if (!data) {
    return (
      <View className={NOTE} role='status'>
        <Text>正在统计近期匹配的需求…</Text>
      </View>
    );
  }
  return (
    <View className={state.status === 'loading' ? 'sub-preview-body is-updating' : 'sub-preview-body'}>
      <View className='sub-preview-summary' role='status'>
        <Text>{`${previewSummary(data)}${state.status === 'loading' ? '（更新中…）' : ''}`}</Text>
      </View>
      {data.main + data.mentioned === 0 ? (
        <Text className={NOTE}>近期没有符合这些条件的需求。可以少设几个条件，或换个说法；保存后有新需求匹配时仍会提醒。</Text>
      ) : (
        <View className='sub-preview-examples'>
          {data.examples.slice(0, 5).map((x) => (
            <View key={x.demandId} className='sub-preview-example' role='link' onClick={() => openDemand(x.demandId)}>
              <Text className={`tag tag--tier sub-tier sub-tier--${x.tier}`}>{MATCH_TIER_LABELS[x.tier]}</Text>
              <Text className='sub-preview-example-title'>{x.title}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className={NOTE}>主题相关：需求的主题就是它；提及：只在需求里提到。</Text>
    </View>
  );
}
