// The authorisation matrix: every HTTP route of infra/functions.cjs × every kind of caller. People: anonymous, an
// unrelated user, the demand's owner, the solution's submitter (who is also the 成果's holder: the one who answers a
// demand), a judge not assigned, the assigned judge, an admin.
// Bad credentials, each with claims claiming an admin: a token expired, signed with another secret, unsigned
// (`alg: none`), payload edited, of a deleted account; and `not-a-jwt`, a real token with a character added to its
// signature, a real token sent as `Basic` instead of `Bearer`.
// The rules: 401 AUTH.REQUIRED without a token on a protected route; 401 AUTH.INVALID_TOKEN for a bad credential on
// any route that reads the token (the public routes — list, tracks, stats, health, login — read none and answer
// everyone alike); 404 when the caller may not know it exists, 403 when they may see it but not act; every refusal
// is exactly {error: {code, message}}: the client shows the message, and a refusal tells nothing more.
// This is the one authorisation table of the project: a case about who may do what belongs here, as a row or a column.
// A cell whose success changes state gets a fresh fixture (DELETE /me: a fresh person); every other cell shares one.
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AuthResponse, Invitation, InvitationsResponse, Notification, Page, Subscription } from '@cic/shared';
import { functions } from '../../infra/functions.cjs';
import { createDocumentClient } from '../../functions/src/db/client';
import { tableNames } from '../../functions/src/db/table-names';
import { achievementForm, achievementIn, call, completeForm, demandIn, login, uniq } from '../../functions/test/support/api';
import type { ListingState } from '../../functions/test/support/api';
import { eventually } from '../../functions/test/support/stack-env';
import {
  assignJudges,
  createTrack,
  decide,
  solutionForm,
  submitSolution,
  trackRequest,
} from '../../functions/test/support/contest';
import { solutionIdOf } from '../../functions/src/contest/solution.lifecycle';
import { invitationIdOf } from '../../functions/src/invitations/invitation.lifecycle';
import { recordFigure } from './figures';
import {
  ACTORS,
  BAD_TOKENS,
  deletedAccount,
  newCast,
  newPeople,
  PEOPLE,
  signedToken,
  type Actor,
  type Cast,
  type People,
  type Person,
} from './support/actors';

const SECTION = 'authorisation';

/**
 * What a cell runs against. `published`: the owner's published demand with the submitter's solution and the assigned
 * judge on its final; `shortlisted`: the same with the solution shortlisted; `draft`, `pending`, `rejected`: the
 * owner's demand in that state, nothing else; `subscription`: the owner's saved search; `alert`: the owner's published
 * demand and the plain user's alert about it (a saved search it matched); `achievementDraft`, `achievementPending`:
 * the submitter's 成果 in that state; `achievementPublished`: the owner's published demand and the submitter's
 * published 成果; `invitation`: the same with the owner's open invitation of the 成果 to 揭榜 the demand; `none`: nothing.
 */
type Fixture =
  | 'none'
  | 'draft'
  | 'pending'
  | 'rejected'
  | 'published'
  | 'shortlisted'
  | 'subscription'
  | 'alert'
  | 'achievementDraft'
  | 'achievementPending'
  | 'achievementPublished'
  | 'invitation';

interface World {
  demandId: string;
  solutionId: string;
  subscriptionId: string;
  /** The owner's inbox item about the solution. */
  notificationId: string;
  /** The submitter's 成果. */
  achievementId: string;
  /** The owner's invitation of the submitter's 成果. */
  invitationId: string;
}

/** An expected status, with the error code where the contract names one: 200, '404 DEMAND.NOT_FOUND'. */
type Expected = number | `${number} ${string}`;
type Spec = Record<Actor, Expected>;

interface Row {
  /** Exactly as in infra/functions.cjs. */
  route: string;
  /** The fixture's state, when the route has a row per state. */
  state?: string;
  fixture: Fixture;
  /** The request's path; the route's own, its ids the fixture's (pathOf), unless given. */
  path?: (w: World) => string;
  body?: (w: World) => unknown;
  /** A success changes the fixture: those cells get a fresh one (all succeeding people, or only those listed). */
  mutates?: true | readonly Person[];
  /** A success ends the caller's session (a logout) or account: those cells use a new person in the same part. */
  endsSession?: true;
  /** Checked after the row on the shared fixture: nothing the refused or unrelated callers did changed it. */
  unchanged?: (w: World) => Promise<string | undefined>;
  expect: Spec;
}

const INVALID: Expected = '401 AUTH.INVALID_TOKEN';
const badTokens = Object.fromEntries(BAD_TOKENS.map((b) => [b, INVALID])) as Record<(typeof BAD_TOKENS)[number], Expected>;

/** Public routes read no token: everyone, bad tokens included, gets the same answer. */
const everyone = (status: Expected): Spec => Object.fromEntries(ACTORS.map((a) => [a, status])) as Spec;
/** Each person's answer (the rest get `others`); anonymous 401 AUTH.REQUIRED; bad tokens 401 AUTH.INVALID_TOKEN. */
const loggedIn = (others: Expected, people: Partial<Record<Person, Expected>> = {}): Spec => ({
  anonymous: '401 AUTH.REQUIRED',
  ...(Object.fromEntries(PEOPLE.map((p) => [p, people[p] ?? others])) as Record<Person, Expected>),
  ...badTokens,
});
/** Organisers only: every other person 403 AUTH.FORBIDDEN, whatever the demand. */
const adminOnly = (ok: Expected): Spec => loggedIn('403 AUTH.FORBIDDEN', { admin: ok });
/** Routes that read a token if one is sent (GET /demands/{id}): no token is the public view; a bad one is refused. */
const optional = (anonymous: Expected, others: Expected, people: Partial<Record<Person, Expected>> = {}): Spec => ({
  ...loggedIn(others, people),
  anonymous,
});

