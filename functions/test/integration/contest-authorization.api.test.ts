// Every 揭榜比拼 route × every kind of caller: anonymous, another user, the solution's submitter, the demand's owner,
// a judge not assigned to the demand, the judge assigned to it, and an admin.
// The rule (contest-api.md): 404 when you may not even know it exists, 403 when you may see it but not act.
// A cell whose success changes state gets a fresh contest of its own; every other cell reads a shared one.
import { call, completeForm, login, published, submitted, uniq } from '../support/api';
import { assignJudges, createTrack, decide, solutionForm, submitSolution, trackRequest } from '../support/contest';

type Actor = 'anonymous' | 'other' | 'submitter' | 'owner' | 'judgeUnassigned' | 'judgeAssigned' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'other', 'submitter', 'owner', 'judgeUnassigned', 'judgeAssigned', 'admin'];

/**
 * The contest a cell runs against. `submitted`: a published demand with one solution by the submitter and the assigned
 * judge on its final. `shortlisted`: the same, with the solution shortlisted by the owner. `pending`: a demand still in
 * review (nobody outside may know it exists), no solution, no judges. `none`: the route needs no demand.
 */
type Fixture = 'none' | 'submitted' | 'shortlisted' | 'pending';

interface Contest {
  demandId: string;
  solutionId: string;
}

/** An expected status, optionally with the error code the contract names: 409 or '409 SOLUTION.EXISTS'. */
type Expected = number | `${number} ${string}`;

interface Row {
  route: string;
  method: string;
  path: (c: Contest) => string;
  fixture: Fixture;
  body?: (c: Contest) => unknown;
  /** A success changes state: the cells expected to succeed get a fresh contest. */
  mutates?: boolean;
  expect: Record<Actor, Expected>;
}

/** The same status for everyone logged in; anonymous callers get 401. */
const loggedIn = (status: Expected): Record<Actor, Expected> => ({
  anonymous: '401 AUTH.REQUIRED',
  other: status,
  submitter: status,
  owner: status,
  judgeUnassigned: status,
  judgeAssigned: status,
  admin: status,
});
/** Organisers only: 401 anonymous, 403 for every other logged-in caller. */
const adminOnly = (ok: Expected): Record<Actor, Expected> => ({ ...loggedIn('403 AUTH.FORBIDDEN'), admin: ok });
const everyone = (status: Expected): Record<Actor, Expected> => ({ ...loggedIn(status), anonymous: status });

const award = (c: Contest) => ({ demandId: c.demandId, kind: 'best_solution', target: 'solution', solutionId: c.solutionId, year: 2025 });
const editedForm = () => solutionForm({ title: '修改后的焊接变形控制方案' });

