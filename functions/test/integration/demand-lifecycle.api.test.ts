// The status machine over HTTP: draft → pending_review → published | rejected → (edit) → pending_review, and close.
import type { Demand, DemandDetailResponse, Page, ReviewQueueItem } from '@cic/shared';
import { call, completeForm, createDraft, published, submitted, tokensOf } from '../support/api';

describe('demand lifecycle over the HTTP API', () => {
  let owner: string;
  let admin: string;

  beforeAll(async () => {
    [owner, admin] = await tokensOf('user', 'admin');
  });

  it('creates a draft owned by the caller, with version 1 and a status history', async () => {
    const draft = await createDraft(owner, { title: '半成品草稿' });
    expect(draft.status).toBe('draft');
    expect(draft.version).toBe(1);
    expect(draft.followerCount).toBe(0);
    expect(draft.history).toEqual([{ status: 'draft', at: draft.createdAt }]);
    const mine = await call<Page<Demand>>('GET', '/me/demands', { token: owner });
    expect(mine.body.items.map((d) => d.id)).toContain(draft.id);
  });

  it('keeps a partial draft, and refuses to submit it with every missing field named', async () => {
    const draft = await createDraft(owner, { title: '只写了标题', description: '太短' });
    const res = await call('POST', `/demands/${draft.id}/submit`, { token: owner });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'DEMAND.INCOMPLETE' } });
    const fields = (res.body as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual(
      ['budgetWan', 'companyName', 'contactName', 'contactPhone', 'cooperationModes', 'description', 'field', 'region'].sort(),
    );
    expect(fields.description).toContain('技术需求描述');
    const after = await call<Demand>('GET', `/demands/${draft.id}`, { token: owner });
    expect(after.body.status).toBe('draft');
    expect(after.body.version).toBe(1);
  });

  it('walks draft → pending → rejected (reason shown) → edited → pending → published → closed', async () => {
    const pending = await submitted(owner);
    expect(pending.status).toBe('pending_review');
    expect(pending.submittedAt).toBeDefined();

    const noReason = await call('POST', `/admin/demands/${pending.id}/review`, { token: admin, json: { decision: 'reject' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: { code: 'REVIEW.REASON_REQUIRED', fields: { reason: expect.any(String) } } });

    const rejected = await call<Demand>('POST', `/admin/demands/${pending.id}/review`, {
      token: admin,
      json: { decision: 'reject', reason: '目标指标不够具体，请补充焊缝强度测试标准' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const seenByOwner = await call<DemandDetailResponse>('GET', `/demands/${pending.id}`, { token: owner });
    expect(seenByOwner.body).toMatchObject({ status: 'rejected', rejectReason: '目标指标不够具体，请补充焊缝强度测试标准' });

    const edited = await call<Demand>('PUT', `/demands/${pending.id}`, {
      token: owner,
      json: completeForm({ title: '钛合金薄板激光焊接变形控制（补充标准）' }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('rejected');
    const resubmitted = await call<Demand>('POST', `/demands/${pending.id}/submit`, { token: owner });
    expect(resubmitted.body.status).toBe('pending_review');
    expect(resubmitted.body.rejectReason).toBeUndefined();

    const queue = await call<Page<ReviewQueueItem>>('GET', '/admin/reviews?kind=demand&limit=50', { token: admin });
    expect(queue.status).toBe(200);
    expect(queue.body.items.every((d) => d.status === 'pending_review' && d.kind === 'demand')).toBe(true);
    const submittedAt = (page: Page<ReviewQueueItem>) => page.items.map((d) => d.submittedAt ?? '');
    expect(submittedAt(queue.body)).toEqual([...submittedAt(queue.body)].sort());
    const newest = await call<Page<ReviewQueueItem>>('GET', '/admin/reviews?kind=demand&limit=50&order=newest', { token: admin });
    expect(newest.status).toBe(200);
    expect(submittedAt(newest.body)).toEqual([...submittedAt(newest.body)].sort().reverse());
    const badOrder = await call('GET', '/admin/reviews?order=latest', { token: admin });
    expect(badOrder.status).toBe(400);
    expect(JSON.stringify(badOrder.body)).toContain('order');

    const approved = await call<Demand>('POST', `/admin/demands/${pending.id}/review`, {
      token: admin,
      json: { decision: 'approve' },
    });
    expect(approved.body.status).toBe('published');
    expect(approved.body.publishedAt).toBeDefined();
    expect(approved.body.history.map((h) => h.status)).toEqual([
      'draft',
      'pending_review',
      'rejected',
      'pending_review',
      'published',
    ]);

    const notEditable = await call('PUT', `/demands/${pending.id}`, { token: owner, json: completeForm() });
    expect(notEditable.status).toBe(409);
    expect(notEditable.body).toMatchObject({ error: { code: 'DEMAND.NOT_EDITABLE' } });

    const closed = await call<Demand>('POST', `/demands/${pending.id}/close`, { token: owner });
    expect(closed.body.status).toBe('closed');
    const closeAgain = await call('POST', `/demands/${pending.id}/close`, { token: owner });
    expect(closeAgain.status).toBe(409);
    // A closed demand that was published stays readable, but leaves the public list.
    const publicView = await call<DemandDetailResponse>('GET', `/demands/${pending.id}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.status).toBe('closed');
  });

  it('does not let a published demand be reviewed again or a draft be approved', async () => {
    const demand = await published(owner, admin);
    const again = await call('POST', `/admin/demands/${demand.id}/review`, { token: admin, json: { decision: 'approve' } });
    expect(again.status).toBe(409);
    const draft = await createDraft(owner);
    const early = await call('POST', `/admin/demands/${draft.id}/review`, { token: admin, json: { decision: 'approve' } });
    expect(early.status).toBe(409);
  });

  it('returns 409 with If-Match on a stale version, and keeps the newer edit', async () => {
    const draft = await createDraft(owner);
    const first = await call<Demand>('PUT', `/demands/${draft.id}`, {
      token: owner,
      headers: { 'if-match': String(draft.version) },
      json: completeForm({ title: '第一次修改的标题' }),
    });
    expect(first.status).toBe(200);
    const stale = await call('PUT', `/demands/${draft.id}`, {
      token: owner,
      headers: { 'if-match': String(draft.version) },
      json: completeForm({ title: '基于旧版本的修改' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'DEMAND.VERSION_CONFLICT' } });
    const now = await call<Demand>('GET', `/demands/${draft.id}`, { token: owner });
    expect(now.body.title).toBe('第一次修改的标题');
    expect(now.body.version).toBe(2);
  });
});
