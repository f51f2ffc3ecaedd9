// The access token provider against the fake WeChat server: memory first, then the shared cache, then stable_token;
// stale 5 minutes early; one in-flight fetch for concurrent callers; refresh() after WeChat rejects a token.
import type { Clock } from '../../../src/common/clock';
import { AccessTokenError, TOKEN_STALE_MARGIN_MS } from '../../../src/wechat/access-token.provider';
import type { AccessTokenCache } from '../../../src/wechat/access-token-cache.port';
import { freePort } from '../../../../scripts/lib/ports';
import type { FailRequest } from '../../support/fake-wechat-control';
import { APPID, SECRET, countingFetch, memoryCache, useFakeWechat } from './fake-wechat.harness';

const START = Date.parse('2026-11-22T06:00:00Z');

const h = useFakeWechat({});

function fakeClock(at = START): Clock & { advance(ms: number): void } {
  let t = at;
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

const TOKEN_PATH = '/cgi-bin/stable_token';

const provider = (overrides: Parameters<typeof h.tokens>[0] = {}) => h.tokens({ clock: fakeClock(), ...overrides });

const inject = (failure: FailRequest) => h.control.fail(failure);
const loggedText = () => h.logs.text();

describe('access token provider', () => {
  it('calls stable_token once for many gets, without force_refresh, and stores the token in the cache', async () => {
    const counting = countingFetch();
    const cache = memoryCache();
    const tokens = provider({ fetchImpl: counting.fetchImpl, cache });
    const first = await tokens.get();
    for (let i = 0; i < 5; i += 1) expect(await tokens.get()).toBe(first);
    expect(counting.count(TOKEN_PATH)).toBe(1);
    expect(counting.bodies(TOKEN_PATH)).toEqual([
      { grant_type: 'client_credential', appid: APPID, secret: SECRET, force_refresh: false },
    ]);
    expect(cache.entry).toEqual({ token: first, expiresAt: START + 7200_000 });
    // The memory copy answers: the shared cache was read once, before the fetch.
    expect(cache.gets).toBe(1);
  });

  it('shares one in-flight fetch between concurrent callers', async () => {
    const counting = countingFetch();
    const tokens = provider({ fetchImpl: counting.fetchImpl });
    const all = await Promise.all(Array.from({ length: 10 }, () => tokens.get()));
    expect(new Set(all).size).toBe(1);
    expect(counting.count(TOKEN_PATH)).toBe(1);
  });

  it('takes a fresh token from the shared cache without calling WeChat (another container fetched it)', async () => {
    const counting = countingFetch();
    const cache = memoryCache({ token: 'token-from-another-container', expiresAt: START + 3600_000 });
    expect(await provider({ fetchImpl: counting.fetchImpl, cache }).get()).toBe('token-from-another-container');
    expect(counting.count(TOKEN_PATH)).toBe(0);
  });

  it('ignores a cached token that is within 5 minutes of expiring', async () => {
    const counting = countingFetch();
    const cache = memoryCache({ token: 'nearly-expired', expiresAt: START + TOKEN_STALE_MARGIN_MS });
    const token = await provider({ fetchImpl: counting.fetchImpl, cache }).get();
    expect(token).not.toBe('nearly-expired');
    expect(counting.count(TOKEN_PATH)).toBe(1);
    expect(cache.entry?.token).toBe(token);
  });

  it('fetches again once its own token is stale (5 minutes before expires_in), not before', async () => {
    const counting = countingFetch();
    const clock = fakeClock();
    const cache = memoryCache();
    const tokens = provider({ fetchImpl: counting.fetchImpl, clock, cache });
    await tokens.get();
    clock.advance(7200_000 - TOKEN_STALE_MARGIN_MS - 1000);
    await tokens.get();
    expect(counting.count(TOKEN_PATH)).toBe(1);
    clock.advance(1000);
    await tokens.get();
    expect(counting.count(TOKEN_PATH)).toBe(2);
    // The fake's token is still valid in real time, so stable_token gave the same one back with the seconds it has left.
    expect(cache.entry?.expiresAt).toBeGreaterThan(clock.now().getTime() + 7000_000);
  });

  it('refresh() fetches a new token after WeChat invalidated the old one, and stores it in both caches', async () => {
    const counting = countingFetch();
    const cache = memoryCache();
    const tokens = provider({ fetchImpl: counting.fetchImpl, cache });
    const old = await tokens.get();
    await h.control.expireTokens();
    const renewed = await tokens.refresh();
    expect(renewed).not.toBe(old);
    expect(cache.entry?.token).toBe(renewed);
    expect(await tokens.get()).toBe(renewed);
    expect(counting.count(TOKEN_PATH)).toBe(2);
    expect(counting.bodies(TOKEN_PATH).every((b) => (b as { force_refresh: boolean }).force_refresh === false)).toBe(true);
  });

  it('refresh() bypasses a cached token, and concurrent refreshes share one fetch', async () => {
    const counting = countingFetch();
    const cache = memoryCache({ token: 'rejected-by-wechat', expiresAt: START + 3600_000 });
    const tokens = provider({ fetchImpl: counting.fetchImpl, cache });
    expect(await tokens.get()).toBe('rejected-by-wechat');
    const [a, b, c] = await Promise.all([tokens.refresh(), tokens.refresh(), tokens.get()]);
    expect(a).not.toBe('rejected-by-wechat');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(counting.count(TOKEN_PATH)).toBe(1);
  });

  it('fails with WeChat errcode for a wrong secret, and never logs the secret', async () => {
    const tokens = provider({ secret: 'not-the-right-secret' });
    const err = await tokens.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessTokenError);
    expect((err as AccessTokenError).errcode).toBe(40125);
    expect(loggedText()).toContain('40125');
    expect(loggedText()).not.toContain('not-the-right-secret');
    expect(String((err as Error).message)).not.toContain('not-the-right-secret');
  });

  it('fails on -1 and on HTTP 500, and works again afterwards', async () => {
    await inject({ api: 'stable_token', errcode: -1 });
    await inject({ api: 'stable_token', status: 500 });
    const tokens = provider();
    await expect(tokens.get()).rejects.toMatchObject({ name: 'AccessTokenError', errcode: -1 });
    await expect(tokens.get()).rejects.toThrow('HTTP 500');
    await expect(tokens.get()).resolves.toEqual(expect.any(String));
  });

  it('fails on a timeout and on an unreachable server', async () => {
    await inject({ api: 'stable_token', delayMs: 1000 });
    await expect(provider({ timeoutMs: 100 }).get()).rejects.toThrow('TimeoutError');
    await expect(provider({ baseUrl: `http://127.0.0.1:${await freePort()}` }).get()).rejects.toBeInstanceOf(AccessTokenError);
  });

  it('fails without appid or secret and makes no call', async () => {
    const counting = countingFetch();
    await expect(provider({ appid: undefined, fetchImpl: counting.fetchImpl }).get()).rejects.toBeInstanceOf(AccessTokenError);
    await expect(provider({ secret: '', fetchImpl: counting.fetchImpl }).get()).rejects.toBeInstanceOf(AccessTokenError);
    expect(counting.count(TOKEN_PATH)).toBe(0);
  });

  it('still works when the shared cache fails', async () => {
    const broken: AccessTokenCache = {
      get: () => Promise.reject(new Error('dynamo down')),
      put: () => Promise.reject(new Error('dynamo down')),
    };
    const tokens = provider({ cache: broken });
    const token = await tokens.get();
    expect(await tokens.get()).toBe(token);
    expect(loggedText()).toContain('wechat.token_cache_get');
    expect(loggedText()).toContain('wechat.token_cache_put');
    expect(loggedText()).not.toContain(token);
  });
});
