// 注销账号 (DELETE /me) end to end on the local stack: a person who posted, followed, subscribed, solved, judged and won
// erases their account, and every part of it is gone or kept without them; signing up again gives an empty account.
// (The reliability suite crawls every table after erasures for anything left: test/reliability/erasure.test.ts.)
import type {
  Achievement,
  AchievementDetailResponse,
  AuthResponse,
  Demand,
  DemandDetailResponse,
  MyFollowsResponse,
  Notification,
  Page,
  RankingResponse,
  Solution,
  SubscribeQuotaResponse,
  Subscription,
} from '@cic/shared';
import { achievementForm, achievementIn, call, completeForm, demandIn, login, uniq } from '../support/api';
import { assignJudges, decide, putScore, submitSolution } from '../support/contest';
import { eventually, stackPartition } from '../support/stack-env';

async function wechatLogin(person: string): Promise<AuthResponse> {
  const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${person}-${uniq('c')}` } });
  if (res.status !== 200) throw new Error(`wechat login: ${res.status} ${res.text}`);
  return res.body;
}

const inbox = async (token: string) => (await call<Page<Notification>>('GET', '/me/notifications', { token })).body.items;

describe('DELETE /me erases the person', () => {
  const person = uniq('er').replace(/[^a-z0-9]/g, '');
  let me: AuthResponse;
  let admin: AuthResponse;
  let other: AuthResponse;
  let judge: AuthResponse;
  let mine: { draft: Demand; pending: Demand; live: Demand };
  let theirs: Demand;
  let judged: Demand;
  let mySolution: Solution;
  let rankingBefore: RankingResponse;
  const keyword = `${person}钛`.slice(0, 18);

  beforeAll(async () => {
    // A judge's account: the role that can do every part (post, follow, subscribe, solve, judge another final).
    [me, admin, other, judge] = await Promise.all([
      login('judge', person),
      login('admin'),
      login('user'),
      login('judge', uniq('评委')),
    ]);
    // My demands in three states, with my contacts in them.
    const contacts = { contactName: `联系人${person}`.slice(0, 30), contactPhone: '13912340001', email: `${person}@example.com` };
    const myForm = (title: string) => completeForm({ ...contacts, title: `${title}${person}`.slice(0, 60) });
    mine = {
      draft: await demandIn('draft', me.token, admin.token, { title: '草稿中的需求' }),
      pending: await demandIn('pending', me.token, admin.token, myForm('审核中的需求')),
      live: await demandIn('published', me.token, admin.token, myForm('已发布的需求')),
    };
    // Others' demands: one I follow and solve, one I judge.
    theirs = await demandIn('published', other.token, admin.token, completeForm({ title: `别人的需求${person}`.slice(0, 60) }));
    judged = await demandIn('published', other.token, admin.token, completeForm({ title: `我评审的需求${person}`.slice(0, 60) }));
    expect((await call('PUT', `/demands/${theirs.id}/follow`, { token: me.token })).status).toBe(200);
    expect((await call('PUT', `/demands/${mine.live.id}/follow`, { token: other.token })).status).toBe(200);
    mySolution = await submitSolution(me.token, theirs.id);
    // Someone solves mine, so my inbox has an item; I judge a final with a score.
    await submitSolution(other.token, mine.live.id);
    const rival = await submitSolution((await login('user')).token, judged.id);
    await decide(other.token, rival.id, 'shortlist');
    await assignJudges(admin.token, judged.id, [me.user.id, judge.user.id]);
    await putScore(me.token, rival.id, { completeness: 90, feasibility: 70, fit: 80 });
    await putScore(judge.token, rival.id, { completeness: 60, feasibility: 60, fit: 60 });
    rankingBefore = (await call<RankingResponse>('GET', `/demands/${judged.id}/ranking`, { token: admin.token })).body;
    // An award to my solution's team, a subscription, a push quota.
    expect(
      (
        await call('POST', '/admin/awards', {
          token: admin.token,
          json: { demandId: theirs.id, kind: 'best_solution', target: 'solution', solutionId: mySolution.id, year: 2026 },
        })
      ).status,
    ).toBe(201);
    expect(
      (await call<Subscription>('POST', '/me/subscriptions', { token: me.token, json: { keywords: [keyword] } })).status,
    ).toBe(201);
    expect(
      (
        await call<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', {
          token: me.token,
          json: { results: { 'local-tmpl-new-match': 'accept' } },
        })
      ).status,
    ).toBe(200);
    await eventually('my inbox item', async () => ((await inbox(me.token)).length > 0 ? true : undefined));

    const erased = await call<{ deleted: true; erased: Record<string, number> }>('DELETE', '/me', { token: me.token });
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({
      subscriptions: 1,
      follows: 1,
      demandsDeleted: 2,
      demandsKept: 1,
      solutions: 1,
      judging: 1,
      awards: 1,
    });
    expect(erased.body.erased.notifications).toBeGreaterThan(0);
  });

  it('ends every session of the account', async () => {
    expect((await call('GET', '/me/follows', { token: me.token })).status).toBe(401);
  });

  it('deletes what nobody else saw, and closes the published demand without its contacts or owner', async () => {
    for (const demand of [mine.draft, mine.pending]) {
      expect((await call('GET', `/demands/${demand.id}`, { token: admin.token })).status).toBe(404);
    }
    const live = (await call<DemandDetailResponse>('GET', `/demands/${mine.live.id}`, { token: admin.token })).body;
    expect(live.status).toBe('closed');
    for (const key of ['contactName', 'contactPhone', 'contactTitle', 'email', 'brokerName', 'brokerPhone'] as const) {
      expect(live[key]).toBeUndefined();
    }
    expect(JSON.stringify(live)).not.toContain(me.user.id);
    // The company stays: it is the enterprise's, not the person's.
    expect(live.companyName).toBe(mine.live.companyName);
  });

  it('unfollows (the count goes down), and the follower of my demand keeps their follow', async () => {
    const detail = (await call<DemandDetailResponse>('GET', `/demands/${theirs.id}`)).body;
    expect(detail.followerCount).toBe(0);
    const follows = (await call<MyFollowsResponse>('GET', '/me/follows', { token: other.token })).body.items.map((d) => d.id);
    expect(follows).toContain(mine.live.id);
  });

  it('keeps my solution for its demand’s owner, marked 已注销, without team or contact', async () => {
    const seen = (await call<Solution>('GET', `/solutions/${mySolution.id}`, { token: other.token })).body;
    expect(seen).toMatchObject({ id: mySolution.id, title: mySolution.title, team: '', contactName: '', contactPhone: '' });
    expect(seen.erasedAt).toEqual(expect.any(String));
    expect(seen.submitterId).not.toBe(me.user.id);
  });

  it('keeps the ranking I scored as it was, and the final no longer names me', async () => {
    const after = (await call<RankingResponse>('GET', `/demands/${judged.id}/ranking`, { token: admin.token })).body;
    expect(after.items).toEqual(rankingBefore.items);
    expect(after.judges).toBe(2);
    expect(JSON.stringify(after)).not.toContain(me.user.id);
  });

  it('no longer alerts the erased account when a demand matches its former subscription', async () => {
    // A control subscriber with the same keyword shows when the matcher has handled the demand.
    const control = await login('user');
    expect((await call('POST', '/me/subscriptions', { token: control.token, json: { keywords: [keyword] } })).status).toBe(201);
    await demandIn('published', other.token, admin.token, completeForm({ title: `${keyword}焊接需求`.slice(0, 60) }));
    await eventually('the control subscriber’s alert', async () => ((await inbox(control.token)).length > 0 ? true : undefined));
    expect(await stackPartition('notifications', 'userId', me.user.id)).toEqual([]);
  });

  it('signing up again as the same person gives a new, empty account', async () => {
    const again = await login('judge', person);
    expect(again.user.id).not.toBe(me.user.id);
    expect((await call<Page<Demand>>('GET', '/me/demands', { token: again.token })).body.items).toEqual([]);
    expect((await call<MyFollowsResponse>('GET', '/me/follows', { token: again.token })).body.items).toEqual([]);
    expect((await call<{ items: Subscription[] }>('GET', '/me/subscriptions', { token: again.token })).body.items).toEqual([]);
    expect((await call<{ items: Solution[] }>('GET', '/me/solutions', { token: again.token })).body.items).toEqual([]);
    expect((await call<{ items: unknown[] }>('GET', '/me/judging', { token: again.token })).body.items).toEqual([]);
    expect((await call<{ items: unknown[] }>('GET', '/me/awards', { token: again.token })).body.items).toEqual([]);
  });
});

describe('DELETE /me erases the person’s 成果 and invitations', () => {
  const contacts = { contactName: '注销联系人', contactPhone: '13912340002', email: `${uniq('ach')}@example.com` };
  let me: AuthResponse;
  let admin: AuthResponse;
  let mine: { draft: Achievement; pending: Achievement; live: Achievement; personal: Achievement };
  let invitations: string[];
  let report: Record<string, number>;

  beforeAll(async () => {
    let other: AuthResponse;
    [me, admin, other] = await Promise.all([login('user'), login('admin'), login('user')]);
    mine = {
      draft: await achievementIn('draft', me.token, admin.token, { title: '草稿中的成果' }),
      pending: await achievementIn('pending', me.token, admin.token, achievementForm(contacts)),
      live: await achievementIn('published', me.token, admin.token, achievementForm({ ...contacts, holderType: 'enterprise' })),
      personal: await achievementIn(
        'published',
        me.token,
        admin.token,
        achievementForm({ ...contacts, holderType: 'individual', holderName: '注销的个人持有人' }),
      ),
    };
    // An invitation to me (the holder of a 成果), and one from me (a demand's owner).
    const theirDemand = await demandIn('published', other.token, admin.token);
    const myDemand = await demandIn('published', me.token, admin.token);
    const theirAchievement = await achievementIn('published', other.token, admin.token);
    const toMe = await call<{ id: string }>('POST', `/demands/${theirDemand.id}/invitations`, {
      token: other.token,
      json: { achievementId: mine.live.id },
    });
    const fromMe = await call<{ id: string }>('POST', `/demands/${myDemand.id}/invitations`, {
      token: me.token,
      json: { achievementId: theirAchievement.id },
    });
    expect([toMe.status, fromMe.status]).toEqual([201, 201]);
    invitations = [toMe.body.id, fromMe.body.id];

    const erased = await call<{ deleted: true; erased: Record<string, number> }>('DELETE', '/me', { token: me.token });
    expect(erased.status).toBe(200);
    report = erased.body.erased;
  });

  it('deletes the 成果 nobody else saw, and says how many of each', async () => {
    expect(report).toMatchObject({ achievementsDeleted: 2, achievementsKept: 2, invitations: 2 });
    for (const achievement of [mine.draft, mine.pending]) {
      expect((await call('GET', `/achievements/${achievement.id}`, { token: admin.token })).status).toBe(404);
    }
  });

  it('closes the published 成果 without contacts or owner, keeping an organisation’s name but not a person’s', async () => {
    const live = (await call<AchievementDetailResponse>('GET', `/achievements/${mine.live.id}`, { token: admin.token })).body;
    const personal = (await call<AchievementDetailResponse>('GET', `/achievements/${mine.personal.id}`, { token: admin.token }))
      .body;
    for (const kept of [live, personal]) {
      expect(kept.status).toBe('closed');
      for (const key of ['contactName', 'contactPhone', 'email'] as const) expect(kept[key]).toBeUndefined();
      expect(JSON.stringify(kept)).not.toContain(me.user.id);
      expect(JSON.stringify(kept)).not.toContain(contacts.contactPhone);
    }
    expect(live.holderName).toBe(mine.live.holderName);
    expect(personal.holderName).toBeUndefined();
    // Closed, it is out of the public list.
    const listed = await call<{ items: { id: string }[] }>('GET', '/achievements?limit=50');
    expect(listed.body.items.map((i) => i.id)).not.toContain(mine.live.id);
  });

  it('deletes the invitations the person received and sent', async () => {
    for (const id of invitations) expect(await stackPartition('invitations', 'id', id)).toEqual([]);
  });
});

describe('a WeChat account', () => {
  it('erased, then signed up again with the same openid, is a new account; the old sessions stay dead', async () => {
    const person = uniq('wx').replace(/[^a-z0-9]/g, '');
    const first = await wechatLogin(person);
    expect((await call('PUT', '/me/subscriptions', { token: first.token })).status).not.toBe(401);
    expect((await call('DELETE', '/me', { token: first.token })).status).toBe(200);
    const again = await wechatLogin(person);
    expect(again.user.id).not.toBe(first.user.id);
    expect((await call('GET', '/me/follows', { token: first.token })).status).toBe(401);
    expect((await call('GET', '/me/follows', { token: again.token })).status).toBe(200);
  });
});

describe('POST /auth/logout', () => {
  it('ends the session it is called with, and only that one', async () => {
    const nickname = uniq('lo');
    const phone = await login('user', nickname);
    const laptop = await login('user', nickname);
    expect((await call('POST', '/auth/logout', { token: phone.token })).status).toBe(200);
    expect((await call('GET', '/me/follows', { token: phone.token })).status).toBe(401);
    expect((await call('GET', '/me/follows', { token: laptop.token })).status).toBe(200);
    expect((await call('POST', '/auth/logout', { token: phone.token })).status).toBe(401);
  });
});