/** A demand (its owner's) or a 成果 (the submitter's, its holder): the two kinds of listing follow one set of rules. */
interface Listing {
  /** The collection in the routes: `GET /demands/{id}`. */
  name: 'demands' | 'achievements';
  /** The prefix of the error codes: `DEMAND.NOT_FOUND`. */
  code: 'DEMAND' | 'ACHIEVEMENT';
  holder: 'owner' | 'submitter';
  /** The fixture of each state it has a row in: every state but published is not public. */
  fixtures: Partial<Record<ListingState, Fixture>>;
  edited: () => unknown;
}

const DEMANDS: Listing = {
  name: 'demands',
  code: 'DEMAND',
  holder: 'owner',
  fixtures: { draft: 'draft', pending: 'pending', rejected: 'rejected', published: 'published' },
  edited: () => ({ title: '授权矩阵修改后的需求' }),
};
const ACHIEVEMENTS: Listing = {
  name: 'achievements',
  code: 'ACHIEVEMENT',
  holder: 'submitter',
  fixtures: { draft: 'achievementDraft', pending: 'achievementPending', published: 'achievementPublished' },
  edited: () => ({ title: '授权矩阵修改后的成果（示例）' }),
};

/** What only the listing's holder (and, to see it, an admin) may know of a listing that is not public. */
const holders = (listing: Listing, holder: Expected, admin: Expected): Spec =>
  loggedIn(`404 ${listing.code}.NOT_FOUND`, { [listing.holder]: holder, admin });
/** What only the owner (and, to see it, an admin) may know of a demand that is not public. */
const ownersDemand = (owner: Expected, admin: Expected): Spec => holders(DEMANDS, owner, admin);
/** What only the 成果's holder (the submitter) and, to see it, an admin may know of a 成果 that is not public. */
const holdersAchievement = (holder: Expected, admin: Expected): Spec => holders(ACHIEVEMENTS, holder, admin);

const editedSolution = () => solutionForm({ title: '修改后的焊接变形控制方案' });
const score = () => ({ completeness: 80, feasibility: 70, fit: 90 });
const award = (w: World) => ({
  demandId: w.demandId,
  kind: 'best_solution',
  target: 'solution',
  solutionId: w.solutionId,
  year: 2025,
});
const templateId = () =>
  (JSON.parse(process.env.STACK_FUNCTION_ENV as string) as Record<string, string>).WECHAT_TEMPLATE_NEW_MATCH as string;

/** A row on a route of the listing's, with its fixture in `state`; the route names the listing as `{listing}`. */
function listingRow(listing: Listing, route: string, state: ListingState, row: Pick<Row, 'body' | 'mutates' | 'expect'>): Row {
  const fixture = listing.fixtures[state];
  if (!fixture) throw new Error(`no ${state} fixture of ${listing.name}`);
  return { route: route.replace('{listing}', listing.name), state, fixture, ...row };
}

/** Reading, editing, submitting and closing a listing: only its holder, and an admin to read, may know one not public. */
function listingRows(listing: Listing): Row[] {
  const { edited: body, code } = listing;
  const other = (holder: Expected): Spec => loggedIn('403 AUTH.FORBIDDEN', { [listing.holder]: holder });
  const refused = holders(listing, 200, '403 AUTH.FORBIDDEN');
  const hidden = (Object.keys(listing.fixtures) as ListingState[]).filter((state) => state !== 'published');
  return [
    ...hidden.map((state) =>
      listingRow(listing, 'GET /{listing}/{id}', state, {
        expect: { ...holders(listing, 200, 200), anonymous: `404 ${code}.NOT_FOUND` },
      }),
    ),
    listingRow(listing, 'GET /{listing}/{id}', 'published', { expect: optional(200, 200) }),
    ...hidden
      .filter((state) => state !== 'pending')
      .map((state) => listingRow(listing, 'PUT /{listing}/{id}', state, { body, mutates: true, expect: refused })),
    listingRow(listing, 'PUT /{listing}/{id}', 'published', { body, expect: other(`409 ${code}.NOT_EDITABLE`) }),
    listingRow(listing, 'POST /{listing}/{id}/submit', 'draft', { mutates: true, expect: refused }),
    listingRow(listing, 'POST /{listing}/{id}/submit', 'published', { expect: other(`409 ${code}.INVALID_TRANSITION`) }),
    listingRow(listing, 'POST /{listing}/{id}/close', 'draft', { mutates: true, expect: refused }),
    listingRow(listing, 'POST /{listing}/{id}/close', 'published', { mutates: true, expect: other(200) }),
  ];
}

/** The organisers' review: a pending listing is approved; a published one cannot be rejected. */
const reviewRows = (listing: Listing): Row[] => [
  listingRow(listing, 'POST /admin/{listing}/{id}/review', 'pending', {
    body: () => ({ decision: 'approve' }),
    mutates: true,
    expect: adminOnly(200),
  }),
  listingRow(listing, 'POST /admin/{listing}/{id}/review', 'published', {
    body: () => ({ decision: 'reject', reason: '授权矩阵驳回' }),
    expect: adminOnly(`409 ${listing.code}.INVALID_TRANSITION`),
  }),
];

let cast: Cast;
let trackId = '';
const shared = {} as Record<Fixture, World>;

