// Concurrency: many people doing the same thing at the same moment must leave exact counts and lose no update.
// - 200 follow/unfollow operations at once from distinct users on one demand;
// - 100 quota accepts at once for one user, then 150 pushes at once for that user (and the stream's own pusher);
// - 50 edits at once of one demand by its owner: with a version check, one wins and 49 get 409; writers that
//   re-read and retry on 409 lose nothing.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuthResponse, Demand, FollowResponse, Notification } from '@cic/shared';
import { buildApp } from '../../functions/src/app';
import { parseConfig } from '../../functions/src/config/config';
import { createDocumentClient } from '../../functions/src/db/client';
import { createNotificationDynamoRepository } from '../../functions/src/db/notification.dynamo';
import { tableNames } from '../../functions/src/db/table-names';
import { call, completeForm, createDraft, login, published, uniq } from '../../functions/test/support/api';
import { stackWechat } from '../../functions/test/support/fake-wechat-control';
import { LOCAL_WECHAT } from '../../scripts/lib/stack';
import { recordFigure } from './figures';

const names = () => tableNames(process.env.STACK_TABLE_PREFIX as string);
const doc = () => createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
const SECTION = 'concurrency';

async function wechatLogin(): Promise<AuthResponse> {
  const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: uniq('code') } });
  if (res.status !== 200) throw new Error(`wechat login: ${res.status} ${res.text}`);
  return res.body;
}

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('concurrency', () => {
  it('200 follow/unfollow operations at once from distinct users leave an exact follower count', async () => {
    const admin = (await login('admin')).token;
    const owner = (await login('user')).token;
    const demand = await published(owner, admin, completeForm({ title: `并发关注${uniq()}`.slice(0, 60) }));
    const users = await Promise.all(Array.from({ length: 200 }, () => login('user').then((a) => a.token)));
    // Half follow first; then, all at once, the other half follow (some twice) and the first half unfollow.
    const [early, late] = [users.slice(0, 100), users.slice(100)];
    for (const token of early) await call('PUT', `/demands/${demand.id}/follow`, { token });
    const ops = [
      ...late.map((token) => call<FollowResponse>('PUT', `/demands/${demand.id}/follow`, { token })),
      ...late.slice(0, 20).map((token) => call<FollowResponse>('PUT', `/demands/${demand.id}/follow`, { token })),
      ...early.map((token) => call<FollowResponse>('DELETE', `/demands/${demand.id}/follow`, { token })),
    ];
    const results = await Promise.all(ops);
    const failed = results.filter((r) => r.status !== 200).length;

    const client = doc();
    try {
      const stored = (await client.send(new GetCommand({ TableName: names().demands, Key: { id: demand.id } }))).Item as Demand;
      let rows = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: names().follows,
            IndexName: 'byDemand',
            KeyConditionExpression: 'demandId = :d',
            ExpressionAttributeValues: { ':d': demand.id },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        rows += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      recordFigure({
        section: SECTION,
        name: 'follow/unfollow at once (220 requests, 200 users)',
        value: `${stored.followerCount} followers, ${rows} follow rows`,
        target: '100 and 100',
        pass: stored.followerCount === 100 && rows === 100 && failed === 0,
      });
      expect(failed).toBe(0);
      expect(rows).toBe(100);
      expect(stored.followerCount).toBe(100);
    } finally {
      client.destroy();
    }
  }, 300_000);

  it('100 quota accepts at once give 100 sends; 150 pushes at once send exactly 100, none twice', async () => {
    const user = await wechatLogin();
    const template = LOCAL_WECHAT.templates.newMatch;
    const accepts = await Promise.all(
      Array.from({ length: 100 }, () =>
        call('POST', '/me/subscribe-quota', { token: user.token, json: { results: { [template]: 'accept' } } }),
      ),
    );
    expect(accepts.filter((r) => r.status !== 200)).toHaveLength(0);

    const env = JSON.parse(process.env.STACK_FUNCTION_ENV as string) as Record<string, string>;
    const app = buildApp(parseConfig(env));
    // Recording a 'reject' changes no quota and answers the user's quota: a read through the service.
    const quotaBefore = (await app.inbox.recordSubscribeResults(user.user, { results: { [template]: 'reject' } })) as {
      ok: true;
      value: { quota: Record<string, number> };
    };
    expect(quotaBefore.value.quota[template]).toBe(100);

    // 150 inbox items for the user, as the matcher writes them; the stream's pusher sees them too, and here they are
    // also pushed 150 at a time, in-process: each must be pushed once, and only while quota lasts.
    const client = doc();
    const notifications = createNotificationDynamoRepository(client, names().notifications);
    const tag = uniq('push');
    const items: Notification[] = Array.from({ length: 150 }, (_, i) => ({
      id: `new_match#${tag}-${i}`,
      userId: user.user.id,
      demandId: `${tag}-${i}`,
      reason: 'new_match',
      title: `并发推送 ${i}`,
      createdAt: new Date().toISOString(),
      explanation: { keywords: [{ keyword: '并发', matchedAs: '并发' }] },
      push: 'pending',
    }));
    await Promise.all(items.map((n) => notifications.createOnce(n)));
    const outcomes = await Promise.all(items.map((n) => app.push.onNotificationCreated(n)));

    const sentToUser = async () => {
      const sent = await stackWechat().sent();
      return sent.filter((m) => (m.page ?? '').includes(tag));
    };
    // Whatever the stream's pusher claimed is finished by it: wait until every item has a final state.
    const states = await waitFor(
      async () => {
        const out = await client.send(
          new QueryCommand({
            TableName: names().notifications,
            KeyConditionExpression: 'userId = :u AND begins_with(id, :p)',
            ExpressionAttributeValues: { ':u': user.user.id, ':p': `new_match#${tag}` },
          }),
        );
        return (out.Items ?? []).map((i) => String(i.push));
      },
      (s) => s.length === 150 && s.every((x) => x === 'sent' || x === 'no_quota'),
    );
    const sent = await sentToUser();
    const pages = sent.map((m) => m.page);
    const duplicates = pages.length - new Set(pages).size;
    const quotaAfter = (await app.inbox.recordSubscribeResults(user.user, { results: { [template]: 'reject' } })) as {
      ok: true;
      value: { quota: Record<string, number> };
    };
    client.destroy();

    const count = (s: string) => states.filter((x) => x === s).length;
    recordFigure({
      section: SECTION,
      name: 'quota accepts at once (100)',
      value: quotaBefore.value.quota[template] ?? 0,
      target: '100',
      pass: quotaBefore.value.quota[template] === 100,
    });
    recordFigure({
      section: SECTION,
      name: 'pushes at once for one user (150, quota 100): sent',
      value: sent.length,
      target: '100',
      pass: sent.length === 100,
    });
    recordFigure({ section: SECTION, name: 'pushes sent twice', value: duplicates, target: '0', pass: duplicates === 0 });
    expect(outcomes.filter((o) => o === 'sent').length).toBeLessThanOrEqual(100);
    expect(sent).toHaveLength(100);
    expect(duplicates).toBe(0);
    expect(count('sent')).toBe(100);
    expect(count('no_quota')).toBe(50);
    expect(quotaAfter.value.quota[template] ?? 0).toBe(0);
  }, 300_000);

  it('50 edits at once of one demand: one wins, 49 get 409; retrying writers lose no update', async () => {
    const { token } = await login('user');
    const draft = await createDraft(token, { title: '并发编辑的需求', companyIntro: '' });

    // Everyone edits version 1 at the same moment.
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call<Demand>('PUT', `/demands/${draft.id}`, {
          token,
          headers: { 'if-match': String(draft.version) },
          json: { title: `并发编辑 第${i}位`, companyIntro: `w${i}` },
        }),
      ),
    );
    const won = results.filter((r) => r.status === 200);
    const conflicts = results.filter(
      (r) => r.status === 409 && (r.body as { error?: { code?: string } }).error?.code === 'DEMAND.VERSION_CONFLICT',
    );
    recordFigure({
      section: SECTION,
      name: 'owner edits at once (50, same version): 200 / 409',
      value: `${won.length} / ${conflicts.length}`,
      target: '1 / 49',
      pass: won.length === 1 && conflicts.length === 49,
    });
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const after = await call<Demand>('GET', `/demands/${draft.id}`, { token });
    expect(after.body.version).toBe(draft.version + 1);
    expect(after.body.title).toBe(won[0]?.body.title);

    // Now 50 writers each add their mark with read, change, write-if-unchanged, re-reading after a 409.
    let requests = 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        for (;;) {
          const current = (await call<Demand>('GET', `/demands/${draft.id}`, { token })).body;
          requests += 1;
          const res = await call<Demand>('PUT', `/demands/${draft.id}`, {
            token,
            headers: { 'if-match': String(current.version) },
            json: { title: current.title, companyIntro: `${current.companyIntro ?? ''}m${String(i).padStart(2, '0')};` },
          });
          if (res.status === 200) return;
          if (res.status !== 409) throw new Error(`edit ${i}: ${res.status} ${res.text}`);
        }
      }),
    );
    const final = (await call<Demand>('GET', `/demands/${draft.id}`, { token })).body;
    const marks = new Set((final.companyIntro ?? '').split(';').filter(Boolean));
    recordFigure({
      section: SECTION,
      name: 'retrying writers (50): updates kept',
      value: marks.size,
      target: '50',
      pass: marks.size === 50,
    });
    recordFigure({ section: SECTION, name: 'retrying writers: requests (GET+PUT pairs)', value: requests });
    expect(marks.size).toBe(50);
    expect(final.version).toBe(after.body.version + 50);
  }, 600_000);
});
