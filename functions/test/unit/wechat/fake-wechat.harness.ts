// What the WeChat adapter tests share: the fake WeChat server over real HTTP for the whole file, reset after each
// test through its control client, the log lines of each test (so a test can assert a secret is never logged), the
// test app's token provider against it, an in-memory token cache, and a fetch that counts what it sends.
import { createAccessTokenProvider, type AccessTokenProvider } from '../../../src/wechat/access-token.provider';
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
  /** The test app's access tokens from this server: a fresh in-memory cache, the real clock and 2 s unless overridden. */
  tokens(overrides?: Partial<TokenProviderOptions>): AccessTokenProvider;
}

type TokenProviderOptions = Parameters<typeof createAccessTokenProvider>[0];

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
    tokens: (overrides = {}) =>
      createAccessTokenProvider({
        baseUrl: state.wechat.url,
        appid: APPID,
        secret: SECRET,
        cache: memoryCache(),
        clock: { now: () => new Date() },
        timeoutMs: 2000,
        ...overrides,
      }),
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

/** A fetch that counts the calls to each path and keeps the JSON bodies sent to it. */
export function countingFetch() {
  const calls: Record<string, number> = {};
  const bodies: Record<string, unknown[]> = {};
  const fetchImpl: typeof fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : input).pathname;
    calls[path] = (calls[path] ?? 0) + 1;
    if (typeof init?.body === 'string') (bodies[path] ??= []).push(JSON.parse(init.body));
    return fetch(input, init);
  };
  return {
    fetchImpl,
    count: (path: string) => calls[path] ?? 0,
    // The list itself, filled as calls are made.
    bodies: <T = unknown>(path: string) => (bodies[path] ??= []) as T[],
  };
}
