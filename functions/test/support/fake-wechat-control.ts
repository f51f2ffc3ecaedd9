// The one client of the fake WeChat server's control routes (scripts/fake-wechat/server.ts: /__fail, /__expire_tokens,
// /__sent, /__reset, /__chaos), typed with the server's own request and answer types, so a test and the server cannot
// drift apart. Every test that injects a WeChat failure, expires its tokens or reads what it sent goes through it.
import type {
  ChaosRequest,
  ControlAck,
  FailRequest,
  FakeWechatControlRoutes,
  SentMessage,
} from '../../../scripts/fake-wechat/server';
import { httpCall } from './http';

export type { ChaosOutcome, ChaosRequest, FailRequest, SentMessage } from '../../../scripts/fake-wechat/server';

type Route = keyof FakeWechatControlRoutes;

export interface FakeWechatControl {
  readonly url: string;
  /** The next calls of an api fail (or are slow) as told: `times` of them, 1 by default. */
  fail(failure: FailRequest): Promise<ControlAck>;
  /** Every access token issued so far stops working (40001); the next stable_token issues a new one. */
  expireTokens(): Promise<ControlAck>;
  /** Every subscribe message the server accepted, oldest first. */
  sent(): Promise<SentMessage[]>;
  /** Clears failures, chaos, used codes and sent messages (issued tokens stay valid, as WeChat's would). */
  reset(): Promise<ControlAck>;
  /** Each call of an api fails at random with probability `rate` (0 turns it off). */
  chaos(request: ChaosRequest): Promise<ControlAck>;
  /** The failures injected so far, by label ('subscribe_send http 502', …). */
  injected(): Promise<Record<string, number>>;
}

/** The control routes of the fake WeChat server at `url`. */
export function fakeWechat(url: string): FakeWechatControl {
  async function control<R extends Route>(
    route: R,
    request: FakeWechatControlRoutes[R]['request'],
  ): Promise<FakeWechatControlRoutes[R]['answer']> {
    const [method, path] = route.split(' ') as [string, string];
    const body = request === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) };
    const reply = await httpCall(`${url}${path}`, { method, ...body });
    // Anything else means the failure was not injected (or the list not read): stop here, not at a puzzling assertion.
    if (reply.status !== 200) throw new Error(`fake WeChat ${route}: ${reply.status} ${reply.text}`);
    return JSON.parse(reply.text) as FakeWechatControlRoutes[R]['answer'];
  }
  return {
    url,
    fail: (failure) => control('POST /__fail', failure),
    expireTokens: () => control('POST /__expire_tokens', undefined),
    sent: async () => (await control('GET /__sent', undefined)).sent,
    reset: () => control('POST /__reset', undefined),
    chaos: (request) => control('POST /__chaos', request),
    injected: async () => (await control('GET /__chaos', undefined)).injected,
  };
}

/** The fake WeChat server of the local stack the jest project started (STACK_WECHAT_URL). */
export function stackWechat(): FakeWechatControl {
  const url = process.env.STACK_WECHAT_URL;
  if (!url) throw new Error('STACK_WECHAT_URL is not set: run through jest (the project starts the stack)');
  return fakeWechat(url);
}
