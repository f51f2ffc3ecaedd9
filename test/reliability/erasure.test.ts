// 注销 leaves nothing of the person (个人信息保护法 art. 47). Two people use every part of the product — a WeChat user
// who posts demands in every state (with their contacts and a broker), follows, subscribes, accepts pushes (one of
// which fails into a dead letter), solves another demand and wins an award; and a judge who scores a final — then
// each erases their account. Every table is then read whole, and no item may still carry anything that names them:
// their user id, WeChat openid, nickname, phones, e-mail, contact and broker names, their team's names. A control
// crawl before the erasure finds each of those values, so the crawl would see them if they were left.
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AchievementDraft, AuthResponse, Demand, Subscription } from '@cic/shared';
import { tableName, tables } from '../../infra/tables.cjs';
import { createDocumentClient } from '../../functions/src/db/client';
import { achievementForm, achievementIn, call, completeForm, demandIn, login, uniq } from '../../functions/test/support/api';
import { assignJudges, decide, putScore, solutionForm, submitSolution } from '../../functions/test/support/contest';
import { stackWechat } from '../../functions/test/support/fake-wechat-control';
import { eventually } from '../../functions/test/support/stack-env';
import { fakeOpenid } from '../../scripts/fake-wechat/server';
import { LOCAL_WECHAT } from '../../scripts/lib/stack';
import { recordFigure } from './figures';

const SECTION = 'erasure';
const RUN = uniq('')
  .replace(/[^a-z0-9]/g, '')
  .slice(-8);
/** A phone number nobody else in the run uses. */
const phone = (tail: number) => `13${String(700000000 + Number.parseInt(RUN.slice(-4), 36) * 10 + tail).slice(-9)}`;

interface Person {
  auth: AuthResponse;
  /** Every value of theirs that must be gone: the crawl looks for each. */
  values: Record<string, string>;
}

let doc: DynamoDBDocumentClient;

/** Every item of every table of the stack, as text, with its table. */
async function crawl(): Promise<{ table: string; text: string }[]> {
  const prefix = process.env.STACK_TABLE_PREFIX as string;
  const all: { table: string; text: string }[] = [];
  for (const logical of Object.keys(tables) as (keyof typeof tables)[]) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(
        new ScanCommand({
          TableName: tableName(prefix, logical),
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of out.Items ?? []) all.push({ table: logical, text: JSON.stringify(item) });
      start = out.LastEvaluatedKey;
    } while (start);
  }
  return all;
}

/** Which of a person's values each table still holds: "table: name". */
function leftOf(items: { table: string; text: string }[], people: Person[]): string[] {
  const found = new Set<string>();
  for (const { table, text } of items) {
    for (const person of people) {
      for (const [name, value] of Object.entries(person.values)) if (text.includes(value)) found.add(`${table}: ${name}`);
    }
  }
  return [...found].sort();
}

async function wechatPerson(): Promise<{ auth: AuthResponse; openid: string }> {
  const code = `user-er${RUN}-1`;
  const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code } });
  if (res.status !== 200) throw new Error(`wechat login: ${res.status} ${res.text}`);
  return { auth: res.body, openid: fakeOpenid(LOCAL_WECHAT.appid, code) };
}

beforeAll(() => {
  doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
});
afterAll(() => doc.destroy());