const rows: Row[] = [
  {
    route: 'POST /demands/{id}/solutions (published)',
    method: 'POST',
    path: (c) => `/demands/${c.demandId}/solutions`,
    fixture: 'submitted',
    body: () => solutionForm(),
    mutates: true,
    expect: {
      anonymous: '401 AUTH.REQUIRED',
      other: 201,
      submitter: '409 SOLUTION.EXISTS',
      owner: '409 SOLUTION.OWN_DEMAND',
      judgeUnassigned: 201,
      judgeAssigned: '409 SOLUTION.JUDGE_CONFLICT',
      admin: 201,
    },
  },
  {
    route: 'POST /demands/{id}/solutions (pending review)',
    method: 'POST',
    path: (c) => `/demands/${c.demandId}/solutions`,
    fixture: 'pending',
    body: () => solutionForm(),
    mutates: true,
    expect: {
      anonymous: '401 AUTH.REQUIRED',
      other: 404,
      submitter: 404,
      owner: 409,
      judgeUnassigned: 404,
      judgeAssigned: 404,
      admin: '409 SOLUTION.DEMAND_NOT_OPEN',
    },
  },
  {
    route: 'PUT /solutions/{id} (submitted)',
    method: 'PUT',
    path: (c) => `/solutions/${c.solutionId}`,
    fixture: 'submitted',
    body: editedForm,
    mutates: true,
    expect: { ...loggedIn('404 SOLUTION.NOT_FOUND'), submitter: 200 },
  },
  {
    route: 'PUT /solutions/{id} (shortlisted)',
    method: 'PUT',
    path: (c) => `/solutions/${c.solutionId}`,
    fixture: 'shortlisted',
    body: editedForm,
    mutates: true,
    expect: { ...loggedIn('404 SOLUTION.NOT_FOUND'), submitter: '409 SOLUTION.NOT_EDITABLE' },
  },
  {
    route: 'GET /solutions/{id} (submitted)',
    method: 'GET',
    path: (c) => `/solutions/${c.solutionId}`,
    fixture: 'submitted',
    expect: { ...loggedIn('404 SOLUTION.NOT_FOUND'), submitter: 200, owner: 200, admin: 200 },
  },
  {
    route: 'GET /solutions/{id} (shortlisted)',
    method: 'GET',
    path: (c) => `/solutions/${c.solutionId}`,
    fixture: 'shortlisted',
    expect: { ...loggedIn('404 SOLUTION.NOT_FOUND'), submitter: 200, owner: 200, judgeAssigned: 200, admin: 200 },
  },
  {
    route: 'GET /demands/{id}/solutions (published)',
    method: 'GET',
    path: (c) => `/demands/${c.demandId}/solutions`,
    fixture: 'submitted',
    expect: { ...loggedIn('403 AUTH.FORBIDDEN'), submitter: 200, owner: 200, judgeAssigned: 200, admin: 200 },
  },
  {
    route: 'GET /demands/{id}/solutions (pending review)',
    method: 'GET',
    path: (c) => `/demands/${c.demandId}/solutions`,
    fixture: 'pending',
    expect: { ...loggedIn(404), owner: 200, admin: 200 },
  },
  {
    route: 'GET /me/solutions',
    method: 'GET',
    path: () => '/me/solutions',
    fixture: 'none',
    expect: loggedIn(200),
  },
  {
    route: 'POST /solutions/{id}/decision shortlist (submitted)',
    method: 'POST',
    path: (c) => `/solutions/${c.solutionId}/decision`,
    fixture: 'submitted',
    body: () => ({ decision: 'shortlist' }),
    mutates: true,
    expect: {
      anonymous: '401 AUTH.REQUIRED',
      other: '404 SOLUTION.NOT_FOUND',
      submitter: '403 AUTH.FORBIDDEN',
      owner: 200,
      judgeUnassigned: '404 SOLUTION.NOT_FOUND',
      judgeAssigned: '404 SOLUTION.NOT_FOUND',
      admin: '403 AUTH.FORBIDDEN',
    },
  },
  {
    route: 'POST /solutions/{id}/decision decline (shortlisted)',
    method: 'POST',
    path: (c) => `/solutions/${c.solutionId}/decision`,
    fixture: 'shortlisted',
    body: () => ({ decision: 'decline', reason: '技术路线与我方产线不匹配' }),
    mutates: true,
    expect: {
      anonymous: '401 AUTH.REQUIRED',
      other: '404 SOLUTION.NOT_FOUND',
      submitter: '403 AUTH.FORBIDDEN',
      owner: 200,
      judgeUnassigned: '404 SOLUTION.NOT_FOUND',
      judgeAssigned: '403 AUTH.FORBIDDEN',
      admin: '403 AUTH.FORBIDDEN',
    },
  },
  {
    route: 'POST /admin/demands/{id}/judges',
    method: 'POST',
    path: (c) => `/admin/demands/${c.demandId}/judges`,
    fixture: 'submitted',
    body: () => ({ judgeIds: [ids.judgeAssigned] }),
    mutates: true,
    expect: adminOnly(200),
  },
  {
    route: 'PUT /solutions/{id}/score (shortlisted)',
    method: 'PUT',
    path: (c) => `/solutions/${c.solutionId}/score`,
    fixture: 'shortlisted',
    body: () => ({ completeness: 80, feasibility: 70, fit: 90 }),
    mutates: true,
    // Who may see the solution learns they may not score it; anyone else gets what a made-up id gets.
    expect: { ...loggedIn('403 FINAL.NOT_ASSIGNED'), other: '404 SOLUTION.NOT_FOUND', judgeUnassigned: '404 SOLUTION.NOT_FOUND', judgeAssigned: 200 },
  },
  {
    route: 'PUT /solutions/{id}/score (submitted)',
    method: 'PUT',
    path: (c) => `/solutions/${c.solutionId}/score`,
    fixture: 'submitted',
    body: () => ({ completeness: 80, feasibility: 70, fit: 90 }),
    mutates: true,
    expect: {
      ...loggedIn('403 FINAL.NOT_ASSIGNED'),
      other: '404 SOLUTION.NOT_FOUND',
      judgeUnassigned: '404 SOLUTION.NOT_FOUND',
      judgeAssigned: '409 SCORE.NOT_SHORTLISTED',
    },
  },
  {
    route: 'GET /demands/{id}/ranking (published)',
    method: 'GET',
    path: (c) => `/demands/${c.demandId}/ranking`,
    fixture: 'shortlisted',
    expect: { ...loggedIn('403 AUTH.FORBIDDEN'), owner: 200, judgeAssigned: 200, admin: 200 },
  },
  {
    route: 'GET /demands/{id}/ranking (pending review)',
    method: 'GET',
    path: (c) => `/demands/${c.demandId}/ranking`,
    fixture: 'pending',
    expect: { ...loggedIn(404), owner: 200, admin: 200 },
  },
  {
    route: 'POST /admin/demands/{id}/final/close',
    method: 'POST',
    path: (c) => `/admin/demands/${c.demandId}/final/close`,
    fixture: 'shortlisted',
    mutates: true,
    expect: adminOnly(200),
  },
  {
    route: 'GET /me/judging',
    method: 'GET',
    path: () => '/me/judging',
    fixture: 'none',
    expect: loggedIn(200),
  },
  {
    route: 'POST /admin/tracks',
    method: 'POST',
    path: () => '/admin/tracks',
    fixture: 'none',
    body: () => trackRequest({ name: `授权矩阵专场${uniq('')}`.slice(0, 40) }),
    mutates: true,
    expect: adminOnly(201),
  },
  {
    route: 'GET /tracks',
    method: 'GET',
    path: () => '/tracks',
    fixture: 'none',
    expect: everyone(200),
  },
  {
    route: 'PUT /admin/demands/{id}/track',
    method: 'PUT',
    path: (c) => `/admin/demands/${c.demandId}/track`,
    fixture: 'submitted',
    body: () => ({ trackId }),
    mutates: true,
    expect: adminOnly(200),
  },
  {
    route: 'POST /admin/awards',
    method: 'POST',
    path: () => '/admin/awards',
    fixture: 'shortlisted',
    body: award,
    mutates: true,
    expect: adminOnly(201),
  },
  {
    route: 'GET /me/awards',
    method: 'GET',
    path: () => '/me/awards',
    fixture: 'none',
    expect: loggedIn(200),
  },
  {
    route: 'GET /stats',
    method: 'GET',
    path: () => '/stats',
    fixture: 'none',
    expect: everyone(200),
  },
];