const rows: Row[] = [
  // Public: no token is read.
  { route: 'GET /health', fixture: 'none', expect: everyone(200) },
  {
    route: 'POST /auth/wechat',
    fixture: 'none',
    body: () => ({ code: `user-${uniq('az')}-1` }),
    expect: everyone(200),
  },
  {
    route: 'POST /auth/dev',
    fixture: 'none',
    body: () => ({ nickname: uniq('az'), role: 'user' }),
    expect: everyone(200),
  },
  { route: 'GET /demands', fixture: 'none', path: () => '/demands?limit=5', expect: everyone(200) },
  { route: 'GET /tracks', fixture: 'none', expect: everyone(200) },
  { route: 'GET /stats', fixture: 'none', expect: everyone(200) },

  // Demands.
  {
    route: 'POST /demands',
    fixture: 'none',
    body: () => ({ title: '授权矩阵测试需求' }),
    expect: loggedIn(201),
  },
  ...listingRows(DEMANDS),
  {
    route: 'PUT /demands/{id}/follow',
    state: 'published',
    fixture: 'published',
    expect: loggedIn(200),
  },
  {
    route: 'PUT /demands/{id}/follow',
    state: 'draft',
    fixture: 'draft',
    // An admin may read a draft, but follows are for what the public sees.
    expect: ownersDemand('409 DEMAND.NOT_PUBLISHED', '404 DEMAND.NOT_FOUND'),
  },
  {
    route: 'DELETE /demands/{id}/follow',
    state: 'published',
    fixture: 'published',
    expect: loggedIn(200),
  },
  {
    route: 'DELETE /demands/{id}/follow',
    state: 'draft',
    fixture: 'draft',
    expect: ownersDemand(200, '404 DEMAND.NOT_FOUND'),
  },
  { route: 'GET /me/demands', fixture: 'none', expect: loggedIn(200) },
  { route: 'DELETE /me', fixture: 'none', endsSession: true, expect: loggedIn(200) },
  { route: 'POST /auth/logout', fixture: 'none', endsSession: true, expect: loggedIn(200) },

  // Review.
  { route: 'GET /admin/reviews', fixture: 'none', expect: adminOnly(200) },
  ...reviewRows(DEMANDS),

  // Follows, saved searches, the inbox.
  { route: 'GET /me/follows', fixture: 'none', expect: loggedIn(200) },
  {
    route: 'POST /me/subscriptions',
    fixture: 'none',
    body: () => ({ keywords: ['授权矩阵'] }),
    expect: loggedIn(201),
  },
  { route: 'GET /me/subscriptions', fixture: 'none', expect: loggedIn(200) },
  {
    route: 'POST /me/subscriptions/preview',
    fixture: 'none',
    body: () => ({ keywords: ['授权矩阵'] }),
    expect: loggedIn(200),
  },
  { route: 'GET /concepts/expand', fixture: 'none', path: () => '/concepts/expand?keyword=焊接', expect: everyone(200) },
  {
    route: 'DELETE /me/subscriptions/{id}',
    fixture: 'subscription',
    mutates: true,
    unchanged: async (w) => {
      const res = await call<{ items: Subscription[] }>('GET', '/me/subscriptions', { token: cast.token.owner });
      return res.body.items.some((s) => s.id === w.subscriptionId) ? undefined : "the owner's subscription is gone";
    },
    expect: loggedIn('404 SUBSCRIPTION.NOT_FOUND', { owner: 200 }),
  },
  {
    route: 'POST /me/subscribe-quota',
    fixture: 'none',
    body: () => ({ results: { [templateId()]: 'accept' } }),
    expect: loggedIn(200),
  },
  { route: 'GET /me/notifications', fixture: 'none', expect: loggedIn(200) },
  {
    route: 'GET /me/notifications/unread-count',
    fixture: 'none',
    expect: loggedIn(200),
  },
  {
    route: 'POST /me/notifications/read',
    fixture: 'published',
    // Marking someone else's item is a no-op (200, nothing marked): the inbox is keyed by its user.
    body: (w) => ({ ids: [w.notificationId] }),
    mutates: ['owner'],
    unchanged: async (w) => {
      const res = await call<Page<Notification>>('GET', '/me/notifications', { token: cast.token.owner });
      const item = res.body.items.find((n) => n.id === w.notificationId);
      if (!item) return "the owner's inbox item is missing";
      return item.readAt ? "someone else marked the owner's inbox item read" : undefined;
    },
    expect: loggedIn(200),
  },
  {
    route: 'POST /me/notifications/{id}/feedback',
    fixture: 'alert',
    path: (w) => `/me/notifications/${encodeURIComponent(w.notificationId)}/feedback`,
    // Only the alert's subscriber has it; to anyone else it does not exist (the inbox is keyed by its user).
    body: () => ({ relevant: false }),
    unchanged: async (w) => {
      const res = await call<Page<Notification>>('GET', '/me/notifications', { token: cast.token.user });
      const item = res.body.items.find((n) => n.id === w.notificationId);
      if (!item) return "the user's alert is missing";
      return item.feedback === undefined || item.feedback.relevant === false ? undefined : 'someone else judged the alert';
    },
    expect: loggedIn('404 NOTIFICATION.NOT_FOUND', { user: 200 }),
  },
  { route: 'GET /admin/alerts/feedback', fixture: 'none', expect: adminOnly(200) },

  // 揭榜: solutions.
  {
    route: 'POST /demands/{id}/solutions',
    state: 'published',
    fixture: 'published',
    body: () => solutionForm(),
    mutates: true,
    expect: loggedIn(201, {
      submitter: '409 SOLUTION.EXISTS',
      owner: '409 SOLUTION.OWN_DEMAND',
      judgeAssigned: '409 SOLUTION.JUDGE_CONFLICT',
    }),
  },
  {
    route: 'POST /demands/{id}/solutions',
    state: 'pending',
    fixture: 'pending',
    body: () => solutionForm(),
    mutates: true,
    expect: ownersDemand('409 SOLUTION.OWN_DEMAND', '409 SOLUTION.DEMAND_NOT_OPEN'),
  },
  {
    route: 'PUT /solutions/{id}',
    state: 'submitted',
    fixture: 'published',
    body: editedSolution,
    mutates: true,
    expect: loggedIn('404 SOLUTION.NOT_FOUND', { submitter: 200 }),
  },
  {
    route: 'PUT /solutions/{id}',
    state: 'shortlisted',
    fixture: 'shortlisted',
    body: editedSolution,
    expect: loggedIn('404 SOLUTION.NOT_FOUND', { submitter: '409 SOLUTION.NOT_EDITABLE' }),
  },
  {
    route: 'GET /solutions/{id}',
    state: 'submitted',
    fixture: 'published',
    expect: loggedIn('404 SOLUTION.NOT_FOUND', { submitter: 200, owner: 200, admin: 200 }),
  },
  {
    route: 'GET /solutions/{id}',
    state: 'shortlisted',
    fixture: 'shortlisted',
    expect: loggedIn('404 SOLUTION.NOT_FOUND', { submitter: 200, owner: 200, judgeAssigned: 200, admin: 200 }),
  },
  {
    route: 'GET /demands/{id}/solutions',
    state: 'published',
    fixture: 'published',
    path: (w) => `/demands/${w.demandId}/solutions?sort=fit`,
    expect: loggedIn('403 AUTH.FORBIDDEN', { submitter: 200, owner: 200, judgeAssigned: 200, admin: 200 }),
  },
  {
    route: 'GET /demands/{id}/solutions',
    state: 'pending',
    fixture: 'pending',
    expect: ownersDemand(200, 200),
  },
  { route: 'GET /me/solutions', fixture: 'none', expect: loggedIn(200) },
  {
    route: 'POST /solutions/{id}/decision',
    state: 'shortlist a submitted one',
    fixture: 'published',
    body: () => ({ decision: 'shortlist' }),
    mutates: true,
    expect: loggedIn('404 SOLUTION.NOT_FOUND', { owner: 200, submitter: '403 AUTH.FORBIDDEN', admin: '403 AUTH.FORBIDDEN' }),
  },
  {
    route: 'POST /solutions/{id}/decision',
    state: 'decline a shortlisted one',
    fixture: 'shortlisted',
    body: () => ({ decision: 'decline', reason: '技术路线与我方产线不匹配' }),
    mutates: true,
    expect: loggedIn('404 SOLUTION.NOT_FOUND', {
      owner: 200,
      submitter: '403 AUTH.FORBIDDEN',
      judgeAssigned: '403 AUTH.FORBIDDEN',
      admin: '403 AUTH.FORBIDDEN',
    }),
  },

  // Finals.
  {
    route: 'POST /admin/demands/{id}/judges',
    fixture: 'published',
    body: () => ({ judgeIds: [cast.id.judgeAssigned] }),
    mutates: true,
    expect: adminOnly(200),
  },
  {
    route: 'PUT /solutions/{id}/score',
    state: 'shortlisted',
    fixture: 'shortlisted',
    body: score,
    mutates: true,
    // Only who may see the solution learns it exists: everyone else gets what a made-up id gets.
    expect: loggedIn('404 SOLUTION.NOT_FOUND', {
      judgeAssigned: 200,
      owner: '403 FINAL.NOT_ASSIGNED',
      submitter: '403 FINAL.NOT_ASSIGNED',
      admin: '403 FINAL.NOT_ASSIGNED',
    }),
  },
  {
    route: 'PUT /solutions/{id}/score',
    state: 'submitted',
    fixture: 'published',
    body: score,
    expect: loggedIn('404 SOLUTION.NOT_FOUND', {
      judgeAssigned: '409 SCORE.NOT_SHORTLISTED',
      owner: '403 FINAL.NOT_ASSIGNED',
      submitter: '403 FINAL.NOT_ASSIGNED',
      admin: '403 FINAL.NOT_ASSIGNED',
    }),
  },
  {
    route: 'GET /demands/{id}/ranking',
    state: 'published',
    fixture: 'shortlisted',
    expect: loggedIn('403 AUTH.FORBIDDEN', { owner: 200, judgeAssigned: 200, admin: 200 }),
  },
  {
    route: 'GET /demands/{id}/ranking',
    state: 'pending',
    fixture: 'pending',
    expect: ownersDemand(200, 200),
  },
  {
    route: 'POST /admin/demands/{id}/final/close',
    fixture: 'shortlisted',
    mutates: true,
    expect: adminOnly(200),
  },
  { route: 'GET /me/judging', fixture: 'none', expect: loggedIn(200) },

  // Tracks and awards.
  {
    route: 'POST /admin/tracks',
    fixture: 'none',
    body: () => trackRequest({ name: `授权矩阵专场${uniq('')}`.slice(0, 40) }),
    expect: adminOnly(201),
  },
  {
    route: 'PUT /admin/demands/{id}/track',
    fixture: 'published',
    body: () => ({ trackId }),
    mutates: true,
    expect: adminOnly(200),
  },
  {
    route: 'POST /admin/awards',
    fixture: 'shortlisted',
    body: award,
    mutates: true,
    expect: adminOnly(201),
  },
  { route: 'GET /me/awards', fixture: 'none', expect: loggedIn(200) },

  // 成果库: the demands' rules, for the 成果's holder (the submitter).
  { route: 'GET /achievements', fixture: 'none', path: () => '/achievements?limit=5', expect: everyone(200) },
  {
    route: 'POST /achievements',
    fixture: 'none',
    body: () => ({ title: '授权矩阵测试成果（示例）' }),
    expect: loggedIn(201),
  },
  ...listingRows(ACHIEVEMENTS),
  { route: 'GET /me/achievements', fixture: 'none', expect: loggedIn(200) },
  ...reviewRows(ACHIEVEMENTS),

  // 成果粗匹配 and 成果粗评估: the demand's owner or the 成果's holder, and admins; to anyone else they do not exist.
  {
    route: 'GET /demands/{id}/matches',
    fixture: 'achievementPublished',
    path: (w) => `/demands/${w.demandId}/matches?limit=5`,
    expect: ownersDemand(200, 200),
  },
  {
    route: 'GET /demands/{id}/matches/{achievementId}',
    state: 'published 成果',
    fixture: 'achievementPublished',
    expect: ownersDemand(200, 200),
  },
  {
    route: 'GET /demands/{id}/matches/{achievementId}',
    state: 'draft 成果',
    fixture: 'achievementDraft',
    // The owner's published demand from another fixture, and a 成果 only its holder may see.
    path: (w) => `/demands/${shared.achievementPublished.demandId}/matches/${w.achievementId}`,
    expect: ownersDemand('404 ACHIEVEMENT.NOT_FOUND', 200),
  },
  {
    route: 'GET /achievements/{id}/matches',
    fixture: 'achievementPublished',
    path: (w) => `/achievements/${w.achievementId}/matches?limit=5`,
    expect: holdersAchievement(200, 200),
  },
  {
    route: 'GET /demands/{id}/similar',
    state: 'published',
    fixture: 'published',
    expect: everyone(200),
  },
  {
    route: 'GET /demands/{id}/similar',
    state: 'draft',
    fixture: 'draft',
    expect: everyone('404 DEMAND.NOT_FOUND'),
  },
  {
    route: 'POST /suggest/field',
    fixture: 'none',
    body: () => ({ title: '钛合金薄板激光焊接变形控制', description: '焊接后变形量需控制在0.2毫米以内' }),
    expect: everyone(200),
  },

  // 动员揭榜: the demand's owner or an admin invites; only the 成果's holder sees and answers.
  {
    route: 'POST /demands/{id}/invitations',
    state: 'published',
    fixture: 'achievementPublished',
    body: (w) => ({ achievementId: w.achievementId, message: '授权矩阵邀请' }),
    mutates: true,
    expect: ownersDemand(201, 201),
  },
  {
    route: 'POST /demands/{id}/invitations',
    state: 'already invited',
    fixture: 'invitation',
    body: (w) => ({ achievementId: w.achievementId }),
    expect: ownersDemand('409 INVITATION.EXISTS', '409 INVITATION.EXISTS'),
  },
  {
    route: 'POST /demands/{id}/invitations',
    state: 'pending',
    fixture: 'pending',
    body: () => ({ achievementId: shared.achievementPublished.achievementId }),
    expect: ownersDemand('409 INVITATION.DEMAND_NOT_OPEN', '409 INVITATION.DEMAND_NOT_OPEN'),
  },
  { route: 'GET /me/invitations', fixture: 'none', expect: loggedIn(200) },
  {
    route: 'POST /invitations/{id}/respond',
    fixture: 'invitation',
    body: () => ({ decision: 'accept' }),
    mutates: ['submitter'],
    unchanged: async (w) => {
      const res = await call<InvitationsResponse>('GET', '/me/invitations', { token: cast.token.submitter });
      const item = res.body.items.find((i) => i.id === w.invitationId);
      if (!item) return "the holder's invitation is missing";
      return item.status === 'open' ? undefined : `someone else answered the holder's invitation (${item.status})`;
    },
    expect: loggedIn('404 INVITATION.NOT_FOUND', { submitter: 200 }),
  },
];

