// The organisers' figures are counters kept from the demands and 成果 streams, the inbox items that tell of a match,
// and the invitations' own writes. After a randomized sequence of 500 operations through the API (drafts, submissions,
// reviews, closes, follows, solutions, decisions, track moves, 成果 published, invitations sent and answered), the
// counters served by GET /stats must equal a recount of everything stored, made here from the tables themselves.
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DEMAND_STATUSES,
  INDUSTRY_FIELDS,
  isPubliclyVisible,
  provinceOf,
  type Achievement,
  type Demand,
  type IndustryField,
  type Invitation,
  type Notification,
  type Solution,
  type StatsResponse,
} from '@cic/shared';
import { createDocumentClient } from '../../src/db/client';
import { tableNames } from '../../src/db/table-names';
import { MATCH_REASONS, invitationMarkerOf, matchMarkerOf } from '../../src/stats/stats.service';
import { achievementForm, call, completeForm, login, publishedAchievement, uniq } from '../support/api';
import { seededRandom } from '../../../scripts/lib/seeded-random';

const OPERATIONS = 500;
const FIELDS: IndustryField[] = [...INDUSTRY_FIELDS];
const REGIONS = ['江苏省 / 苏州市', '上海市 / 浦东新区', '浙江省 / 杭州市', '安徽省 / 合肥市', '北京市 / 海淀区'];

