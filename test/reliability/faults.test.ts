// Faults: 1,000 demands are published while a share of the functions' DynamoDB calls fail (throttling, 500s, inside the
// SDK's retries) and WeChat's subscribe/send fails at random (busy, 502, an answer after the client gave up, 43101).
// The alerts must still come out exact: every expected inbox item exactly once and no other; no push without quota and
// none twice; every push that did not go out ends in a final state, and a failed one is in the dead-letter table.
//
// The test runs a stack of its own (test/reliability/support/fault-stack.ts): the shared one never sees a fault.
import { GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuthResponse, Demand } from '@cic/shared';
import { createDocumentClient } from '../../functions/src/db/client';
import { tableNames } from '../../functions/src/db/table-names';
import { completeForm } from '../../functions/test/fakes/demand.factory';
import { fakeWechat } from '../../functions/test/support/fake-wechat-control';
import { LOCAL_WECHAT } from '../../scripts/lib/stack';
import { recordFigure } from './figures';
import { inParallel } from './support/in-parallel';
import {
  countBy,
  createClient,
  demandOfPage,
  dynamodbFaults,
  publishedCounter,
  quotaOf,
  readInboxes,
  scanPushStates,
  sleep,
  startFaultStack,
  statsSawPublished,
  waitUntilSettled,
  type Client,
  type FaultStack,
  type InboxItem,
  type Reply,
} from './support/fault-stack';

const SECTION = 'faults';
// Each injected throttle costs the SDK a backoff of up to 1 s (2 s, 4 s, … on the next ones), and the streams handle
// their records one after another: at 3% the run stays within its time on a shared 2-core machine.
const DYNAMODB_FAULT_RATE = 0.03;
// High enough that some pushes fail all three attempts and must reach the dead-letter table.
const WECHAT_FAULT_RATE = 0.4;
const SUBSCRIBERS = 200;
/** The last ones log in with dev login: no openid, so no push can ever reach them. */
const WITHOUT_OPENID = 10;
const DEMANDS = 1000;
const OWNERS = 20;
const QUOTAS = [0, 1, 3, 10];
const CONCURRENCY = 8;
const SETTLE_BOUND_MS = 5 * 60_000;
const TEMPLATE = LOCAL_WECHAT.templates.newMatch;
const FINAL = new Set(['sent', 'no_quota', 'dead_letter', 'rejected', 'digest_skipped', 'no_openid', 'inbox_only']);

// A made-up term per subscriber: a Han prefix no real text has, and three Latin letters, which match only as a whole
// word, so no keyword can be found inside another.
const letter = (n: number) => String.fromCharCode(97 + (Math.floor(n) % 26));
const keyword = (i: number) => `韧测${letter(i / 676)}${letter(i / 26)}${letter(i)}`;
/** Subscriber i's keywords: one, or for every fifth two (both required). */
const subscriberKeywords = (i: number) => (i % 5 === 4 ? [i, (i + 1) % SUBSCRIBERS] : [i]);
/** The subscribers' keywords demand j contains. */
function demandKeywords(j: number): number[] {
  const a = j % SUBSCRIBERS;
  const set = new Set([a]);
  if (j % 4 === 0) set.add((a + 1) % SUBSCRIBERS);
  if (j % 5 === 1) set.add((a * 7 + 3 + Math.floor(j / SUBSCRIBERS)) % SUBSCRIBERS);
  return [...set];
}

interface Subscriber {
  index: number;
  userId: string;
  token: string;
  openid?: string;
  quota: number;
}