const NONE: World = {
  demandId: 'none',
  solutionId: 'none',
  subscriptionId: 'none',
  notificationId: 'none',
  achievementId: 'none',
  invitationId: 'none',
};

/** A 成果 of the submitter's in the fixture's state (示例: written for the tests). */
async function achievementOf(token: Record<Person, string>, state: ListingState): Promise<string> {
  const form = achievementForm({ title: `授权矩阵成果（示例）${uniq('')}`.slice(0, 40) });
  return (await achievementIn(state, token.submitter, token.admin, form)).id;
}

/** A new fixture of the given kind, owned and joined by `people`. */
async function fixture(kind: Fixture, people: People): Promise<World> {
  const { token, id } = people;
  const form = completeForm({ title: `授权矩阵需求${uniq('')}`.slice(0, 40) });
  switch (kind) {
    case 'none':
      return NONE;
    case 'achievementDraft':
      return { ...NONE, achievementId: await achievementOf(token, 'draft') };
    case 'achievementPending':
      return { ...NONE, achievementId: await achievementOf(token, 'pending') };
    case 'achievementPublished':
    case 'invitation': {
      const [demand, achievementId] = await Promise.all([
        demandIn('published', token.owner, token.admin, form),
        achievementOf(token, 'published'),
      ]);
      if (kind === 'achievementPublished') return { ...NONE, demandId: demand.id, achievementId };
      const res = await call<Invitation>('POST', `/demands/${demand.id}/invitations`, {
        token: token.owner,
        json: { achievementId },
      });
      if (res.status !== 201) throw new Error(`invitation failed: ${res.status} ${res.text}`);
      return { ...NONE, demandId: demand.id, achievementId, invitationId: res.body.id };
    }
    case 'draft':
    case 'pending':
    case 'rejected':
      return { ...NONE, demandId: (await demandIn(kind, token.owner, token.admin, form)).id };
    case 'subscription': {
      const res = await call<Subscription>('POST', '/me/subscriptions', {
        token: token.owner,
        json: { keywords: [`授权${uniq('')}`.slice(0, 20)] },
      });
      if (res.status !== 201) throw new Error(`subscription failed: ${res.status} ${res.text}`);
      return { ...NONE, subscriptionId: res.body.id };
    }
    case 'alert': {
      const keyword = `授权${uniq('')}`.slice(0, 20);
      const sub = await call<Subscription>('POST', '/me/subscriptions', { token: token.user, json: { keywords: [keyword] } });
      if (sub.status !== 201) throw new Error(`subscription failed: ${sub.status} ${sub.text}`);
      const demand = await demandIn('published', token.owner, token.admin, { ...form, title: `${keyword}的需求` });
      const notificationId = `new_match#${demand.id}`;
      await eventually(
        'the alert',
        async () => {
          const res = await call<Page<Notification>>('GET', '/me/notifications', { token: token.user });
          return res.body.items.find((n) => n.id === notificationId);
        },
        30_000,
      );
      return { ...NONE, demandId: demand.id, subscriptionId: sub.body.id, notificationId };
    }
    case 'published':
    case 'shortlisted': {
      const demand = await demandIn('published', token.owner, token.admin, form);
      const [solution] = await Promise.all([
        submitSolution(token.submitter, demand.id),
        assignJudges(token.admin, demand.id, [id.judgeAssigned]),
      ]);
      if (kind === 'shortlisted') await decide(token.owner, solution.id, 'shortlist');
      return { ...NONE, demandId: demand.id, solutionId: solution.id, notificationId: `solution_new#${solution.id}` };
    }
  }
}

