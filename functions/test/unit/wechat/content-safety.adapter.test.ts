// msg_sec_check v2 against the fake WeChat server over HTTP: pass / review / risky verdicts, the token refreshed once,
// and every failure reported as unavailable.
import { createContentSafetyAdapter } from '../../../src/wechat/content-safety.adapter';
import type { ContentSafetyPort } from '../../../src/demands/content-safety.port';
import type { FailRequest } from '../../support/fake-wechat-control';
import { OPENID, countingFetch, useFakeWechat } from './fake-wechat.harness';

const CHECK_PATH = '/wxa/msg_sec_check';

const h = useFakeWechat({});

function setup(opts: { timeoutMs?: number } = {}) {
  const { fetchImpl, count, bodies } = countingFetch();
  const port: ContentSafetyPort = createContentSafetyAdapter({
    baseUrl: h.wechat.url,
    tokens: h.tokens({ fetchImpl }),
    timeoutMs: opts.timeoutMs ?? 2000,
    fetchImpl,
  });
  return { port, bodies: bodies<Record<string, unknown>>(CHECK_PATH), count };
}

const inject = (failure: FailRequest) => h.control.fail(failure);

describe('WeChat content safety adapter (fake WeChat over HTTP)', () => {
  it('passes normal text, with version 2 and scene 1', async () => {
    const { port, bodies } = setup();
    expect(await port.check({ openid: OPENID, title: '电池回收合作', content: '寻找长三角地区的电池回收合作伙伴' })).toEqual({
      kind: 'checked',
      suggest: 'pass',
      label: 100,
    });
    expect(bodies).toEqual([
      { version: 2, openid: OPENID, scene: 1, title: '电池回收合作', content: '寻找长三角地区的电池回收合作伙伴' },
    ]);
  });

  it('reports review and risky verdicts with their labels', async () => {
    const { port } = setup();
    expect(await port.check({ openid: OPENID, title: '合作', content: '这段内容待人工确认' })).toEqual({
      kind: 'checked',
      suggest: 'review',
      label: 10001,
    });
    expect(await port.check({ openid: OPENID, title: '含违禁词的标题', content: '正文正常' })).toEqual({
      kind: 'checked',
      suggest: 'risky',
      label: 20001,
    });
  });

  it('cuts content to 2500 characters, so WeChat does not refuse long text', async () => {
    const { port, bodies } = setup();
    expect(await port.check({ openid: OPENID, title: '', content: '字'.repeat(3000) })).toEqual({
      kind: 'checked',
      suggest: 'pass',
      label: 100,
    });
    expect(Array.from(String(bodies[0]?.content))).toHaveLength(2500);
    expect(bodies[0]).not.toHaveProperty('title');
  });

  it('refreshes an expired token once and checks again', async () => {
    const { port, count } = setup();
    await port.check({ openid: OPENID, title: 't', content: 'c' });
    await h.control.expireTokens();
    expect(await port.check({ openid: OPENID, title: 't', content: '违禁' })).toMatchObject({
      kind: 'checked',
      suggest: 'risky',
    });
    expect(count(CHECK_PATH)).toBe(3);
  });

  it('is unavailable when the token is rejected twice', async () => {
    const { port, count } = setup();
    await inject({ api: 'msg_sec_check', errcode: 40001, times: 2 });
    expect(await port.check({ openid: OPENID, title: 't', content: 'c' })).toMatchObject({ kind: 'unavailable' });
    expect(count(CHECK_PATH)).toBe(2);
  });

  it('is unavailable on HTTP 500, -1, a WeChat error, a timeout and without a token', async () => {
    const { port } = setup({ timeoutMs: 150 });
    await inject({ api: 'msg_sec_check', status: 500 });
    expect(await port.check({ openid: OPENID, title: 't', content: 'c' })).toEqual({ kind: 'unavailable', detail: 'HTTP 500' });
    await inject({ api: 'msg_sec_check', errcode: -1 });
    expect(await port.check({ openid: OPENID, title: 't', content: 'c' })).toEqual({
      kind: 'unavailable',
      detail: '-1 system error',
    });
    expect(await port.check({ openid: 'not-an-openid', title: 't', content: 'c' })).toMatchObject({
      kind: 'unavailable',
      detail: expect.stringContaining('40003'),
    });
    await inject({ api: 'msg_sec_check', delayMs: 1000 });
    expect(await port.check({ openid: OPENID, title: 't', content: 'c' })).toEqual({
      kind: 'unavailable',
      detail: 'timeout after 150 ms',
    });
    await h.control.expireTokens();
    await inject({ api: 'stable_token', status: 500 });
    expect(await port.check({ openid: OPENID, title: 't', content: 'c' })).toMatchObject({
      kind: 'unavailable',
      detail: expect.stringContaining('access token'),
    });
  });

  it('is unavailable when the answer has no verdict', async () => {
    const port = createContentSafetyAdapter({
      baseUrl: h.wechat.url,
      tokens: { get: async () => 't', refresh: async () => 't' },
      timeoutMs: 500,
      fetchImpl: async () => new Response('{"errcode":0,"errmsg":"ok","result":{"suggest":"maybe"}}'),
    });
    expect(await port.check({ openid: OPENID, title: 't', content: 'c' })).toEqual({
      kind: 'unavailable',
      detail: 'answer without a verdict',
    });
  });
});