async function scanAll<T>(doc: DynamoDBDocumentClient, table: string): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((out.Items ?? []) as T[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * The figures, recounted from the stored demands, solutions, 成果 and invitations (a Scan: fine in a test, never on a
 * request). Matches and invitations are recounted from the stats table's markers, one per inbox item or invitation
 * counted: `unmarked` lists the stored match items and invitations that were never counted (an erased person's inbox
 * and invitations are gone, but their matches and invitations stay counted).
 */
async function recount(doc: DynamoDBDocumentClient): Promise<{ expected: Omit<StatsResponse, 'at'>; unmarked: string[] }> {
  const names = tableNames(process.env.STACK_TABLE_PREFIX as string);
  const [demands, solutions, achievements, invitations, notifications, statsItems] = await Promise.all([
    scanAll<Demand>(doc, names.demands),
    scanAll<Solution>(doc, names.solutions),
    scanAll<Achievement>(doc, names.achievements),
    scanAll<Invitation>(doc, names.invitations),
    scanAll<Notification>(doc, names.notifications),
    scanAll<{ key: string; counter?: string }>(doc, names.stats),
  ]);
  const markersOf = (counter: string) => new Set(statsItems.filter((i) => i.counter === counter).map((i) => i.key));
  const markers = markersOf('matches');
  const sent = markersOf('invitations');
  const accepted = markersOf('invitationsAccepted');
  const unmarked = [
    ...notifications
      .filter((n) => MATCH_REASONS.includes(n.reason) && !markers.has(`event#${matchMarkerOf(n)}`))
      .map((n) => `${n.userId}/${n.id}`),
    ...invitations
      .filter(
        (i) =>
          !sent.has(`event#${invitationMarkerOf(i.id, 'sent')}`) ||
          (i.status === 'accepted' && !accepted.has(`event#${invitationMarkerOf(i.id, 'accepted')}`)),
      )
      .map((i) => `invitation/${i.id}`),
  ];
  const byStatus = Object.fromEntries(DEMAND_STATUSES.map((s) => [s, 0])) as StatsResponse['demands']['byStatus'];
  const byField = Object.fromEntries(INDUSTRY_FIELDS.map((f) => [f, 0])) as StatsResponse['demands']['byField'];
  const byRegion: Record<string, number> = {};
  let published = 0;
  let budget = 0;
  for (const d of demands) {
    byStatus[d.status] += 1;
    if (!isPubliclyVisible(d.status, d.publishedAt)) continue;
    published += 1;
    if (d.field) byField[d.field] += 1;
    const province = (d.region ? provinceOf(d.region) : undefined) ?? '其他';
    byRegion[province] = (byRegion[province] ?? 0) + 1;
    budget += d.budgetWan ?? 0;
  }
  const expected = {
    demands: { byStatus, published, byField, byRegion },
    budgetWan: Math.round(budget * 10_000) / 10_000,
    solutions: solutions.length,
    demandsWithSolutions: new Set(solutions.map((s) => s.demandId)).size,
    matched: new Set(solutions.filter((s) => s.status === 'intent').map((s) => s.demandId)).size,
    achievements: achievements.filter((a) => isPubliclyVisible(a.status, a.publishedAt)).length,
    matches: markers.size,
    invitations: sent.size,
    invitationsAccepted: accepted.size,
  };
  return { expected, unmarked };
}

describe('GET /stats after 500 random operations', () => {
  let doc: DynamoDBDocumentClient;
  beforeAll(() => {
    doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
  });
  afterAll(() => doc.destroy());

  it('equals a recount of the stored data', async () => {
    const seed = Number(process.env.STATS_SEED ?? Date.now() % 100_000);
    const rnd = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

    const admin = (await login('admin')).token;
    const users = await Promise.all(Array.from({ length: 6 }, () => login('user').then((a) => a.token)));
    const track = (
      await call<{ id: string }>('POST', '/admin/tracks', {
        token: admin,
        json: { name: `统计专场${uniq()}`.slice(0, 40), kind: 'industry', startDate: '2026-01-01', endDate: '2026-12-31' },
      })
    ).body.id;

    interface Known {
      id: string;
      owner: string;
      status: string;
    }
    const demands: Known[] = [];
    const solutions: { id: string; demand: Known; by: string; status: string }[] = [];
    const achievements: { id: string; holder: string }[] = [];
    const invitations: { id: string; holder: string; status: string }[] = [];
    const done: Record<string, number> = {};
    /** The owner acts on a demand that `can` (skipping a share `skip` of the turns): on 200 it is `to`. */
    const ownersAction =
      (action: 'submit' | 'close', can: (d: Known) => boolean, to: string, skip = 0) =>
      async (): Promise<boolean> => {
        const d = demands.filter(can);
        if (!d.length || (skip > 0 && rnd() < skip)) return false;
        const target = pick(d);
        const res = await call('POST', `/demands/${target.id}/${action}`, { token: target.owner });
        if (res.status === 200) target.status = to;
        return res.status === 200;
      };

    const operations: Record<string, () => Promise<boolean>> = {
      async create() {
        const owner = pick(users);
        const res = await call<Demand>('POST', '/demands', {
          token: owner,
          json: completeForm({
            title: `统计核对需求${uniq()}`.slice(0, 60),
            field: pick(FIELDS),
            region: pick(REGIONS),
            budgetWan: Math.round(rnd() * 50_000) / 100,
          }),
        });
        if (res.status !== 201) return false;
        demands.push({ id: res.body.id, owner, status: 'draft' });
        return true;
      },
      submit: ownersAction('submit', (x) => x.status === 'draft' || x.status === 'rejected', 'pending_review'),
      async review() {
        const d = demands.filter((x) => x.status === 'pending_review');
        if (!d.length) return false;
        const target = pick(d);
        const approve = rnd() < 0.8;
        const res = await call('POST', `/admin/demands/${target.id}/review`, {
          token: admin,
          json: approve ? { decision: 'approve' } : { decision: 'reject', reason: '请补充指标' },
        });
        if (res.status === 200) target.status = approve ? 'published' : 'rejected';
        return res.status === 200;
      },
      close: ownersAction('close', (x) => x.status !== 'closed', 'closed', 0.6),
      async follow() {
        const d = demands.filter((x) => x.status === 'published');
        if (!d.length) return false;
        const res = await call(rnd() < 0.7 ? 'PUT' : 'DELETE', `/demands/${pick(d).id}/follow`, { token: pick(users) });
        return res.status === 200;
      },
      async solve() {
        const d = demands.filter((x) => x.status === 'published');
        if (!d.length) return false;
        const demand = pick(d);
        const by = pick(users.filter((u) => u !== demand.owner));
        const res = await call<Solution>('POST', `/demands/${demand.id}/solutions`, {
          token: by,
          json: {
            title: '激光焊接工艺优化方案',
            summary:
              '采用脉冲激光与背面气体保护相结合的工艺，已在同类钛合金薄板上实现焊缝强度达到母材的96%，气孔率低于0.05%，变形量小于0.15毫米；团队有三年相关项目经验，已获两项发明专利，可在六个月内完成工艺验证与小批量试制。',
            organisation: '南京理工大学材料学院',
            team: '张教授团队（5人）',
            contactName: '张老师',
            contactPhone: '13900001111',
            costWan: 60,
            months: 6,
            ndaAccepted: true,
          },
        });
        if (res.status === 201) solutions.push({ id: res.body.id, demand, by, status: 'submitted' });
        return res.status === 201 || res.status === 409;
      },
      async decide() {
        const open = solutions.filter((s) => s.status === 'submitted' || s.status === 'shortlisted');
        if (!open.length) return false;
        const s = pick(open);
        const decision = pick(['shortlist', 'decline', 'intent'] as const);
        const res = await call<Solution>('POST', `/solutions/${s.id}/decision`, {
          token: s.demand.owner,
          json: decision === 'decline' ? { decision, reason: '方向不太匹配' } : { decision },
        });
        if (res.status === 200) {
          s.status = res.body.status;
          if (decision === 'intent') s.demand.status = 'matched';
        }
        return res.status === 200;
      },
      async achieve() {
        if (achievements.length >= 12) return false;
        const holder = pick(users);
        const a = await publishedAchievement(
          holder,
          admin,
          achievementForm({ title: `统计核对成果（示例）${uniq()}`.slice(0, 40) }),
        );
        achievements.push({ id: a.id, holder });
        return true;
      },
      async invite() {
        const d = demands.filter((x) => x.status === 'published');
        if (!d.length || !achievements.length) return false;
        const demand = pick(d);
        const a = pick(achievements);
        const res = await call<Invitation>('POST', `/demands/${demand.id}/invitations`, {
          token: rnd() < 0.8 ? demand.owner : admin,
          json: { achievementId: a.id },
        });
        if (res.status === 201) {
          const known = invitations.find((i) => i.id === res.body.id);
          if (known) known.status = 'open';
          else invitations.push({ id: res.body.id, holder: a.holder, status: 'open' });
        }
        // 409: already open or accepted, or the 成果 is the owner's own.
        return res.status === 201 || res.status === 409;
      },
      async answer() {
        const open = invitations.filter((i) => i.status === 'open');
        if (!open.length) return false;
        const i = pick(open);
        const decision = rnd() < 0.6 ? 'accept' : 'decline';
        const res = await call('POST', `/invitations/${i.id}/respond`, { token: i.holder, json: { decision } });
        if (res.status === 200) i.status = decision === 'accept' ? 'accepted' : 'declined';
        // 409: the demand closed meanwhile (accept only).
        return res.status === 200;
      },
      async track() {
        const d = demands.filter((x) => x.status === 'published');
        if (!d.length) return false;
        const res = await call('PUT', `/admin/demands/${pick(d).id}/track`, {
          token: admin,
          json: { trackId: rnd() < 0.7 ? track : null },
        });
        return res.status === 200;
      },
    };
    // Creation and the steps that move demands forward come up more often, so the sequence reaches every status.
    const weighted = [
      'create',
      'create',
      'create',
      'submit',
      'submit',
      'review',
      'review',
      'close',
      'follow',
      'solve',
      'solve',
      'decide',
      'decide',
      'track',
      'achieve',
      'invite',
      'invite',
      'answer',
    ];

    for (let i = 0; i < OPERATIONS; i += 1) {
      const op = pick(weighted);
      if (await (operations[op] as () => Promise<boolean>)()) done[op] = (done[op] ?? 0) + 1;
    }

    // The counters follow the stream, a moment behind: wait until they stop moving and compare.
    const deadline = Date.now() + 60_000;
    let stats: StatsResponse | undefined;
    let expected: Omit<StatsResponse, 'at'> | undefined;
    let unmarked: string[] = [];
    for (;;) {
      await new Promise((r) => setTimeout(r, 1500));
      stats = (await call<StatsResponse>('GET', '/stats')).body;
      ({ expected, unmarked } = await recount(doc));
      const { at: _at, ...actual } = stats;
      if ((JSON.stringify(actual) === JSON.stringify(expected) && unmarked.length === 0) || Date.now() > deadline) break;
    }
    const { at: _at, ...actual } = stats;
    process.stdout.write(`stats recount: seed ${seed}, ${OPERATIONS} operations, applied ${JSON.stringify(done)}\n`);
    // Every kind of operation really happened, or the check proves less than it says.
    for (const op of ['create', 'submit', 'review', 'close', 'follow', 'solve', 'decide', 'track', 'achieve', 'invite', 'answer'])
      expect(done[op] ?? 0).toBeGreaterThan(0);
    expect(solutions.some((s) => s.status === 'intent')).toBe(true);
    expect(invitations.some((i) => i.status === 'accepted')).toBe(true);
    expect(unmarked).toEqual([]);
    expect(actual).toEqual(expected);
  }, 300_000);
});