function parse(expected: Expected): { status: number; code?: string } {
  if (typeof expected === 'number') return { status: expected };
  const [status, code] = expected.split(' ');
  return { status: Number(status), ...(code ? { code } : {}) };
}

const isPerson = (actor: Actor): actor is Person => (PEOPLE as readonly Actor[]).includes(actor);

/** A refusal as the contract has it: {error: {code, message}} with both non-empty, and nothing else. */
function isErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error') return false;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || Object.keys(error).sort().join() !== 'code,message') return false;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === 'string' && code !== '' && typeof message === 'string' && message !== '';
}

const methodOf = (row: Row) => row.route.split(' ')[0] as string;
/** Which of the world's ids stands for the `{id}` after each collection of a route. */
const ID_OF: Partial<Record<string, keyof World>> = {
  demands: 'demandId',
  solutions: 'solutionId',
  subscriptions: 'subscriptionId',
  achievements: 'achievementId',
  invitations: 'invitationId',
};
/** The row's path: the route's own, unless the row gives one, with the world's ids: `PUT /demands/{id}` → `/demands/01…`. */
function pathOf(row: Row, w: World): string {
  if (row.path) return row.path(w);
  return (row.route.split(' ')[1] as string)
    .replace(/\/(\w+)\/\{id\}/, (_, collection: string) => {
      const key = ID_OF[collection];
      if (!key) throw new Error(`no id of ${collection} in the world: give ${row.route} a path`);
      return `/${collection}/${w[key]}`;
    })
    .replace('{achievementId}', w.achievementId);
}
const nameOf = (row: Row) => (row.state ? `${row.route} (${row.state})` : row.route);

