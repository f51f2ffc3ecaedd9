// 成果粗匹配 end to end on the local stack: a demand published after a matching 成果 alerts its holder (主题相关 pushed
// through the fake WeChat server, 提及 kept in the inbox), a 成果 published after a demand reaches the demand's owner
// (inbox, never pushed), the ranked match lists both ways, the rough evaluation, the not-found answer for everyone
// else, similar demands, and a closed 成果 leaving the lists.
import { readFileSync } from 'node:fs';
import type {
  AchievementMatchesResponse,
  AuthResponse,
  DemandMatchesResponse,
  Notification,
  Page,
  Scorecard,
  SimilarDemandsResponse,
  SubscribeQuotaResponse,
} from '@cic/shared';
import {
  achievementForm,
  call,
  completeForm,
  createDraft,
  latinWord,
  login,
  published,
  publishedAchievement,
  uniq,
} from '../support/api';
import { stackWechat } from '../support/fake-wechat-control';
import { canonicalOf } from '../../src/alerts/matching/concepts';
import { keywordKey } from '../../src/alerts/matching/matcher';
import { createAchievementIndexDynamo } from '../../src/db/achievement-index.dynamo';
import { createDocumentClient } from '../../src/db/client';
import { tableNames } from '../../src/db/table-names';
import { EXAMPLES_FILE } from '../../../scripts/seed/seed-achievements';
import { eventually, stackPartition } from '../support/stack-env';

const TEMPLATE = 'local-tmpl-new-match';

