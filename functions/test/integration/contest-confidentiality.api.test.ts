// A solution is confidential: only its submitter, the demand's owner, the organisers and (once shortlisted) the final's
// judges ever see its text. Three solutions carry unique markers in every text field; every route and response that
// someone else can reach is read and must never contain another party's marker or solution id.
import type {
  DemandDetailResponse,
  DemandListResponse,
  MySolutionsResponse,
  RankingResponse,
  Solution,
  SolutionListResponse,
} from '@cic/shared';
import { call, completeForm, login, published, uniq, type Reply } from '../support/api';
import { assignJudges, decide, inbox, markedForm, putScore, submitSolution } from '../support/contest';
import { eventually } from '../support/stack-env';

interface Party {
  token: string;
  solution: Solution;
  markers: string[];
}

describe('solution confidentiality', () => {
  const tag = uniq('cf');
  let owner: string;
  let admin: string;
  let other: string;
  let follower: string;
  let judgeUnassigned: string;
  let judgeAssigned: string;
  let demandId: string;
  /** A stays submitted (judges never see it), B is shortlisted (judges see it), C is declined with a reason. */
  const p: Record<'A' | 'B' | 'C', Party> = {} as Record<'A' | 'B' | 'C', Party>;

  /** Every marker and solution id that does not belong to the parties named. */
  function secretsExcept(...allowed: ('A' | 'B' | 'C')[]): string[] {
    return (['A', 'B', 'C'] as const).filter((k) => !allowed.includes(k)).flatMap((k) => [...p[k].markers, p[k].solution.id]);
  }

  /** The secrets found in a response's raw text; ids in the request path are the caller's own words, so not counted. */
  function leaks(what: string, res: Reply, secrets: string[], path = ''): { what: string; leaked: string[] } {
    return { what, leaked: secrets.filter((s) => res.text.includes(s) && !path.includes(s)) };
  }

  async function read(what: string, method: string, path: string, token: string | undefined, secrets: string[], status?: number) {
    const res = await call<unknown>(method, path, {
      token,
      ...(method === 'PUT' ? { json: { completeness: 1, feasibility: 1, fit: 1 } } : {}),
    });
    if (status !== undefined) expect({ what, status: res.status }).toEqual({ what, status });
    expect(leaks(what, res, secrets, path)).toEqual({ what, leaked: [] });
    return res;
  }

  /** The callers with no part in any solution, by name. */
  const strangers = (): [string, string | undefined][] => [
    ['anonymous', undefined],
    ['other', other],
    ['unassigned judge', judgeUnassigned],
  ];

  /** read() as one caller: each `what` ends in ` as <who>`. */
  const readAs =
    (who: string, token: string | undefined, secrets: string[]) =>
    (what: string, path: string, status: number, method = 'GET') =>
      read(`${what} as ${who}`, method, path, token, secrets, status);

  beforeAll(async () => {
    const [o, a, ot, f, ju, ja, sa, sb, sc] = await Promise.all([
      login('user'),
      login('admin'),
      login('user'),
      login('user'),
      login('judge'),
      login('judge'),
      login('user'),
      login('user'),
      login('user'),
    ]);
    [owner, admin, other, follower, judgeUnassigned, judgeAssigned] = [o.token, a.token, ot.token, f.token, ju.token, ja.token];
    demandId = (await published(owner, admin, completeForm({ title: `${tag}钛合金薄板激光焊接变形控制` }))).id;
    const forms = { A: markedForm('a'), B: markedForm('b'), C: markedForm('c') };
    const [solA, solB, solC] = await Promise.all([
      submitSolution(sa.token, demandId, forms.A.form),
      submitSolution(sb.token, demandId, forms.B.form),
      submitSolution(sc.token, demandId, forms.C.form),
      assignJudges(admin, demandId, [ja.user.id]),
      call('PUT', `/demands/${demandId}/follow`, { token: follower }).then((r) => {
        if (r.status !== 200) throw new Error(`follow failed: ${r.status} ${r.text}`);
      }),
    ]);
    p.A = { token: sa.token, solution: solA, markers: forms.A.markers };
    p.B = { token: sb.token, solution: solB, markers: forms.B.markers };
    p.C = { token: sc.token, solution: solC, markers: forms.C.markers };
    await Promise.all([decide(owner, solB.id, 'shortlist'), decide(owner, solC.id, 'decline', '与我方现有产线不兼容')]);
    await putScore(judgeAssigned, solB.id, { completeness: 80, feasibility: 75, fit: 90 });
  });

  it('shows every marker to those allowed to see it (so the leak checks below can fail)', async () => {
    for (const token of [owner, admin]) {
      const list = await call('GET', `/demands/${demandId}/solutions`, { token });
      expect(list.status).toBe(200);
      expect(secretsExcept().filter((s) => !list.text.includes(s))).toEqual([]);
    }
    for (const k of ['A', 'B', 'C'] as const) {
      const own = await call('GET', `/solutions/${p[k].solution.id}`, { token: p[k].token });
      expect(p[k].markers.filter((s) => !own.text.includes(s))).toEqual([]);
    }
    const judged = await call('GET', `/solutions/${p.B.solution.id}`, { token: judgeAssigned });
    expect(p.B.markers.filter((s) => !judged.text.includes(s))).toEqual([]);
  });

  it('keeps every solution out of the public views: detail, list, search, tracks and stats', async () => {
    const all = secretsExcept();
    for (const [who, token] of [...strangers(), ['follower', follower] as const]) {
      const detail = await readAs(who, token, all)('GET /demands/{id}', `/demands/${demandId}`, 200);
      expect((detail.body as DemandDetailResponse).viewer.mySolution).toBeUndefined();
    }
    // The search index catches up within seconds; once the demand is found, the page had something to leak.
    const found = await eventually('the demand in search', async () => {
      const res = await call<DemandListResponse>('GET', `/demands?q=${encodeURIComponent(tag)}`);
      return res.body.items.some((d) => d.id === demandId) ? res : undefined;
    });
    expect(leaks('GET /demands?q=tag', found, all)).toEqual({ what: 'GET /demands?q=tag', leaked: [] });
    await read('GET /demands (newest)', 'GET', '/demands?limit=50', undefined, all, 200);
    const textMarkers = (['A', 'B', 'C'] as const).flatMap((k) => p[k].markers).filter((m) => !/^\d+$/.test(m));
    for (const marker of textMarkers) {
      const res = await read(`GET /demands?q=${marker}`, 'GET', `/demands?q=${encodeURIComponent(marker)}`, undefined, all, 200);
      // Solution text is not indexed into the demand search.
      expect({ marker, ids: (res.body as DemandListResponse).items.map((d) => d.id) }).toEqual({
        marker,
        ids: expect.not.arrayContaining([demandId]),
      });
    }
    await read('GET /tracks', 'GET', '/tracks', undefined, all, 200);
    await read('GET /stats', 'GET', '/stats', undefined, all, 200);
  });

  it('tells anonymous callers, other users and an unassigned judge nothing about a solution', async () => {
    const all = secretsExcept();
    for (const [who, token] of strangers()) {
      const as = readAs(who, token, all);
      for (const k of ['A', 'B', 'C'] as const) {
        await as(`GET /solutions/${k}`, `/solutions/${p[k].solution.id}`, token ? 404 : 401);
        await as(`PUT /solutions/${k}/score`, `/solutions/${p[k].solution.id}/score`, token ? 404 : 401, 'PUT');
      }
      await as('GET /demands/{id}/solutions', `/demands/${demandId}/solutions?sort=fit`, token ? 403 : 401);
      await as('GET /demands/{id}/ranking', `/demands/${demandId}/ranking`, token ? 403 : 401);
      if (token) {
        await as('GET /me/solutions', '/me/solutions', 200);
        await as('GET /me/judging', '/me/judging', 200);
        await as('GET /me/awards', '/me/awards', 200);
      }
    }
  });

  it('shows another submitter of the same demand only their own solution', async () => {
    for (const k of ['A', 'B', 'C'] as const) {
      const { token, solution } = p[k];
      const others = secretsExcept(k);
      const as = readAs(k, token, others);
      const list = await as('GET /demands/{id}/solutions', `/demands/${demandId}/solutions?sort=fit`, 200);
      const body = list.body as SolutionListResponse;
      expect(body.viewer.role).toBe('submitter');
      expect(body.items.map((s) => s.id)).toEqual([solution.id]);
      const counts = Object.values(body.counts).reduce((a, b) => a + b, 0);
      expect(counts).toBe(1);
      const own = await as('GET /solutions/own', `/solutions/${solution.id}`, 200);
      expect((own.body as Solution).title).toBe(solution.title);
      for (const j of (['A', 'B', 'C'] as const).filter((x) => x !== k)) {
        await as(`GET /solutions/${j}`, `/solutions/${p[j].solution.id}`, 404);
        await as(`PUT /solutions/${j}/score`, `/solutions/${p[j].solution.id}/score`, 404, 'PUT');
      }
      await as('GET /demands/{id}/ranking', `/demands/${demandId}/ranking`, 403);
      const mine = await as('GET /me/solutions', '/me/solutions', 200);
      expect((mine.body as MySolutionsResponse).items.map((s) => s.id)).toEqual([solution.id]);
      const detail = await as('GET /demands/{id}', `/demands/${demandId}`, 200);
      expect((detail.body as DemandDetailResponse).viewer.mySolution).toEqual({ id: solution.id, status: expect.any(String) });
      await as('GET /me/judging', '/me/judging', 200);
    }
  });

  it('shows the assigned judge the shortlisted solution only', async () => {
    const asJudge = readAs('judge', judgeAssigned, secretsExcept('B'));
    const list = await asJudge('GET /demands/{id}/solutions', `/demands/${demandId}/solutions?sort=score`, 200);
    const body = list.body as SolutionListResponse;
    expect(body.viewer.role).toBe('judge');
    expect(body.items.map((s) => s.id)).toEqual([p.B.solution.id]);
    expect(body.counts).toEqual({ submitted: 0, shortlisted: 1, declined: 0, intent: 0 });
    for (const status of ['submitted', 'declined'] as const) {
      const filtered = await asJudge(`list status=${status}`, `/demands/${demandId}/solutions?status=${status}`, 200);
      expect((filtered.body as SolutionListResponse).items).toEqual([]);
    }
    await asJudge('GET /solutions/B', `/solutions/${p.B.solution.id}`, 200);
    await asJudge('GET /solutions/A', `/solutions/${p.A.solution.id}`, 404);
    await asJudge('GET /solutions/C', `/solutions/${p.C.solution.id}`, 404);
    const ranking = await asJudge('GET /demands/{id}/ranking', `/demands/${demandId}/ranking`, 200);
    expect((ranking.body as RankingResponse).items.map((e) => e.solutionId)).toEqual([p.B.solution.id]);
    await asJudge('GET /me/judging', '/me/judging', 200);
    await asJudge('GET /demands/{id}', `/demands/${demandId}`, 200);
  });

  it("puts no solution text in anyone else's inbox, after the decisions and the close", async () => {
    const closed = await call('POST', `/demands/${demandId}/close`, { token: owner });
    expect(closed.status).toBe(200);
    // The follower's close alert comes through the stream: once it is there, the inboxes have had time to fill.
    await eventually("the follower's close alert", async () =>
      (await inbox(follower)).find((n) => n.demandId === demandId && n.reason === 'status_closed'),
    );

    // The owner may see every solution, and is told of each one.
    const ownerItems = (await inbox(owner)).filter((n) => n.demandId === demandId && n.reason === 'solution_new');
    expect(ownerItems.map((n) => n.solutionId).sort()).toEqual([p.A.solution.id, p.B.solution.id, p.C.solution.id].sort());

    const all = secretsExcept();
    for (const [who, token] of [
      ['follower', follower],
      ['other', other],
      ['unassigned judge', judgeUnassigned],
      ['assigned judge', judgeAssigned],
    ] as const) {
      const items = await inbox(token);
      expect(leaks(`inbox of ${who}`, { status: 200, headers: {}, body: items, text: JSON.stringify(items) }, all)).toEqual({
        what: `inbox of ${who}`,
        leaked: [],
      });
    }
    for (const k of ['A', 'B', 'C'] as const) {
      const items = await inbox(p[k].token);
      expect(
        leaks(`inbox of ${k}`, { status: 200, headers: {}, body: items, text: JSON.stringify(items) }, secretsExcept(k)),
      ).toEqual({
        what: `inbox of ${k}`,
        leaked: [],
      });
    }
    // Non-vacuous: the submitters did get their decisions.
    const cItems = (await inbox(p.C.token)).filter((n) => n.demandId === demandId && n.reason === 'solution_decision');
    expect(cItems).toEqual([
      expect.objectContaining({ decision: 'decline', note: '与我方现有产线不兼容', solutionId: p.C.solution.id }),
    ]);
    const bItems = (await inbox(p.B.token)).filter((n) => n.demandId === demandId && n.reason === 'solution_decision');
    expect(bItems).toEqual([expect.objectContaining({ decision: 'shortlist', solutionId: p.B.solution.id })]);

    // The public detail of the closed demand still shows nothing of them.
    await read('GET /demands/{id} after close', 'GET', `/demands/${demandId}`, undefined, all, 200);
  });
});
