// What the WeChat adapter tests share: the fake WeChat server over real HTTP for the whole file, reset after each
// test through its control client, the log lines of each test (so a test can assert a secret is never logged), and an
// in-memory token cache.
import type { AccessTokenCache } from '../../../src/wechat/access-token-cache.port';
import { startFakeWechat, type FakeWechat, type FakeWechatOptions } from '../../../../scripts/fake-wechat/server';
import { freePort } from '../../../../scripts/lib/ports';
import { fakeWechat, type FakeWechatControl } from '../../support/fake-wechat-control';
import { useLogCapture, type LogCapture } from '../../support/log-capture';

export const APPID = 'wx-test-appid';
export const SECRET = 'wechat-test-secret-value';
export const OPENID = 'oTestOpenid000000000000000001';

export interface FakeWechatHarness {
  readonly wechat: FakeWechat;
  /** Its control routes: inject failures, expire tokens, read what it sent. */
  readonly control: FakeWechatControl;
  /** The log lines of the running test. */
  readonly logs: LogCapture;
}

export function useFakeWechat(options: Partial<Omit<FakeWechatOptions, 'port'>> = {}): FakeWechatHarness {
  const state = {} as { wechat: FakeWechat; control: FakeWechatControl };
  const logs = useLogCapture();
  beforeAll(async () => {
    state.wechat = await startFakeWechat({ appid: APPID, secret: SECRET, ...options, port: await freePort() });
    state.control = fakeWechat(state.wechat.url);
  });
  afterAll(async () => {
    await state.wechat.close();
  });
  afterEach(async () => {
    await state.control.reset();
  });
  return {
    get wechat() {
      return state.wechat;
    },
    get control() {
      return state.control;
    },
    logs,
  };
}

export type MemoryTokenCache = AccessTokenCache & { entry: { token: string; expiresAt: number } | undefined; gets: number };

export function memoryCache(initial?: { token: string; expiresAt: number }): MemoryTokenCache {
  const cache: MemoryTokenCache = {
    entry: initial,
    gets: 0,
    async get() {
      cache.gets += 1;
      return cache.entry;
    },
    async put(e) {
      cache.entry = e;
    },
  };
  return cache;
}
