// The push sender's rules, over in-memory fakes: claim once, quota first, classify WeChat's answer, retry, dead-letter.
import type { Notification, PushState } from '@cic/shared';
import type { DeadLetterPort } from '../../../src/alerts/dead-letter.port';
import { chinaDate, createPushService } from '../../../src/alerts/push.service';
import type { QuotaRepository } from '../../../src/alerts/quota.repository';
import type { User } from '../../../src/auth/auth-user';
import type { SendOutcome } from '../../../src/alerts/wechat-message.port';
import { subscribeMessageOf, type SubscribeMessage } from '../../../src/wechat/template-data';
import { useLogCapture } from '../../support/log-capture';

const TEMPLATES = { newMatch: 'tmpl-match', statusChange: 'tmpl-status' };
const NOW = new Date('2026-11-22T03:00:00Z');

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'new_match#d1',
    userId: 'u1',
    demandId: 'd1',
    reason: 'new_match',
    title: '钛合金薄板激光焊接变形控制与气孔抑制工艺联合开发',
    createdAt: NOW.toISOString(),
    explanation: { keywords: [{ keyword: '钛合金', matchedAs: '钛合金' }] },
    push: 'pending',
    ...overrides,
  };
}

function setup(
  answers: SendOutcome[],
  opts: { quota?: number; openid?: string | null; failUsersGet?: number; failSetPush?: number } = {},
) {
  let usersGetFailures = opts.failUsersGet ?? 0;
  let setPushFailures = opts.failSetPush ?? 0;
  const throttled = () =>
    Object.assign(new Error('throttled after the SDK retries'), { name: 'ProvisionedThroughputExceededException' });
  const quota = new Map<string, number>([[`u1:${TEMPLATES.newMatch}`, opts.quota ?? 1]]);
  const digests = new Set<string>();
  const claimed = new Set<string>();
  const states = new Map<string, PushState>();
  const sent: SubscribeMessage[] = [];
  const deadLetters: Parameters<DeadLetterPort['put']>[0][] = [];
  const sleeps: number[] = [];
  const quotas: QuotaRepository = {
    add: async (u, t, n) => void quota.set(`${u}:${t}`, (quota.get(`${u}:${t}`) ?? 0) + n),
    consume: async (u, t) => {
      const left = quota.get(`${u}:${t}`) ?? 0;
      if (left <= 0) return false;
      quota.set(`${u}:${t}`, left - 1);
      return true;
    },
    giveBack: async (u, t) => void quota.set(`${u}:${t}`, (quota.get(`${u}:${t}`) ?? 0) + 1),
    zero: async (u, t) => void quota.set(`${u}:${t}`, 0),
    get: async () => Object.fromEntries(quota),
    claimDigest: async (u, d) => (digests.has(`${u}:${d}`) ? false : (digests.add(`${u}:${d}`), true)),
    deleteAllOf: async () => 0,
  };
  const account: User = { id: 'u1', role: 'user', nickname: 'x', createdAt: '', identityKey: 'identity#wx#x', sessions: {} };
  const user: User | undefined = opts.openid === null ? account : { ...account, openid: opts.openid ?? 'oUser1' };
  const queue = [...answers];
  const service = createPushService({
    notifications: {
      claimPush: async (u, id) => (claimed.has(`${u}:${id}`) ? false : (claimed.add(`${u}:${id}`), true)),
      setPush: async (u, id, s) => {
        if (setPushFailures > 0) {
          setPushFailures -= 1;
          throw throttled();
        }
        states.set(`${u}:${id}`, s);
      },
      releasePush: async (u, id) => void claimed.delete(`${u}:${id}`),
    },
    quotas,
    users: {
      get: async () => {
        if (usersGetFailures > 0) {
          usersGetFailures -= 1;
          throw throttled();
        }
        return user;
      },
    },
    wechat: {
      send: async (m) => {
        const answer = queue.shift() ?? { kind: 'sent' };
        // What WeChat receives: the message laid out in its template by the adapter.
        if (answer.kind === 'sent') sent.push(subscribeMessageOf(m));
        return answer;
      },
    },
    deadLetters: { put: async (e) => void deadLetters.push(e), deleteAllOf: async () => 0 },
    templates: TEMPLATES,
    retry: { attempts: 3, baseMs: 100 },
    clock: { now: () => NOW },
    sleep: async (ms) => void sleeps.push(ms),
  });
  const left = () => quota.get(`u1:${TEMPLATES.newMatch}`);
  return { service, sent, states, deadLetters, sleeps, left, quotas };
}

