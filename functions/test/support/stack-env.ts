// Lets a test call a Lambda handler in-process against the same local stack the HTTP API uses.
import { httpJson } from './http';
export function useStackFunctionEnv(): void {
  const env = process.env.STACK_FUNCTION_ENV;
  if (!env) throw new Error('STACK_FUNCTION_ENV is not set: run through jest (the integration project starts the stack)');
  Object.assign(process.env, JSON.parse(env) as Record<string, string>);
}

export const wechatUrl = (): string => process.env.STACK_WECHAT_URL as string;

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

export async function sentMessages(): Promise<SentMessage[]> {
  return (await httpJson<{ sent: SentMessage[] }>(`${wechatUrl()}/__sent`)).sent;
}

export async function failWechat(api: string, failure: { errcode?: number; status?: number; times?: number }): Promise<void> {
  await httpJson(`${wechatUrl()}/__fail`, { method: 'POST', body: JSON.stringify({ api, times: 1, ...failure }) });
}

/** Clears the fake WeChat server's failures, used codes and sent messages. */
export async function resetWechat(): Promise<void> {
  await httpJson(`${wechatUrl()}/__reset`, { method: 'POST' });
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
