// The rules of 揭榜比拼 over the HTTP API: what a solution must carry, what the owner may decide and when, how judges
// score and how the ranking follows, tracks, awards, and the owner's triage of the solutions.
import type {
  AwardsResponse,
  Demand,
  DemandDetailResponse,
  DemandListResponse,
  MySolutionsResponse,
  RankingEntry,
  RankingResponse,
  ScoreRequest,
  ScoreWeights,
  Solution,
  SolutionListResponse,
  Track,
  TracksResponse,
  TriagedSolution,
} from '@cic/shared';
import { call, completeForm, createDraft, login, published, submitted, uniq } from '../support/api';
import {
  assignJudges,
  closeFinal,
  createTrack,
  decide,
  errorOf,
  inbox,
  putScore,
  solutionForm,
  submitSolution,
  WELDING_SUMMARY,
} from '../support/contest';

let owner: string;
let admin: string;

beforeAll(async () => {
  [owner, admin] = (await Promise.all([login('user'), login('admin')])).map((u) => u.token) as [string, string];
});

/** A published demand of the shared owner, titled so no other test's demand shares its title. */
const demandOf = (overrides: Parameters<typeof completeForm>[0] = {}): Promise<Demand> =>
  published(owner, admin, completeForm({ title: `${uniq('')}钛合金薄板激光焊接变形控制`, ...overrides }));

/** `n` users, each with a solution to the demand. */
async function solutionsTo(demandId: string, n: number): Promise<{ token: string; solution: Solution }[]> {
  const users = await Promise.all(Array.from({ length: n }, () => login('user')));
  return Promise.all(
    users.map(async (u, i) => ({
      token: u.token,
      solution: await submitSolution(
        u.token,
        demandId,
        solutionForm({ title: `评审方案${String.fromCharCode(65 + i)}${uniq('')}` }),
      ),
    })),
  );
}

