// subscribe/send against the fake WeChat server over HTTP: every answer classified as the port says, the token refreshed
// once and the message resent once on a token error, and no retries of its own for anything else.
import { createServer, type Server } from 'node:http';
import { newMatchMessage, statusChangeMessage, type SubscribeMessage } from '../../../src/wechat/template-data';
import {
  createSubscribeSender,
  createWechatMessageAdapter,
  type SubscribeSender,
} from '../../../src/wechat/wechat-message.adapter';
import { freePort } from '../../../../scripts/lib/ports';
import type { FailRequest } from '../../support/fake-wechat-control';
import { OPENID, countingFetch, memoryCache, useFakeWechat } from './fake-wechat.harness';

const NEW_MATCH = 'tmpl-new-match';
const STATUS = 'tmpl-status-change';
const SEND_PATH = '/cgi-bin/message/subscribe/send';
const TOKEN_PATH = '/cgi-bin/stable_token';

const h = useFakeWechat({ templates: [NEW_MATCH, STATUS] });

function setup(opts: { baseUrl?: string; timeoutMs?: number } = {}) {
  const counting = countingFetch();
  const cache = memoryCache();
  const tokens = h.tokens({ cache, fetchImpl: counting.fetchImpl });
  const port: SubscribeSender = createSubscribeSender({
    baseUrl: opts.baseUrl ?? h.wechat.url,
    tokens,
    timeoutMs: opts.timeoutMs ?? 2000,
    miniprogramState: 'trial',
    fetchImpl: counting.fetchImpl,
  });
  return { port, tokens, cache, count: counting.count };
}

function message(overrides: Partial<SubscribeMessage> = {}): SubscribeMessage {
  return {
    touser: OPENID,
    templateId: NEW_MATCH,
    page: 'pages/demand/index?id=d-1',
    data: { thing1: { value: '智能制造需求' }, thing2: { value: '关键词：机器人' }, time3: { value: '2026年11月22日 14:30' } },
    ...overrides,
  };
}

// The control client fails the call unless the server answers 200 { ok: true }.
const inject = async (failure: FailRequest) => expect(await h.control.fail(failure)).toEqual({ ok: true });
const sent = () => h.control.sent();
const loggedText = () => h.logs.text();

