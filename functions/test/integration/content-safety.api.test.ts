// WeChat's content check on submit: risky is refused, review and outages go to the queue flagged, nothing is lost.
import type { AuthResponse, Demand, Page, ReviewQueueItem } from '@cic/shared';
import { call, completeForm, createDraft, login, uniq } from '../support/api';
import { stackWechat } from '../support/fake-wechat-control';

async function wechatUser(): Promise<string> {
  const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${uniq('cs')}-1` } });
  return res.body.token;
}

describe('content safety on submit', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await login('admin')).token;
  });

  const queueEntry = async (id: string) =>
    (await call<Page<ReviewQueueItem>>('GET', '/admin/reviews?kind=demand&limit=50', { token: admin })).body.items.find(
      (d) => d.id === id && d.kind === 'demand',
    );

  it('passes clean text to the queue unflagged', async () => {
    const token = await wechatUser();
    const draft = await createDraft(token);
    const res = await call<Demand>('POST', `/demands/${draft.id}/submit`, { token });
    expect(res.status).toBe(200);
    expect(res.body.safety).toBeUndefined();
  });

  it('refuses risky text with a clear error and keeps the draft', async () => {
    const token = await wechatUser();
    const draft = await createDraft(token, completeForm({ title: '违禁内容测试需求' }));
    const res = await call('POST', `/demands/${draft.id}/submit`, { token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'DEMAND.CONTENT_RISKY', message: expect.stringContaining('内容安全') } });
    const after = await call<Demand>('GET', `/demands/${draft.id}`, { token });
    expect(after.body).toMatchObject({ status: 'draft', version: draft.version, title: '违禁内容测试需求' });
  });

  it('flags text WeChat wants a person to review', async () => {
    const token = await wechatUser();
    const draft = await createDraft(token, completeForm({ title: '待人工复核的需求' }));
    const res = await call<Demand>('POST', `/demands/${draft.id}/submit`, { token });
    expect(res.body).toMatchObject({ status: 'pending_review', safety: 'review' });
    expect((await queueEntry(draft.id))?.safety).toBe('review');
  });

  it('queues the demand flagged unchecked when the check is down, and for a user WeChat cannot check', async () => {
    const token = await wechatUser();
    const draft = await createDraft(token);
    await stackWechat().fail({ api: 'msg_sec_check', status: 500, times: 3 });
    const res = await call<Demand>('POST', `/demands/${draft.id}/submit`, { token });
    expect(res.body).toMatchObject({ status: 'pending_review', safety: 'unchecked' });

    const devUser = (await login('user')).token;
    const devDraft = await createDraft(devUser);
    const dev = await call<Demand>('POST', `/demands/${devDraft.id}/submit`, { token: devUser });
    expect(dev.body).toMatchObject({ status: 'pending_review', safety: 'unchecked' });
    // The flag is for organisers only.
    await call('POST', `/admin/demands/${devDraft.id}/review`, { token: admin, json: { decision: 'approve' } });
    const publicView = await call('GET', `/demands/${devDraft.id}`);
    expect(publicView.body).not.toHaveProperty('safety');
  });
});