describe('solution rules', () => {
  let demand: Demand;
  let user: string;

  beforeAll(async () => {
    [demand, user] = await Promise.all([demandOf(), login('user').then((u) => u.token)]);
  });

  it('refuses a summary under 100 characters and names 方案简介', async () => {
    const short = Array.from(WELDING_SUMMARY).slice(0, 99).join('');
    const res = await call('POST', `/demands/${demand.id}/solutions`, { token: user, json: solutionForm({ summary: short }) });
    expect(errorOf(res)).toEqual({
      status: 400,
      code: 'REQUEST.VALIDATION',
      fields: { summary: expect.stringContaining('方案简介') },
    });
  });

  it('requires the NDA to be accepted: missing or false is 400 on ndaAccepted', async () => {
    const { ndaAccepted: _nda, ...withoutNda } = solutionForm();
    for (const body of [withoutNda, { ...withoutNda, ndaAccepted: false }]) {
      const res = await call('POST', `/demands/${demand.id}/solutions`, { token: user, json: body });
      expect(errorOf(res)).toEqual({
        status: 400,
        code: 'REQUEST.VALIDATION',
        fields: { ndaAccepted: expect.stringContaining('保密协议') },
      });
    }
    // Nothing was stored by the refused attempts.
    const mine = await call<MySolutionsResponse>('GET', '/me/solutions', { token: user });
    expect(mine.body.items.map((s) => s.demandId)).not.toContain(demand.id);
  });

  it('stores a solution, tells the owner, and refuses a second one from the same user', async () => {
    const [submitter, solo] = await Promise.all([login('user'), demandOf()]);
    const form = solutionForm();
    const first = await call<Solution>('POST', `/demands/${solo.id}/solutions`, { token: submitter.token, json: form });
    expect(first.status).toBe(201);
    const { ndaAccepted: _nda, ...fields } = form;
    expect(first.body).toMatchObject({
      ...fields,
      demandId: solo.id,
      submitterId: submitter.user.id,
      status: 'submitted',
      version: 1,
      ndaAcceptedAt: expect.any(String),
      history: [{ status: 'submitted', at: first.body.createdAt }],
    });
    expect(first.body).not.toHaveProperty('ndaAccepted');

    const second = await call('POST', `/demands/${solo.id}/solutions`, {
      token: submitter.token,
      json: solutionForm({ title: '第二份方案' }),
    });
    expect(errorOf(second)).toEqual({ status: 409, code: 'SOLUTION.EXISTS' });
    const mine = await call<MySolutionsResponse>('GET', '/me/solutions', { token: submitter.token });
    expect(mine.body.items.filter((s) => s.demandId === solo.id).map((s) => s.title)).toEqual([form.title]);

    const told = (await inbox(owner)).filter((n) => n.demandId === solo.id && n.reason === 'solution_new');
    expect(told).toEqual([expect.objectContaining({ solutionId: first.body.id })]);
  });

  it('lets the submitter edit while submitted, refuses a stale If-Match, and freezes the solution after a decision', async () => {
    const [{ token, solution }] = (await solutionsTo(demand.id, 1)) as [{ token: string; solution: Solution }];
    const edit = await call<Solution>('PUT', `/solutions/${solution.id}`, {
      token,
      headers: { 'if-match': String(solution.version) },
      json: solutionForm({ title: '第一次修改后的方案', costWan: 45 }),
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({
      id: solution.id,
      title: '第一次修改后的方案',
      costWan: 45,
      version: solution.version + 1,
      status: 'submitted',
    });

    const stale = await call('PUT', `/solutions/${solution.id}`, {
      token,
      headers: { 'if-match': String(solution.version) },
      json: solutionForm({ title: '基于旧版本的修改' }),
    });
    expect(errorOf(stale)).toEqual({ status: 409, code: 'SOLUTION.VERSION_CONFLICT' });
    const now = await call<Solution>('GET', `/solutions/${solution.id}`, { token });
    expect(now.body).toMatchObject({ title: '第一次修改后的方案', version: solution.version + 1 });

    await decide(owner, solution.id, 'shortlist');
    const late = await call('PUT', `/solutions/${solution.id}`, { token, json: solutionForm({ title: '入围后的修改' }) });
    expect(errorOf(late)).toEqual({ status: 409, code: 'SOLUTION.NOT_EDITABLE' });
    const kept = await call<Solution>('GET', `/solutions/${solution.id}`, { token });
    expect(kept.body).toMatchObject({ title: '第一次修改后的方案', status: 'shortlisted' });
  });

  it('does not let an owner 揭榜 their own demand', async () => {
    const res = await call('POST', `/demands/${demand.id}/solutions`, { token: owner, json: solutionForm() });
    expect(errorOf(res)).toEqual({ status: 409, code: 'SOLUTION.OWN_DEMAND' });
  });

  it('takes solutions for published demands only', async () => {
    const [draft, pending, closed] = await Promise.all([createDraft(owner, completeForm()), submitted(owner), demandOf()]);
    expect((await call('POST', `/demands/${closed.id}/close`, { token: owner })).status).toBe(200);
    const post = (id: string, token: string) => call('POST', `/demands/${id}/solutions`, { token, json: solutionForm() });
    // A demand the caller may not see does not exist for them.
    expect(errorOf(await post(draft.id, user))).toEqual({ status: 404, code: 'DEMAND.NOT_FOUND' });
    expect(errorOf(await post(pending.id, user))).toEqual({ status: 404, code: 'DEMAND.NOT_FOUND' });
    expect(errorOf(await post(pending.id, admin))).toEqual({ status: 409, code: 'SOLUTION.DEMAND_NOT_OPEN' });
    // A closed demand stays readable, but takes no more solutions.
    expect(errorOf(await post(closed.id, user))).toEqual({ status: 409, code: 'SOLUTION.DEMAND_NOT_OPEN' });
    expect(errorOf(await post('no-such-demand', user)).status).toBe(404);
  });
});

describe('decision rules', () => {
  it('needs a reason to decline; the submitter sees it in 我的揭榜 and in an inbox item', async () => {
    const demand = await demandOf();
    const [{ token, solution }] = (await solutionsTo(demand.id, 1)) as [{ token: string; solution: Solution }];
    const bare = await call('POST', `/solutions/${solution.id}/decision`, { token: owner, json: { decision: 'decline' } });
    expect(errorOf(bare)).toEqual({ status: 400, code: 'REQUEST.VALIDATION', fields: { reason: expect.any(String) } });

    const reason = `技术路线与现有产线不兼容${uniq('')}`;
    const declined = await decide(owner, solution.id, 'decline', reason);
    expect(declined).toMatchObject({ status: 'declined', decisionReason: reason, decidedAt: expect.any(String) });
    expect(declined.history.map((h) => h.status)).toEqual(['submitted', 'declined']);

    const mine = await call<MySolutionsResponse>('GET', '/me/solutions', { token });
    expect(mine.body.items.find((s) => s.id === solution.id)).toMatchObject({
      status: 'declined',
      decisionReason: reason,
      demandTitle: demand.title,
      demandStatus: 'published',
    });
    const items = (await inbox(token)).filter((n) => n.reason === 'solution_decision' && n.solutionId === solution.id);
    expect(items).toEqual([expect.objectContaining({ demandId: demand.id, decision: 'decline', note: reason })]);

    // Declined stays declined.
    const again = await call('POST', `/solutions/${solution.id}/decision`, { token: owner, json: { decision: 'shortlist' } });
    expect(errorOf(again)).toEqual({ status: 409, code: 'SOLUTION.INVALID_DECISION' });
  });

  it('moves the demand to matched on an intent, and refuses a second intent', async () => {
    const demand = await demandOf();
    const [first, second] = (await solutionsTo(demand.id, 2)) as [
      { token: string; solution: Solution },
      { token: string; solution: Solution },
    ];
    await decide(owner, second.solution.id, 'shortlist');
    const intent = await decide(owner, first.solution.id, 'intent');
    expect(intent.status).toBe('intent');

    const detail = await call<DemandDetailResponse>('GET', `/demands/${demand.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'matched', matchedAt: expect.any(String) });
    const mine = await call<MySolutionsResponse>('GET', '/me/solutions', { token: first.token });
    expect(mine.body.items.find((s) => s.id === first.solution.id)).toMatchObject({ status: 'intent', demandStatus: 'matched' });
    const told = (await inbox(first.token)).filter((n) => n.reason === 'solution_decision' && n.solutionId === first.solution.id);
    expect(told).toEqual([expect.objectContaining({ decision: 'intent' })]);

    const secondIntent = await call('POST', `/solutions/${second.solution.id}/decision`, {
      token: owner,
      json: { decision: 'intent' },
    });
    expect(errorOf(secondIntent)).toEqual({ status: 409, code: 'SOLUTION.MATCHED' });
    const late = await call('POST', `/demands/${demand.id}/solutions`, {
      token: (await login('user')).token,
      json: solutionForm(),
    });
    expect(errorOf(late)).toEqual({ status: 409, code: 'SOLUTION.DEMAND_NOT_OPEN' });
  });
});

describe('score rules', () => {
  /** A demand with `n` shortlisted solutions and two assigned judges. */
  async function final(n: number, weights?: ScoreWeights) {
    const demand = await demandOf();
    const [judges, entries] = await Promise.all([Promise.all([login('judge'), login('judge')]), solutionsTo(demand.id, n)]);
    await Promise.all([
      assignJudges(
        admin,
        demand.id,
        judges.map((j) => j.user.id),
        weights,
      ),
      ...entries.map((e) => decide(owner, e.solution.id, 'shortlist')),
    ]);
    return {
      demand,
      judges: judges.map((j) => j.token) as [string, string],
      judgeIds: judges.map((j) => j.user.id),
      solutions: entries.map((e) => e.solution),
    };
  }

  const ranking = async (demandId: string) =>
    (await call<RankingResponse>('GET', `/demands/${demandId}/ranking`, { token: owner })).body;

  it('takes integers 0–100 only, naming the criterion', async () => {
    const { judges, solutions } = await final(1);
    const good: ScoreRequest = { completeness: 80, feasibility: 80, fit: 80 };
    const cases: [string, unknown, string][] = [
      ['completeness', -1, '完备性'],
      ['feasibility', 101, '可实施性'],
      ['fit', 50.5, '匹配性'],
      ['completeness', '80', '完备性'],
    ];
    for (const [criterion, value, label] of cases) {
      const res = await call('PUT', `/solutions/${solutions[0]!.id}/score`, {
        token: judges[0],
        json: { ...good, [criterion]: value },
      });
      expect({ criterion, value, ...errorOf(res) }).toEqual({
        criterion,
        value,
        status: 400,
        code: 'REQUEST.VALIDATION',
        fields: { [criterion]: expect.stringContaining(label) },
      });
    }
    const missing = await call('PUT', `/solutions/${solutions[0]!.id}/score`, {
      token: judges[0],
      json: { completeness: 80, feasibility: 80 },
    });
    expect(errorOf(missing)).toEqual({
      status: 400,
      code: 'REQUEST.VALIDATION',
      fields: { fit: expect.stringContaining('匹配性') },
    });
    expect((await ranking(solutions[0]!.demandId)).items[0]).toMatchObject({ judgesScored: 0, total: null, rank: null });
  });

  it('keeps one score per judge per solution: a second PUT replaces the first', async () => {
    const { demand, judges, solutions } = await final(1);
    const id = solutions[0]!.id;
    await putScore(judges[0], id, { completeness: 40, feasibility: 40, fit: 40 });
    const latest = await putScore(judges[0], id, { completeness: 90, feasibility: 60, fit: 30 });
    expect(latest).toMatchObject({ solutionId: id, demandId: demand.id, completeness: 90, feasibility: 60, fit: 30 });
    const entry = (await ranking(demand.id)).items.find((e) => e.solutionId === id);
    expect(entry).toMatchObject({ judgesScored: 1, average: { completeness: 90, feasibility: 60, fit: 30 }, total: 60, rank: 1 });
    const mine = await call<SolutionListResponse>('GET', `/demands/${demand.id}/solutions`, { token: judges[0] });
    expect(mine.body.items.find((s) => s.id === id)).toMatchObject({
      myScore: { completeness: 90, feasibility: 60, fit: 30 },
      judgeScore: { total: 60, judges: 1 },
    });
  });

  it('keeps judges and challengers apart: no judge for a demand they solved or own, no 揭榜 by its judge', async () => {
    const { demand, judges, judgeIds, solutions } = await final(1);
    // A judge who has already submitted a solution to this demand cannot be made one of its judges.
    const judgeAsSubmitter = await login('judge');
    await submitSolution(judgeAsSubmitter.token, demand.id, solutionForm({ title: '评委自己的方案' }));
    const solved = await call('POST', `/admin/demands/${demand.id}/judges`, {
      token: admin,
      json: { judgeIds: [...judgeIds, judgeAsSubmitter.user.id] },
    });
    expect(errorOf(solved)).toEqual({
      status: 400,
      code: 'FINAL.JUDGE_INVALID',
      fields: { judgeIds: expect.stringContaining(judgeAsSubmitter.user.id) },
    });
    // Nor a judge who posted the demand.
    const judgeAsOwner = await login('judge');
    const theirs = await published(judgeAsOwner.token, admin, completeForm({ title: `${uniq('')}评委发布的需求` }));
    const own = await call('POST', `/admin/demands/${theirs.id}/judges`, {
      token: admin,
      json: { judgeIds: [judgeAsOwner.user.id] },
    });
    expect(errorOf(own)).toEqual({
      status: 400,
      code: 'FINAL.JUDGE_INVALID',
      fields: { judgeIds: expect.stringContaining(judgeAsOwner.user.id) },
    });
    // The refused assignment changed nothing: the judges are still the two, and the submitter is not one of them.
    const score = { completeness: 70, feasibility: 70, fit: 70 };
    await putScore(judges[0], solutions[0]!.id, score);
    const outside = await call('PUT', `/solutions/${solutions[0]!.id}/score`, { token: judgeAsSubmitter.token, json: score });
    // Not theirs and not their final: they learn nothing of it (as for a made-up id).
    expect(errorOf(outside)).toEqual({ status: 404, code: 'SOLUTION.NOT_FOUND' });
    // An assigned judge cannot 揭榜 the demand they judge.
    const rival = await call('POST', `/demands/${demand.id}/solutions`, { token: judges[1], json: solutionForm() });
    expect(errorOf(rival)).toEqual({ status: 409, code: 'SOLUTION.JUDGE_CONFLICT' });
  });

  it('scores shortlisted solutions only, and only by an assigned judge', async () => {
    const { demand, judges } = await final(0);
    const [waiting, declined] = (await solutionsTo(demand.id, 2)).map((e) => e.solution) as [Solution, Solution];
    await decide(owner, declined.id, 'decline', '不符合要求');
    const body = { completeness: 70, feasibility: 70, fit: 70 };
    for (const [state, s] of [
      ['submitted', waiting],
      ['declined', declined],
    ] as const) {
      const res = await call('PUT', `/solutions/${s.id}/score`, { token: judges[0], json: body });
      expect({ state, ...errorOf(res) }).toEqual({ state, status: 409, code: 'SCORE.NOT_SHORTLISTED' });
    }
    await decide(owner, waiting.id, 'shortlist');
    const outsider = await login('judge');
    const res = await call('PUT', `/solutions/${waiting.id}/score`, { token: outsider.token, json: body });
    expect(errorOf(res)).toEqual({ status: 404, code: 'SOLUTION.NOT_FOUND' });
    await putScore(judges[0], waiting.id, body);
  });

  it('refuses a judge who is not a user with the judge role', async () => {
    const demand = await demandOf();
    const plain = await login('user');
    const res = await call('POST', `/admin/demands/${demand.id}/judges`, { token: admin, json: { judgeIds: [plain.user.id] } });
    expect(errorOf(res)).toEqual({ status: 400, code: 'FINAL.JUDGE_INVALID', fields: { judgeIds: expect.any(String) } });
    const unknown = await call('POST', `/admin/demands/${demand.id}/judges`, {
      token: admin,
      json: { judgeIds: ['no-such-user'] },
    });
    expect(errorOf(unknown)).toEqual({ status: 400, code: 'FINAL.JUDGE_INVALID', fields: { judgeIds: expect.any(String) } });
  });

  it('freezes the scores when the final is closed', async () => {
    const { demand, judges, solutions } = await final(1);
    const id = solutions[0]!.id;
    await putScore(judges[0], id, { completeness: 80, feasibility: 80, fit: 80 });
    const closed = await closeFinal(admin, demand.id);
    expect(closed.closedAt).toEqual(expect.any(String));
    for (const judge of judges) {
      const res = await call('PUT', `/solutions/${id}/score`, {
        token: judge,
        json: { completeness: 10, feasibility: 10, fit: 10 },
      });
      expect(errorOf(res)).toEqual({ status: 409, code: 'FINAL.CLOSED' });
    }
    const after = await ranking(demand.id);
    expect(after).toMatchObject({ closed: true, closedAt: closed.closedAt });
    expect(after.items[0]).toMatchObject({ judgesScored: 1, total: 80 });
    const twice = await call('POST', `/admin/demands/${demand.id}/final/close`, { token: admin });
    expect(errorOf(twice)).toEqual({ status: 409, code: 'FINAL.CLOSED' });
    const judging = await call<{ items: { demandId: string; closed: boolean }[] }>('GET', '/me/judging', { token: judges[0] });
    expect(judging.body.items.find((j) => j.demandId === demand.id)).toMatchObject({
      closed: true,
      shortlisted: 1,
      scoredByMe: 1,
    });
  });
});

describe('ranking', () => {
  /** One judge's total under the weights, and the mean over judges: what the ranking must show. */
  function weightedMean(scores: ScoreRequest[], w: ScoreWeights): number {
    const sum = w.completeness + w.feasibility + w.fit;
    const each = scores.map((s) => (s.completeness * w.completeness + s.feasibility * w.feasibility + s.fit * w.fit) / sum);
    return Math.round((each.reduce((a, b) => a + b, 0) / each.length) * 100) / 100;
  }

  it('ranks by the weighted mean over judges, with configurable weights and shared ranks for ties', async () => {
    const weights: ScoreWeights = { completeness: 2, feasibility: 1, fit: 1 };
    const demand = await demandOf();
    const [j1, j2] = await Promise.all([login('judge'), login('judge')]);
    const entries = await solutionsTo(demand.id, 5);
    const [s1, s2, s3, s4, s5] = entries.map((e) => e.solution) as [Solution, Solution, Solution, Solution, Solution];
    const final = await assignJudges(admin, demand.id, [j1.user.id, j2.user.id], weights);
    expect(final.weights).toEqual(weights);
    await Promise.all(entries.map((e) => decide(owner, e.solution.id, 'shortlist')));

    const scores: Record<string, [ScoreRequest, ScoreRequest?]> = {
      // (2·80+60+40)/4 = 65 and (2·90+70+50)/4 = 75: mean 70.
      [s1.id]: [
        { completeness: 80, feasibility: 60, fit: 40 },
        { completeness: 90, feasibility: 70, fit: 50 },
      ],
      // 50 and 70: mean 60 under these weights (with equal weights it would be 55).
      [s2.id]: [
        { completeness: 100, feasibility: 0, fit: 0 },
        { completeness: 50, feasibility: 90, fit: 90 },
      ],
      // 60 and 60: a tie with s2.
      [s3.id]: [
        { completeness: 60, feasibility: 60, fit: 60 },
        { completeness: 60, feasibility: 60, fit: 60 },
      ],
      // One judge only: 50.
      [s4.id]: [{ completeness: 50, feasibility: 50, fit: 50 }],
    };
    await Promise.all(
      Object.entries(scores).flatMap(([id, [a, b]]) => [putScore(j1.token, id, a), ...(b ? [putScore(j2.token, id, b)] : [])]),
    );

    const res = await call<RankingResponse>('GET', `/demands/${demand.id}/ranking`, { token: owner });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ demandId: demand.id, weights, judges: 2, closed: false });
    const byId = new Map(res.body.items.map((e) => [e.solutionId, e]));
    for (const [id, given] of Object.entries(scores)) {
      const list = given.filter((s): s is ScoreRequest => s !== undefined);
      expect(byId.get(id)).toMatchObject({ judgesScored: list.length, total: weightedMean(list, weights) });
    }
    const summary = (e: RankingEntry | undefined) => e && { total: e.total, rank: e.rank };
    expect(summary(byId.get(s1.id))).toEqual({ total: 70, rank: 1 });
    expect(summary(byId.get(s2.id))).toEqual({ total: 60, rank: 2 });
    expect(summary(byId.get(s3.id))).toEqual({ total: 60, rank: 2 });
    expect(summary(byId.get(s4.id))).toEqual({ total: 50, rank: 4 });
    expect(byId.get(s5.id)).toMatchObject({ judgesScored: 0, average: null, total: null, rank: null });
    expect(byId.get(s1.id)?.average).toEqual({ completeness: 85, feasibility: 65, fit: 45 });
    expect(byId.get(s1.id)).toMatchObject({ title: s1.title, organisation: s1.organisation, status: 'shortlisted' });
    // Best first, the tie together, the unscored last.
    const order = res.body.items.map((e) => e.solutionId);
    expect(order[0]).toBe(s1.id);
    expect(order.slice(1, 3).sort()).toEqual([s2.id, s3.id].sort());
    expect(order.slice(3)).toEqual([s4.id, s5.id]);

    // The owner's list sorted by score agrees with the ranking.
    const list = await call<SolutionListResponse>('GET', `/demands/${demand.id}/solutions?sort=score`, { token: owner });
    expect(list.body.items[0]).toMatchObject({ id: s1.id, judgeScore: { total: 70, judges: 2 } });
    expect(list.body.items.at(-1)?.id).toBe(s5.id);
    expect(list.body.items.at(-1)?.judgeScore).toBeUndefined();

    // Other weights, same scores: the totals follow.
    const equal: ScoreWeights = { completeness: 1, feasibility: 1, fit: 1 };
    await assignJudges(admin, demand.id, [j1.user.id, j2.user.id], equal);
    const reweighed = await call<RankingResponse>('GET', `/demands/${demand.id}/ranking`, { token: j1.token });
    expect(reweighed.body.weights).toEqual(equal);
    const again = new Map(reweighed.body.items.map((e) => [e.solutionId, e]));
    expect(summary(again.get(s2.id))).toEqual({ total: 55, rank: 3 });
    expect(summary(again.get(s3.id))).toEqual({ total: 60, rank: 2 });
  });
});

describe('tracks', () => {
  it('creates a track, lists it, puts a published demand in it and filters the public list by it', async () => {
    const track = await createTrack(admin, { name: `长三角专场${uniq('')}`.slice(0, 40), kind: 'yangtze_delta' });
    expect(track).toMatchObject({
      id: expect.any(String),
      kind: 'yangtze_delta',
      startDate: '2025-03-01',
      endDate: '2025-11-30',
      createdAt: expect.any(String),
    });
    const tracks = await call<TracksResponse>('GET', '/tracks');
    expect(tracks.body.items.map((t) => t.id)).toContain(track.id);
    const times = tracks.body.items.map((t) => t.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    const [demand, pending] = await Promise.all([demandOf(), submitted(owner)]);
    const put = await call<Demand>('PUT', `/admin/demands/${demand.id}/track`, { token: admin, json: { trackId: track.id } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: demand.id, trackId: track.id, status: 'published' });
    expect((await call('PUT', `/admin/demands/${pending.id}/track`, { token: admin, json: { trackId: track.id } })).status).toBe(
      200,
    );

    const list = await call<DemandListResponse>('GET', `/demands?track=${track.id}`);
    expect(list.status).toBe(200);
    // Only published demands: the pending one in the same track stays out.
    expect(list.body.items.map((d) => d.id)).toEqual([demand.id]);
    const detail = await call<DemandDetailResponse>('GET', `/demands/${demand.id}`);
    expect(detail.body.track).toEqual({ id: track.id, name: track.name, kind: track.kind });

    const removed = await call<Demand>('PUT', `/admin/demands/${demand.id}/track`, { token: admin, json: { trackId: null } });
    expect(removed.status).toBe(200);
    expect((await call<DemandListResponse>('GET', `/demands?track=${track.id}`)).body.items).toEqual([]);
    expect((await call<DemandDetailResponse>('GET', `/demands/${demand.id}`)).body.track).toBeUndefined();
  });

  it('refuses an unknown track with 404 and leaves the demand as it was', async () => {
    const demand = await demandOf();
    const res = await call('PUT', `/admin/demands/${demand.id}/track`, { token: admin, json: { trackId: 'no-such-track' } });
    expect(errorOf(res)).toEqual({ status: 404, code: 'TRACK.NOT_FOUND' });
    const detail = await call<DemandDetailResponse>('GET', `/demands/${demand.id}`, { token: owner });
    expect(detail.body.track).toBeUndefined();
    expect((detail.body as Demand).version).toBe(demand.version);
  });

  it('validates a track: an end before the start is refused on endDate', async () => {
    const res = await call<Track>('POST', '/admin/tracks', {
      token: admin,
      json: { name: '时间倒置的专场', kind: 'industry', startDate: '2025-06-01', endDate: '2025-05-01' },
    });
    expect(errorOf(res)).toEqual({ status: 400, code: 'REQUEST.VALIDATION', fields: { endDate: expect.any(String) } });
  });
});

describe('awards', () => {
  it("shows 最佳解决方案奖 with the organisation on the demand and on the submitter's profile", async () => {
    const demand = await demandOf();
    const submitter = await login('user');
    const organisation = `${uniq('')}新材料研究院`;
    const solution = await submitSolution(submitter.token, demand.id, solutionForm({ organisation }));
    const res = await call('POST', '/admin/awards', {
      token: admin,
      json: {
        demandId: demand.id,
        kind: 'best_solution',
        target: 'solution',
        solutionId: solution.id,
        year: 2025,
        note: '方案完整，指标可验证',
      },
    });
    expect(res.status).toBe(201);
    const award = res.body as { id: string };
    expect(res.body).toMatchObject({
      demandId: demand.id,
      kind: 'best_solution',
      label: '最佳解决方案奖',
      target: 'solution',
      solutionId: solution.id,
      winnerName: organisation,
      year: 2025,
    });
    expect(res.body).not.toHaveProperty('winnerId');

    const detail = await call<DemandDetailResponse>('GET', `/demands/${demand.id}`);
    expect(detail.body.awards).toEqual([
      expect.objectContaining({ id: award.id, label: '最佳解决方案奖', winnerName: organisation }),
    ]);
    const mine = await call<AwardsResponse>('GET', '/me/awards', { token: submitter.token });
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: award.id, winnerName: organisation, demandTitle: demand.title }),
    ]);
    const stranger = await call<AwardsResponse>('GET', '/me/awards', { token: (await login('user')).token });
    expect(stranger.body.items).toEqual([]);
  });

  it('names the owner of an anonymous demand 匿名企业, never the company', async () => {
    const companyName = `保密${uniq('')}精密机械有限公司`;
    const [anonymous, open] = await Promise.all([
      demandOf({ anonymous: true, companyName }),
      demandOf({ anonymous: false, companyName: `公开${uniq('')}科技有限公司` }),
    ]);
    const give = (demandId: string) =>
      call<{ id: string; winnerName: string }>('POST', '/admin/awards', {
        token: admin,
        json: { demandId, kind: 'best_open_enterprise', target: 'owner', year: 2025 },
      });
    const [hidden, shown] = await Promise.all([give(anonymous.id), give(open.id)]);
    expect(hidden.status).toBe(201);
    expect(hidden.body.winnerName).toBe('匿名企业');
    expect(hidden.text).not.toContain(companyName);
    expect(shown.body.winnerName).toBe(open.companyName);

    const detail = await call<DemandDetailResponse>('GET', `/demands/${anonymous.id}`);
    expect(detail.body.awards).toEqual([
      expect.objectContaining({ id: hidden.body.id, label: '最佳开放式创新企业奖', winnerName: '匿名企业' }),
    ]);
    expect(detail.text).not.toContain(companyName);
    const mine = await call<AwardsResponse>('GET', '/me/awards', { token: owner });
    expect(mine.body.items.map((a) => a.id)).toEqual(expect.arrayContaining([hidden.body.id, shown.body.id]));
  });

  it('refuses a solution award for a solution of another demand', async () => {
    const [a, b] = await Promise.all([demandOf(), demandOf()]);
    const [{ solution }] = (await solutionsTo(b.id, 1)) as [{ token: string; solution: Solution }];
    const res = await call('POST', '/admin/awards', {
      token: admin,
      json: { demandId: a.id, kind: 'best_solution', target: 'solution', solutionId: solution.id, year: 2025 },
    });
    expect(errorOf(res)).toEqual({ status: 400, code: 'AWARD.TARGET_INVALID', fields: { solutionId: expect.any(String) } });
  });
});

describe("triage of a demand's solutions", () => {
  const UNRELATED =
    '本方案面向茶叶品牌的线上营销，结合短视频内容运营、社群私域流量与直播带货，帮助茶企建立会员体系，提升复购率与客单价。' +
    '团队拥有十年快消品牌运营经验，服务过多家知名茶饮企业，可提供品牌定位、视觉设计、渠道拓展与数据分析的全链路服务，预计六个月内实现线上销售额翻番。';

  it('puts the solution that answers the demand first by fit, with the shared words, counts states, and sorts by time', async () => {
    const demand = await demandOf();
    const demandText = `${demand.title} ${demand.description}`;
    const [u1, u2, u3] = await Promise.all([login('user'), login('user'), login('user')]);
    // Submitted one after another, so their times are in this order.
    const unrelated = await submitSolution(
      u1.token,
      demand.id,
      solutionForm({ title: '茶叶品牌线上营销方案', summary: UNRELATED }),
    );
    const fitting = await submitSolution(
      u2.token,
      demand.id,
      solutionForm({ title: '钛合金薄板激光焊接变形控制方案', summary: WELDING_SUMMARY }),
    );
    const third = await submitSolution(
      u3.token,
      demand.id,
      solutionForm({ title: '茶饮门店数字化运营方案', summary: UNRELATED }),
    );

    const byFit = await call<SolutionListResponse>('GET', `/demands/${demand.id}/solutions?sort=fit`, { token: owner });
    expect(byFit.status).toBe(200);
    expect(byFit.body).toMatchObject({ sort: 'fit', viewer: { role: 'owner' } });
    const ids = byFit.body.items.map((s) => s.id);
    expect(ids[0]).toBe(fitting.id);
    const get = (id: string) => byFit.body.items.find((s) => s.id === id) as TriagedSolution;
    expect(get(fitting.id).fit.score).toBeGreaterThan(get(unrelated.id).fit.score);
    const terms = get(fitting.id).fit.terms;
    expect(terms.some((t) => t.includes('激光焊接'))).toBe(true);
    expect(terms.some((t) => t.includes('钛合金'))).toBe(true);
    for (const t of terms) expect({ term: t, inDemand: demandText.includes(t) }).toEqual({ term: t, inDemand: true });
    expect(get(unrelated.id).fit.terms.filter((t) => /焊|钛|合金|变形/.test(t))).toEqual([]);
    for (const s of byFit.body.items) expect(s.fit.score).toBeGreaterThanOrEqual(0);
    for (const s of byFit.body.items) expect(s.fit.score).toBeLessThanOrEqual(100);

    const byTime = await call<SolutionListResponse>('GET', `/demands/${demand.id}/solutions?sort=time`, { token: owner });
    expect(byTime.body.items.map((s) => s.id)).toEqual([third.id, fitting.id, unrelated.id]);
    const byDefault = await call<SolutionListResponse>('GET', `/demands/${demand.id}/solutions`, { token: owner });
    expect(byDefault.body.sort).toBe('time');
    expect(byDefault.body.items.map((s) => s.id)).toEqual([third.id, fitting.id, unrelated.id]);

    await Promise.all([decide(owner, fitting.id, 'shortlist'), decide(owner, unrelated.id, 'decline', '与需求无关')]);
    const counted = await call<SolutionListResponse>('GET', `/demands/${demand.id}/solutions?status=declined`, { token: admin });
    expect(counted.body.viewer.role).toBe('admin');
    expect(counted.body.counts).toEqual({ submitted: 1, shortlisted: 1, declined: 1, intent: 0 });
    expect(counted.body.items.map((s) => s.id)).toEqual([unrelated.id]);

    const bad = await call('GET', `/demands/${demand.id}/solutions?sort=random`, { token: owner });
    expect(errorOf(bad)).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION' });
  });
});

describe('stats', () => {
  it('is public and may be cached for a minute', async () => {
    const res = await call<{ solutions: number; matched: number }>('GET', '/stats');
    expect(res.status).toBe(200);
    const cache = res.headers['cache-control'] ?? '';
    expect(cache).toContain('public');
    // A shared cache (CDN) keeps it a minute; a browser revalidates, so a page shows the figures of the moment.
    expect(cache.split(/,\s*/)).toEqual(expect.arrayContaining(['s-maxage=60', 'max-age=0']));
    expect(res.body).toMatchObject({ solutions: expect.any(Number), matched: expect.any(Number) });
  });
});