function expectStatus(reply: Reply<unknown>, status: number, what: string): void {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${reply.text.slice(0, 300)}`);
}

describe('faults', () => {
  let fault: FaultStack;
  let doc: DynamoDBDocumentClient;

  beforeAll(async () => {
    fault = await startFaultStack({ dynamodbFaultRate: DYNAMODB_FAULT_RATE, pushRetryBaseMs: 20, wechatTimeoutMs: 1000 });
    doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: fault.stack.dbEndpoint });
  }, 300_000);

  afterAll(async () => {
    doc?.destroy();
    await fault?.stop();
  }, 60_000);

  it('1,000 demands under DynamoDB and WeChat faults: every alert exactly once, no push without quota or twice, failed pushes dead-lettered', async () => {
    const started = Date.now();
    const names = tableNames(fault.stack.tablePrefix);
    const api: Client = createClient(fault.stack.apiUrl);
    const wechat = fakeWechat(fault.stack.wechatUrl);
    const quotaAccepts = { answered5xx: 0, appliedAnyway: 0 };
    const transitionsAppliedAnyway = { count: 0 };

    const devLogin = async (nickname: string, role: 'user' | 'admin') => {
      const res = await api.request<AuthResponse>('POST', '/auth/dev', { json: { nickname, role } });
      expectStatus(res, 200, `dev login ${nickname}`);
      return res.body;
    };

    // --- subscribers: a keyword subscription each, and quota 0, 1, 3 or 10 for the new-match template ---
    const subscribers = await inParallel(
      Array.from({ length: SUBSCRIBERS }, (_, i) => i),
      CONCURRENCY,
      async (i): Promise<Subscriber> => {
        const auth =
          i < SUBSCRIBERS - WITHOUT_OPENID
            ? // A used code cannot be exchanged twice: a retry logs the same person in with a fresh code.
              await api.request<AuthResponse>('POST', '/auth/wechat', {
                json: (attempt: number) => ({ code: `user-fault${i}-${attempt}` }),
              })
            : await api.request<AuthResponse>('POST', '/auth/dev', { json: { nickname: `fault-no-openid-${i}`, role: 'user' } });
        expectStatus(auth, 200, `login subscriber ${i}`);
        const { token, user } = auth.body;
        const sub = await api.request('POST', '/me/subscriptions', {
          token,
          json: { keywords: subscriberKeywords(i).map(keyword) },
        });
        expectStatus(sub, 201, `subscription ${i}`);
        // Each accept adds one send. A 5xx may come after the accept was stored (the quota read that follows failed), so a
        // blind retry could grant more than the user accepted: the test retries only while the stored quota is short.
        const target = QUOTAS[i % QUOTAS.length] as number;
        for (let have = await quotaOf(doc, names, TEMPLATE, user.id); have < target;) {
          const res = await api.once('POST', '/me/subscribe-quota', token, { results: { [TEMPLATE]: 'accept' } });
          const now = await quotaOf(doc, names, TEMPLATE, user.id);
          if (res.status >= 500) {
            quotaAccepts.answered5xx += 1;
            if (now > have) quotaAccepts.appliedAnyway += 1;
          } else expectStatus(res, 200, `quota ${i}`);
          have = now;
        }
        const stored = await doc.send(new GetCommand({ TableName: names.users, Key: { id: user.id }, ConsistentRead: true }));
        const openid = stored.Item?.openid as string | undefined;
        return {
          index: i,
          userId: user.id,
          token,
          quota: await quotaOf(doc, names, TEMPLATE, user.id),
          ...(openid ? { openid } : {}),
        };
      },
    );
    const subscriptionRows = await inParallel(subscribers, CONCURRENCY, async (s) => {
      const out = await doc.send(
        new QueryCommand({
          TableName: names.subscriptions,
          KeyConditionExpression: 'userId = :u',
          ExpressionAttributeValues: { ':u': s.userId },
          Select: 'COUNT',
        }),
      );
      return out.Count ?? 0;
    });
    expect(subscriptionRows.filter((n) => n < 1)).toHaveLength(0);
    expect(subscribers.filter((s) => s.quota !== QUOTAS[s.index % QUOTAS.length])).toEqual([]);
    expect(subscribers.filter((s) => s.openid).length).toBe(SUBSCRIBERS - WITHOUT_OPENID);

    const adminAuth = await devLogin('fault-admin', 'admin');
    const admin = adminAuth.token;
    const ownerAuths = await inParallel(
      Array.from({ length: OWNERS }, (_, k) => k),
      CONCURRENCY,
      (k) => devLogin(`fault-owner-${k}`, 'user'),
    );
    const owners = ownerAuths.map((a) => a.token);
    const setUpMs = Date.now() - started;

    // --- publish, with WeChat's subscribe/send failing at random from here on ---
    await wechat.chaos({
      api: 'subscribe_send',
      rate: WECHAT_FAULT_RATE,
      outcomes: [{ errcode: -1 }, { status: 502 }, { delayMs: 8000 }, { errcode: 43101 }],
    });
    const transition = async (token: string, id: string, path: string, json: unknown, want: Demand['status']) => {
      const res = await api.request<Demand>('POST', path, { token, json });
      if (res.status === 200) return;
      // A retried request whose first attempt was stored before its 5xx now finds the demand moved on already.
      if (res.status === 409) {
        const now = await api.request<Demand>('GET', `/demands/${id}`, { token });
        if (now.body?.status === want) {
          transitionsAppliedAnyway.count += 1;
          return;
        }
      }
      expectStatus(res, 200, `${path}`);
    };
    const publishStarted = Date.now();
    const demandIds = await inParallel(
      Array.from({ length: DEMANDS }, (_, j) => j),
      CONCURRENCY,
      async (j) => {
        const owner = owners[j % OWNERS] as string;
        const base = completeForm();
        // The keywords are the demand's main topic (in the title, twice in the description), so each alert is pushed.
        const topic = demandKeywords(j).map(keyword).join('、');
        const form = completeForm({
          title: `故障演练${j}：${topic}`,
          region: '上海市',
          description: `${base.description}本需求涉及：${topic}。验收对象：${topic}。`,
        });
        const created = await api.request<Demand>('POST', '/demands', { token: owner, json: form });
        expectStatus(created, 201, `create demand ${j}`);
        const { id } = created.body;
        await transition(owner, id, `/demands/${id}/submit`, undefined, 'pending_review');
        await transition(admin, id, `/admin/demands/${id}/review`, { decision: 'approve' }, 'published');
        return id;
      },
    );
    const publishMs = Date.now() - publishStarted;

    // --- what must come out: subscriber i is alerted about demand j when j's text has all of i's keywords ---
    const expected = new Set<string>();
    demandIds.forEach((demandId, j) => {
      const present = new Set(demandKeywords(j));
      for (const s of subscribers)
        if (subscriberKeywords(s.index).every((k) => present.has(k))) expected.add(`${s.userId}|${demandId}`);
    });

    // --- wait until the inbox and the push states stop changing (bounded) ---
    const everyone = subscribers.map((s) => s.userId);
    const settleStarted = Date.now();
    // Progress is read with a Scan (one or two requests, not 200 Queries), so the polling takes little from the streams.
    const progress = async () => ({ published: await publishedCounter(doc, names), states: await scanPushStates(doc, names) });
    const { outcome: settled, published: publishedSeen } = await waitUntilSettled(progress, FINAL, DEMANDS, SETTLE_BOUND_MS);
    const settleMs = Date.now() - settleStarted;
    // Were WeChat to accept a send the client gave up on (after 1 s), it would do so 8 s after the send: wait that long.
    await sleep(9000);
    // The owners and the admin have no subscription: anything in their inboxes is unexpected.
    const items = await readInboxes(doc, names, [...everyone, adminAuth.user.id, ...ownerAuths.map((a) => a.user.id)]);
    const sent = await wechat.sent();
    const wechatInjected = await wechat.injected();
    await wechat.chaos({ api: 'subscribe_send', rate: 0 });

    // 1. every expected notification exactly once, and no other
    const found = countBy(items, (x) => `${x.userId}|${x.demandId}`);
    const duplicates = [...found.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const missing = [...expected].filter((k) => !found.has(k));
    const unexpected = [...found.keys()].filter((k) => !expected.has(k));

    // 2. and 3. pushes: within the quota each user accepted, and never twice for one (user, demand)
    const byOpenid = new Map(subscribers.filter((s) => s.openid).map((s) => [s.openid as string, s]));
    const newMatchSent = sent.filter((m) => m.template_id === TEMPLATE);
    const toStrangers = newMatchSent.filter((m) => !byOpenid.has(m.touser)).length;
    const sentPerUser = countBy(newMatchSent, (m) => m.touser);
    const overQuota = [...sentPerUser].reduce((sum, [openid, n]) => sum + Math.max(0, n - (byOpenid.get(openid)?.quota ?? 0)), 0);
    const zeroQuotaPushed = subscribers.filter((s) => s.quota === 0 && (sentPerUser.get(s.openid ?? '') ?? 0) > 0).length;
    const sentPairs = countBy(
      newMatchSent,
      (m) => `${byOpenid.get(m.touser)?.userId ?? m.touser}|${demandOfPage(m.page) ?? m.page ?? ''}`,
    );
    const duplicatePushes = [...sentPairs.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    // Quota accounting: what is left plus what was sent is what the user accepted. Less, with some left, means a send was
    // taken and neither used nor given back (43101 zeroes what is left, so only users with some left can show it).
    const quotaErrors = (
      await inParallel(subscribers, CONCURRENCY, async (s) => {
        const left = await quotaOf(doc, names, TEMPLATE, s.userId);
        const used = sentPerUser.get(s.openid ?? '') ?? 0;
        return left + used > s.quota || (left > 0 && left + used < s.quota)
          ? { user: s.index, quota: s.quota, left, used }
          : undefined;
      })
    ).filter((x) => x !== undefined);

    // 4. every push ends in a final state; a dead letter is in the dead-letter table
    const states = countBy(items, (x) => x.push ?? '(none)');
    const open = items.filter((x) => !FINAL.has(x.push ?? ''));
    const deadLettered = items.filter((x) => x.push === 'dead_letter');
    const withoutLetter = (
      await inParallel(deadLettered, CONCURRENCY, async (x) => {
        const out = await doc.send(
          new GetCommand({ TableName: names.deadLetters, Key: { id: `push#${x.userId}#${x.id}` }, ConsistentRead: true }),
        );
        return out.Item ? undefined : x;
      })
    ).filter((x): x is InboxItem => x !== undefined);
    const letters = (await doc.send(new ScanCommand({ TableName: names.deadLetters, Select: 'COUNT' }))).Count ?? 0;
    const markedSent = new Set(items.filter((x) => x.push === 'sent').map((x) => `${x.userId}|${x.demandId}`));
    const stateOf = new Map(items.map((x) => [`${x.userId}|${x.demandId}`, x.push ?? '(none)']));
    const deliveredNotMarkedList = [...sentPairs.keys()]
      .filter((k) => !markedSent.has(k))
      .map((k) => ({ pair: k, state: stateOf.get(k) }));
    const deliveredNotMarked = deliveredNotMarkedList.length;
    const markedNotDelivered = [...markedSent].filter((k) => !sentPairs.has(k)).length;

    // What the streams saw of each demand a missing alert was for: its stored stats contribution says whether the
    // demands stream handled its publication at all (a dropped batch) or handled it and matched no one (a matching fault).
    const missingDemands = [...new Set(missing.map((k) => k.split('|')[1] as string))];
    const missingSeen = await inParallel(missingDemands.slice(0, 20), CONCURRENCY, async (demandId) => {
      const alerted = items.filter((x) => x.demandId === demandId).length;
      return { demandId, statsSawPublished: await statsSawPublished(doc, names, demandId), alerted };
    });

    // 5. the figures
    const dbFaults = dynamodbFaults(fault.faultLog);
    const wechatFaults = Object.values(wechatInjected).reduce((a, b) => a + b, 0);
    const retried = api.totalRetried() + quotaAccepts.answered5xx;
    const quotaTotal = subscribers.reduce((sum, s) => sum + s.quota, 0);
    const figure = (name: string, value: string | number, target?: string, pass?: boolean) =>
      recordFigure({
        section: SECTION,
        name,
        value,
        ...(target !== undefined ? { target } : {}),
        ...(pass !== undefined ? { pass } : {}),
      });
    figure('demands published under faults (create, submit, approve)', demandIds.length, '1,000', demandIds.length === DEMANDS);
    figure('subscribers (WeChat login / no openid)', `${SUBSCRIBERS - WITHOUT_OPENID} / ${WITHOUT_OPENID}`);
    figure('quota accepted (sum over subscribers: 0, 1, 3 or 10 each)', quotaTotal);
    figure('expected notifications', expected.size);
    figure('notifications found', items.length, expected.size.toLocaleString('en-US'), items.length === expected.size);
    figure('duplicate notifications', duplicates, '0', duplicates === 0);
    figure('missing notifications', missing.length, '0', missing.length === 0);
    figure('unexpected notifications', unexpected.length, '0', unexpected.length === 0);
    figure('pushes accepted by WeChat', newMatchSent.length);
    figure('pushes over quota (incl. to users with 0 quota)', overQuota, '0', overQuota === 0 && zeroQuotaPushed === 0);
    figure('quota accounting errors (left + sent ≠ accepted)', quotaErrors.length, '0', quotaErrors.length === 0);
    figure('duplicate pushes (same user and demand)', duplicatePushes, '0', duplicatePushes === 0);
    figure(
      'pushes delivered but not recorded sent / recorded sent but not delivered',
      `${deliveredNotMarked} / ${markedNotDelivered}`,
    );
    figure('pushes left without a final state (pending, claimed)', open.length, '0', open.length === 0);
    figure(
      'push states',
      [...states]
        .sort()
        .map(([s, n]) => `${s} ${n}`)
        .join(', '),
    );
    figure(
      'dead letters (notifications / items in deadLetters)',
      `${deadLettered.length} / ${letters}`,
      'equal',
      withoutLetter.length === 0 && letters === deadLettered.length,
    );
    figure('no_quota / no_openid', `${states.get('no_quota') ?? 0} / ${states.get('no_openid') ?? 0}`);
    figure(`DynamoDB faults injected (rate ${DYNAMODB_FAULT_RATE})`, dbFaults.total);
    figure(`WeChat subscribe/send faults injected (rate ${WECHAT_FAULT_RATE})`, wechatFaults);
    figure('API requests retried by the client after a 5xx', retried);
    figure(
      '5xx answers whose write was stored anyway (quota accepts, transitions)',
      quotaAccepts.appliedAnyway + transitionsAppliedAnyway.count,
    );
    figure(
      'publications the demands stream handled (its stats counter)',
      publishedSeen,
      DEMANDS.toLocaleString('en-US'),
      publishedSeen === DEMANDS,
    );
    figure('error lines serverless-offline printed (a failed stream batch attempt, a crash)', fault.offlineErrors.length);
    figure(
      'time: set-up / publish / streams settle (s)',
      `${Math.round(setUpMs / 1000)} / ${Math.round(publishMs / 1000)} / ${Math.round(settleMs / 1000)} (${settled})`,
    );
    console.log(
      JSON.stringify(
        {
          dbFaults,
          wechatInjected,
          retried: api.retried,
          quotaAccepts,
          states: Object.fromEntries(states),
          missing: missing.slice(0, 10),
          missingSeen,
          offlineErrors: fault.offlineErrors.slice(0, 20),
          unexpected: unexpected.slice(0, 10),
          open: open.slice(0, 10),
          withoutLetter: withoutLetter.slice(0, 10),
          quotaErrors: quotaErrors.slice(0, 10),
          deliveredNotMarked: deliveredNotMarkedList.slice(0, 10),
          settled,
          duplicatePushes: [...sentPairs].filter(([, n]) => n > 1).slice(0, 10),
          overQuotaUsers: [...sentPerUser]
            .filter(([o, n]) => n > (byOpenid.get(o)?.quota ?? 0))
            .map(([o, n]) => ({ quota: byOpenid.get(o)?.quota, sent: n }))
            .slice(0, 10),
        },
        null,
        2,
      ),
    );

    expect(demandIds).toHaveLength(DEMANDS);
    // Still draining at the bound says the machine was too slow to tell; the checks below would only list work in flight.
    expect(settled).not.toBe('still draining');
    // Every publication reached the alerts (the stream handler moves this counter right after a record's alerts).
    expect(publishedSeen).toBe(DEMANDS);
    expect({ duplicates, missing: missing.length, unexpected: unexpected.length }).toEqual({
      duplicates: 0,
      missing: 0,
      unexpected: 0,
    });
    expect({ overQuota, zeroQuotaPushed, toStrangers, duplicatePushes }).toEqual({
      overQuota: 0,
      zeroQuotaPushed: 0,
      toStrangers: 0,
      duplicatePushes: 0,
    });
    expect(quotaErrors).toEqual([]);
    expect(open).toEqual([]);
    expect(withoutLetter).toEqual([]);
    expect(letters).toBe(deadLettered.length);
    expect(markedNotDelivered).toBe(0);
  }, 600_000);
});