interface Outcome {
  cell: string;
  expected: string;
  got: string;
}

/** One cell: the request as the actor, on the shared fixture or, where its success changes state, a fresh one. */
async function runCell(row: Row, actor: Actor): Promise<Outcome> {
  const wanted = parse(row.expect[actor]);
  const succeeds = wanted.status < 300 && isPerson(actor);
  let token = cast.token[actor];
  let authorization = cast.authorization[actor];
  let world = shared[row.fixture];
  if (succeeds && row.endsSession) {
    // A new person in the same part, with a contest of their own, so the account has something to lose.
    const people = await newPeople();
    await fixture('shortlisted', people);
    token = people.token[actor];
    authorization = `Bearer ${token}`;
  } else if (succeeds && row.mutates && (row.mutates === true || row.mutates.includes(actor))) {
    world = await fixture(row.fixture, { token: cast.token as Record<Person, string>, id: cast.id });
  }
  const res = await call(methodOf(row), pathOf(row, world), {
    headers: { authorization },
    ...(row.body ? { json: row.body(world) } : {}),
  });
  const error = (res.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const problems: string[] = [];
  if (res.status >= 400 && !isErrorBody(res.body))
    problems.push(`not exactly an {error: {code, message}} body: ${res.text.slice(0, 200)}`);
  if (succeeds && row.endsSession && res.status === 200) {
    const after = await call('GET', '/me/demands', { token });
    if (after.status !== 401) problems.push(`the ended session's token still answers ${after.status}`);
  }
  const got = `${res.status}${wanted.code ? ` ${error?.code ?? '(no code)'}` : ''}`;
  const expected = `${wanted.status}${wanted.code ? ` ${wanted.code}` : ''}`;
  return { cell: `${nameOf(row)} as ${actor}`, expected, got: problems.length ? `${got}; ${problems.join('; ')}` : got };
}

const httpRoutes = () =>
  Object.values(functions)
    .flatMap((f) => (f.http ? [f.http] : []))
    .sort();

let checked = 0;
let asSpecified = 0;
const mismatches: Outcome[] = [];

/** The cast and the shared fixtures, made once for every describe of this file. */
async function setUpWorld(): Promise<void> {
  if (cast) return;
  cast = await newCast();
  const people: People = { token: cast.token as Record<Person, string>, id: cast.id };
  const kinds: Fixture[] = [
    'none',
    'draft',
    'pending',
    'rejected',
    'published',
    'shortlisted',
    'subscription',
    'alert',
    'achievementDraft',
    'achievementPending',
    'achievementPublished',
    'invitation',
  ];
  const [worlds, track] = await Promise.all([
    Promise.all(kinds.map((k) => fixture(k, people))),
    createTrack(cast.token.admin as string),
  ]);
  kinds.forEach((k, i) => {
    shared[k] = worlds[i] as World;
  });
  trackId = track.id;
}

describe('authorisation: every route × every caller', () => {
  beforeAll(setUpWorld, 120_000);

  afterAll(() => {
    const share = checked === 0 ? 0 : (asSpecified / checked) * 100;
    const routes = new Set(rows.map((r) => r.route)).size;
    process.stdout.write(
      `authorisation matrix: ${checked} cells checked (${rows.length} rows over ${routes} routes × ${ACTORS.length} callers), ` +
        `${asSpecified} as specified${mismatches.length ? `; not as specified:\n${mismatches.map((m) => `  ${m.cell}: expected ${m.expected}, got ${m.got}`).join('\n')}` : ''}\n`,
    );
    recordFigure({
      section: SECTION,
      name: 'cells checked',
      value: checked,
      target: `${rows.length * ACTORS.length} (${rows.length} rows × ${ACTORS.length} callers)`,
      pass: checked === rows.length * ACTORS.length,
    });
    recordFigure({
      section: SECTION,
      name: 'cells as specified',
      value: `${share.toFixed(1)}%`,
      target: '100%',
      pass: checked > 0 && asSpecified === checked,
    });
  });

  it('has a row for every HTTP route in infra/functions.cjs, and no row for a route that does not exist', () => {
    const covered = [...new Set(rows.map((r) => r.route))].sort();
    expect(covered).toEqual(httpRoutes());
    expect(httpRoutes().length).toBeGreaterThanOrEqual(40);
    for (const row of rows) expect(Object.keys(row.expect).sort()).toEqual([...ACTORS].sort());
  });

  it.each(rows.map((row) => [nameOf(row), row] as const))(
    '%s',
    async (_name, row) => {
      const outcomes = await Promise.all(ACTORS.map((actor) => runCell(row, actor)));
      const wrong = outcomes.filter((o) => o.got !== o.expected);
      checked += outcomes.length;
      asSpecified += outcomes.length - wrong.length;
      mismatches.push(...wrong);
      const drift = row.unchanged ? await row.unchanged(shared[row.fixture]) : undefined;
      expect({ wrong, drift }).toEqual({ wrong: [], drift: undefined });
    },
    120_000,
  );
});

/** A demand id of the same shape as the store's (a lowercase ulid), for no demand at all. */
const madeUpId = () =>
  `01${Array.from({ length: 24 }, () => '0123456789abcdefghjkmnpqrstvwxyz'[Math.floor(Math.random() * 32)]).join('')}`;

describe('existence oracles: a caller who may not see something gets what a made-up id gets', () => {
  /** Who asks: people with no part in the demand or solution. */
  const STRANGERS = ['user', 'judgeUnassigned'] as const;
  beforeAll(setUpWorld, 120_000);

  it('for every route with an id', async () => {
    const idRoutes = httpRoutes().filter((r) => r.includes('{id}'));
    const answers: { route: string; who: string; real: string; madeUp: string }[] = [];
    for (const route of idRoutes) {
      const row =
        rows.find(
          (r) =>
            r.route === route &&
            (['draft', 'published', 'subscription', 'achievementDraft', 'invitation'] as Fixture[]).includes(r.fixture),
        ) ?? rows.find((r) => r.route === route);
      if (!row) throw new Error(`no row for ${route}`);
      // What the strangers may not see: a demand never published, a solution on a public demand, a saved search, a
      // 成果 never published, an invitation to someone else.
      const hidden = route.includes('/solutions/{id}')
        ? shared.published
        : route.includes('/subscriptions/')
          ? shared.subscription
          : route.includes('/achievements/{id}')
            ? shared.achievementDraft
            : route.includes('/invitations/{id}')
              ? shared.invitation
              : shared.draft;
      // The made-up ids are what an attacker would send: a solution id computed from the demand and someone who never
      // solved it, an invitation id computed from the demand and a 成果 never invited (ids are derived), a fresh ulid
      // for the rest.
      const madeUp: World = {
        ...hidden,
        demandId: madeUpId(),
        subscriptionId: madeUpId(),
        solutionId: solutionIdOf(shared.published.demandId, cast.id.judgeUnassigned),
        achievementId: madeUpId(),
        invitationId: invitationIdOf(shared.invitation.demandId, madeUpId()),
      };
      for (const who of STRANGERS) {
        const ask = async (w: World) => {
          const res = await call(methodOf(row), pathOf(row, w), {
            token: cast.token[who],
            ...(row.body ? { json: row.body(w) } : {}),
          });
          return `${res.status} ${(res.body as { error?: { code?: string } } | undefined)?.error?.code ?? ''}`.trim();
        };
        answers.push({ route, who, real: await ask(hidden), madeUp: await ask(madeUp) });
      }
    }
    const oracles = answers.filter((a) => a.real !== a.madeUp);
    recordFigure({
      section: SECTION,
      name: `routes with an id checked for an existence oracle (× ${STRANGERS.length} callers)`,
      value: idRoutes.length,
      target: 'every route with {id}',
      pass: idRoutes.length > 0,
    });
    recordFigure({
      section: SECTION,
      name: 'existence oracles found',
      value: oracles.length,
      target: '0',
      pass: oracles.length === 0,
    });
    expect(oracles).toEqual([]);
    expect(answers.every((a) => a.real.startsWith('4'))).toBe(true);
  }, 120_000);
});

type Handler = (event: APIGatewayProxyEventV2, context: { functionName: string }) => Promise<APIGatewayProxyStructuredResultV2>;

/** POST /auth/dev as API Gateway hands it to the Lambda. */
function devLoginEvent(body: unknown): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /auth/dev',
    rawPath: '/auth/dev',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      http: { method: 'POST', path: '/auth/dev', sourceIp: '10.77.0.1', protocol: 'HTTP/1.1', userAgent: 'reliability' },
    },
  } as unknown as APIGatewayProxyEventV2;
}

