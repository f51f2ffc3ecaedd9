// A section of a page loaded on its own (useResource), shown in place: a line while it loads, the error with 重试
// (the rest of the page stays usable), a line when there is nothing, else its content.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ResourceState } from '../hooks/use-resource';
import './text.css';
import './inline-resource.css';

const STATE = 'text-note text-note--lines inline-state';

interface Props<T extends { items: readonly unknown[] }> {
  resource: Pick<ResourceState<T>, 'state' | 'reload'>;
  /** What the section holds, in its messages: 正在加载{what}…, {what}没有加载出来：… */
  what: string;
  /** Said when there is no item; nothing when absent. */
  empty?: string;
  children: (data: T) => ReactNode;
}

export function InlineResource<T extends { items: readonly unknown[] }>({ resource, what, empty, children }: Props<T>) {
  const { state } = resource;
  if (state.status === 'loading' || state.status === 'idle') return <Text className={STATE}>{`正在加载${what}…`}</Text>;
  if (state.status === 'error') {
    return (
      <View className={STATE} role='alert'>
        <Text>{`${what}没有加载出来：${state.error.message}`}</Text>
        <View className='inline-state__retry' role='button' onClick={resource.reload}>
          重试
        </View>
      </View>
    );
  }
  if (state.data.items.length === 0) return empty ? <Text className={STATE}>{empty}</Text> : null;
  return <>{children(state.data)}</>;
}
