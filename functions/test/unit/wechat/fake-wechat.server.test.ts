// The fake WeChat server itself, over HTTP: stable_token, subscribe/send with WeChat's data rules, msg_sec_check, and the
// control endpoints the other tests rely on (/__fail with errcode, status or delay, /__expire_tokens, /__sent, /__reset,
// /__chaos), driven through the one typed client the other tests use.
import { startFakeWechat, type FakeWechat } from '../../../../scripts/fake-wechat/server';
import { freePort } from '../../../../scripts/lib/ports';
import { fakeWechat, type FakeWechatControl } from '../../support/fake-wechat-control';
import { httpCall } from '../../support/http';

const APPID = 'wx-test-appid';
const SECRET = 'wechat-test-secret-value';
const TEMPLATE = 'tmpl-new-match';
const OPENID = 'oTestOpenid000000000000000001';

let wechat: FakeWechat;
let control: FakeWechatControl;

beforeAll(async () => {
  wechat = await startFakeWechat({ appid: APPID, secret: SECRET, port: await freePort(), templates: [TEMPLATE] });
  control = fakeWechat(wechat.url);
});

afterAll(async () => {
  await wechat.close();
});

afterEach(async () => {
  await control.reset();
});

type Json = Record<string, unknown>;

/** A call of one of WeChat's own APIs, as the adapters make it. */
async function post(server: FakeWechat, path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const res = await httpCall(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: JSON.parse(res.text) as Json };
}

async function stableToken(server = wechat, overrides: Json = {}): Promise<Json> {
  return (
    await post(server, '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: APPID,
      secret: SECRET,
      force_refresh: false,
      ...overrides,
    })
  ).body;
}

async function token(server = wechat, overrides: Json = {}): Promise<string> {
  const body = await stableToken(server, overrides);
  if (typeof body.access_token !== 'string') throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}

function message(overrides: Json = {}): Json {
  return {
    touser: OPENID,
    template_id: TEMPLATE,
    page: 'pages/demand/index?id=d1',
    data: { thing1: { value: '智能制造需求' }, time3: { value: '2026年11月22日 14:30' } },
    miniprogram_state: 'formal',
    lang: 'zh_CN',
    ...overrides,
  };
}

async function subscribeSend(accessToken: string, body: Json, server = wechat): Promise<Json> {
  return (await post(server, `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`, body)).body;
}

const sent = () => control.sent();

