// The confidentiality crawl. A randomized workload (seeded; the seed is printed, RELIABILITY_SEED replays it): owners
// post demands, some anonymous, with a unique marker in every hidden value (company, contact name/phone/title,
// e-mail, broker name/phone), and some of them repeat those values in their public text; admins publish or reject
// them; challengers submit solutions with a marker in every text field; owners shortlist and decline (with marked
// reasons); judges are assigned and score; people follow, subscribe (so inboxes fill, and WeChat pushes go out),
// demands close, and awards are given. Then every public response and every response to another user is read — every
// page of the list, with each filter and each marker as the query, every demand's detail, and each person's contest
// views and inbox — and no hidden value may appear in any response to someone not entitled to it: an anonymous
// demand's hidden values belong to its owner and the admins; a solution to its submitter, the demand's owner, the
// admins and (once shortlisted) the final's judges; a decline reason to the submitter, the owner and the admins; a
// demand never published to its owner and the admins.
import type {
  AuthResponse,
  Demand,
  DemandComplete,
  DemandDetailResponse,
  IndustryField,
  Notification,
  ScoreRequest,
  Solution,
  UserRole,
} from '@cic/shared';
import { call, completeForm, createDraft, login, type Reply } from '../../functions/test/support/api';
import {
  assignJudges,
  createTrack,
  decide,
  putScore,
  solutionForm,
  submitSolution,
  WELDING_SUMMARY,
} from '../../functions/test/support/contest';
import { stackWechat } from '../../functions/test/support/fake-wechat-control';
import { eventually } from '../../functions/test/support/stack-env';
import { recordFigure } from './figures';
import { inParallel } from './support/in-parallel';
import { seededRandom } from '../../scripts/lib/seeded-random';

const SECTION = 'confidentiality';
const CONCURRENCY = 6;

// ---- the seeded randomness ----