describe('erasure: a crawl of every table after 注销', () => {
  it('finds nothing left of the erased people', async () => {
    const admin = (await login('admin')).token;
    const other = await login('user');
    const { auth: wx, openid } = await wechatPerson();
    const judge = await login('judge', `评委${RUN}`);
    const poster: Person = {
      auth: wx,
      values: {
        'user id': wx.user.id,
        openid,
        'contact phone': phone(1),
        'broker phone': phone(2),
        'solution phone': phone(3),
        email: `er${RUN}@example.com`,
        'contact name': `联系人${RUN}`,
        'broker name': `经纪人${RUN}`,
        'team names': `团队成员${RUN}`,
        'solution contact': `揭榜联系人${RUN}`,
        '成果 contact phone': phone(4),
        '成果 contact name': `成果联系人${RUN}`,
        '成果 e-mail': `ach${RUN}@example.com`,
        '成果 holder (a person)': `个人持有人${RUN}`,
      },
    };
    const scorer: Person = { auth: judge, values: { 'user id': judge.user.id, nickname: `评委${RUN}` } };
    const mine = (extra: object = {}) =>
      completeForm({
        contactName: poster.values['contact name'],
        contactPhone: poster.values['contact phone'],
        email: poster.values.email,
        brokerName: poster.values['broker name'],
        brokerPhone: poster.values['broker phone'],
        ...extra,
      });

    // The poster's demands in every state.
    await demandIn('draft', wx.token, admin, mine({ title: `草稿${RUN}` }));
    await demandIn('pending', wx.token, admin, mine({ title: `审核中${RUN}` }));
    await demandIn('rejected', wx.token, admin, mine({ title: `被驳回${RUN}` }));
    const live = await demandIn('published', wx.token, admin, mine({ title: `已发布${RUN}`, anonymous: true }));
    const matched = await demandIn('published', wx.token, admin, mine({ title: `已对接${RUN}` }));
    const offer = await submitSolution(other.token, matched.id);
    await decide(wx.token, offer.id, 'intent');
    // Theirs: follows, a subscription that matches, push quota (one push that fails into a dead letter).
    const theirs: Demand = await demandIn('published', other.token, admin, completeForm({ title: `别人的${RUN}` }));
    expect((await call('PUT', `/demands/${theirs.id}/follow`, { token: wx.token })).status).toBe(200);
    expect((await call('PUT', `/demands/${live.id}/follow`, { token: other.token })).status).toBe(200);
    expect(
      (await call<Subscription>('POST', '/me/subscriptions', { token: wx.token, json: { keywords: [`词${RUN}`] } })).status,
    ).toBe(201);
    expect(
      (
        await call('POST', '/me/subscribe-quota', {
          token: wx.token,
          json: { results: { [LOCAL_WECHAT.templates.newMatch]: 'accept', [LOCAL_WECHAT.templates.status]: 'accept' } },
        })
      ).status,
    ).toBe(200);
    await stackWechat().fail({ api: 'subscribe_send', errcode: -1, times: 20 });
    await demandIn('published', other.token, admin, completeForm({ title: `匹配词${RUN}的需求`.slice(0, 60) }));
    // A solution to another demand, shortlisted, scored by the judge on another final, and an award to its team.
    const solution = await submitSolution(
      wx.token,
      theirs.id,
      solutionForm({
        team: poster.values['team names'],
        contactName: poster.values['solution contact'],
        contactPhone: poster.values['solution phone'],
      }),
    );
    await decide(other.token, solution.id, 'shortlist');
    expect(
      (
        await call('POST', '/admin/awards', {
          token: admin,
          json: { demandId: theirs.id, kind: 'best_solution', target: 'solution', solutionId: solution.id, year: 2026 },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('POST', '/admin/awards', {
          token: admin,
          json: { demandId: matched.id, kind: 'best_open_enterprise', target: 'owner', year: 2026 },
        })
      ).status,
    ).toBe(201);
    // The poster's 成果 in every state, one held as a person; an invitation received for one, and one sent.
    const myAchievement = (extra: Partial<AchievementDraft> = {}) =>
      achievementForm({
        contactName: poster.values['成果 contact name'],
        contactPhone: poster.values['成果 contact phone'],
        email: poster.values['成果 e-mail'],
        ...extra,
      });
    await achievementIn('draft', wx.token, admin, myAchievement());
    await achievementIn('pending', wx.token, admin, myAchievement());
    const heldByOrganisation = await achievementIn('published', wx.token, admin, myAchievement({ holderType: 'university' }));
    await achievementIn(
      'published',
      wx.token,
      admin,
      myAchievement({ holderType: 'individual', holderName: poster.values['成果 holder (a person)'], anonymous: true }),
    );
    const othersAchievement = await achievementIn('published', other.token, admin);
    const invited = await call('POST', `/demands/${theirs.id}/invitations`, {
      token: other.token,
      json: { achievementId: heldByOrganisation.id },
    });
    const inviting = await call('POST', `/demands/${live.id}/invitations`, {
      token: wx.token,
      json: { achievementId: othersAchievement.id },
    });
    expect([invited.status, inviting.status]).toEqual([201, 201]);

    await assignJudges(admin, theirs.id, [judge.user.id]);
    await putScore(judge.token, solution.id, { completeness: 88, feasibility: 77, fit: 66 });

    // The push fails into a dead letter before anyone is erased (the crawl must see one to prove it is cleared).
    await eventually(
      'the poster’s dead letter',
      async () => ((await crawl()).some((i) => i.table === 'deadLetters' && i.text.includes(wx.user.id)) ? true : undefined),
      60_000,
    );
    // The failures left over would fail other tests' pushes.
    await stackWechat().reset();
    const before = leftOf(await crawl(), [poster, scorer]);
    for (const name of Object.keys(poster.values)) expect(before.some((f) => f.endsWith(`: ${name}`))).toBe(true);

    for (const person of [poster, scorer]) expect((await call('DELETE', '/me', { token: person.auth.token })).status).toBe(200);
    // The streams' last work on what the erasure changed (closing a demand alerts its followers) settles first.
    await new Promise((r) => setTimeout(r, 3000));
    const items = await crawl();
    const left = leftOf(items, [poster, scorer]);
    const tablesCrawled = Object.keys(tables).length;
    recordFigure({
      section: SECTION,
      name: `tables crawled after 2 erasures (${items.length} items)`,
      value: tablesCrawled,
      target: 'every table',
    });
    recordFigure({
      section: SECTION,
      name: 'values of the erased people found before / after',
      value: `${before.length} / ${left.length}`,
      target: '> 0 / 0',
      pass: before.length > 0 && left.length === 0,
    });
    expect(left).toEqual([]);
  }, 300_000);
});