describe('fake WeChat: stable_token', () => {
  it('returns the same token while it is valid, with the seconds it has left', async () => {
    const a = await stableToken();
    const b = await stableToken();
    expect(a.access_token).toEqual(expect.any(String));
    expect(b.access_token).toBe(a.access_token);
    expect(a.expires_in).toBeGreaterThan(7190);
    expect(a.expires_in).toBeLessThanOrEqual(7200);
  });

  it('issues a new token on force_refresh, and the old one stops working', async () => {
    const old = await token();
    const renewed = await token(wechat, { force_refresh: true });
    expect(renewed).not.toBe(old);
    expect(await subscribeSend(old, message())).toMatchObject({ errcode: 40001 });
    expect(await subscribeSend(renewed, message())).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('rejects a wrong appid (40013) and a wrong secret (40125)', async () => {
    expect(await stableToken(wechat, { appid: 'wx-other' })).toMatchObject({ errcode: 40013 });
    expect(await stableToken(wechat, { secret: 'wrong' })).toMatchObject({ errcode: 40125 });
  });

  it('/__expire_tokens invalidates every issued token and the next stable_token is a new one', async () => {
    const old = await token();
    expect(await control.expireTokens()).toEqual({ ok: true });
    expect(await subscribeSend(old, message())).toMatchObject({ errcode: 40001 });
    const renewed = await token();
    expect(renewed).not.toBe(old);
    expect(await subscribeSend(renewed, message())).toMatchObject({ errcode: 0 });
  });

  it('expires a token after 7200 s on its own clock', async () => {
    let now = Date.parse('2026-11-22T00:00:00Z');
    const timed = await startFakeWechat({ appid: APPID, secret: SECRET, port: await freePort(), now: () => now });
    try {
      const first = await token(timed);
      now += 7199_000;
      expect((await stableToken(timed)).expires_in).toBe(1);
      expect(await subscribeSend(first, message(), timed)).toMatchObject({ errcode: 0 });
      now += 1000;
      expect(await subscribeSend(first, message(), timed)).toMatchObject({ errcode: 40001 });
      const second = await stableToken(timed);
      expect(second.access_token).not.toBe(first);
      expect(second.expires_in).toBe(7200);
    } finally {
      await timed.close();
    }
  });

  it('can be made to fail with an errcode or an HTTP status', async () => {
    await control.fail({ api: 'stable_token', errcode: -1 });
    await control.fail({ api: 'stable_token', status: 500 });
    expect(await stableToken()).toMatchObject({ errcode: -1 });
    expect((await post(wechat, '/cgi-bin/stable_token', {})).status).toBe(500);
    expect(await stableToken()).toHaveProperty('access_token');
  });

  it('fails at random with /__chaos, counts what it injected, and stops at rate 0 or on /__reset', async () => {
    expect(await control.chaos({ api: 'stable_token', rate: 1, outcomes: [{ errcode: -1 }] })).toEqual({ ok: true });
    expect(await stableToken()).toMatchObject({ errcode: -1 });
    expect(await stableToken()).toMatchObject({ errcode: -1 });
    expect(await control.injected()).toEqual({ 'stable_token errcode -1': 2 });
    await control.chaos({ api: 'stable_token', rate: 0 });
    expect(await stableToken()).toHaveProperty('access_token');
    await control.chaos({ api: 'stable_token', rate: 1, outcomes: [{ status: 502 }] });
    expect((await post(wechat, '/cgi-bin/stable_token', {})).status).toBe(502);
    await control.reset();
    expect(await control.injected()).toEqual({});
    expect(await stableToken()).toHaveProperty('access_token');
  });
});

describe('fake WeChat: subscribe/send', () => {
  it('accepts a good message and records it for GET /__sent; /__reset clears the list but keeps tokens', async () => {
    const t = await token();
    expect(await subscribeSend(t, message())).toEqual({ errcode: 0, errmsg: 'ok' });
    // The message exactly as sent, with the time it was received.
    expect(await sent()).toEqual([{ ...message(), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(await control.reset()).toEqual({ ok: true });
    expect(await sent()).toEqual([]);
    expect(await subscribeSend(t, message())).toMatchObject({ errcode: 0 });
  });

  it('answers 40001 for an unknown token and 41001 without one', async () => {
    expect(await subscribeSend('not-a-token', message())).toMatchObject({ errcode: 40001 });
    expect((await post(wechat, '/cgi-bin/message/subscribe/send', message())).body).toMatchObject({ errcode: 41001 });
    expect(await sent()).toEqual([]);
  });

  it('checks openid (40003), template (40037) and page (41030)', async () => {
    const t = await token();
    expect(await subscribeSend(t, message({ touser: 'xNotAnOpenid' }))).toMatchObject({ errcode: 40003 });
    expect(await subscribeSend(t, message({ template_id: 'tmpl-unknown' }))).toMatchObject({ errcode: 40037 });
    expect(await subscribeSend(t, message({ page: 'index/demand' }))).toMatchObject({ errcode: 41030 });
    expect(await subscribeSend(t, message({ page: undefined }))).toMatchObject({ errcode: 0 });
    // A subpackage's page is a page of the mini-program too.
    expect(await subscribeSend(t, message({ page: 'achievements/invitations/index?id=i_1' }))).toMatchObject({ errcode: 0 });
  });

  it('accepts any template id when no template list is configured', async () => {
    const open = await startFakeWechat({ appid: APPID, secret: SECRET, port: await freePort() });
    try {
      expect(await subscribeSend(await token(open), message({ template_id: 'anything' }), open)).toMatchObject({ errcode: 0 });
    } finally {
      await open.close();
    }
  });

  // Per data keyword, values WeChat accepts and values it refuses with 47003.
  const valueRules: { key: string; accepts: string[]; refuses: string[] }[] = [
    { key: 'thing1', accepts: ['新能源🎉电池 & AI合作', '一'.repeat(20)], refuses: ['一'.repeat(21), ''] },
    { key: 'number2', accepts: ['12345678901234567890123456789012', '3.14'], refuses: ['1'.repeat(33), '12a'] },
    { key: 'character_string3', accepts: ['ORDER-2026/11#42'], refuses: ['x'.repeat(33), '订单123'] },
    { key: 'phrase4', accepts: ['已关闭'], refuses: ['已经被关闭了', 'closed'] },
    { key: 'name5', accepts: ['欧阳娜娜', 'Alexander Hamilton'], refuses: ['欧阳娜娜欧阳娜娜欧阳娜', 'A'.repeat(21)] },
    { key: 'amount6', accepts: ['¥1280.50', '99元'], refuses: ['¥12345678901', '一百元'] },
    {
      key: 'time7',
      accepts: ['2026年11月22日 14:30', '2026-11-22 14:30', '14:30', '2026年11月22日 14:30~2026年11月22日 16:00'],
      refuses: ['2026年11月22日', '下午两点', '25:00'],
    },
    { key: 'date8', accepts: ['2026年11月22日', '2026-11-22', '2026-11-22 09:05'], refuses: ['2026-13-01', '11月22日'] },
    { key: 'foo1', accepts: [], refuses: ['x'] },
    { key: 'thing', accepts: [], refuses: ['no number'] },
  ];
  const valuesThat = (rule: 'accepts' | 'refuses'): [string, string][] =>
    valueRules.flatMap((r) => r[rule].map((value): [string, string] => [r.key, value]));
  const sendValue = async (key: string, value: string) => subscribeSend(await token(), message({ data: { [key]: { value } } }));

  it.each(valuesThat('accepts'))('accepts %s = %s', async (key, value) => {
    expect(await sendValue(key, value)).toMatchObject({ errcode: 0 });
  });

  it.each(valuesThat('refuses'))('refuses %s = %s with 47003', async (key, value) => {
    expect(await sendValue(key, value)).toMatchObject({ errcode: 47003 });
    expect(await sent()).toEqual([]);
  });

  it('refuses data without a value object', async () => {
    expect(await subscribeSend(await token(), message({ data: { thing1: '直接的字符串' } }))).toMatchObject({ errcode: 47003 });
  });

  it('injects failures for a number of calls', async () => {
    const t = await token();
    await control.fail({ api: 'subscribe_send', errcode: 43101, times: 2 });
    expect(await subscribeSend(t, message())).toMatchObject({ errcode: 43101 });
    expect(await subscribeSend(t, message())).toMatchObject({ errcode: 43101 });
    expect(await subscribeSend(t, message())).toMatchObject({ errcode: 0 });
    expect(await sent()).toHaveLength(1);
  });

  it('makes a call slow with delayMs, then answers normally', async () => {
    const t = await token();
    await control.fail({ api: 'subscribe_send', delayMs: 300 });
    const started = Date.now();
    expect(await subscribeSend(t, message())).toMatchObject({ errcode: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const again = Date.now();
    expect(await subscribeSend(t, message())).toMatchObject({ errcode: 0 });
    expect(Date.now() - again).toBeLessThan(280);
  });

  it('prints each accepted send on one line with logSends', async () => {
    const logged = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const loud = await startFakeWechat({ appid: APPID, secret: SECRET, port: await freePort(), logSends: true });
    try {
      await subscribeSend(await token(loud), message(), loud);
      await subscribeSend(await token(loud), message({ touser: 'bad' }), loud);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0]?.[0]).toBe(
        `[fake-wechat] subscribe/send → ${OPENID} template=${TEMPLATE} page=pages/demand/index?id=d1 data=thing1=智能制造需求 | time3=2026年11月22日 14:30`,
      );
    } finally {
      logged.mockRestore();
      await loud.close();
    }
  });
});

describe('fake WeChat: msg_sec_check', () => {
  async function check(body: Json, accessToken?: string): Promise<Json> {
    const t = accessToken ?? (await token());
    return (
      await post(wechat, `/wxa/msg_sec_check?access_token=${encodeURIComponent(t)}`, {
        version: 2,
        openid: OPENID,
        scene: 1,
        ...body,
      })
    ).body;
  }

  it('passes normal text, reviews 待人工, and finds 违禁 risky (in content or title)', async () => {
    expect(await check({ content: '寻找新能源电池合作伙伴' })).toMatchObject({
      errcode: 0,
      result: { suggest: 'pass', label: 100 },
    });
    expect(await check({ content: '这段需要待人工确认' })).toMatchObject({ result: { suggest: 'review', label: 10001 } });
    expect(await check({ content: '普通内容', title: '含违禁词' })).toMatchObject({
      result: { suggest: 'risky', label: 20001 },
      detail: [expect.objectContaining({ suggest: 'risky', label: 20001, keyword: '违禁' })],
    });
  });

  it('checks scene, length and token', async () => {
    expect(await check({ content: 'x', scene: 5 })).toMatchObject({ errcode: 40003 });
    expect(await check({ content: 'x', scene: 0 })).toMatchObject({ errcode: 40003 });
    expect(await check({ content: '字'.repeat(2501) })).toMatchObject({ errcode: 47001 });
    expect(await check({ content: '字'.repeat(2500) })).toMatchObject({ errcode: 0 });
    expect(await check({ content: 'x' }, 'bad-token')).toMatchObject({ errcode: 40001 });
  });
});

describe('fake WeChat: jscode2session is unchanged', () => {
  it('still exchanges codes and takes the old /__fail form', async () => {
    const url = `${wechat.url}/sns/jscode2session?appid=${APPID}&secret=${SECRET}&js_code=user-zed-1&grant_type=authorization_code`;
    // The old form: no `times`, so one call fails.
    expect(await control.fail({ api: 'jscode2session', errcode: -1 })).toEqual({ ok: true });
    expect(JSON.parse((await httpCall(url)).text)).toMatchObject({ errcode: -1 });
    expect(JSON.parse((await httpCall(url)).text)).toHaveProperty('openid');
  });
});
