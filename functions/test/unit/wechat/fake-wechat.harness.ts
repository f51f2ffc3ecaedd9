// What the WeChat adapter tests share: the fake WeChat server over real HTTP for the whole file, reset after each
// test, console spies (so a test can assert a secret is never logged), and an in-memory token cache.
import type { AccessTokenCache } from '../../../src/wechat/wechat-message.port';
import { startFakeWechat, type FakeWechat, type FakeWechatOptions } from '../../../../scripts/fake-wechat/server';
import { freePort } from '../../../../scripts/lib/ports';

export const APPID = 'wx-test-appid';
export const SECRET = 'wechat-test-secret-value';
export const OPENID = 'oTestOpenid000000000000000001';

export interface FakeWechatHarness {
  readonly wechat: FakeWechat;
  readonly errorSpy: jest.SpyInstance;
  readonly logSpy: jest.SpyInstance;
}

export function useFakeWechat(options: Partial<Omit<FakeWechatOptions, 'port'>> = {}): FakeWechatHarness {
  const state = {} as { wechat: FakeWechat; errorSpy: jest.SpyInstance; logSpy: jest.SpyInstance };
  beforeAll(async () => {
    state.wechat = await startFakeWechat({ appid: APPID, secret: SECRET, ...options, port: await freePort() });
  });
  afterAll(async () => {
    await state.wechat.close();
  });
  beforeEach(() => {
    state.errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    state.logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    state.errorSpy.mockRestore();
    state.logSpy.mockRestore();
    await fetch(`${state.wechat.url}/__reset`, { method: 'POST' });
  });
  return {
    get wechat() {
      return state.wechat;
    },
    get errorSpy() {
      return state.errorSpy;
    },
    get logSpy() {
      return state.logSpy;
    },
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