/**
 * Calls the dev login handler, built in-process with the stack's configuration and DEV_LOGIN as given (unset when
 * undefined). Config is parsed on a module's first request, so each setting gets modules of its own.
 */
async function devLoginWith(
  devLogin: string | undefined,
  body: { nickname: string; role: string },
): Promise<APIGatewayProxyStructuredResultV2> {
  Object.assign(process.env, JSON.parse(process.env.STACK_FUNCTION_ENV as string) as Record<string, string>);
  if (devLogin === undefined) delete process.env.DEV_LOGIN;
  else process.env.DEV_LOGIN = devLogin;
  let res: APIGatewayProxyStructuredResultV2 | undefined;
  await jest.isolateModulesAsync(async () => {
    const { dev } = (await import('../../functions/src/handlers/auth')) as unknown as { dev: Handler };
    res = await dev(devLoginEvent(body), { functionName: 'innovation-challenge-local-authDev' });
  });
  return res as APIGatewayProxyStructuredResultV2;
}

/** The key the dev login files a nickname and role under (functions/src/auth/auth.service.ts). */
const devIdentity = (role: string, nickname: string) =>
  `identity#dev#${createHash('sha256').update(`${role}\u0000${nickname}`).digest('base64url')}`;

/** The account stored for an identity, if any. */
async function storedUser(identity: string): Promise<unknown> {
  const doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
  try {
    const users = tableNames(process.env.STACK_TABLE_PREFIX as string).users;
    const link = (await doc.send(new GetCommand({ TableName: users, Key: { id: identity } }))).Item;
    if (typeof link?.userId !== 'string') return undefined;
    return (await doc.send(new GetCommand({ TableName: users, Key: { id: link.userId } }))).Item;
  } finally {
    doc.destroy();
  }
}