describe('the push sender when DynamoDB fails after the claim', () => {
  it("gives the claim back, so the stream's retry sends it once", async () => {
    const h = setup([{ kind: 'sent' }], { quota: 1, failUsersGet: 1 });
    const n = notification();
    await expect(h.service.onNotificationCreated(n)).rejects.toThrow('throttled');
    expect(h.left()).toBe(1);
    expect(await h.service.onNotificationCreated(n)).toBe('sent');
    expect(h.sent).toHaveLength(1);
    expect(h.left()).toBe(0);
  });

  it('keeps the claim once WeChat has sent it, so a retry never sends it twice', async () => {
    const h = setup([{ kind: 'sent' }, { kind: 'sent' }], { quota: 2, failSetPush: 1 });
    const n = notification();
    await expect(h.service.onNotificationCreated(n)).rejects.toThrow('throttled');
    expect(await h.service.onNotificationCreated(n)).toBe('replayed');
    expect(h.sent).toHaveLength(1);
    expect(h.left()).toBe(1);
  });
});

describe('the push sender', () => {
  // What operators see of a push that failed: the lines say which notification and why, never the person's openid.
  const logs = useLogCapture();

  it("sends once with quota, cuts the title to WeChat's 20 characters, and ignores a replay", async () => {
    const t = setup([{ kind: 'sent' }]);
    expect(await t.service.onNotificationCreated(notification())).toBe('sent');
    expect(await t.service.onNotificationCreated(notification())).toBe('replayed');
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({ touser: 'oUser1', templateId: TEMPLATES.newMatch, page: 'pages/demand/index?id=d1' });
    const title = t.sent[0]?.data.thing1?.value ?? '';
    expect([...title]).toHaveLength(20);
    expect(title.endsWith('…')).toBe(true);
    expect(t.left()).toBe(0);
  });

  it('sends nothing without quota, and nothing to a user without an openid', async () => {
    const none = setup([], { quota: 0 });
    expect(await none.service.onNotificationCreated(notification())).toBe('no_quota');
    expect(none.sent).toHaveLength(0);
    const noOpenid = setup([], { openid: null });
    expect(await noOpenid.service.onNotificationCreated(notification())).toBe('no_openid');
    expect(noOpenid.left()).toBe(1);
  });

  it('zeroes the quota on 43101 and does not retry', async () => {
    const t = setup([{ kind: 'no_quota', errcode: 43101 }], { quota: 3 });
    expect(await t.service.onNotificationCreated(notification())).toBe('no_quota');
    expect(t.left()).toBe(0);
    expect(t.sleeps).toEqual([]);
  });

  it.each([47003, 40003, 40037, 41030])('does not retry %i, and keeps the quota spent', async (errcode) => {
    const t = setup([{ kind: 'rejected', errcode, errmsg: 'x' }], { quota: 2 });
    expect(await t.service.onNotificationCreated(notification())).toBe('rejected');
    expect(t.sleeps).toEqual([]);
    expect(t.left()).toBe(1);
    expect(logs.named('push.rejected')).toEqual([
      expect.objectContaining({ level: 'error', notification: 'new_match#d1', errcode, errmsg: 'x' }),
    ]);
    expect(logs.text()).not.toContain('oUser1');
  });

  it('retries a busy WeChat with growing backoff, giving the quota back each time, then succeeds', async () => {
    const t = setup([
      { kind: 'retryable', errcode: -1, detail: 'busy' },
      { kind: 'retryable', detail: 'HTTP 502' },
      { kind: 'sent' },
    ]);
    expect(await t.service.onNotificationCreated(notification())).toBe('sent');
    expect(t.sleeps).toHaveLength(2);
    expect(t.sleeps[1]!).toBeGreaterThan(t.sleeps[0]! * 0.9);
    expect(t.left()).toBe(0);
    expect(logs.named('push.retry').map((r) => [r.level, r.attempt, r.detail])).toEqual([
      ['warn', 1, 'busy'],
      ['warn', 2, 'HTTP 502'],
    ]);
    expect(logs.named('push.dead_letter')).toEqual([]);
  });

  it('dead-letters the push after the last retry and gives the quota back', async () => {
    const busy: SendOutcome = { kind: 'retryable', errcode: -1, detail: 'busy' };
    const t = setup([busy, busy, busy]);
    expect(await t.service.onNotificationCreated(notification())).toBe('dead_letter');
    expect(t.deadLetters).toHaveLength(1);
    expect(t.deadLetters[0]).toMatchObject({ kind: 'push', error: '-1 busy' });
    expect(JSON.stringify(t.deadLetters[0])).not.toContain('oUser1');
    expect(t.left()).toBe(1);
    expect(logs.named('push.retry')).toHaveLength(2);
    expect(logs.named('push.dead_letter')).toEqual([
      expect.objectContaining({ level: 'error', notification: 'new_match#d1', attempts: 3, detail: 'busy' }),
    ]);
    expect(logs.text()).not.toContain('oUser1');
  });

  it("pushes a broad subscription's matches at most once a China day", async () => {
    const t = setup([], { quota: 5 });
    const broad = (d: string) =>
      notification({ id: `new_match#${d}`, demandId: d, broad: true, explanation: { keywords: [], field: 'ai' } });
    expect(await t.service.onNotificationCreated(broad('d1'))).toBe('sent');
    expect(await t.service.onNotificationCreated(broad('d2'))).toBe('digest_skipped');
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]?.data.thing2?.value).toContain('每日汇总');
  });

  it('uses the status template for a closed followed demand', async () => {
    const t = setup([]);
    const closed = notification({ id: 'status_closed#d1', reason: 'status_closed', status: 'closed', explanation: undefined });
    expect(await t.service.onNotificationCreated(closed)).toBe('no_quota');
    await t.quotas.add('u1', TEMPLATES.statusChange, 1);
    expect(await t.service.onNotificationCreated({ ...closed, id: 'status_closed#d2', demandId: 'd2' })).toBe('sent');
    expect(t.sent[0]).toMatchObject({ templateId: TEMPLATES.statusChange, page: 'pages/demand/index?id=d2' });
    expect(t.sent[0]?.data.phrase2?.value).toBe('已关闭');
  });

  it('sends an invitation to 揭榜 in the status template, opening the holder’s invitations at it', async () => {
    const t = setup([]);
    await t.quotas.add('u1', TEMPLATES.statusChange, 1);
    const invitation = notification({
      id: 'invitation#i_abc#1764000000000',
      reason: 'invitation',
      achievementId: 'a1',
      invitationId: 'i_abc',
      explanation: undefined,
    });
    expect(await t.service.onNotificationCreated(invitation)).toBe('sent');
    expect(t.sent[0]).toMatchObject({
      templateId: TEMPLATES.statusChange,
      page: 'achievements/invitations/index?id=i_abc',
    });
    expect(t.sent[0]?.data.phrase2?.value).toBe('邀请揭榜');
  });

  it("tells a 成果's holder of a matching demand in the new-match template, opening the demand", async () => {
    const t = setup([], { quota: 2 });
    const match = (id: string, explanation?: Notification['explanation']) =>
      notification({ id, reason: 'achievement_match', achievementId: 'a1', explanation });
    expect(await t.service.onNotificationCreated(match('achievement_match#d1#a1'))).toBe('sent');
    const explained = { keywords: [{ keyword: '激光焊接', matchedAs: '激光焊接' }] };
    expect(await t.service.onNotificationCreated(match('achievement_match#d1#a2', explained))).toBe('sent');
    expect(t.sent.map((m) => [m.templateId, m.page, m.data.thing2?.value])).toEqual([
      [TEMPLATES.newMatch, 'pages/demand/index?id=d1', '与你发布的成果相匹配'],
      [TEMPLATES.newMatch, 'pages/demand/index?id=d1', '关键词：激光焊接'],
    ]);
  });

  it('turns the China day over at 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
    expect(chinaDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
});