describe('WeChat subscribe message adapter (fake WeChat over HTTP)', () => {
  it('sends a message that then shows in /__sent with the exact data', async () => {
    const { port } = setup();
    expect(await port.send(message())).toEqual({ kind: 'sent' });
    expect(await sent()).toEqual([
      {
        touser: OPENID,
        template_id: NEW_MATCH,
        page: 'pages/demand/index?id=d-1',
        data: {
          thing1: { value: '智能制造需求' },
          thing2: { value: '关键词：机器人' },
          time3: { value: '2026年11月22日 14:30' },
        },
        miniprogram_state: 'trial',
        lang: 'zh_CN',
        at: expect.any(String),
      },
    ]);
  });

  it('fetches the access token once for many sends, and never logs it', async () => {
    const { port, count, cache } = setup();
    for (let i = 0; i < 5; i += 1) expect(await port.send(message())).toEqual({ kind: 'sent' });
    await Promise.all([port.send(message()), port.send(message()), port.send(message())]);
    expect(count(TOKEN_PATH)).toBe(1);
    expect(count(SEND_PATH)).toBe(8);
    expect(await sent()).toHaveLength(8);
    expect(loggedText()).not.toContain(cache.entry!.token);
  });

  it('refreshes an expired token once and resends once', async () => {
    const { port, count, cache } = setup();
    expect(await port.send(message())).toEqual({ kind: 'sent' });
    const old = cache.entry!.token;
    await h.control.expireTokens();
    expect(await port.send(message())).toEqual({ kind: 'sent' });
    expect(count(TOKEN_PATH)).toBe(2);
    expect(count(SEND_PATH)).toBe(3);
    expect(cache.entry!.token).not.toBe(old);
    expect(await sent()).toHaveLength(2);
    expect(loggedText()).not.toContain(old);
  });

  it.each([40001, 42001, 40014])('refreshes on token error %i', async (errcode) => {
    const { port, count } = setup();
    await inject({ api: 'subscribe_send', errcode });
    expect(await port.send(message())).toEqual({ kind: 'sent' });
    expect(count(SEND_PATH)).toBe(2);
  });

  it('gives up as retryable when the resend gets a token error again', async () => {
    const { port, count } = setup();
    await inject({ api: 'subscribe_send', errcode: 40001, times: 2 });
    expect(await port.send(message())).toEqual({ kind: 'retryable', errcode: 40001, detail: expect.stringContaining('token') });
    expect(count(SEND_PATH)).toBe(2);
    expect(count(TOKEN_PATH)).toBe(2);
    expect(await sent()).toEqual([]);
  });

  it('reports 43101 as no_quota', async () => {
    const { port, count } = setup();
    await inject({ api: 'subscribe_send', errcode: 43101 });
    expect(await port.send(message())).toEqual({ kind: 'no_quota', errcode: 43101 });
    expect(count(SEND_PATH)).toBe(1);
  });

  it('reports bad data (47003) from the fake server as rejected with its errcode', async () => {
    const { port, count } = setup();
    const outcome = await port.send(message({ data: { thing1: { value: '这是一个远远超过二十个字的需求标题会被微信拒绝' } } }));
    expect(outcome).toEqual({ kind: 'rejected', errcode: 47003, errmsg: expect.stringContaining('thing1') });
    expect(count(SEND_PATH)).toBe(1);
  });

  it.each<[number, Partial<SubscribeMessage>]>([
    [40003, { touser: 'not-an-openid' }],
    [40037, { templateId: 'tmpl-unknown' }],
    [41030, { page: 'index?id=1' }],
  ])('reports %i from the fake server as rejected, without retrying', async (errcode, overrides) => {
    const { port, count } = setup();
    expect(await port.send(message(overrides))).toEqual({ kind: 'rejected', errcode, errmsg: expect.any(String) });
    expect(count(SEND_PATH)).toBe(1);
    expect(await sent()).toEqual([]);
  });

  it.each([47003, 40003, 40037, 41030])('reports an injected %i as rejected', async (errcode) => {
    const { port } = setup();
    await inject({ api: 'subscribe_send', errcode });
    expect(await port.send(message())).toMatchObject({ kind: 'rejected', errcode });
  });

  it('reports -1 (busy) as retryable and does not retry it itself', async () => {
    const { port, count } = setup();
    await inject({ api: 'subscribe_send', errcode: -1 });
    expect(await port.send(message())).toEqual({ kind: 'retryable', errcode: -1, detail: 'system error' });
    expect(count(SEND_PATH)).toBe(1);
    expect(await sent()).toEqual([]);
  });

  it('reports HTTP 500 as retryable', async () => {
    const { port, count } = setup();
    await inject({ api: 'subscribe_send', status: 500 });
    expect(await port.send(message())).toEqual({ kind: 'retryable', detail: 'HTTP 500' });
    expect(count(SEND_PATH)).toBe(1);
  });

  it('reports a failed token fetch as retryable without sending', async () => {
    const { port, count } = setup();
    await inject({ api: 'stable_token', errcode: -1 });
    expect(await port.send(message())).toEqual({
      kind: 'retryable',
      errcode: -1,
      detail: expect.stringContaining('access token'),
    });
    expect(count(SEND_PATH)).toBe(0);
  });

  it('reports an unreachable server as retryable', async () => {
    const { port, tokens } = setup({ baseUrl: `http://127.0.0.1:${await freePort()}` });
    await tokens.get(); // the token comes from the real fake; only subscribe/send goes to the closed port
    expect(await port.send(message())).toEqual({ kind: 'retryable', detail: expect.stringContaining('network') });
  });

  it('reports a slow answer (delayMs > timeoutMs) as retryable', async () => {
    const { port, count } = setup({ timeoutMs: 150 });
    await inject({ api: 'subscribe_send', delayMs: 1000 });
    const started = Date.now();
    expect(await port.send(message())).toEqual({ kind: 'retryable', detail: 'timeout after 150 ms' });
    expect(Date.now() - started).toBeLessThan(900);
    expect(count(SEND_PATH)).toBe(1);
  });

  it('reports a server that never answers as retryable after the timeout', async () => {
    const silent: Server = createServer(() => undefined);
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      const { port: adapter, tokens } = setup({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 150 });
      await tokens.get();
      expect(await adapter.send(message())).toEqual({ kind: 'retryable', detail: 'timeout after 150 ms' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('reports an answer without errcode or not JSON as retryable', async () => {
    /** A sender whose every subscribe/send is answered with `body`. */
    const answering = (body: string) =>
      createSubscribeSender({
        baseUrl: h.wechat.url,
        tokens: { get: async () => 't', refresh: async () => 't' },
        timeoutMs: 500,
        miniprogramState: 'formal',
        fetchImpl: async () => new Response(body),
      });
    expect(await answering('{"msgid":1}').send(message())).toEqual({ kind: 'retryable', detail: 'answer without errcode' });
    expect(await answering('<html>busy</html>').send(message())).toEqual({ kind: 'retryable', detail: 'answer is not JSON' });
  });

  /** Sends a new match about `title` through a fresh adapter, and expects WeChat to accept it. */
  async function expectNewMatchSent(demandId: string, title: string, reason: string): Promise<void> {
    const { port } = setup();
    const msg = newMatchMessage({
      openid: OPENID,
      templateId: NEW_MATCH,
      demandId,
      title,
      reason,
      publishedAt: new Date('2026-11-22T06:30:00Z'),
    });
    expect(await port.send(msg)).toEqual({ kind: 'sent' });
  }

  it('sends a 30-character title cut to 19 characters and "…", which WeChat accepts', async () => {
    const title = '面向长三角地区的新能源汽车电池回收与梯次利用技术合作需求征集';
    expect(Array.from(title)).toHaveLength(30);
    await expectNewMatchSent('d-42', title, '关键词：电池回收');
    const [record] = await sent();
    expect(record).toMatchObject({
      page: 'pages/demand/index?id=d-42',
      data: {
        thing1: { value: `${title.slice(0, 19)}…` },
        thing2: { value: '关键词：电池回收' },
        time3: { value: '2026年11月22日 14:30' },
      },
    });
  });

  it('sends a 20-character title untouched', async () => {
    const title = '新能源汽车电池回收与梯次利用技术合作需求';
    expect(Array.from(title)).toHaveLength(20);
    await expectNewMatchSent('d-43', title, '符合你的订阅条件');
    expect((await sent())[0]).toMatchObject({ data: { thing1: { value: title } } });
  });

  it('sends a status change message that WeChat accepts', async () => {
    const { port } = setup();
    const msg = statusChangeMessage({
      openid: OPENID,
      templateId: STATUS,
      demandId: 'd-44',
      title: '工业机器人视觉检测',
      status: '已关闭',
      at: new Date('2026-11-21T16:05:00Z'),
    });
    expect(await port.send(msg)).toEqual({ kind: 'sent' });
    expect((await sent())[0]).toMatchObject({
      template_id: STATUS,
      data: { thing1: { value: '工业机器人视觉检测' }, phrase2: { value: '已关闭' }, time3: { value: '2026年11月22日 00:05' } },
    });
  });
});

describe("WeChat subscribe message port (the alerts' messages)", () => {
  it('lays out a new match and a status change in their templates, and sends them', async () => {
    const port = createWechatMessageAdapter({
      baseUrl: h.wechat.url,
      tokens: h.tokens(),
      timeoutMs: 2000,
      miniprogramState: 'trial',
    });
    const about = {
      openid: OPENID,
      demandId: 'd-45',
      title: '面向长三角地区的新能源汽车电池回收与梯次利用技术合作需求征集',
      at: '2026-11-22T06:30:00Z',
    };
    expect(await port.send({ kind: 'new_match', templateId: NEW_MATCH, ...about, reason: '关键词：电池回收' })).toEqual({
      kind: 'sent',
    });
    expect(await port.send({ kind: 'status_change', templateId: STATUS, ...about, status: '已关闭' })).toEqual({ kind: 'sent' });
    const [match, status] = await sent();
    expect(match).toMatchObject({
      touser: OPENID,
      template_id: NEW_MATCH,
      page: 'pages/demand/index?id=d-45',
      data: {
        thing1: { value: `${about.title.slice(0, 19)}…` },
        thing2: { value: '关键词：电池回收' },
        time3: { value: '2026年11月22日 14:30' },
      },
    });
    expect(status).toMatchObject({
      template_id: STATUS,
      data: { phrase2: { value: '已关闭' }, time3: { value: '2026年11月22日 14:30' } },
    });
  });
});