const SEED = Number(process.env.RELIABILITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const rng = seededRandom(SEED);
const chance = (p: number) => rng() < p;
const between = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
const sample = <T>(items: readonly T[], n: number): T[] => shuffled(items).slice(0, n);

// ---- markers: all the same length, so none can hide inside another ----

/** This run's prefix: a marker can only come from this run's workload. */
const RUN = `${Date.now().toString(36).slice(-4)}${SEED.toString(36).padStart(6, '0').slice(-4)}`;
let markerCount = 0;
const usedPhones = new Set<string>();
/** A Latin word found nowhere else: two letters for its kind, the run, a sequence number. */
function marker(kind: string): string {
  markerCount += 1;
  return `${kind.slice(0, 2)}${RUN}${String(markerCount).padStart(4, '0')}`.toLowerCase();
}
function phone(prefix: '139' | '0512-6'): string {
  for (;;) {
    const digits = Array.from({ length: prefix === '139' ? 8 : 7 }, () => between(0, 9)).join('');
    const value = `${prefix}${digits}`;
    if (!usedPhones.has(value)) {
      usedPhones.add(value);
      return value;
    }
  }
}
/** A phone number written the way people do in free text: 139 1234 5678, 0512-6123 4567. */
const spaced = (p: string) => p.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3').replace(/^(0512-\d{4})(\d{4})$/, '$1 $2');

// ---- the workload's plan ----

interface Topic {
  title: string;
  field: IndustryField;
  /** A word of the description that a subscription can follow. */
  keyword: string;
  description: string;
}

const TOPICS: Topic[] = [
  {
    title: '陶瓷基复合材料涂层',
    field: 'new_materials',
    keyword: '热障涂层',
    description:
      '需要开发耐1300摄氏度的热障涂层，用于燃气轮机叶片，要求热循环寿命不低于1000次，涂层结合强度不低于30兆帕，并提供中试工艺方案。',
  },
  {
    title: '钠离子电池正极材料',
    field: 'new_energy',
    keyword: '钠离子电池',
    description:
      '寻求钠离子电池层状氧化物正极材料的量产工艺，克容量不低于140毫安时每克，循环2000次容量保持率大于85%，成本低于磷酸铁锂。',
  },
  {
    title: '产线视觉缺陷检测',
    field: 'ai',
    keyword: '缺陷检测',
    description:
      '需要一套面向金属冲压件的视觉缺陷检测系统，漏检率低于0.1%，误检率低于1%，单件检测节拍不超过0.5秒，可接入现有产线控制系统。',
  },
  {
    title: '数控机床热误差补偿',
    field: 'equipment',
    keyword: '热误差补偿',
    description:
      '五轴数控机床在连续加工中主轴温升导致精度漂移，需要热误差补偿模型与实施方案，补偿后定位误差小于5微米，适配国产数控系统。',
  },
  {
    title: '工业数据中台建设',
    field: 'digital_economy',
    keyword: '数据中台',
    description:
      '集团下属12家工厂的设备与质量数据分散，需建设工业数据中台，统一采集协议与数据标准，支持实时看板与质量追溯，日处理数据不少于10亿条。',
  },
  {
    title: '氢燃料电池双极板',
    field: 'new_energy',
    keyword: '双极板',
    description:
      '需要金属双极板的表面改性技术，接触电阻低于10毫欧平方厘米，耐腐蚀电流密度低于1微安每平方厘米，满足车用燃料电池5000小时寿命要求。',
  },
];
const REGIONS = ['江苏省 / 苏州市 / 工业园区', '上海市 / 浦东新区', '浙江省 / 杭州市 / 余杭区', '安徽省 / 合肥市 / 高新区'];
const COOPERATION: DemandComplete['cooperationModes'][] = [
  ['co_develop'],
  ['transfer', 'license'],
  ['co_develop', 'equity'],
  ['joint_venture'],
];

type Fate = 'published' | 'rejected' | 'pending' | 'draft';

interface DemandPlan {
  owner: number;
  topic: Topic;
  fate: Fate;
  anonymous: boolean;
  /** The owner repeats hidden values in public text (description, intro; `title` also in the title). */
  repeats: 'none' | 'text' | 'title';
  close: boolean;
  /** Stays `published` to the end (no close, no intent agreement), so the public list and search still show it. */
  keepOpen: boolean;
  /** Its status after the workload. */
  status: Demand['status'];
  inTrack: boolean;
  hidden: Record<
    'companyName' | 'contactName' | 'contactPhone' | 'contactTitle' | 'email' | 'brokerName' | 'brokerPhone',
    string | undefined
  >;
  /** The marker of each hidden value (the phone numbers are their own markers). */
  hiddenMarkers: { field: string; value: string; phone: boolean }[];
  titleMarker: string;
  descriptionMarker: string;
  rejectReason?: string;
  rejectMarker?: string;
  form: DemandComplete;
  id: string;
}

interface SolutionPlan {
  challenger: number;
  demand: number;
  first: 'shortlist' | 'decline' | 'none';
  markers: { field: string; value: string; phone: boolean }[];
  declineMarker?: string;
  solution?: Solution;
  status: Solution['status'];
}

const N = { admins: 2, owners: 5, challengers: 8, judges: 4, watchers: 4, wechatWatchers: 2, unrelated: 2 };

function planDemand(owner: number, fate: Fate): DemandPlan {
  const topic = pick(TOPICS);
  const anonymous = chance(0.6);
  const m = { company: marker('co'), contact: marker('cn'), title: marker('ct'), email: marker('em'), broker: marker('bk') };
  const brokered = chance(0.75);
  const hidden = {
    companyName: `${m.company}精密科技有限公司`,
    contactName: `王${m.contact}`,
    contactPhone: phone('139'),
    contactTitle: `研发中心${m.title}主任`,
    email: `${m.email}@example.com`,
    brokerName: brokered ? `李${m.broker}` : undefined,
    brokerPhone: brokered ? phone('0512-6') : undefined,
  };
  const hiddenMarkers = [
    { field: 'companyName', value: m.company, phone: false },
    { field: 'contactName', value: m.contact, phone: false },
    { field: 'contactPhone', value: hidden.contactPhone, phone: true },
    { field: 'contactTitle', value: m.title, phone: false },
    { field: 'email', value: m.email, phone: false },
    ...(brokered
      ? [
          { field: 'brokerName', value: m.broker, phone: false },
          { field: 'brokerPhone', value: hidden.brokerPhone as string, phone: true },
        ]
      : []),
  ];
  const repeats: DemandPlan['repeats'] = anonymous ? pick(['none', 'text', 'title'] as const) : 'none';
  const titleMarker = marker('ti');
  const descriptionMarker = marker('de');
  const repeated =
    repeats === 'none'
      ? ''
      : `欢迎联系${hidden.companyName}${hidden.contactName}，电话${spaced(hidden.contactPhone)}，邮箱${hidden.email}${brokered ? `，或技术经纪人${hidden.brokerName}（${spaced(hidden.brokerPhone as string)}）` : ''}。`;
  const form = completeForm({
    ...Object.fromEntries(Object.entries(hidden).filter(([, v]) => v !== undefined)),
    anonymous,
    title: repeats === 'title' ? `${hidden.companyName}${topic.title}` : `${topic.title}${titleMarker}`,
    description: `${topic.description}项目编号${descriptionMarker}。${repeated}`,
    companyIntro: repeats === 'none' ? '专注高端制造的高新技术企业。' : `${hidden.companyName}是专注高端制造的高新技术企业。`,
    region: pick(REGIONS),
    field: topic.field,
    budgetWan: between(10, 500),
    cooperationModes: pick(COOPERATION),
  });
  if (!brokered) {
    delete form.brokerName;
    delete form.brokerPhone;
  }
  const rejectMarker = fate === 'rejected' ? marker('rj') : undefined;
  return {
    owner,
    topic,
    fate,
    anonymous,
    repeats,
    close: fate === 'published' && chance(0.3),
    keepOpen: false,
    status: fate === 'rejected' ? 'rejected' : fate === 'pending' ? 'pending_review' : fate,
    inTrack: fate === 'published' && chance(0.5),
    hidden,
    hiddenMarkers,
    titleMarker,
    descriptionMarker,
    ...(rejectMarker ? { rejectMarker, rejectReason: `请补充量化指标，审核编号${rejectMarker}` } : {}),
    form,
    id: '',
  };
}

function planWorkload() {
  const perOwner = Array.from({ length: N.owners }, () => between(2, 3));
  const total = perOwner.reduce((a, b) => a + b, 0);
  const fates = shuffled<Fate>(['rejected', 'rejected', 'pending', 'draft', ...Array<Fate>(total - 4).fill('published')]);
  const demands = perOwner
    .flatMap((n, owner) => Array.from({ length: n }, () => owner))
    .map((owner, i) => planDemand(owner, fates[i] as Fate));
  // Every kind of anonymous demand is in every run: one that repeats its hidden values in its title, one in its text.
  const open = demands.filter((d) => d.fate === 'published');
  for (const [d, repeats] of [
    [open[0], 'title'],
    [open[1], 'text'],
    [open[2], 'none'],
  ] as const) {
    if (d && (!d.anonymous || d.repeats !== repeats)) Object.assign(d, planDemandLike(d, repeats));
    if (d) Object.assign(d, { close: false, keepOpen: true });
  }
  const openIndexes = demands.flatMap((d, i) => (d.fate === 'published' ? [i] : []));
  // The demand whose title repeats a hidden value reaches every channel in every run: a solution, a WeChat watcher.
  const titled = demands.indexOf(open[0] as DemandPlan);
  const solutions: SolutionPlan[] = [];
  for (let c = 0; c < N.challengers; c += 1) {
    const chosen = sample(openIndexes, between(1, 3));
    if (c === 0 && !chosen.includes(titled)) chosen[0] = titled;
    for (const demand of chosen) {
      const m = {
        title: marker('st'),
        summary: marker('ss'),
        organisation: marker('so'),
        team: marker('sm'),
        contact: marker('sc'),
      };
      const contactPhone = phone('139');
      const first = pick(['shortlist', 'shortlist', 'decline', 'none'] as const);
      const declineMarker = first === 'decline' ? marker('dr') : undefined;
      solutions.push({
        challenger: c,
        demand,
        first,
        markers: [
          ...Object.entries(m).map(([field, value]) => ({ field, value, phone: false })),
          { field: 'contactPhone', value: contactPhone, phone: true },
        ],
        ...(declineMarker ? { declineMarker } : {}),
        status: 'submitted',
      });
    }
  }
  const watchers = Array.from({ length: N.watchers + N.wechatWatchers }, () => sample(TOPICS, 2).map((t) => t.keyword));
  (watchers[N.watchers] as string[])[0] = (open[0] as DemandPlan).topic.keyword;
  const follows = Array.from({ length: N.watchers + N.challengers }, () => sample(openIndexes, between(1, 4)));
  return { demands, solutions, watchers, follows, broadField: pick(TOPICS).field, titled };
}

/** Re-plans a demand as anonymous with the given repeats (keeping its owner and fate). */
function planDemandLike(d: DemandPlan, repeats: DemandPlan['repeats']): DemandPlan {
  for (;;) {
    const again = planDemand(d.owner, d.fate);
    if (again.anonymous && again.repeats === repeats) return again;
  }
}

// ---- who may see what ----

interface Viewer {
  name: string;
  token?: string;
  id?: string;
  role: UserRole | 'anonymous';
}

interface Secret {
  value: string;
  phone: boolean;
  /** What kind of value it is, for the report: 'anonymous demand: companyName', 'solution (submitted): title'. */
  kind: string;
  /** Whose it is: 'demand 3', 'solution s_…'. */
  of: string;
  entitled: (viewer: Viewer) => boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Separators people put inside phone numbers (the same the API masks). */
const PHONE_GAP = '[\\s\\-.()（）]*';

/** Finds every secret in a text at once, with each phone number also in its spaced and hyphenated forms. */
class LeakDetector {
  private readonly pattern: RegExp;
  private readonly byText = new Map<string, Secret>();
  private readonly byDigits = new Map<string, Secret>();

  constructor(readonly secrets: Secret[]) {
    const parts: string[] = [];
    for (const s of secrets) {
      if (s.phone) {
        const digits = s.value.replace(/\D/g, '');
        this.byDigits.set(digits, s);
        parts.push([...digits].join(PHONE_GAP));
      } else {
        this.byText.set(s.value.toLowerCase(), s);
        parts.push(escapeRegExp(s.value));
      }
    }
    this.pattern = new RegExp(parts.join('|'), 'giu');
  }

  /** Every secret that occurs in the text. */
  found(text: string): Secret[] {
    const out = new Set<Secret>();
    for (const [match] of text.matchAll(this.pattern)) {
      const secret = this.byText.get(match.toLowerCase()) ?? this.byDigits.get(match.replace(/\D/g, ''));
      if (secret) out.add(secret);
    }
    return [...out];
  }

  /** A little of the text around the secret, for the report. */
  context(text: string, secret: Secret): string {
    const pattern = secret.phone ? [...secret.value.replace(/\D/g, '')].join(PHONE_GAP) : escapeRegExp(secret.value);
    const at = new RegExp(pattern, 'iu').exec(text)?.index ?? 0;
    return text.slice(Math.max(0, at - 60), at + secret.value.length + 20).replace(/\s+/g, ' ');
  }

  /** The secrets in a response that its viewer may not see; what the request itself named is the caller's own. */
  leaks(text: string, viewer: Viewer, requestPath = ''): Secret[] {
    const asked = decodeURIComponent(requestPath).toLowerCase();
    return this.found(text).filter((s) => !s.entitled(viewer) && !asked.includes(s.value.toLowerCase()));
  }
}

// ---- the run ----

interface Person extends Viewer {
  token: string;
  id: string;
}

const asPerson = (name: string, auth: AuthResponse): Person => ({
  name,
  token: auth.token,
  id: auth.user.id,
  role: auth.user.role,
});

const plan = planWorkload();
const people = {
  admins: [] as Person[],
  owners: [] as Person[],
  challengers: [] as Person[],
  judges: [] as Person[],
  watchers: [] as Person[],
  unrelated: [] as Person[],
};
/** The judges of each demand's final (by plan index). */
const judgesOf = new Map<number, Person[]>();
const awardedSolutions = new Set<string>();
const awards: { demand: number; target: 'owner' | 'broker' | 'solution'; winnerName: string }[] = [];
let trackId = '';
let detector: LeakDetector;

function expectOk(what: string, res: Reply, status = 200): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text}`);
}

/** The secrets of the workload and who may see each, as things stand after it. */
function secretsAfterWorkload(): Secret[] {
  const secrets: Secret[] = [];
  const admin = (v: Viewer) => v.role === 'admin';
  plan.demands.forEach((d, i) => {
    const owner = people.owners[d.owner] as Person;
    const ownerOrAdmin = (v: Viewer) => admin(v) || v.id === owner.id;
    const of = `demand ${i}`;
    const kind = d.fate === 'published' ? 'anonymous demand' : `${d.fate} demand`;
    const secret = (value: string, phone: boolean, field: string) =>
      secrets.push({ value, phone, kind: `${kind}: ${field}`, of, entitled: ownerOrAdmin });
    if (d.anonymous || d.fate !== 'published') for (const h of d.hiddenMarkers) secret(h.value, h.phone, h.field);
    if (d.fate !== 'published') {
      secret(d.titleMarker, false, 'title');
      secret(d.descriptionMarker, false, 'description');
      secret(d.id, false, 'id');
    }
    if (d.rejectMarker) secret(d.rejectMarker, false, 'reject reason');
  });
  for (const s of plan.solutions) {
    const solution = s.solution as Solution;
    const owner = people.owners[(plan.demands[s.demand] as DemandPlan).owner] as Person;
    const submitter = people.challengers[s.challenger] as Person;
    const inFinal = s.status === 'shortlisted' || s.status === 'intent';
    const judges = judgesOf.get(s.demand) ?? [];
    const party = (v: Viewer) => admin(v) || v.id === owner.id || v.id === submitter.id;
    const seesSolution = (v: Viewer) => party(v) || (inFinal && judges.some((j) => j.id === v.id));
    const of = `solution ${solution.id}`;
    const kind = `solution (${s.status})`;
    // An award names the winning team's organisation, and the solution, in public.
    const awarded = awardedSolutions.has(solution.id);
    for (const m of s.markers) {
      secrets.push({
        value: m.value,
        phone: m.phone,
        kind: `${kind}: ${m.field}`,
        of,
        entitled: awarded && m.field === 'organisation' ? () => true : seesSolution,
      });
    }
    secrets.push({ value: solution.id, phone: false, kind: `${kind}: id`, of, entitled: awarded ? () => true : seesSolution });
    if (s.declineMarker)
      secrets.push({ value: s.declineMarker, phone: false, kind: `${kind}: decline reason`, of, entitled: party });
  }
  return secrets;
}

async function runWorkload(): Promise<void> {
  const logins = (n: number, role: UserRole, name: string) =>
    Promise.all(Array.from({ length: n }, (_, i) => login(role).then((a) => asPerson(`${name} ${i}`, a))));
  [people.admins, people.owners, people.challengers, people.judges, people.watchers, people.unrelated] = await Promise.all([
    logins(N.admins, 'admin', 'admin'),
    logins(N.owners, 'user', 'owner'),
    logins(N.challengers, 'user', 'challenger'),
    logins(N.judges, 'judge', 'judge'),
    logins(N.watchers, 'user', 'watcher'),
    logins(N.unrelated, 'user', 'unrelated user'),
  ]);
  // Watchers on WeChat, who accept subscribe messages, so that alerts go out as pushes too.
  const newMatchTemplate = (JSON.parse(process.env.STACK_FUNCTION_ENV as string) as Record<string, string>)
    .WECHAT_TEMPLATE_NEW_MATCH as string;
  for (let i = 0; i < N.wechatWatchers; i += 1) {
    const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${RUN}w${i}-1` } });
    expectOk('wechat login', res);
    const watcher = asPerson(`WeChat watcher ${i}`, res.body);
    for (let k = 0; k < 10; k += 1) {
      expectOk(
        'quota',
        await call('POST', '/me/subscribe-quota', { token: watcher.token, json: { results: { [newMatchTemplate]: 'accept' } } }),
      );
    }
    people.watchers.push(watcher);
  }
  const [admin, organiser] = people.admins as [Person, Person];

  // Saved searches before anything is published, so the matcher has something to find.
  await inParallel(plan.watchers, CONCURRENCY, async (keywords, w) => {
    const token = (people.watchers[w] as Person).token;
    for (const keyword of keywords)
      expectOk('subscribe', await call('POST', '/me/subscriptions', { token, json: { keywords: [keyword] } }), 201);
  });
  expectOk(
    'broad subscription',
    await call('POST', '/me/subscriptions', { token: (people.watchers[0] as Person).token, json: { fields: [plan.broadField] } }),
    201,
  );

  // Demands: drafted, submitted, then published or rejected.
  await inParallel(plan.demands, CONCURRENCY, async (d) => {
    const token = (people.owners[d.owner] as Person).token;
    d.id = (await createDraft(token, d.form)).id;
    if (d.fate === 'draft') return;
    expectOk('submit', await call('POST', `/demands/${d.id}/submit`, { token }));
    if (d.fate === 'pending') return;
    const decision = d.fate === 'published' ? { decision: 'approve' } : { decision: 'reject', reason: d.rejectReason };
    expectOk('review', await call('POST', `/admin/demands/${d.id}/review`, { token: admin.token, json: decision }));
  });
  const track = await createTrack(organiser.token);
  trackId = track.id;
  await inParallel(
    plan.demands.filter((d) => d.inTrack),
    CONCURRENCY,
    async (d) => {
      expectOk('track', await call('PUT', `/admin/demands/${d.id}/track`, { token: organiser.token, json: { trackId } }));
    },
  );

  // Follows, by watchers and challengers.
  const followers = [...people.watchers.slice(0, N.watchers), ...people.challengers];
  await inParallel(plan.follows, CONCURRENCY, async (demands, f) => {
    for (const i of demands)
      expectOk(
        'follow',
        await call('PUT', `/demands/${(plan.demands[i] as DemandPlan).id}/follow`, { token: (followers[f] as Person).token }),
      );
  });

  // 揭榜, then the owners' first decisions.
  await inParallel(plan.solutions, CONCURRENCY, async (s) => {
    const [title, summary, organisation, team, contact, contactPhone] = s.markers.map((m) => m.value);
    const form = solutionForm({
      title: `${title}技术方案`,
      summary: `${WELDING_SUMMARY}内部代号${summary}。`,
      organisation: `${organisation}研究院`,
      team: `${team}课题组`,
      contactName: `张${contact}`,
      contactPhone: contactPhone as string,
    });
    s.solution = await submitSolution(
      (people.challengers[s.challenger] as Person).token,
      (plan.demands[s.demand] as DemandPlan).id,
      form,
    );
    const owner = (people.owners[(plan.demands[s.demand] as DemandPlan).owner] as Person).token;
    if (s.first === 'shortlist') s.status = (await decide(owner, s.solution.id, 'shortlist')).status;
    if (s.first === 'decline')
      s.status = (await decide(owner, s.solution.id, 'decline', `与我方产线不匹配，评审意见${s.declineMarker}`)).status;
  });

  // Finals: two judges per demand with a shortlist; each scores every shortlisted solution.
  const finals = [...new Set(plan.solutions.filter((s) => s.status === 'shortlisted').map((s) => s.demand))];
  const finalPlans = finals.map((demand) => ({
    demand,
    judges: sample(people.judges, 2),
    scores: Array.from({ length: 2 * plan.solutions.length }, () => ({
      completeness: between(50, 100),
      feasibility: between(50, 100),
      fit: between(50, 100),
    })),
    intent: chance(0.35),
    lateDecline: chance(0.3),
  }));
  await inParallel(finalPlans, CONCURRENCY, async ({ demand, judges, scores }) => {
    judgesOf.set(demand, judges);
    await assignJudges(
      organiser.token,
      (plan.demands[demand] as DemandPlan).id,
      judges.map((j) => j.id),
    );
    const shortlisted = plan.solutions.filter((x) => x.demand === demand && x.status === 'shortlisted');
    for (const [k, s] of shortlisted.entries()) {
      for (const [n, j] of judges.entries())
        await putScore(j.token, (s.solution as Solution).id, scores[2 * k + n] as ScoreRequest);
    }
  });
  // After scoring: an intent agreement on some finals, a late decline on others (the judges lose sight of it).
  for (const f of finalPlans) {
    const shortlisted = plan.solutions.filter((s) => s.demand === f.demand && s.status === 'shortlisted');
    const owner = (people.owners[(plan.demands[f.demand] as DemandPlan).owner] as Person).token;
    const demand = plan.demands[f.demand] as DemandPlan;
    if (f.intent && shortlisted[0] && !demand.keepOpen) {
      shortlisted[0].status = (await decide(owner, (shortlisted[0].solution as Solution).id, 'intent')).status;
      demand.status = 'matched';
    }
    const last = shortlisted[shortlisted.length - 1];
    if (f.lateDecline && last && last.status === 'shortlisted') {
      last.declineMarker = marker('dr');
      last.status = (
        await decide(owner, (last.solution as Solution).id, 'decline', `评审后婉拒，意见${last.declineMarker}`)
      ).status;
    }
  }

  // Awards: each anonymous published demand's owner (匿名企业) and broker (技术经纪人), and one solution's team.
  for (const [i, d] of plan.demands.entries()) {
    if (d.fate !== 'published' || !d.anonymous) continue;
    const targets: ('owner' | 'broker')[] = d.hidden.brokerName ? ['owner', 'broker'] : ['owner'];
    for (const target of targets) {
      const res = await call<{ winnerName: string }>('POST', '/admin/awards', {
        token: organiser.token,
        json: { demandId: d.id, kind: target === 'owner' ? 'best_open_enterprise' : 'broker_craftsman', target, year: 2025 },
      });
      expectOk('award', res, 201);
      awards.push({ demand: i, target, winnerName: res.body.winnerName });
    }
  }
  const winner = pick(plan.solutions.filter((s) => s.demand === plan.titled));
  const res = await call('POST', '/admin/awards', {
    token: organiser.token,
    json: {
      demandId: (plan.demands[winner.demand] as DemandPlan).id,
      kind: 'best_solution',
      target: 'solution',
      solutionId: (winner.solution as Solution).id,
      year: 2025,
    },
  });
  expectOk('solution award', res, 201);
  awardedSolutions.add((winner.solution as Solution).id);
  awards.push({ demand: winner.demand, target: 'solution', winnerName: (res.body as { winnerName: string }).winnerName });

  // Some demands close: their followers are told.
  await inParallel(
    plan.demands.filter((d) => d.close),
    CONCURRENCY,
    async (d) => {
      expectOk('close', await call('POST', `/demands/${d.id}/close`, { token: (people.owners[d.owner] as Person).token }));
      d.status = 'closed';
    },
  );

  await alertsDelivered(followers);
}

