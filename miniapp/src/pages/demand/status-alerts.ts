// Asking WeChat for permission to push one status alert (the demand closes) to a new follower.
// WeChat only shows the dialog when the call comes straight from a tap, so this must run before anything is awaited.
import Taro from '@tarojs/taro';
import { SUBSCRIBE_RESULTS, type SubscribeResult } from '@cic/shared';
import { call } from '../../api/client';

const isResult = (v: unknown): v is SubscribeResult => (SUBSCRIBE_RESULTS as readonly unknown[]).includes(v);

/** Never fails: following works without alerts, and a lost quota report only costs one push. */
export async function askForStatusAlerts(): Promise<void> {
  // H5 has no subscribe messages (Taro resolves there with nothing in it).
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    // Inside the try: a TARO_APP_* variable missing at build time stays `process.env.…` in the bundle, and the
    // mini-program has no `process`.
    const templateId = process.env.TARO_APP_TEMPLATE_STATUS;
    if (!templateId) return;
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option);
    const result = (answer as unknown as Record<string, unknown>)[templateId];
    if (isResult(result)) void call('meSubscribeQuota', { body: { results: { [templateId]: result } } }).catch(() => undefined);
  } catch {
    // The person closed the dialog, or turned subscribe messages off.
  }
}