const tokens: Record<Actor, string | undefined> = {
  anonymous: undefined,
  other: '',
  submitter: '',
  owner: '',
  judgeUnassigned: '',
  judgeAssigned: '',
  admin: '',
};
const ids = { judgeAssigned: '' };
let trackId = '';
const shared: Partial<Record<Fixture, Contest>> = {};

/** A new contest in the given state: the owner's published demand, the submitter's solution, the assigned judge. */
async function contest(kind: Fixture): Promise<Contest> {
  const owner = tokens.owner as string;
  const admin = tokens.admin as string;
  if (kind === 'none') return { demandId: 'none', solutionId: 'none' };
  const form = completeForm({ title: `授权矩阵揭榜需求${uniq('')}`.slice(0, 40) });
  if (kind === 'pending') return { demandId: (await submitted(owner, form)).id, solutionId: 'none' };
  const demand = await published(owner, admin, form);
  const [solution] = await Promise.all([
    submitSolution(tokens.submitter as string, demand.id),
    assignJudges(admin, demand.id, [ids.judgeAssigned]),
  ]);
  if (kind === 'shortlisted') await decide(owner, solution.id, 'shortlist');
  return { demandId: demand.id, solutionId: solution.id };
}

function parse(expected: Expected): { status: number; code?: string } {
  if (typeof expected === 'number') return { status: expected };
  const [status, code] = expected.split(' ');
  return { status: Number(status), ...(code ? { code } : {}) };
}