const codeOf = (res: { body?: string }) => (JSON.parse(res.body ?? '{}') as { error?: { code?: string } }).error?.code;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sessions', () => {
  it('expire: a token works until its exp, and is refused with 401 AUTH.INVALID_TOKEN after', async () => {
    const person = await login('user');
    const payload = JSON.parse(Buffer.from(person.token.split('.')[1] as string, 'base64url').toString('utf8')) as {
      iat: number;
      exp: number;
      sid?: string;
    };
    expect(payload.exp - payload.iat).toBe(person.expiresIn);

    // The same claims as the real token (its open session included), but expiring in 2 s.
    const now = Math.floor(Date.now() / 1000);
    const token = await signedToken(
      { sub: person.user.id, role: 'user', ...(payload.sid ? { sid: payload.sid } : {}) },
      { issuedAt: now, expiresAt: now + 2 },
    );
    const live = await call('GET', '/me/demands', { token });
    await sleep((now + 3) * 1000 - Date.now());
    const dead = await call<{ error: { code: string } }>('GET', '/me/demands', { token });
    const refused = dead.status === 401 && dead.body.error?.code === 'AUTH.INVALID_TOKEN';
    recordFigure({
      section: SECTION,
      name: 'a session past its exp',
      value: `${live.status} before, ${dead.status} ${dead.body.error?.code ?? ''} after`,
      target: '401 AUTH.INVALID_TOKEN after',
      pass: live.status === 200 && refused,
    });
    recordFigure({ section: SECTION, name: 'session lifetime (TOKEN_TTL_SECONDS)', value: `${person.expiresIn / 86_400} days` });
    expect({ live: live.status, dead: dead.status, code: dead.body.error?.code }).toEqual({
      live: 200,
      dead: 401,
      code: 'AUTH.INVALID_TOKEN',
    });
  }, 60_000);

  it('of a deleted account stay dead when the same person signs up again (dev and WeChat login)', async () => {
    const nickname = uniq('again');
    const dev = await deletedAccount('user', nickname);
    const deadAtOnce = await call('GET', '/me/demands', { token: dev.token });
    await login('user', nickname);
    const devAfter = await call('GET', '/me/demands', { token: dev.token });

    const person = uniq('p');
    const wechat = (await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${person}-1` } })).body;
    expect((await call('DELETE', '/me', { token: wechat.token })).status).toBe(200);
    const again = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${person}-2` } });
    // A new life of the account: a new id, so nothing of the former one can come back.
    expect(again.body.user.id).not.toBe(wechat.user.id);
    const wechatAfter = await call('GET', '/me/demands', { token: wechat.token });

    const statuses = { deadAtOnce: deadAtOnce.status, devAfterSignUp: devAfter.status, wechatAfterSignUp: wechatAfter.status };
    recordFigure({
      section: SECTION,
      name: 'session of a deleted account, after the person signs up again',
      value: `dev ${devAfter.status}, WeChat ${wechatAfter.status}`,
      target: '401',
      pass: devAfter.status === 401 && wechatAfter.status === 401,
    });
    expect(statuses).toEqual({ deadAtOnce: 401, devAfterSignUp: 401, wechatAfterSignUp: 401 });
  }, 60_000);
});

describe('dev login', () => {
  it('is refused with 403 AUTH.DEV_LOGIN_DISABLED unless DEV_LOGIN=1, and stores nobody', async () => {
    const refused: string[] = [];
    for (const setting of ['0', 'false', '', undefined]) {
      const body = { nickname: uniq('devoff'), role: 'admin' };
      const res = await devLoginWith(setting, body);
      const stored = await storedUser(devIdentity(body.role, body.nickname));
      expect({ setting, status: res.statusCode, code: codeOf(res), stored }).toEqual({
        setting,
        status: 403,
        code: 'AUTH.DEV_LOGIN_DISABLED',
        stored: undefined,
      });
      refused.push(setting === undefined ? 'unset' : `'${setting}'`);
    }
    // Control: the same handler with DEV_LOGIN=1 logs in, so the refusals above come from the setting.
    const body = { nickname: uniq('devon'), role: 'user' };
    const on = await devLoginWith('1', body);
    expect(on.statusCode).toBe(200);
    expect(await storedUser(devIdentity(body.role, body.nickname))).toMatchObject({ nickname: body.nickname });
    recordFigure({
      section: SECTION,
      name: `dev login with DEV_LOGIN ${refused.join(', ')}`,
      value: '403 AUTH.DEV_LOGIN_DISABLED, nothing stored',
      target: '403',
      pass: true,
    });
  }, 120_000);
});
