// 成果库 over HTTP: the demands' lifecycle, review queue and anonymity, on 成果. create → update (If-Match) → submit →
// review queue (kind) → approve → list / search / detail; reject with a reason; an incomplete submit names its
// fields; nobody else sees a draft; close; an anonymous 成果 leaks nothing on any public route.
import type {
  Achievement,
  AchievementDetailResponse,
  AchievementListResponse,
  ReviewQueueItem,
  ReviewQueueResponse,
} from '@cic/shared';
import { achievementForm, call, publishedAchievement, submitted, tokensOf, uniq } from '../support/api';
import { eventually } from '../support/stack-env';

const q = (text: string) => encodeURIComponent(text);

async function createAchievement(token: string, form: object): Promise<Achievement> {
  const res = await call<Achievement>('POST', '/achievements', { token, json: form });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body;
}

async function queueOf(admin: string, query = ''): Promise<ReviewQueueItem[]> {
  const items: ReviewQueueItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: ReviewQueueResponse } = await call<ReviewQueueResponse>(
      'GET',
      `/admin/reviews?limit=7${query}${cursor ? `&cursor=${q(cursor)}` : ''}`,
      { token: admin },
    );
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('成果 over the HTTP API', () => {
  let holder: string;
  let admin: string;
  let other: string;

  beforeAll(async () => {
    [holder, admin, other] = await tokensOf('user', 'admin', 'user');
  });

  it('walks create → update (If-Match) → submit → the review queue → approve → list, search and detail', async () => {
    const tag = uniq('成果');
    const draft = await createAchievement(holder, { title: `${tag}半成品` });
    expect(draft).toMatchObject({ status: 'draft', version: 1, history: [{ status: 'draft', at: draft.createdAt }] });

    // Others do not even learn that a draft exists.
    expect((await call('GET', `/achievements/${draft.id}`)).status).toBe(404);
    expect((await call('GET', `/achievements/${draft.id}`, { token: other })).status).toBe(404);
    expect((await call('PUT', `/achievements/${draft.id}`, { token: other, json: { title: '抢改' } })).status).toBe(404);

    const form = achievementForm({ title: `${tag}钛合金薄板激光焊接`, keywords: [`${tag}焊接`, '钛合金'] });
    const stale = await call('PUT', `/achievements/${draft.id}`, { token: holder, json: form, headers: { 'if-match': '7' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'ACHIEVEMENT.VERSION_CONFLICT' } });
    const updated = await call<Achievement>('PUT', `/achievements/${draft.id}`, {
      token: holder,
      json: form,
      headers: { 'if-match': '1' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'draft', version: 2, title: form.title });

    const sent = await call<Achievement>('POST', `/achievements/${draft.id}/submit`, { token: holder });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'pending_review', version: 3 });
    expect(sent.body.submittedAt).toBeDefined();
    // Under review, it is still nobody else's business.
    expect((await call('GET', `/achievements/${draft.id}`, { token: other })).status).toBe(404);
    expect((await call('PUT', `/achievements/${draft.id}`, { token: holder, json: form })).body).toMatchObject({
      error: { code: 'ACHIEVEMENT.NOT_EDITABLE' },
    });

    // One queue, each item saying its kind: 成果 alone, or merged with demands by submission time.
    const demand = await submitted(holder);
    const onlyAchievements = await queueOf(admin, '&kind=achievement');
    expect(onlyAchievements.every((i) => i.kind === 'achievement' && i.status === 'pending_review')).toBe(true);
    expect(onlyAchievements.map((i) => i.id)).toContain(draft.id);
    const onlyDemands = await queueOf(admin, '&kind=demand');
    expect(onlyDemands.every((i) => i.kind === 'demand')).toBe(true);
    expect(onlyDemands.map((i) => i.id)).toContain(demand.id);
    expect(onlyDemands.map((i) => i.id)).not.toContain(draft.id);
    // Pages of 7 continue the merge: every item of both queues once, oldest first.
    const both = await queueOf(admin);
    const keys = both.map((i) => `${i.kind}:${i.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining([`achievement:${draft.id}`, `demand:${demand.id}`]));
    const times = both.map((i) => i.submittedAt ?? '');
    expect(times).toEqual([...times].sort());
    const newest = await queueOf(admin, '&order=newest');
    const newestTimes = newest.map((i) => i.submittedAt ?? '');
    expect(newestTimes).toEqual([...newestTimes].sort().reverse());
    expect(new Set(newest.map((i) => `${i.kind}:${i.id}`))).toEqual(new Set(keys));
    expect((await call('GET', '/admin/reviews?kind=solution', { token: admin })).status).toBe(400);
    expect((await call('GET', '/admin/reviews', { token: holder })).status).toBe(403);

    const approved = await call<Achievement>('POST', `/admin/achievements/${draft.id}/review`, {
      token: admin,
      json: { decision: 'approve' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published' });
    expect((await queueOf(admin, '&kind=achievement')).map((i) => i.id)).not.toContain(draft.id);

    const listed = await call<AchievementListResponse>('GET', `/achievements?field=new_materials&limit=50`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.every((i) => i.field === 'new_materials' && i.status === 'published')).toBe(true);
    expect(listed.body.items.map((i) => i.id)).toContain(draft.id);
    const searched = await eventually('the 成果 in search', async () => {
      const res = await call<AchievementListResponse>('GET', `/achievements?q=${q(`${tag}焊接`)}`);
      return res.body.items.some((i) => i.id === draft.id) ? res.body : undefined;
    });
    expect(searched.items[0]).toMatchObject({ id: draft.id, title: form.title, holderName: form.holderName, trl: 6 });
    expect(searched.items[0]?.excerpt).toBeTruthy();
    // Filters narrow a search too: 技术成熟度 6 is below 7.
    const tooMature = await call<AchievementListResponse>('GET', `/achievements?q=${q(`${tag}焊接`)}&trlMin=7`);
    expect(tooMature.body.items).toEqual([]);
    const inRegion = await call<AchievementListResponse>(
      'GET',
      `/achievements?q=${q(`${tag}焊接`)}&region=${q('江苏省')}&trlMin=6`,
    );
    expect(inRegion.body.items.map((i) => i.id)).toEqual([draft.id]);
    expect((await call('GET', '/achievements?trlMin=10')).status).toBe(400);

    const publicDetail = await call<AchievementDetailResponse>('GET', `/achievements/${draft.id}`);
    expect(publicDetail.status).toBe(200);
    expect(publicDetail.body).toMatchObject({ id: draft.id, status: 'published', viewer: { isOwner: false } });
    expect(publicDetail.body).not.toHaveProperty('ownerId');
    const own = await call<AchievementDetailResponse>('GET', `/achievements/${draft.id}`, { token: holder });
    expect(own.body).toMatchObject({ ownerId: expect.any(String), viewer: { isOwner: true } });
    const mine = await call<{ items: Achievement[] }>('GET', '/me/achievements', { token: holder });
    expect(mine.body.items.map((a) => a.id)).toContain(draft.id);
    expect((await call<{ items: Achievement[] }>('GET', '/me/achievements', { token: other })).body.items).toEqual([]);
  });

  it('refuses an incomplete submit naming every missing field, and keeps the draft as it was', async () => {
    const draft = await createAchievement(holder, { title: '只有名称的成果', summary: '太短' });
    const res = await call('POST', `/achievements/${draft.id}/submit`, { token: holder });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'ACHIEVEMENT.INCOMPLETE' } });
    const fields = (res.body as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual(
      [
        'contactName',
        'contactPhone',
        'cooperationModes',
        'field',
        'holderName',
        'holderType',
        'keywords',
        'region',
        'summary',
        'trl',
      ].sort(),
    );
    expect(fields.summary).toContain('成果简介');
    const after = await call<Achievement>('GET', `/achievements/${draft.id}`, { token: holder });
    expect(after.body).toMatchObject({ status: 'draft', version: 1 });
  });

  it('rejects with a reason the holder sees, takes an edit and a new submit, and closes', async () => {
    const draft = await createAchievement(holder, achievementForm());
    await call('POST', `/achievements/${draft.id}/submit`, { token: holder });
    const noReason = await call('POST', `/admin/achievements/${draft.id}/review`, { token: admin, json: { decision: 'reject' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({
      error: { code: 'REVIEW.REASON_REQUIRED', fields: { reason: expect.stringContaining('成果') } },
    });
    const notAdmin = await call('POST', `/admin/achievements/${draft.id}/review`, {
      token: other,
      json: { decision: 'approve' },
    });
    expect(notAdmin.status).toBe(403);

    const reason = '关键指标缺少测试条件，请补充';
    const rejected = await call<Achievement>('POST', `/admin/achievements/${draft.id}/review`, {
      token: admin,
      json: { decision: 'reject', reason },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: reason });
    expect((await call<Achievement>('GET', `/achievements/${draft.id}`, { token: holder })).body.rejectReason).toBe(reason);
    expect((await call('GET', `/achievements/${draft.id}`, { token: other })).status).toBe(404);
    // Approving a rejected one is not a transition.
    const again = await call('POST', `/admin/achievements/${draft.id}/review`, { token: admin, json: { decision: 'approve' } });
    expect(again.body).toMatchObject({ error: { code: 'ACHIEVEMENT.INVALID_TRANSITION' } });

    const edited = await call<Achievement>('PUT', `/achievements/${draft.id}`, {
      token: holder,
      json: achievementForm({ title: '钛合金薄板脉冲激光焊接工艺（补充测试条件）' }),
    });
    expect(edited.status).toBe(200);
    const resent = await call<Achievement>('POST', `/achievements/${draft.id}/submit`, { token: holder });
    expect(resent.body.status).toBe('pending_review');
    expect(resent.body.rejectReason).toBeUndefined();

    expect((await call('POST', `/achievements/${draft.id}/close`, { token: other })).status).toBe(404);
    const closed = await call<Achievement>('POST', `/achievements/${draft.id}/close`, { token: holder });
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.closedAt).toBeDefined();
    expect((await call('POST', `/achievements/${draft.id}/close`, { token: holder })).body).toMatchObject({
      error: { code: 'ACHIEVEMENT.INVALID_TRANSITION' },
    });
    // Never published: closed, it stays private.
    expect((await call('GET', `/achievements/${draft.id}`, { token: other })).status).toBe(404);
  });

  it('takes a published 成果 off the list and search when closed; others may read it but not act on it', async () => {
    const tag = uniq('关闭');
    const achievement = await publishedAchievement(holder, admin, achievementForm({ keywords: [`${tag}关键词`] }));
    await eventually('in search', async () =>
      (await call<AchievementListResponse>('GET', `/achievements?q=${q(`${tag}关键词`)}`)).body.items.length === 1
        ? true
        : undefined,
    );
    expect((await call('POST', `/achievements/${achievement.id}/close`, { token: other })).status).toBe(403);
    expect((await call('POST', `/achievements/${achievement.id}/close`, { token: holder })).status).toBe(200);
    const found = await call<AchievementListResponse>('GET', `/achievements?q=${q(`${tag}关键词`)}`);
    expect(found.body.items).toEqual([]);
    const listed = await call<AchievementListResponse>('GET', '/achievements?limit=50');
    expect(listed.body.items.map((i) => i.id)).not.toContain(achievement.id);
    // Once published, a closed 成果 stays readable, as a closed demand does.
    expect((await call<Achievement>('GET', `/achievements/${achievement.id}`, { token: other })).body.status).toBe('closed');
  });

  it('lists the seeded example 成果 (示例) as published', async () => {
    const examples: AchievementListResponse['items'] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20 && examples.length === 0; page += 1) {
      const res: { body: AchievementListResponse } = await call<AchievementListResponse>(
        'GET',
        `/achievements?limit=50${cursor ? `&cursor=${q(cursor)}` : ''}`,
      );
      examples.push(...res.body.items.filter((i) => i.example === true));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.every((i) => i.status === 'published' && (i.title ?? '').includes('示例'))).toBe(true);
  });
});

describe('an anonymous 成果', () => {
  const tag = uniq('隐名');
  const secret = {
    holderName: `南京${tag}智能装备有限公司`,
    contactName: '慕容保密',
    contactPhone: '13912345678',
    email: `hidden.${tag}@example.com`,
  };
  // The company's short name (its 字号 and trade), a spelling people write without the place and the legal form.
  const shortName = `${tag}智能装备`;
  let achievement: Achievement;
  let other: string;

  beforeAll(async () => {
    const [holder, admin, someone] = await tokensOf('user', 'admin', 'user');
    other = someone;
    achievement = await publishedAchievement(
      holder,
      admin,
      achievementForm({
        ...secret,
        holderType: 'enterprise',
        anonymous: true,
        title: `${shortName}协作机器人柔顺控制`,
        keywords: [`${tag}柔顺`, '协作机器人'],
        summary:
          `${secret.holderName}研发的协作机器人柔顺控制技术，力控精度优于0.5牛，碰撞检测响应时间小于10毫秒，已在三条装配线运行一年。` +
          `可提供控制器、算法授权与现场调试。详情请致电 139 1234 5678 或发邮件至 ${secret.email} 联系${secret.contactName}。`,
      }),
    );
  });

  const leaks = (text: string) =>
    [...Object.values(secret), shortName, '13912345678', '139 1234 5678'].filter((value) => text.includes(value));

  it('shows no hidden value on any public route: detail, list, search, and to another user', async () => {
    const responses = [
      await call('GET', `/achievements/${achievement.id}`),
      await call('GET', `/achievements/${achievement.id}`, { token: other }),
      await call('GET', '/achievements?limit=50'),
      await call('GET', `/achievements?q=${q(`${tag}柔顺`)}`),
      await call('GET', `/achievements?field=new_materials&limit=50`),
    ];
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(leaks(res.text)).toEqual([]);
    }
    const detail = responses[0]!.body as AchievementDetailResponse;
    for (const key of Object.keys(secret)) expect(detail).not.toHaveProperty(key);
    expect(detail.title).toContain('***');
    expect(detail.summary).toContain('***');
    const found = await eventually('the anonymous 成果 in search', async () => {
      const res = await call<AchievementListResponse>('GET', `/achievements?q=${q(`${tag}柔顺`)}`);
      return res.body.items.length > 0 ? res : undefined;
    });
    expect(found.body.items.map((i) => i.id)).toEqual([achievement.id]);
    expect(found.body.items[0]).not.toHaveProperty('holderName');
  });

  it('is not found by searching for its hidden phone, company, short name or contact', async () => {
    // First make sure the index has it (found by a public word), so that finding nothing below means something.
    await eventually('indexed', async () =>
      (await call<AchievementListResponse>('GET', `/achievements?q=${q(`${tag}柔顺`)}`)).body.items.length > 0 ? true : undefined,
    );
    for (const probe of ['13912345678', secret.holderName, shortName, secret.contactName, secret.email]) {
      const res = await call<AchievementListResponse>('GET', `/achievements?q=${q(probe)}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i) => i.id)).not.toContain(achievement.id);
    }
  });
});