async function wechatUser(): Promise<AuthResponse> {
  const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${uniq('wx')}-1` } });
  if (res.status !== 200) throw new Error(`wechat login failed: ${res.text}`);
  const quota = await call<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', {
    token: res.body.token,
    json: { results: { [TEMPLATE]: 'accept' } },
  });
  if (quota.body.quota[TEMPLATE] !== 1) throw new Error(`quota not granted: ${quota.text}`);
  return res.body;
}

const inbox = async (token: string) => (await call<Page<Notification>>('GET', '/me/notifications', { token })).body.items;
const pushesFor = async (demandId: string, since: number) =>
  (await stackWechat().sent()).slice(since).filter((m) => m.page?.includes(demandId));

/** A Latin token of its own keeps this file's listings apart from the seeded and other tests' ones. */
const tokenOf = () => latinWord('zm');

const REDUCER_SUMMARY =
  '面向工业机器人关节的谐波减速器柔轮长寿命设计与制造技术：柔轮齿形修形与残余应力控制相结合，谐波减速器额定寿命由八千小时提升至两万小时，' +
  '传动精度保持在一弧分以内，回差小于十弧秒；已完成样机台架试验和小批量试制，可提供谐波减速器设计、齿轮传动分析与工艺包。';
const WELDING_SUMMARY =
  '机器人焊接工作站集成：弧焊、点焊与激光焊工艺开发，焊缝跟踪与焊接质量在线监测，焊接变形控制与工装夹具设计，' +
  '已在工程机械和汽车零部件企业应用二十余套，可承接焊接工艺评定、焊接专机与自动化焊接产线的设计制造和调试服务。';

describe('成果 and demands matched both ways', () => {
  const token = tokenOf();
  let admin: string;
  let owner: AuthResponse;
  let mainHolder: AuthResponse;
  let mentionHolder: AuthResponse;
  let stranger: string;
  let reducerId = '';
  let weldingId = '';
  let demandId = '';

  beforeAll(async () => {
    admin = (await login('admin')).token;
    stranger = (await login('user')).token;
    [owner, mainHolder, mentionHolder] = await Promise.all([wechatUser(), wechatUser(), wechatUser()]);
    const reducer = await publishedAchievement(
      mainHolder.token,
      admin,
      achievementForm({
        title: `${token}谐波减速器柔轮长寿命技术`,
        keywords: [token, '谐波减速器', '齿轮传动'],
        summary: `${token}：${REDUCER_SUMMARY}`,
        field: 'equipment',
        region: '江苏省 / 苏州市',
        trl: 7,
        priceWan: 60,
      }),
    );
    const welding = await publishedAchievement(
      mentionHolder.token,
      admin,
      achievementForm({
        title: '机器人焊接工作站与焊接工艺（示例）',
        keywords: ['焊接', '焊缝跟踪'],
        summary: WELDING_SUMMARY,
        field: 'equipment',
      }),
    );
    // The owner holds a 成果 on the same subject: they are never told of their own demand.
    const own = await publishedAchievement(
      owner.token,
      admin,
      achievementForm({
        title: `${token}谐波减速器测试台`,
        keywords: [token, '谐波减速器'],
        summary: REDUCER_SUMMARY,
        field: 'equipment',
      }),
    );
    reducerId = reducer.id;
    weldingId = welding.id;
    // "Published after the 成果": wait until the achievements stream has filed them.
    await eventually('the 成果 filed', async () => {
      const byToken = await stackPartition('percolator', 'pkey', `achievement#${keywordKey(canonicalOf(token))}`);
      const byWelding = await stackPartition('percolator', 'pkey', `achievement#${keywordKey(canonicalOf('焊接'))}`);
      const filed = new Set([...byToken, ...byWelding].map((i) => i.achievementId));
      return [reducer.id, welding.id, own.id].every((id) => filed.has(id)) ? true : undefined;
    });
    // The 5 s below is a warm figure: one earlier demand (naming 焊接 in passing) has gone through both streams, so
    // the functions' first start on a loaded machine is not counted in it.
    const warmUp = await published(stranger, admin, completeForm({ title: `${token}焊接夹具改进`, field: 'equipment' }));
    await eventually('the warm-up alert', async () => (await inbox(mentionHolder.token)).find((n) => n.demandId === warmUp.id));
  });

  it('alerts the holders of matching 成果 within 5 s of a demand being published: the main topic pushed, a mention in the inbox only', async () => {
    const pushesBefore = (await stackWechat().sent()).length;
    // The reducer (and the token, a project code here) is the topic: in the title and twice in the description;
    // welding is named once, in passing.
    const demand = await published(
      owner.token,
      admin,
      completeForm({
        title: `${token}谐波减速器寿命提升`,
        field: 'equipment',
        region: '江苏省 / 苏州市 / 吴江区',
        budgetWan: 100,
        description: `${token}项目：工业机器人关节用谐波减速器的柔轮在长期交变载荷下出现疲劳裂纹，需将谐波减速器寿命提升至两万小时以上，传动精度保持在1弧分以内，回差小于10弧秒，${token}样机年内中试。现有工装的部分支架采用焊接结构。`,
      }),
    );
    demandId = demand.id;
    const approvedAt = Date.now();

    const mainItem = await eventually(
      'the main holder alert',
      async () => (await inbox(mainHolder.token)).find((n) => n.demandId === demand.id),
      5_000,
    );
    expect(mainItem).toMatchObject({
      reason: 'achievement_match',
      achievementId: reducerId,
      tier: 'main',
      title: demand.title,
      explanation: { tier: 'main' },
    });
    expect(mainItem.explanation?.keywords).toEqual(
      expect.arrayContaining([{ keyword: '谐波减速器', matchedAs: '谐波减速器', relation: 'exact', where: 'title' }]),
    );
    const pushes = await eventually(
      'the push',
      async () => {
        const sent = await pushesFor(demand.id, pushesBefore);
        return sent.length > 0 ? sent : undefined;
      },
      5_000,
    );
    expect(Date.now() - approvedAt).toBeLessThan(5_000);
    expect(pushes[0]).toMatchObject({ template_id: TEMPLATE, page: `pages/demand/index?id=${demand.id}` });

    const mention = await eventually('the mention', async () =>
      (await inbox(mentionHolder.token)).find((n) => n.demandId === demand.id),
    );
    expect(mention).toMatchObject({
      reason: 'achievement_match',
      achievementId: weldingId,
      tier: 'mentioned',
      push: 'inbox_only',
    });
    expect(mention.explanation?.keywords[0]).toMatchObject({ keyword: '焊接', where: 'description' });
    // Only the main holder was pushed, and the owner is never told of their own demand.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await pushesFor(demand.id, pushesBefore)).toHaveLength(1);
    expect((await inbox(owner.token)).filter((n) => n.reason === 'achievement_match' && n.demandId === demand.id)).toEqual([]);
  });

  it('tells the owner of an open demand of a matching 成果 published later, in the inbox only', async () => {
    const later = tokenOf();
    const demandOwner = await wechatUser();
    const holder = (await login('user')).token;
    const demand = await published(
      demandOwner.token,
      admin,
      completeForm({
        title: `${later}液压比例阀降噪`,
        field: 'equipment',
        description: `${later}：工程机械液压系统的比例阀在高压工况下噪声超过85分贝，需对液压比例阀阀口结构进行优化，${later}样机噪声降至75分贝以下。`,
      }),
    );
    const pushesBefore = (await stackWechat().sent()).length;
    const achievement = await publishedAchievement(
      holder,
      admin,
      achievementForm({
        title: `${later}液压比例阀低噪声设计`,
        keywords: [later, '液压', '比例阀'],
        summary: `${later}：液压比例阀阀口结构优化与流场仿真降噪技术，通过阀口节流槽形状优化和阻尼结构设计，液压比例阀在三十五兆帕工况下噪声降低八分贝以上，已完成样机验证与小批量应用，可提供设计、仿真与试验服务。`,
        field: 'equipment',
      }),
    );
    const item = await eventually(
      'the owner inbox item',
      async () => (await inbox(demandOwner.token)).find((n) => n.achievementId === achievement.id),
      10_000,
    );
    expect(item).toMatchObject({ reason: 'new_achievement', demandId: demand.id, push: 'inbox_only', title: achievement.title });
    expect(item.explanation?.keywords.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await pushesFor(demand.id, pushesBefore)).toEqual([]);

    // The holder's match list has the demand; nobody else may see it (the same answer as for a made-up id).
    const mine = await call<DemandMatchesResponse>('GET', `/achievements/${achievement.id}/matches`, { token: holder });
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toMatchObject({ demandId: demand.id, title: demand.title });
    const denied = await call('GET', `/achievements/${achievement.id}/matches`, { token: stranger });
    const madeUp = await call('GET', '/achievements/01zzzzzzzzzzzzzzzzzzzzzzzz/matches', { token: stranger });
    expect(denied.status).toBe(404);
    expect(madeUp.status).toBe(404);
    expect(denied.body).toEqual(madeUp.body);
    expect((await call('GET', `/achievements/${achievement.id}/matches`, { token: admin })).status).toBe(200);
  });

  it('ranks the matching 成果 for the demand owner and admins, best first; 404 for everyone else', async () => {
    const path = `/demands/${demandId}/matches`;
    const res = await call<AchievementMatchesResponse>('GET', `${path}?limit=30`, { token: owner.token });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i) => i.achievementId);
    expect(ids).toContain(reducerId);
    expect(ids).toContain(weldingId);
    expect(ids.indexOf(reducerId)).toBeLessThan(ids.indexOf(weldingId));
    expect(res.body.items[ids.indexOf(reducerId)]).toMatchObject({ tier: 'main', trl: 7, holderType: 'university' });
    const scores = res.body.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await call<AchievementMatchesResponse>('GET', `${path}?limit=1`, { token: admin })).body.items).toHaveLength(1);
    expect((await call('GET', `${path}?limit=99`, { token: owner.token })).status).toBe(400);

    const denied = await call('GET', path, { token: stranger });
    const madeUp = await call('GET', '/demands/01zzzzzzzzzzzzzzzzzzzzzzzz/matches', { token: stranger });
    expect(denied.status).toBe(404);
    expect(denied.body).toEqual(madeUp.body);
    expect((await call('GET', path)).status).toBe(401);
  });

  it('gives the owner a rough evaluation of a matching 成果, line by line', async () => {
    const res = await call<Scorecard>('GET', `/demands/${demandId}/matches/${reducerId}`, { token: owner.token });
    expect(res.status).toBe(200);
    const card = res.body;
    expect(card).toMatchObject({
      demandId,
      achievementId: reducerId,
      fit: { tier: 'main' },
      // 中试 in the demand asks for TRL 7, which the 成果 has.
      maturity: { trl: 7, needed: 7, score: 100 },
      ip: { granted: { invention: 1 } },
      budget: { priceWan: 60, budgetWan: 100, score: 100 },
      region: { relation: 'same_city', score: 100 },
    });
    expect(card.fit.concepts).toContain('减速器');
    const lines = [card.fit, card.maturity, card.ip, card.budget, card.region];
    expect(card.total).toBe(Math.round(lines.reduce((s, l) => s + l.weight * l.score, 0)));
    for (const line of lines) expect(line.reason).toMatch(/\p{Script=Han}/u);
    expect(card.note).toContain('自动估算');

    const denied = await call('GET', `/demands/${demandId}/matches/${reducerId}`, { token: stranger });
    const madeUp = await call('GET', `/demands/01zzzzzzzzzzzzzzzzzzzzzzzz/matches/${reducerId}`, { token: stranger });
    expect(denied.status).toBe(404);
    expect(denied.body).toEqual(madeUp.body);
  });

  it('lists five similar published demands, never the demand itself; a demand not public is not found', async () => {
    const res = await call<SimilarDemandsResponse>('GET', `/demands/${demandId}/similar`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.length).toBeLessThanOrEqual(5);
    expect(res.body.items.map((i) => i.demandId)).not.toContain(demandId);
    // The seeded real demands about reducers are among them.
    expect(res.body.items.some((i) => i.title.includes('减速'))).toBe(true);
    for (const item of res.body.items) {
      const detail = await call<{ status: string }>('GET', `/demands/${item.demandId}`);
      expect(detail.body.status).toBe('published');
    }
    const draft = await createDraft(owner.token);
    const hidden = await call('GET', `/demands/${draft.id}/similar`);
    const madeUp = await call('GET', '/demands/01zzzzzzzzzzzzzzzzzzzzzzzz/similar');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(madeUp.body);
  });

  it('takes a closed 成果 out of the 成果 percolator and the match lists', async () => {
    const partition = `achievement#${keywordKey(canonicalOf('焊接'))}`;
    const filed = async () => (await stackPartition('percolator', 'pkey', partition)).some((i) => i.achievementId === weldingId);
    expect(await filed()).toBe(true);
    const closed = await call('POST', `/achievements/${weldingId}/close`, { token: mentionHolder.token });
    expect(closed.status).toBe(200);
    await eventually('the closed 成果 unfiled', async () => ((await filed()) ? undefined : true));
    const res = await call<AchievementMatchesResponse>('GET', `/demands/${demandId}/matches?limit=30`, { token: owner.token });
    const ids = res.body.items.map((i) => i.achievementId);
    expect(ids).toContain(reducerId);
    expect(ids).not.toContain(weldingId);
  });

  it('files the seeded example 成果 (stored as published, never seen by the stream) at start', async () => {
    const examples = JSON.parse(readFileSync(EXAMPLES_FILE, 'utf8')) as { id: string; keywords: string[] }[];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples.slice(0, 5)) {
      const partition = `achievement#${keywordKey(canonicalOf(example.keywords[0] ?? ''))}`;
      expect((await stackPartition('percolator', 'pkey', partition)).map((i) => i.achievementId)).toContain(example.id);
    }
  });

  it('files a 成果 once however often the stream record is replayed, and unfiles it once', async () => {
    const doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
    try {
      const index = createAchievementIndexDynamo(doc, tableNames(process.env.STACK_TABLE_PREFIX as string).percolator);
      const concept = tokenOf();
      const entry = { achievementId: uniq('ach'), ownerId: uniq('holder') };
      const refs = async () =>
        (await stackPartition('percolator', 'pkey', '#dictionary#achievement')).find((i) => i.skey === concept)?.refs;
      await index.file(entry, [keywordKey(concept)]);
      await index.file(entry, [keywordKey(concept)]);
      expect(await refs()).toBe(1);
      expect((await index.indexedKeywords()).has(concept)).toBe(true);
      const filed: string[] = [];
      for await (const e of index.readPartition(keywordKey(concept))) filed.push(e.achievementId);
      expect(filed).toEqual([entry.achievementId]);
      await index.unfile(entry, [keywordKey(concept)]);
      await index.unfile(entry, [keywordKey(concept)]);
      expect(await refs()).toBe(0);
      expect((await index.indexedKeywords()).has(concept)).toBe(false);
      // Saved searches share the table but never the 成果's partitions.
      expect(await stackPartition('percolator', 'pkey', keywordKey(concept))).toEqual([]);
    } finally {
      doc.destroy();
    }
  });
});