/** Waits until every alert the workload implies is in its inbox (the matcher and the follower alerts run off streams). */
async function alertsDelivered(followers: Person[]): Promise<void> {
  const expected: { person: Person; demandId: string; reason: Notification['reason'] }[] = [];
  plan.watchers.forEach((keywords, w) => {
    for (const d of plan.demands) {
      if (d.fate === 'published' && keywords.includes(d.topic.keyword))
        expected.push({ person: people.watchers[w] as Person, demandId: d.id, reason: 'new_match' });
    }
  });
  plan.follows.forEach((demands, f) => {
    for (const i of demands) {
      const d = plan.demands[i] as DemandPlan;
      if (d.close) expected.push({ person: followers[f] as Person, demandId: d.id, reason: 'status_closed' });
    }
  });
  await eventually(
    "the workload's alerts in every inbox",
    async () => {
      for (const e of expected) {
        const items = await allPages<Notification>(e.person.token, '/me/notifications');
        if (!items.some((n) => n.demandId === e.demandId && n.reason === e.reason)) return undefined;
      }
      return true;
    },
    90_000,
  );
  // And the pushes those alerts owe have gone out (or ended) for the WeChat watchers.
  await eventually(
    "the WeChat watchers' pushes",
    async () => {
      for (const w of people.watchers.slice(N.watchers)) {
        const items = await allPages<Notification>(w.token, '/me/notifications');
        if (items.some((n) => n.push === 'pending')) return undefined;
      }
      return true;
    },
    60_000,
  );
}

