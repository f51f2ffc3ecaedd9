// jscode2session against the fake WeChat server over real HTTP: a good code gives an openid (never the session_key), a
// bad or used code is invalid_code, and anything else that goes wrong is unavailable.
import { createServer, type Server } from 'node:http';
import { createWechatSessionAdapter } from '../../../src/auth/wechat-session.adapter';
import type { WechatSessionPort } from '../../../src/auth/wechat-session.port';
import { fakeOpenid, startFakeWechat, type FakeWechat } from '../../../../scripts/fake-wechat/server';
import { freePort } from '../../../../scripts/lib/ports';
import { fakeWechat, type FailRequest } from '../../support/fake-wechat-control';
import { useLogCapture } from '../../support/log-capture';

const APPID = 'wx-test-appid';
const SECRET = 'wechat-test-secret-value';

let wechat: FakeWechat;
// The adapter logs each failure; the tests read the lines (that they name the errcode, never the secret).
const logs = useLogCapture();

beforeAll(async () => {
  wechat = await startFakeWechat({ appid: APPID, secret: SECRET, port: await freePort() });
});

afterAll(async () => {
  await wechat.close();
});

afterEach(async () => {
  await fakeWechat(wechat.url).reset();
});

function adapter(overrides: Partial<Parameters<typeof createWechatSessionAdapter>[0]> = {}): WechatSessionPort {
  return createWechatSessionAdapter({ baseUrl: wechat.url, appid: APPID, secret: SECRET, timeoutMs: 2000, ...overrides });
}

async function injectFailure(failure: FailRequest): Promise<void> {
  expect(await fakeWechat(wechat.url).fail(failure)).toEqual({ ok: true });
}

const loggedText = () => logs.text();

describe('WeChat session adapter (fake WeChat over HTTP)', () => {
  it('exchanges a good code for the openid, without the session_key', async () => {
    const result = await adapter().exchangeCode('user-alice-1');
    expect(result).toEqual({ ok: true, openid: fakeOpenid(APPID, 'user-alice-1') });
    expect(result).not.toHaveProperty('session_key');
    expect(JSON.stringify(result)).not.toContain('session');
  });

  it('gives the same openid for two codes of the same person', async () => {
    const a = await adapter().exchangeCode('user-bob-1');
    const b = await adapter().exchangeCode('user-bob-2');
    expect(a.ok && b.ok && a.openid === b.openid).toBe(true);
  });

  it('reports an invalid code as invalid_code (40029)', async () => {
    expect(await adapter().exchangeCode('invalid-code-xyz')).toEqual({ ok: false, reason: 'invalid_code', errcode: 40029 });
  });

  it('reports a reused code as invalid_code (40163)', async () => {
    const port = adapter();
    expect((await port.exchangeCode('user-carol-1')).ok).toBe(true);
    expect(await port.exchangeCode('user-carol-1')).toEqual({ ok: false, reason: 'invalid_code', errcode: 40163 });
  });

  it('reports WeChat system error -1 as unavailable', async () => {
    await injectFailure({ api: 'jscode2session', errcode: -1 });
    expect(await adapter().exchangeCode('user-dave-1')).toEqual({ ok: false, reason: 'unavailable', errcode: -1 });
    // The failure was for one call only: the same code still works (it was never consumed).
    expect((await adapter().exchangeCode('user-dave-1')).ok).toBe(true);
  });

  it('reports an HTTP 500 as unavailable', async () => {
    await injectFailure({ api: 'jscode2session', status: 500 });
    expect(await adapter().exchangeCode('user-erin-1')).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('reports a wrong secret as unavailable, and does not log the secret', async () => {
    const result = await adapter({ secret: 'not-the-right-secret' }).exchangeCode('user-frank-1');
    expect(result).toEqual({ ok: false, reason: 'unavailable', errcode: 40125 });
    expect(loggedText()).toContain('40125');
    expect(loggedText()).not.toContain('not-the-right-secret');
  });

  it('reports a wrong appid as unavailable', async () => {
    expect(await adapter({ appid: 'wx-other' }).exchangeCode('user-gina-1')).toEqual({
      ok: false,
      reason: 'unavailable',
      errcode: 40013,
    });
  });

  it('reports missing appid or secret as unavailable without any HTTP call', async () => {
    let calls = 0;
    const fetchImpl: typeof fetch = async () => {
      calls += 1;
      return new Response('{}');
    };
    for (const missing of [{ appid: undefined }, { secret: undefined }, { appid: '' }, { secret: '' }]) {
      expect(await adapter({ ...missing, fetchImpl }).exchangeCode('user-hank-1')).toEqual({ ok: false, reason: 'unavailable' });
    }
    expect(calls).toBe(0);
    // The same code still works against the real server: nothing reached it.
    expect((await adapter().exchangeCode('user-hank-1')).ok).toBe(true);
  });

  it('reports an unreachable server as unavailable', async () => {
    const closedPort = await freePort();
    const result = await adapter({ baseUrl: `http://127.0.0.1:${closedPort}` }).exchangeCode('user-ivan-1');
    expect(result).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('reports a server that never answers as unavailable after the timeout', async () => {
    const silent: Server = createServer(() => undefined);
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const result = await adapter({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 }).exchangeCode('user-jane-1');
      expect(result).toEqual({ ok: false, reason: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('reports an answer without an openid as unavailable', async () => {
    const fetchImpl: typeof fetch = async () => new Response(JSON.stringify({ session_key: 'k' }), { status: 200 });
    expect(await adapter({ fetchImpl }).exchangeCode('user-kate-1')).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('reports a body that is not JSON as unavailable', async () => {
    const fetchImpl: typeof fetch = async () => new Response('<html>busy</html>', { status: 200 });
    expect(await adapter({ fetchImpl }).exchangeCode('user-lena-1')).toEqual({ ok: false, reason: 'unavailable' });
  });
});
