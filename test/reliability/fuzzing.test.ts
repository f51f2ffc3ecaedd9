// Bad input: property-based fuzzing of every write route of infra/functions.cjs with fast-check. Each route
// gets hundreds of malformed or hostile requests, most of them its valid body with one field changed (wrong types,
// sizes over each maximum and around the 64 KB limit, unicode edge cases, script in text, numbers as text, 1e309,
// deep nesting), the rest prototype keys, bodies that are not JSON objects, bad ids in the path and odd headers.
// The properties, for every answer:
// - never a 5xx;
// - a 4xx carries a known error.code with its status and a Chinese message; REQUEST.VALIDATION of a JSON object names
//   at least one field, each with a Chinese message. Whole-body errors carry a message instead of fields:
//   REQUEST.INVALID_JSON, REQUEST.TOO_LARGE, REQUEST.NOT_FOUND, and REQUEST.VALIDATION of a body that is not an object;
// - the answer is the one the shared schema gives (the input contract of functions/src/http/route.ts, in
//   support/payloads.ts): a payload the schema refuses is refused with that code, one it accepts is not;
// - nothing is stored from a refused request: the counts and items each route could change, read from DynamoDB, moved
//   only by the requests that were accepted (payloads that are valid by chance, counted apart).
// FUZZ_SEED=<n> replays a run; FUZZ_SCALE=<x> multiplies the number of payloads.
import { isDeepStrictEqual } from 'node:util';
import { GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import {
  ACHIEVEMENT_LIMITS,
  AWARD_KINDS,
  AWARD_TARGETS,
  COOPERATION_MODES,
  DEMAND_LIMITS,
  ERRORS,
  INDUSTRY_FIELDS,
  SALES_BANDS,
  SOLUTION_DECISIONS,
  SOLUTION_LIMITS,
  SUBSCRIBE_RESULTS,
  SUBSCRIPTION_LIMITS,
  TRACK_KINDS,
  USER_ROLES,
  HOLDER_TYPES,
  INVITATION_MESSAGE_MAX,
  TRL_MAX,
  TRL_MIN,
  validateAchievementDraft,
  validateInvitation,
  validateInvitationRespond,
  validateSuggestField,
  validateAssignJudges,
  validateAssignTrack,
  validateAward,
  validateDecision,
  validateDemandDraft,
  validateDevLogin,
  validateAlertFeedback,
  validateMarkRead,
  validateReview,
  validateScore,
  validateSolutionForm,
  validateSubscribeQuota,
  validateSubscription,
  validateTrack,
  validateWechatLogin,
  type ErrorCode,
  type Validated,
} from '@cic/shared';
import { functions } from '../../infra/functions.cjs';
import { createDocumentClient } from '../../functions/src/db/client';
import { tableNames, type TableNames } from '../../functions/src/db/table-names';
import { achievementForm, achievementIn, call, completeForm, demandIn, login } from '../../functions/test/support/api';
import { assignJudges, createTrack, decide, solutionForm, submitSolution } from '../../functions/test/support/contest';
import { fakeOpenid } from '../../scripts/fake-wechat/server';
import { LOCAL_WECHAT } from '../../scripts/lib/stack';
import { recordFigure } from './figures';
import { inParallel } from './support/in-parallel';
import {
  preview,
  variantArb,
  verdictOf,
  type Body,
  type BodyBytes,
  type FieldSpec,
  type Variant,
  type Verdict,
} from './support/payloads';

const SECTION = 'bad input';
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const CONCURRENCY = 6;
const TAG = `fz${Date.now().toString(36).slice(-6)}`;

/** Every POST, PUT and DELETE route, exactly as infra/functions.cjs names it. */
const writeRoutes = () =>
  Object.values(functions)
    .flatMap((f) => (f.http && /^(POST|PUT|DELETE) /.test(f.http) ? [f.http] : []))
    .sort();

// ── The world the routes act on: one target per route, so that each route's effects can be told apart ───────────────

interface World {
  token: Record<
    | 'owner'
    | 'admin'
    | 'judge'
    | 'editor'
    | 'decided'
    | 'scored'
    | 'challenger'
    | 'subscriber'
    | 'unsubscriber'
    | 'quota'
    | 'follower',
    string
  >;
  id: {
    owner: string;
    judge: string;
    challenger: string;
    subscriber: string;
    unsubscriber: string;
    quota: string;
    follower: string;
    scored: string;
  };
  demand: Record<
    | 'draft'
    | 'incomplete'
    | 'closable'
    | 'pending'
    | 'follow'
    | 'unfollow'
    | 'open'
    | 'edit'
    | 'decide'
    | 'score'
    | 'judges'
    | 'final'
    | 'track'
    | 'award'
    | 'invite',
    string
  >;
  solution: { edit: string; decide: string; score: string };
  /** The owner's 成果 in each state a route acts on, and the challenger's published one (invited, then answering). */
  achievement: Record<'draft' | 'incomplete' | 'closable' | 'pending' | 'invited', string>;
  /** An open invitation of the owner's `invite` demand to the challenger's 成果. */
  invitation: string;
  subscription: string;
  track: string;
  templates: [string, string];
}

/** The owner's 成果 as a draft, an incomplete draft, a closable draft and one under review; the challenger's published one. */
async function achievementsOf(owner: string, challenger: string, admin: string): Promise<World['achievement']> {
  const [draft, incomplete, closable, pending, invited] = await Promise.all([
    achievementIn('draft', owner),
    achievementIn('draft', owner, admin, { title: '尚未填完的成果草稿' }),
    achievementIn('draft', owner),
    achievementIn('pending', owner),
    achievementIn('published', challenger, admin, achievementForm({ title: `模糊测试受邀成果${TAG}` })),
  ]);
  return { draft: draft.id, incomplete: incomplete.id, closable: closable.id, pending: pending.id, invited: invited.id };
}

async function buildWorld(): Promise<World> {
  const names = [
    'owner',
    'admin',
    'judge',
    'editor',
    'decided',
    'scored',
    'challenger',
    'subscriber',
    'unsubscriber',
    'quota',
    'follower',
  ] as const;
  const roleOf = (n: (typeof names)[number]) => (n === 'admin' || n === 'judge' ? n : 'user');
  const sessions = await Promise.all(names.map((n) => login(roleOf(n), `${TAG}${n}`)));
  const token = Object.fromEntries(names.map((n, i) => [n, sessions[i]!.token])) as World['token'];
  const userId = Object.fromEntries(names.map((n, i) => [n, sessions[i]!.user.id])) as Record<(typeof names)[number], string>;
  const { owner, admin } = token;

  const publishedKeys = [
    'follow',
    'unfollow',
    'open',
    'edit',
    'decide',
    'score',
    'judges',
    'final',
    'track',
    'award',
    'invite',
  ] as const;
  const [draft, incomplete, closable, pending, ...pub] = await Promise.all([
    demandIn('draft', owner),
    demandIn('draft', owner, admin, { title: '尚未填完的需求草稿' }),
    demandIn('draft', owner),
    demandIn('pending', owner),
    ...publishedKeys.map((k) => demandIn('published', owner, admin, completeForm({ title: `模糊测试${k}需求${TAG}` }))),
  ]);
  const demand = {
    draft: draft.id,
    incomplete: incomplete.id,
    closable: closable.id,
    pending: pending.id,
    ...Object.fromEntries(publishedKeys.map((k, i) => [k, pub[i]!.id])),
  } as World['demand'];

  const [edit, decided, scored] = await Promise.all([
    submitSolution(token.editor, demand.edit),
    submitSolution(token.decided, demand.decide),
    submitSolution(token.scored, demand.score),
  ]);
  await decide(owner, scored.id, 'shortlist');
  await Promise.all(['score', 'judges', 'final'].map((k) => assignJudges(admin, demand[k as 'score'], [userId.judge])));
  const follow = await call('PUT', `/demands/${demand.unfollow}/follow`, { token: token.follower });
  const sub = await call<{ id: string }>('POST', '/me/subscriptions', {
    token: token.unsubscriber,
    json: { keywords: ['钛合金'] },
  });
  const track = await createTrack(admin, { name: `模糊专场${TAG}` });
  const achievement = await achievementsOf(owner, token.challenger, admin);
  const invitation = await call<{ id: string }>('POST', `/demands/${demand.invite}/invitations`, {
    token: owner,
    json: { achievementId: achievement.invited },
  });
  if (invitation.status !== 201) throw new Error(`world: invitation ${invitation.status} ${invitation.text}`);
  if (follow.status !== 200 || sub.status !== 201)
    throw new Error(`world: follow ${follow.status}, subscription ${sub.status} ${sub.text}`);

  const env = JSON.parse(process.env.STACK_FUNCTION_ENV as string) as Record<string, string>;
  return {
    token,
    id: {
      owner: userId.owner,
      judge: userId.judge,
      challenger: userId.challenger,
      subscriber: userId.subscriber,
      unsubscriber: userId.unsubscriber,
      quota: userId.quota,
      follower: userId.follower,
      scored: userId.scored,
    },
    demand,
    solution: { edit: edit.id, decide: decided.id, score: scored.id },
    achievement,
    invitation: invitation.body.id,
    subscription: sub.body.id,
    track: track.id,
    templates: [env.WECHAT_TEMPLATE_NEW_MATCH as string, env.WECHAT_TEMPLATE_STATUS as string],
  };
}

// ── What each route is sent, and what it may change ─────────────────────────────────────────────────────────────

interface Sent {
  route: string;
  /** The request's number within its route: its valid body was made for it. */
  index: number;
  variant: Pick<Variant, 'group' | 'label'>;
  path: string;
  preview: string;
  verdict: Verdict;
  status: number;
  /** The error of a 4xx, as sent. */
  error?: { code?: unknown; message?: unknown; fields?: unknown };
  /** The caller, when each request has a fresh one. */
  callerId?: string;
  noAnswer?: string;
  ms: number;
}

/** Reads what a route could change; the function it returns reads it again and names whatever moved without cause. */
type Watch = () => Promise<(accepted: Sent[]) => Promise<string[]>>;

interface Spec {
  count: number;
  token?: string;
  /** The route's {id} when it is not fuzzed. */
  id?: string;
  body?: { base: (i: number) => Body; fields: Record<string, FieldSpec>; validate: (input: unknown) => Validated<unknown> };
  ifMatch?: true;
  /** DELETE /me, POST /auth/logout: every request ends its caller's account or session, so each gets a new one. */
  freshCaller?: true;
  watch: Watch;
}

const text = (max: number, min?: number): FieldSpec => ({ type: 'text', max, ...(min ? { min } : {}) });
const num = (min: number, max: number, integer?: true): FieldSpec => ({
  type: 'number',
  min,
  max,
  ...(integer ? { integer } : {}),
});
const oneOf = (values: readonly string[]): FieldSpec => ({ type: 'enum', values });

const DEMAND_FIELDS: Record<string, FieldSpec> = {
  companyName: text(DEMAND_LIMITS.companyName.max),
  region: text(DEMAND_LIMITS.region.max),
  contactName: text(DEMAND_LIMITS.contactName.max),
  contactPhone: text(30),
  contactTitle: text(DEMAND_LIMITS.contactTitle.max),
  email: text(DEMAND_LIMITS.email.max),
  companyIntro: text(DEMAND_LIMITS.companyIntro.max),
  salesBand: oneOf(SALES_BANDS),
  title: text(DEMAND_LIMITS.title.max),
  budgetWan: num(DEMAND_LIMITS.budgetWan.min, DEMAND_LIMITS.budgetWan.max),
  field: oneOf(INDUSTRY_FIELDS),
  fieldOther: text(DEMAND_LIMITS.fieldOther.max),
  description: text(DEMAND_LIMITS.description.max),
  cooperationModes: { type: 'list', item: oneOf(COOPERATION_MODES), max: COOPERATION_MODES.length },
  cooperationOther: text(DEMAND_LIMITS.cooperationOther.max),
  brokerName: text(DEMAND_LIMITS.brokerName.max),
  brokerPhone: text(30),
  anonymous: { type: 'bool' },
};

const S = SOLUTION_LIMITS;
const SOLUTION_FIELDS: Record<string, FieldSpec> = {
  title: text(S.title.max, S.title.min),
  summary: text(S.summary.max, S.summary.min),
  organisation: text(S.organisation.max, S.organisation.min),
  team: text(S.team.max, S.team.min),
  contactName: text(S.contactName.max, S.contactName.min),
  contactPhone: text(30),
  costWan: num(S.costWan.min, S.costWan.max),
  months: num(S.months.min, S.months.max, true),
  ndaAccepted: { type: 'true' },
};

const A = ACHIEVEMENT_LIMITS;
const ACHIEVEMENT_FIELDS: Record<string, FieldSpec> = {
  title: text(A.title.max),
  holderName: text(A.holderName.max),
  holderType: oneOf(HOLDER_TYPES),
  field: oneOf(INDUSTRY_FIELDS),
  fieldOther: text(A.fieldOther.max),
  keywords: { type: 'list', item: text(A.keywords.each.max, A.keywords.each.min), max: A.keywords.max },
  summary: text(A.summary.max),
  trl: num(TRL_MIN, TRL_MAX, true),
  cooperationModes: { type: 'list', item: oneOf(COOPERATION_MODES), max: COOPERATION_MODES.length },
  cooperationOther: text(A.cooperationOther.max),
  priceWan: num(0, 1_000_000),
  region: text(A.region.max),
  contactName: text(A.contactName.max),
  contactPhone: text(30),
  email: text(A.email.max),
  anonymous: { type: 'bool' },
};

const K = SUBSCRIPTION_LIMITS;
const SUBSCRIPTION_FIELDS: Record<string, FieldSpec> = {
  keywords: { type: 'list', item: text(K.keywords.maxChars, K.keywords.minChars), max: K.keywords.max },
  fields: { type: 'list', item: oneOf(INDUSTRY_FIELDS), max: K.fields.max },
  regions: { type: 'list', item: text(K.regions.maxChars, 2), max: K.regions.max },
  minBudgetWan: num(0, 1_000_000),
  excludeKeywords: { type: 'list', item: text(K.keywords.maxChars, K.keywords.minChars), max: K.excludeKeywords.max },
  dropTerms: { type: 'list', item: text(K.keywords.maxChars, K.keywords.minChars), max: K.dropTerms.max },
  pushMentioned: { type: 'bool' },
};

const asBody = (value: object): Body => JSON.parse(JSON.stringify(value)) as Body;
const parsedOf = <T>(sent: Sent) => (sent.verdict.kind === 'valid' ? (sent.verdict.value as T) : undefined);

let doc: DynamoDBDocumentClient;
let tables: TableNames;

async function item(table: keyof TableNames, key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  return (await doc.send(new GetCommand({ TableName: tables[table], Key: key, ConsistentRead: true }))).Item;
}

async function query(table: keyof TableNames, key: string, value: string, index?: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new QueryCommand({
        TableName: tables[table],
        ...(index ? { IndexName: index } : { ConsistentRead: true }),
        KeyConditionExpression: '#k = :v',
        ExpressionAttributeNames: { '#k': key },
        ExpressionAttributeValues: { ':v': value },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

async function scanUsers(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: tables.users, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A demand or solution: its version moves by one per accepted request, and not at all if none was accepted. */
const versioned =
  (table: 'demands' | 'solutions' | 'achievements', id: string): Watch =>
  async () => {
    const before = await item(table, { id });
    return async (accepted) => {
      const after = await item(table, { id });
      const moved = Number(after?.version) - Number(before?.version);
      if (moved !== accepted.length)
        return [`${table} ${id}: version moved by ${moved} for ${accepted.length} accepted requests`];
      if (accepted.length === 0 && !isDeepStrictEqual(before, after))
        return [`${table} ${id} changed though every request was refused`];
      return [];
    };
  };

/** A number of items: it moves by one per accepted request (up for a create, down for a delete). */
const counted =
  (what: string, read: () => Promise<number>, sign: 1 | 0 | -1 = 1): Watch =>
  async () => {
    const before = await read();
    return async (accepted) => {
      const after = await read();
      return after - before === sign * accepted.length
        ? []
        : [`${what}: ${before} → ${after} for ${accepted.length} accepted requests`];
    };
  };

/** A follow: it stands after the burst exactly when `stands` says so for the accepted requests, and is counted once. */
const followed =
  (what: string, userId: string, demandId: string, stands: (accepted: number) => boolean): Watch =>
  async () =>
  async (accepted) => {
    const following = (await item('follows', { userId, demandId })) !== undefined;
    const count = Number((await item('demands', { id: demandId }))?.followerCount);
    return following === stands(accepted.length) && count === (following ? 1 : 0)
      ? []
      : [`${what}: following ${following}, ${count} followers, ${accepted.length} accepted`];
  };

/** A track a fuzzed request created: the run's tag is in its name or its description (a payload changes one field). */
const isOfThisRun = (t: Record<string, unknown>) =>
  String(t.name).startsWith(`模糊专场${TAG}`) || String(t.description).includes(`模糊测试${TAG}`);

function specsFor(w: World): Record<string, Spec> {
  const scale = (n: number) => Math.max(1, Math.round(n * SCALE));
  const knownDemands = Object.values(w.demand);
  const demandBody = (i: number) => asBody(completeForm({ title: `模糊测试需求${i}` }));
  const solutionBody = () => asBody(solutionForm());
  const achievementBody = (i: number) => asBody(achievementForm({ title: `模糊测试成果${i}` }));
  const demandDraft = { base: demandBody, fields: DEMAND_FIELDS, validate: validateDemandDraft };
  const achievementDraft = { base: achievementBody, fields: ACHIEVEMENT_FIELDS, validate: validateAchievementDraft };
  /** A route on one listing of the owner's, as `{id}`: its version moves by one per accepted request. */
  const onListing = (table: 'demands' | 'achievements', id: string, count: number): Spec => ({
    count: scale(count),
    token: w.token.owner,
    id,
    watch: versioned(table, id),
  });
  /** Writing a listing of the owner's (a demand or a 成果): created, edited, submitted incomplete, closed. */
  const listingSpecs = (
    table: 'demands' | 'achievements',
    ids: { draft: string; incomplete: string; closable: string },
    counts: { create: number; edit: number },
    body: NonNullable<Spec['body']>,
    what: string,
  ): Record<string, Spec> => ({
    [`POST /${table}`]: {
      count: scale(counts.create),
      token: w.token.owner,
      body,
      watch: counted(`the owner's ${what}`, async () => (await query(table, 'ownerId', w.id.owner, 'byOwner')).length),
    },
    [`PUT /${table}/{id}`]: { ...onListing(table, ids.draft, counts.edit), ifMatch: true, body },
    [`POST /${table}/{id}/submit`]: onListing(table, ids.incomplete, 200),
    [`POST /${table}/{id}/close`]: onListing(table, ids.closable, 200),
  });
  /** The organisers' review of a pending listing: approve, or reject with a reason. */
  const review = (table: 'demands' | 'achievements', id: string, count: number, reason: string): Spec => ({
    ...onListing(table, id, count),
    token: w.token.admin,
    body: {
      base: () => ({ decision: 'reject', reason }),
      fields: { decision: oneOf(['approve', 'reject']), reason: text(500) },
      validate: validateReview,
    },
  });
  return {
    'POST /auth/wechat': {
      count: scale(400),
      body: { base: (i) => ({ code: `${TAG}w${i}` }), fields: { code: text(128, 1) }, validate: validateWechatLogin },
      // A refused request must not even reach WeChat: no user holds the openid of a refused request's code.
      watch: async () => async () => {
        const refused = sentBy('POST /auth/wechat').filter((s) => s.status >= 400);
        const openids = new Set(refused.map((s) => fakeOpenid(LOCAL_WECHAT.appid, `${TAG}w${s.index}`)));
        return (await scanUsers())
          .filter((u) => openids.has(String(u.openid)))
          .map((u) => `user ${String(u.id)} created by a refused WeChat login`);
      },
    },
    'POST /auth/dev': {
      count: scale(450),
      body: {
        base: (i) => ({ nickname: `${TAG}dl${i}`, role: 'user' }),
        fields: { nickname: text(30, 1), role: oneOf(USER_ROLES) },
        validate: validateDevLogin,
      },
      watch: async () => async (accepted) => {
        const made = new Set(accepted.map((s) => parsedOf<{ nickname: string }>(s)?.nickname));
        return (await scanUsers())
          .filter((u) => String(u.nickname).startsWith(`${TAG}dl`) && !made.has(String(u.nickname)))
          .map((u) => `user ${String(u.nickname)} created by a refused dev login`);
      },
    },
    ...listingSpecs('demands', w.demand, { create: 1100, edit: 1000 }, demandDraft, 'demands'),
    'PUT /demands/{id}/follow': {
      count: scale(200),
      token: w.token.follower,
      id: w.demand.follow,
      watch: followed('follow', w.id.follower, w.demand.follow, (accepted) => accepted > 0),
    },
    'DELETE /demands/{id}/follow': {
      count: scale(200),
      token: w.token.follower,
      id: w.demand.unfollow,
      watch: followed('unfollow', w.id.follower, w.demand.unfollow, (accepted) => accepted === 0),
    },
    'DELETE /me': {
      count: scale(40),
      freshCaller: true,
      watch: async () => async () => {
        const sent = sentBy('DELETE /me').filter((s) => s.callerId);
        const exists = await Promise.all(
          sent.map(async (s) => (await item('users', { id: s.callerId as string })) !== undefined),
        );
        return sent.flatMap((s, i) =>
          exists[i] === s.status >= 300 ? [] : [`DELETE /me ${s.status}, account ${exists[i] ? 'kept' : 'gone'}`],
        );
      },
    },
    'POST /auth/logout': {
      count: scale(40),
      freshCaller: true,
      // Each fresh caller has one session: an accepted logout closes it, a refused one leaves it; the account stays.
      watch: async () => async () => {
        const sent = sentBy('POST /auth/logout').filter((s) => s.callerId);
        const users = await Promise.all(sent.map((s) => item('users', { id: s.callerId as string })));
        return sent.flatMap((s, i) => {
          const sessions = Object.keys(users[i]?.sessions ?? {}).length;
          const right = users[i] !== undefined && sessions === (s.status < 300 ? 0 : 1);
          return right ? [] : [`logout ${s.status}: account ${users[i] ? 'kept' : 'gone'}, ${sessions} sessions open`];
        });
      },
    },
    'POST /admin/demands/{id}/review': review('demands', w.demand.pending, 450, '请补充可量化的技术指标'),
    ...listingSpecs('achievements', w.achievement, { create: 600, edit: 600 }, achievementDraft, '成果'),
    'POST /admin/achievements/{id}/review': review('achievements', w.achievement.pending, 300, '请补充成果的关键技术指标'),
    'POST /demands/{id}/invitations': {
      count: scale(300),
      token: w.token.owner,
      // Not the demand of the invitation answered below: a declined invitation may be renewed, which would tie the
      // two routes' effects together. The first valid request invites (201); the rest find it open (409).
      id: w.demand.open,
      body: {
        base: () => ({ achievementId: w.achievement.invited, message: '欢迎揭榜' }),
        fields: { achievementId: text(64, 1), message: text(INVITATION_MESSAGE_MAX) },
        validate: validateInvitation,
      },
      watch: counted(
        "the demand's invitations",
        async () => (await query('invitations', 'demandId', w.demand.open, 'byDemand')).length,
      ),
    },
    'POST /invitations/{id}/respond': {
      count: scale(300),
      token: w.token.challenger,
      id: w.invitation,
      body: {
        base: () => ({ decision: 'decline' }),
        fields: { decision: oneOf(['accept', 'decline']) },
        validate: validateInvitationRespond,
      },
      // Answered at most once: it stays open exactly when nothing was accepted.
      watch: async () => async (accepted) => {
        const status = String((await item('invitations', { id: w.invitation }))?.status);
        return accepted.length <= 1 && (status === 'open') === (accepted.length === 0)
          ? []
          : [`invitation ${w.invitation}: ${status} after ${accepted.length} accepted answers`];
      },
    },
    'POST /suggest/field': {
      count: scale(300),
      body: {
        base: () => ({ title: '钛合金薄板激光焊接', description: '焊缝强度不低于母材的95%，气孔率低于0.1%。' }),
        fields: { title: text(60), description: text(5000) },
        validate: validateSuggestField,
      },
      // Reads a model and writes nothing: what is checked is that every payload gets a coded 4xx or a valid answer.
      watch: async () => async () => [],
    },
    'POST /me/subscriptions': {
      count: scale(700),
      token: w.token.subscriber,
      body: {
        base: () => ({ keywords: ['钛合金', '激光焊接'], fields: ['new_materials'], regions: ['江苏'], minBudgetWan: 50 }),
        fields: SUBSCRIPTION_FIELDS,
        validate: validateSubscription,
      },
      watch: counted(
        "the subscriber's subscriptions",
        async () => (await query('subscriptions', 'userId', w.id.subscriber)).length,
      ),
    },
    'POST /me/subscriptions/preview': {
      count: scale(300),
      // Not the subscriber's own token: POST /me/subscriptions adds to theirs while this runs.
      token: w.token.quota,
      body: {
        base: () => ({ keywords: ['焊接'], excludeKeywords: ['激光'], dropTerms: ['钎焊'], pushMentioned: true }),
        fields: SUBSCRIPTION_FIELDS,
        validate: validateSubscription,
      },
      // A preview stores nothing.
      watch: counted("the previewer's subscriptions", async () => (await query('subscriptions', 'userId', w.id.quota)).length, 0),
    },
    'DELETE /me/subscriptions/{id}': {
      count: scale(200),
      token: w.token.unsubscriber,
      id: w.subscription,
      watch: counted(
        "the unsubscriber's subscriptions",
        async () => (await query('subscriptions', 'userId', w.id.unsubscriber)).length,
        -1,
      ),
    },
    'POST /me/subscribe-quota': {
      count: scale(450),
      token: w.token.quota,
      body: {
        base: () => ({ results: { [w.templates[0]]: 'accept', [w.templates[1]]: 'reject' } }),
        fields: { results: { type: 'map', keys: w.templates, values: SUBSCRIBE_RESULTS, max: 3 } },
        validate: validateSubscribeQuota,
      },
      // Each accepted `accept` adds one send; a `ban` sets it to 0 (then only the sign is checked).
      watch: async () => {
        const read = async () =>
          Object.fromEntries((await query('quotas', 'userId', w.id.quota)).map((q) => [String(q.slot), Number(q.remaining)]));
        const before = await read();
        return async (accepted) => {
          const after = await read();
          const results = accepted.map((s) => parsedOf<{ results: Record<string, string> }>(s)?.results ?? {});
          return w.templates.flatMap((t) => {
            const slot = `tmpl#${t}`;
            if (results.some((r) => r[t] === 'ban')) return (after[slot] ?? 0) >= 0 ? [] : [`quota ${t} below 0`];
            const expected = (before[slot] ?? 0) + results.filter((r) => r[t] === 'accept').length;
            return (after[slot] ?? 0) === expected
              ? []
              : [`quota ${t}: ${before[slot] ?? 0} → ${after[slot] ?? 0}, expected ${expected}`];
          });
        };
      },
    },
    'POST /me/notifications/read': {
      count: scale(450),
      token: w.token.owner,
      body: {
        base: () => ({ ids: ['01FUZZNOTANOTIFICATION0000'] }),
        fields: { ids: { type: 'list', item: text(200, 1), max: 100 }, all: { type: 'true' } },
        validate: validateMarkRead,
      },
      // Only an accepted {all: true}, or an accepted list naming it, may mark one of the owner's notifications read.
      watch: async () => {
        const read = async () =>
          new Map((await query('notifications', 'userId', w.id.owner)).map((n) => [String(n.id), n.readAt]));
        const before = await read();
        return async (accepted) => {
          const after = await read();
          const values = accepted.map((s) => parsedOf<{ all?: true; ids?: string[] }>(s) ?? {});
          return [...before].flatMap(([id, readAt]) =>
            readAt === undefined && after.get(id) !== undefined && !values.some((v) => v.all || v.ids?.includes(id))
              ? [`notification ${id} marked read by a refused request`]
              : [],
          );
        };
      },
    },
    'POST /me/notifications/{id}/feedback': {
      count: scale(300),
      token: w.token.owner,
      // An alert the owner does not have: a valid verdict is 404 NOTIFICATION.NOT_FOUND, and no counter moves.
      id: 'new_match#01FUZZNOTADEMAND000000000',
      body: { base: () => ({ relevant: true }), fields: { relevant: { type: 'bool' } }, validate: validateAlertFeedback },
      watch: counted('the alert-feedback counters', async () => (await query('alertFeedback', 'scope', 'concept')).length, 0),
    },
    'POST /demands/{id}/solutions': {
      count: scale(800),
      token: w.token.challenger,
      id: w.demand.open,
      body: { base: solutionBody, fields: SOLUTION_FIELDS, validate: validateSolutionForm },
      watch: counted(
        "the challenger's solutions",
        async () => (await query('solutions', 'submitterId', w.id.challenger, 'bySubmitter')).length,
      ),
    },
    'PUT /solutions/{id}': {
      count: scale(800),
      token: w.token.editor,
      id: w.solution.edit,
      ifMatch: true,
      body: { base: solutionBody, fields: SOLUTION_FIELDS, validate: validateSolutionForm },
      watch: versioned('solutions', w.solution.edit),
    },
    'POST /solutions/{id}/decision': {
      count: scale(450),
      token: w.token.owner,
      id: w.solution.decide,
      body: {
        base: () => ({ decision: 'shortlist', reason: '方案思路清晰，进入答辩' }),
        fields: { decision: oneOf(SOLUTION_DECISIONS), reason: text(500) },
        validate: validateDecision,
      },
      watch: versioned('solutions', w.solution.decide),
    },
    'POST /admin/demands/{id}/judges': {
      count: scale(500),
      token: w.token.admin,
      id: w.demand.judges,
      body: {
        base: () => ({ judgeIds: [w.id.judge], weights: { completeness: 1, feasibility: 1, fit: 1 } }),
        fields: {
          judgeIds: { type: 'list', item: { type: 'id', known: [w.id.judge, w.id.owner, w.id.challenger] }, max: 15 },
          weights: { type: 'object', fields: { completeness: num(0, 100), feasibility: num(0, 100), fit: num(0, 100) } },
        },
        validate: validateAssignJudges,
      },
      // The final is what one of the accepted requests made it, or what it was.
      watch: async () => {
        const before = await item('finals', { demandId: w.demand.judges, sk: 'final' });
        return async (accepted) => {
          const after = await item('finals', { demandId: w.demand.judges, sk: 'final' });
          const candidates = [before, ...accepted.map((s) => parsedOf<{ judgeIds: string[]; weights?: unknown }>(s))].map(
            (f) => ({
              judgeIds: f?.judgeIds,
              weights: f?.weights ?? before?.weights,
            }),
          );
          const now = { judgeIds: after?.judgeIds, weights: after?.weights };
          if (accepted.length === 0 && !isDeepStrictEqual(before, after))
            return ['the final changed though every request was refused'];
          return candidates.some((c) => isDeepStrictEqual(c, now))
            ? []
            : [`the final holds ${JSON.stringify(now)}, which no accepted request sent`];
        };
      },
    },
    'PUT /solutions/{id}/score': {
      count: scale(500),
      token: w.token.judge,
      id: w.solution.score,
      body: {
        base: () => ({ completeness: 80, feasibility: 70, fit: 90 }),
        fields: { completeness: num(0, 100, true), feasibility: num(0, 100, true), fit: num(0, 100, true) },
        validate: validateScore,
      },
      watch: async () => {
        const key = { demandId: w.demand.score, sk: `score#${w.solution.score}#${w.id.judge}` };
        const pick = (s: Record<string, unknown> | undefined) => (s ? [s.completeness, s.feasibility, s.fit] : undefined);
        const before = pick(await item('finals', key));
        return async (accepted) => {
          const after = pick(await item('finals', key));
          const candidates = [before, ...accepted.map((s) => pick(parsedOf<Record<string, unknown>>(s)))];
          return candidates.some((c) => isDeepStrictEqual(c, after))
            ? []
            : [`score ${JSON.stringify(after)} was sent by no accepted request`];
        };
      },
    },
    'POST /admin/demands/{id}/final/close': {
      count: scale(200),
      token: w.token.admin,
      id: w.demand.final,
      watch: async () => async (accepted) => {
        const closed = (await item('finals', { demandId: w.demand.final, sk: 'final' }))?.closedAt !== undefined;
        return closed === accepted.length > 0 ? [] : [`final closed: ${closed}, ${accepted.length} accepted`];
      },
    },
    'POST /admin/tracks': {
      count: scale(600),
      token: w.token.admin,
      body: {
        base: (i) => ({
          name: `模糊专场${TAG}${i}`,
          kind: 'industry',
          startDate: '2025-03-01',
          endDate: '2025-11-30',
          description: `模糊测试${TAG}`,
        }),
        fields: {
          name: text(40, 2),
          kind: oneOf(TRACK_KINDS),
          startDate: { type: 'date' },
          endDate: { type: 'date' },
          description: text(500),
        },
        validate: validateTrack,
      },
      watch: counted(
        'tracks of this run',
        async () => (await query('tracks', 'scope', 'tracks')).filter((t) => t.id !== w.track && isOfThisRun(t)).length,
      ),
    },
    'PUT /admin/demands/{id}/track': {
      count: scale(400),
      token: w.token.admin,
      id: w.demand.track,
      body: {
        base: () => ({ trackId: w.track }),
        fields: { trackId: { type: 'id', known: [w.track, w.demand.track] } },
        validate: validateAssignTrack,
      },
      watch: versioned('demands', w.demand.track),
    },
    'POST /admin/awards': {
      count: scale(600),
      token: w.token.admin,
      body: {
        base: () => ({
          demandId: w.demand.award,
          kind: 'best_open_enterprise',
          target: 'owner',
          year: 2025,
          note: '开放创新成效显著',
        }),
        fields: {
          demandId: { type: 'id', known: knownDemands },
          kind: oneOf(AWARD_KINDS),
          kindOther: text(30),
          target: oneOf(AWARD_TARGETS),
          solutionId: { type: 'id', known: Object.values(w.solution) },
          year: num(2015, 2100, true),
          note: text(200),
        },
        validate: validateAward,
      },
      watch: counted(
        'awards on the run’s demands',
        async () => (await Promise.all(knownDemands.map((d) => query('awards', 'demandId', d)))).flat().length,
      ),
    },
  };
}

// ── Sending ───────────────────────────────────────────────────────────────────────────────────────────────────────

const sent: Sent[] = [];
const sentBy = (route: string) => sent.filter((s) => s.route === route);

async function send(
  method: string,
  path: string,
  body: BodyBytes,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  // 'NONE': the body goes out with no content type at all (a header given as undefined is not sent).
  const h: Record<string, string | undefined> = { ...headers };
  if (h['content-type'] === 'NONE') h['content-type'] = undefined;
  const res = await call(method, path, { headers: h, ...(body !== undefined ? { raw: body } : {}), timeoutMs: 60_000 });
  return { status: res.status, text: res.text };
}

interface Request {
  route: string;
  spec: Spec;
  variant: Variant;
  index: number;
}

async function run(req: Request): Promise<Sent> {
  const [method, template] = req.route.split(' ') as [string, string];
  const { spec, variant } = req;
  const param = variant.pathParam ?? spec.id;
  const path = param === undefined ? template : template.replace('{id}', encodeURIComponent(param));
  const body = variant.body(spec.body?.base(req.index));
  const ifMatchHeader = spec.ifMatch ? variant.headers?.['if-match'] : undefined;
  const verdict = verdictOf({
    ...(variant.pathParam !== undefined ? { pathParam: variant.pathParam } : {}),
    body,
    ...(spec.body ? { validate: spec.body.validate } : {}),
    ...(ifMatchHeader !== undefined ? { ifMatch: ifMatchHeader } : {}),
  });
  const started = Date.now();
  const base: Omit<Sent, 'status' | 'ms'> = {
    route: req.route,
    index: req.index,
    variant: { group: variant.group, label: variant.label },
    path: path.length > 120 ? `${path.slice(0, 120)}…` : path,
    preview: preview(body),
    verdict,
  };
  try {
    let token = spec.token;
    if (spec.freshCaller) {
      // A person of their own per route and request (two routes end their caller's account or session).
      const fresh = await login('user', `${TAG}x${req.route.replace(/[^a-z]/gi, '').slice(0, 12)}${req.index}`);
      token = fresh.token;
      base.callerId = fresh.user.id;
    }
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...variant.headers };
    const res = await send(method, path, body, headers);
    let error: Sent['error'];
    if (res.status >= 400) {
      try {
        error = (JSON.parse(res.text) as { error?: Sent['error'] }).error ?? {};
      } catch {
        error = { message: res.text.slice(0, 200) };
      }
    }
    return { ...base, status: res.status, ...(error ? { error } : {}), ms: Date.now() - started };
  } catch (err) {
    return { ...base, status: 0, noAnswer: err instanceof Error ? err.message : String(err), ms: Date.now() - started };
  }
}

// ── The properties of one answer ──────────────────────────────────────────────────────────────────────────────────

const CHINESE = /\p{Script=Han}/u;
const INPUT_CODES: Partial<Record<Verdict['kind'], ErrorCode>> = {
  'not found': 'REQUEST.NOT_FOUND',
  'too large': 'REQUEST.TOO_LARGE',
  'invalid json': 'REQUEST.INVALID_JSON',
  validation: 'REQUEST.VALIDATION',
};

type Problem =
  'no answer' | '5xx' | '4xx without a known code' | 'validation without a named field' | 'differs from the shared schema';

function problemsOf(s: Sent): Problem[] {
  if (s.noAnswer !== undefined) return ['no answer'];
  if (s.status >= 500) return ['5xx'];
  const out: Problem[] = [];
  const code = s.error?.code as ErrorCode | undefined;
  if (s.status >= 400) {
    const known = typeof code === 'string' ? (ERRORS as Record<string, { status: number } | undefined>)[code] : undefined;
    if (!known || known.status !== s.status || typeof s.error?.message !== 'string' || !CHINESE.test(s.error.message))
      out.push('4xx without a known code');
    if (code === 'REQUEST.VALIDATION' && (s.verdict.kind !== 'validation' || s.verdict.isObject)) {
      const fields = Object.entries((s.error?.fields ?? {}) as Record<string, unknown>);
      if (fields.length === 0 || !fields.every(([, m]) => typeof m === 'string' && CHINESE.test(m)))
        out.push('validation without a named field');
    }
  }
  const expected = INPUT_CODES[s.verdict.kind];
  const inputCode = code !== undefined && Object.values(INPUT_CODES).includes(code);
  if (expected ? code !== expected : s.status !== 429 && inputCode) out.push('differs from the shared schema');
  return out;
}

// ── The run ───────────────────────────────────────────────────────────────────────────────────────────────────────

let world: World;
let specs: Record<string, Spec>;

describe('bad input: fuzzing every write route', () => {
  beforeAll(async () => {
    doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
    tables = tableNames(process.env.STACK_TABLE_PREFIX as string);
    world = await buildWorld();
    specs = specsFor(world);
  }, 180_000);

  afterAll(() => doc?.destroy());

  it('has a fuzzing spec for every write route of infra/functions.cjs, and for no other', () => {
    expect(Object.keys(specs).sort()).toEqual(writeRoutes());
    expect(writeRoutes().length).toBeGreaterThanOrEqual(20);
  });

  it('answers every hostile payload with a coded 4xx or a valid success, and stores nothing it refused', async () => {
    const routes = writeRoutes();
    const byRoute = routes.map((route, r) => {
      const spec = specs[route] as Spec;
      const variants = fc.sample(
        variantArb({
          ...(spec.body ? { fields: spec.body.fields } : {}),
          hasPathParam: route.includes('{id}'),
          ifMatch: spec.ifMatch === true,
        }),
        { seed: SEED + r, numRuns: spec.count },
      );
      return variants.map((variant, index): Request => ({ route, spec, variant, index }));
    });
    // Interleaved, so that the routes run side by side as they would in use.
    const requests: Request[] = [];
    for (let i = 0; i < Math.max(...byRoute.map((b) => b.length)); i += 1)
      for (const list of byRoute) if (list[i]) requests.push(list[i] as Request);

    const finish = new Map<string, (accepted: Sent[]) => Promise<string[]>>();
    for (const route of routes) finish.set(route, await (specs[route] as Spec).watch());

    const started = Date.now();
    sent.push(...(await inParallel(requests, CONCURRENCY, run)));
    const seconds = (Date.now() - started) / 1000;

    const stored: { route: string; problem: string }[] = [];
    for (const route of routes) {
      const accepted = sentBy(route).filter((s) => s.status >= 200 && s.status < 300);
      for (const problem of await (finish.get(route) as (a: Sent[]) => Promise<string[]>)(accepted))
        stored.push({ route, problem });
    }

    // Per route, and the problems grouped with a few of their payloads, for a person to read.
    const table = routes.map((route) => {
      const list = sentBy(route);
      const count = (p: (s: Sent) => boolean) => list.filter(p).length;
      return {
        route,
        payloads: list.length,
        '2xx': count((s) => s.status >= 200 && s.status < 300),
        '4xx': count((s) => s.status >= 400 && s.status < 500),
        '5xx': count((s) => s.status >= 500),
        '429': count((s) => s.status === 429),
      };
    });
    const grouped = new Map<string, { count: number; examples: string[] }>();
    for (const s of sent) {
      for (const p of problemsOf(s)) {
        const key = `${p} — ${s.route}`;
        const g = grouped.get(key) ?? { count: 0, examples: [] };
        g.count += 1;
        if (g.examples.length < 3 && !g.examples.some((e) => e.startsWith(`[${s.variant.group}: ${s.variant.label}]`))) {
          g.examples.push(
            `[${s.variant.group}: ${s.variant.label}] ${s.path} ${s.preview} → ${s.status} ${JSON.stringify(s.error ?? s.noAnswer ?? '').slice(0, 240)}`,
          );
        }
        grouped.set(key, g);
      }
    }
    // …and by the kind of payload, which points at the cause more directly than the route does.
    const causes = new Map<string, number>();
    for (const s of sent) {
      for (const p of problemsOf(s)) {
        const key = `${p} ← ${s.variant.group}: ${s.variant.label.replace(/\d{3,}/g, 'N')}`;
        causes.set(key, (causes.get(key) ?? 0) + 1);
      }
    }
    const total = sent.length;
    const count = (p: Problem) => sent.filter((s) => problemsOf(s).includes(p)).length;
    const accepted = sent.filter((s) => s.status >= 200 && s.status < 300).length;
    const tooMany = sent.filter((s) => s.status === 429).length;
    const groups = new Map<string, Sent[]>();
    for (const s of sent) groups.set(s.variant.group, (groups.get(s.variant.group) ?? []).concat(s));
    const byGroup = [...groups].map(
      ([g, list]) => `${g} ${list.length} (${Math.round(list.reduce((t, s) => t + s.ms, 0) / list.length)} ms)`,
    );
    process.stdout.write(
      `fuzzing: ${total} payloads over ${routes.length} write routes in ${seconds.toFixed(0)} s (fast-check seed ${SEED}, FUZZ_SEED=${SEED} replays it)\n` +
        `  by kind: ${byGroup.join(', ')}\n` +
        `${table.map((t) => `  ${t.route.padEnd(40)} ${String(t.payloads).padStart(5)} payloads  2xx ${t['2xx']}  4xx ${t['4xx']}  5xx ${t['5xx']}  429 ${t['429']}`).join('\n')}\n` +
        (causes.size
          ? `  problems by kind of payload:\n${[...causes]
              .sort((a, b) => b[1] - a[1])
              .map(([k, n]) => `  ${String(n).padStart(5)} × ${k}`)
              .join('\n')}\n`
          : '') +
        (grouped.size || stored.length
          ? `  problems by route, with payloads:\n${[...grouped].map(([k, g]) => `  ${g.count} × ${k}\n${g.examples.map((e) => `      ${e}`).join('\n')}`).join('\n')}\n${stored.map((s) => `  stored from a refused request — ${s.route}: ${s.problem}`).join('\n')}\n`
          : ''),
    );

    const uncovered = routes.filter((r) => sentBy(r).length === 0);
    recordFigure({
      section: SECTION,
      name: `fuzzed payloads (fast-check seed ${SEED})`,
      value: total,
      target: '≥ 10,000',
      pass: total >= 10_000,
    });
    recordFigure({
      section: SECTION,
      name: 'write routes fuzzed',
      value: `${routes.length - uncovered.length} of ${routes.length}`,
      target: 'all',
      pass: uncovered.length === 0,
    });
    recordFigure({
      section: SECTION,
      name: 'fuzzing: 5xx responses (and no answer)',
      value: count('5xx') + count('no answer'),
      target: '0',
      pass: count('5xx') + count('no answer') === 0,
    });
    recordFigure({
      section: SECTION,
      name: 'fuzzing: items stored from refused requests',
      value: stored.length,
      target: '0',
      pass: stored.length === 0,
    });
    recordFigure({
      section: SECTION,
      name: 'fuzzing: 4xx without a known error.code',
      value: count('4xx without a known code'),
      target: '0',
      pass: count('4xx without a known code') === 0,
    });
    recordFigure({
      section: SECTION,
      name: 'fuzzing: REQUEST.VALIDATION without a field named in Chinese',
      value: count('validation without a named field'),
      target: '0',
      pass: count('validation without a named field') === 0,
    });
    recordFigure({
      section: SECTION,
      name: 'fuzzing: answers that differ from the shared schema',
      value: count('differs from the shared schema'),
      target: '0',
      pass: count('differs from the shared schema') === 0,
    });
    recordFigure({ section: SECTION, name: 'fuzzing: accepted (valid by chance)', value: accepted });
    recordFigure({
      section: SECTION,
      name: 'fuzzing: 429 responses (limits raised locally)',
      value: tooMany,
      target: '0',
      pass: tooMany === 0,
    });

    expect(total).toBeGreaterThanOrEqual(10_000 * Math.min(1, SCALE));
    expect(uncovered).toEqual([]);
    expect({ problems: [...grouped].map(([k, g]) => `${g.count} × ${k}: ${g.examples[0]}`), stored }).toEqual({
      problems: [],
      stored: [],
    });
  }, 900_000);
});