async function allPages<T>(token: string | undefined, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Reply<{ items: T[]; nextCursor: string | null }> = await call(
      'GET',
      cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path,
      { token },
    );
    expectOk(path, page);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

// ---- the crawl ----

interface Leak {
  viewer: string;
  path: string;
  secret: Secret;
  context: string;
}

const crawled = { responses: 0, bytes: 0, checks: 0 };
const leaks: Leak[] = [];

/** Reads one response as the viewer and checks it; returns it for the caller to follow (pages, items). */
async function read(viewer: Viewer, path: string): Promise<Reply> {
  const res = await call('GET', path, { token: viewer.token });
  if (res.status >= 500) throw new Error(`GET ${path} as ${viewer.name}: ${res.status} ${res.text}`);
  crawled.responses += 1;
  crawled.bytes += Buffer.byteLength(res.text);
  crawled.checks += detector.secrets.length;
  for (const secret of detector.leaks(res.text, viewer, path))
    leaks.push({ viewer: viewer.name, path, secret, context: detector.context(res.text, secret) });
  return res;
}

/** Every page of a paged route, each read and checked. */
async function readPages(viewer: Viewer, path: string): Promise<void> {
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: Reply = await read(viewer, cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    cursor = res.status === 200 ? ((res.body as { nextCursor?: string | null }).nextCursor ?? null) : null;
  } while (cursor);
}

/** Leaks grouped by route, kind of viewer and kind of value, with how many and of how many distinct values. */
function leakSummary(): string[] {
  const ids = new Map<string, string>([
    ...plan.demands.map((d): [string, string] => [d.id, '{id}']),
    ...plan.solutions.map((s): [string, string] => [(s.solution as Solution).id, '{id}']),
  ]);
  const routeOf = (path: string) =>
    path
      .split('/')
      .map((part) => ids.get(part.split('?')[0] as string) ?? part)
      .join('/')
      .replace(/q=[^&]+/, 'q={value}')
      .replace(/cursor=[^&]+/, 'cursor={cursor}');
  const groups = new Map<string, { leaks: number; values: Set<string> }>();
  for (const l of leaks) {
    const key = `${routeOf(l.path)} as ${l.viewer.replace(/ \d+$/, '')}: ${l.secret.kind}`;
    const g = groups.get(key) ?? { leaks: 0, values: new Set<string>() };
    g.leaks += 1;
    g.values.add(l.secret.value);
    groups.set(key, g);
  }
  return [...groups.entries()].map(([key, g]) => `${key} (${g.leaks} responses, ${g.values.size} values)`).sort();
}

/** One leak of each route and kind, with the text around it. */
function leakExamples(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of leaks) {
    const key = `${l.path.split('?')[0]?.replace(/\/[^/]{20,}/g, '/{id}')} ${l.secret.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`  ${l.viewer} ← ${l.path}: ${l.secret.kind} of ${l.secret.of}: …${l.context}…`);
  }
  return out.slice(0, 20);
}

const ANONYMOUS: Viewer = { name: 'anonymous', role: 'anonymous' };

function viewersToCrawl(): Viewer[] {
  return [ANONYMOUS, ...people.owners, ...people.challengers, ...people.judges, ...people.watchers, ...people.unrelated];
}

/** Everything one viewer can ask about the workload: each demand, its solutions and ranking, each solution, their own lists. */
function pathsFor(viewer: Viewer): string[] {
  const demands = plan.demands.map((d) => d.id);
  if (!viewer.token) return demands.map((id) => `/demands/${id}`);
  return [
    ...demands.flatMap((id) => [`/demands/${id}`, `/demands/${id}/solutions?sort=fit`, `/demands/${id}/ranking`]),
    ...plan.solutions.map((s) => `/solutions/${(s.solution as Solution).id}`),
    '/me/notifications/unread-count',
    '/me/solutions',
    '/me/awards',
    '/me/judging',
    '/me/subscriptions',
  ];
}
const PAGED_MINE = ['/me/notifications', '/me/demands', '/me/follows'];

/** The public list: every page, with each filter the workload's demands use, and each marker as the query. */
function publicListPaths(): { pages: string[]; single: string[] } {
  const published = plan.demands.filter((d) => d.fate === 'published');
  const filters = new Set<string>(['/demands?limit=50', `/demands?limit=50&track=${trackId}`]);
  for (const d of published) {
    filters.add(`/demands?limit=50&field=${d.form.field}`);
    filters.add(`/demands?limit=50&region=${encodeURIComponent(d.form.region.split(' / ')[0] as string)}`);
    filters.add(`/demands?limit=50&region=${encodeURIComponent(d.form.region.split(' / ')[1] as string)}`);
    for (const mode of d.form.cooperationModes) filters.add(`/demands?limit=50&cooperation=${mode}`);
  }
  filters.add(`/demands?limit=50&minBudgetWan=${Math.min(...published.map((d) => d.form.budgetWan))}`);
  const queries = [...new Set([...detector.secrets.map((s) => s.value), ...published.map((d) => d.titleMarker)])];
  const single = [...queries.map((q) => `/demands?limit=50&q=${encodeURIComponent(q)}`), '/tracks', '/stats'];
  return { pages: [...filters], single };
}

describe('confidentiality after a randomized workload', () => {
  beforeAll(async () => {
    process.stdout.write(`confidentiality workload seed: ${SEED} (RELIABILITY_SEED=${SEED} replays it)\n`);
    await runWorkload();
    detector = new LeakDetector(secretsAfterWorkload());
  }, 300_000);

  it('the check catches a leak: every hidden value is there in the views of those entitled to it', async () => {
    const owners = people.owners;
    const expected = new Set<Secret>();
    const found = new Set<Secret>();
    const anyone = detector.secrets;
    const bySubstring = (text: string, values: string[]) => values.filter((v) => text.toLowerCase().includes(v.toLowerCase()));
    for (const d of plan.demands) {
      const owner = owners[d.owner] as Person;
      const res = await call('GET', `/demands/${d.id}`, { token: owner.token });
      expectOk('owner detail', res);
      // (What anyone may see, such as an awarded team's name, is no secret.)
      const mine = anyone.filter(
        (s) => (d.hiddenMarkers.some((h) => h.value === s.value) || s.value === d.rejectMarker) && !s.entitled(ANONYMOUS),
      );
      mine.forEach((s) => expected.add(s));
      // Taken as a response to the public, the owner's own view is a leak of each of them.
      detector.leaks(res.text, ANONYMOUS).forEach((s) => found.add(s));
      expect(
        bySubstring(
          res.text,
          d.hiddenMarkers.filter((h) => !h.phone).map((h) => h.value),
        ),
      ).toHaveLength(d.hiddenMarkers.filter((h) => !h.phone).length);
      const list = await call('GET', `/demands/${d.id}/solutions`, { token: owner.token });
      if (list.status === 200) {
        const theirs = plan.solutions.filter((s) => plan.demands[s.demand] === d);
        const values = new Set(
          theirs.flatMap((s) => [...s.markers.map((m) => m.value), ...(s.declineMarker ? [s.declineMarker] : [])]),
        );
        anyone.filter((s) => values.has(s.value) && !s.entitled(ANONYMOUS)).forEach((s) => expected.add(s));
        detector.leaks(list.text, ANONYMOUS).forEach((s) => found.add(s));
      }
    }
    const missing = [...expected].filter((s) => !found.has(s)).map((s) => `${s.of} ${s.kind}`);
    recordFigure({
      section: SECTION,
      name: "control: hidden values caught in their owners' own views, read as the public's",
      value: `${expected.size - missing.length} of ${expected.size}`,
      target: 'all',
      pass: missing.length === 0 && expected.size > 0,
    });
    expect(missing).toEqual([]);
    expect(expected.size).toBeGreaterThan(50);
  }, 120_000);

  it('shows no hidden value to anyone not entitled to it, in any public or other-user response', async () => {
    const { pages, single } = publicListPaths();
    await inParallel(pages, CONCURRENCY, (path) => readPages(ANONYMOUS, path));
    await inParallel(single, CONCURRENCY, (path) => read(ANONYMOUS, path));
    const jobs = viewersToCrawl().flatMap((v) => [
      ...pathsFor(v).map((path) => () => read(v, path).then(() => undefined)),
      ...(v.token ? PAGED_MINE.map((path) => () => readPages(v, path)) : []),
    ]);
    await inParallel(jobs, CONCURRENCY, (job) => job());

    // WeChat pushes reach other people too: none of them is entitled to a hidden value (owners log in with dev login).
    const sent = await stackWechat().sent();
    const pushViewer: Viewer = { name: 'a WeChat push', role: 'user', id: '(push recipient)' };
    for (const message of sent) {
      const text = JSON.stringify(message);
      crawled.responses += 1;
      crawled.bytes += Buffer.byteLength(text);
      crawled.checks += detector.secrets.length;
      for (const secret of detector.leaks(text, pushViewer))
        leaks.push({
          viewer: pushViewer.name,
          path: 'POST /cgi-bin/message/subscribe/send',
          secret,
          context: detector.context(text, secret),
        });
    }

    const summary = leakSummary();
    process.stdout.write(
      `confidentiality crawl (seed ${SEED}): ${crawled.responses} responses, ${crawled.bytes} bytes, ${detector.secrets.length} hidden values, ` +
        `${sent.length} WeChat pushes, ${leaks.length} leaks${
          summary.length
            ? `:\n${summary
                .slice(0, 60)
                .map((l) => `  ${l}`)
                .join('\n')}`
            : ''
        }\n` +
        (leaks.length ? `for example:\n${leakExamples().join('\n')}\n` : ''),
    );
    recordFigure({ section: SECTION, name: 'responses crawled (incl. WeChat pushes)', value: crawled.responses });
    recordFigure({ section: SECTION, name: 'bytes crawled', value: crawled.bytes });
    recordFigure({ section: SECTION, name: 'hidden values checked', value: detector.secrets.length });
    recordFigure({ section: SECTION, name: 'value × response checks', value: crawled.checks });
    recordFigure({ section: SECTION, name: 'leaks', value: leaks.length, target: '0', pass: leaks.length === 0 });
    expect(crawled.responses).toBeGreaterThan(1000);
    expect(summary).toEqual([]);
  }, 300_000);

  it('shows the public 匿名企业 and 技术经纪人 for the owner and broker awards of an anonymous demand', async () => {
    const named = awards.filter((a) => a.target !== 'solution');
    expect(named.length).toBeGreaterThan(0);
    for (const a of named) {
      expect({ target: a.target, winnerName: a.winnerName }).toEqual({
        target: a.target,
        winnerName: a.target === 'owner' ? '匿名企业' : '技术经纪人',
      });
      const detail = await call<DemandDetailResponse>('GET', `/demands/${(plan.demands[a.demand] as DemandPlan).id}`);
      expect(detail.body.awards.map((x) => x.winnerName)).toContain(a.winnerName);
    }
  });

  it('does not find an anonymous demand by searching for one of its hidden values', async () => {
    const hits: string[] = [];
    let asked = 0;
    for (const [i, d] of plan.demands.entries()) {
      // The list and the search show published demands only.
      if (d.status !== 'published' || !d.anonymous) continue;
      for (const h of d.hiddenMarkers) {
        const found = await allPages<{ id: string }>(undefined, `/demands?limit=50&q=${encodeURIComponent(h.value)}`);
        asked += 1;
        if (found.some((x) => x.id === d.id)) hits.push(`demand ${i} (repeats: ${d.repeats}) found by its ${h.field}`);
      }
    }
    expect(
      plan.demands.filter((d) => d.status === 'published' && d.anonymous && d.repeats !== 'none').length,
    ).toBeGreaterThanOrEqual(2);
    process.stdout.write(
      `search by hidden value: ${asked} queries, ${hits.length} found their anonymous demand${hits.length ? `:\n${hits.map((h) => `  ${h}`).join('\n')}` : ''}\n`,
    );
    recordFigure({
      section: SECTION,
      name: 'anonymous demands found by searching a hidden value',
      value: `${hits.length} of ${asked} queries`,
      target: '0',
      pass: hits.length === 0,
    });
    expect(hits).toEqual([]);
  }, 120_000);
});