const cells = rows.flatMap((row) => ACTORS.map((actor) => [row.route, actor, row] as const));
let checked = 0;

describe('authorisation of every 揭榜比拼 route', () => {
  beforeAll(async () => {
    const [other, submitter, owner, judgeUnassigned, judgeAssigned, admin] = await Promise.all([
      login('user'),
      login('user'),
      login('user'),
      login('judge'),
      login('judge'),
      login('admin'),
    ]);
    Object.assign(tokens, {
      other: other.token,
      submitter: submitter.token,
      owner: owner.token,
      judgeUnassigned: judgeUnassigned.token,
      judgeAssigned: judgeAssigned.token,
      admin: admin.token,
    });
    ids.judgeAssigned = judgeAssigned.user.id;
    const [submittedContest, shortlistedContest, pendingContest, track] = await Promise.all([
      contest('submitted'),
      contest('shortlisted'),
      contest('pending'),
      createTrack(admin.token),
    ]);
    Object.assign(shared, { none: { demandId: 'none', solutionId: 'none' }, submitted: submittedContest, shortlisted: shortlistedContest, pending: pendingContest });
    trackId = track.id;
  });

  afterAll(() => {
    process.stdout.write(`contest authorisation matrix: ${checked} of ${cells.length} cells checked (${rows.length} routes × ${ACTORS.length} callers)\n`);
  });

  it('covers every issue-5 route for every caller', () => {
    const routes = new Set(rows.map((r) => `${r.method} ${r.route.split(' ')[1]}`));
    expect([...routes].sort()).toEqual(
      [
        'POST /demands/{id}/solutions',
        'PUT /solutions/{id}',
        'GET /solutions/{id}',
        'GET /demands/{id}/solutions',
        'GET /me/solutions',
        'POST /solutions/{id}/decision',
        'POST /admin/demands/{id}/judges',
        'PUT /solutions/{id}/score',
        'GET /demands/{id}/ranking',
        'POST /admin/demands/{id}/final/close',
        'GET /me/judging',
        'POST /admin/tracks',
        'GET /tracks',
        'PUT /admin/demands/{id}/track',
        'POST /admin/awards',
        'GET /me/awards',
        'GET /stats',
      ].sort(),
    );
    expect(cells).toHaveLength(rows.length * ACTORS.length);
    expect(cells).toHaveLength(168);
  });

  it.each(cells)('%s as %s', async (_route, actor, row) => {
    const wanted = parse(row.expect[actor]);
    const fresh = row.mutates === true && wanted.status < 300;
    const c = fresh ? await contest(row.fixture) : (shared[row.fixture] as Contest);
    const res = await call(row.method, row.path(c), {
      token: tokens[actor],
      ...(row.body ? { json: row.body(c) } : {}),
    });
    const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
    expect({ status: res.status, ...(wanted.code ? { code } : {}) }).toEqual(wanted);
    if (res.status >= 400) {
      expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    checked += 1;
  });

  it('checked every cell', () => {
    expect(checked).toBe(cells.length);
  });
});
