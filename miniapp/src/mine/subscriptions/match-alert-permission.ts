// Asking WeChat for permission to push one "new matching demand" alert. WeChat shows the dialog only when the call
// comes straight from a tap, so callers start this before awaiting anything; each accept is one push, and the API
// is told so it can count the quota.
import Taro from '@tarojs/taro';
import { SUBSCRIBE_RESULTS, type SubscribeResult } from '@cic/shared';
import { call } from '../../api/client';

const isResult = (v: unknown): v is SubscribeResult => (SUBSCRIBE_RESULTS as readonly unknown[]).includes(v);

/** Never fails: the subscription works without pushes (matches still reach 消息). */
export function askForMatchAlerts(): Promise<void> {
  // H5 has no subscribe messages.
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve();
  const templateId = process.env.TARO_APP_TEMPLATE_NEW_MATCH;
  if (!templateId) return Promise.resolve();
  let asked: Promise<unknown>;
  try {
    asked = Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option);
  } catch {
    return Promise.resolve();
  }
  return asked
    .then(async (answer) => {
      const result = (answer as Record<string, unknown> | undefined)?.[templateId];
      if (isResult(result)) await call('meSubscribeQuota', { body: { results: { [templateId]: result } } });
    })
    .catch(() => undefined);
}
