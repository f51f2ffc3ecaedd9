// Helpers for the 揭榜比拼 API tests: a valid solution form, and one call per contest step that fails loudly on an
// unexpected status, so a test's setup never silently continues from a wrong state.
import type {
  DecisionRequest,
  Final,
  Notification,
  Page,
  Score,
  ScoreRequest,
  ScoreWeights,
  Solution,
  SolutionForm,
  Track,
  TrackRequest,
} from '@cic/shared';
import { call, uniq, type Reply } from './api';

/** A summary of well over 100 characters about the default demand's problem (钛合金薄板激光焊接). */
export const WELDING_SUMMARY =
  '本团队长期从事钛合金薄板激光焊接工艺研究，拟采用摆动激光焊接与背面惰性气体保护相结合的方案，控制焊接热输入，' +
  '配合专用柔性夹具和焊前预变形补偿，将焊后变形量控制在0.2毫米以内，同时通过焊前表面处理与保护气流量优化把气孔率降到0.1%以下，' +
  '焊缝抗拉强度可达到母材的95%以上，并提供工艺参数包与现场培训。';

/** A complete, valid solution form; every test overrides what it checks. */
export function solutionForm(overrides: Partial<SolutionForm> = {}): SolutionForm {
  return {
    title: '钛合金薄板激光焊接变形控制方案',
    summary: WELDING_SUMMARY,
    organisation: '南京理工大学材料学院焊接研究所',
    team: '张教授（负责人）、李博士、王工程师',
    contactName: '张老师',
    contactPhone: uniqPhone(),
    costWan: 60,
    months: 6,
    ndaAccepted: true,
    ...overrides,
  };
}

/** A mobile number nobody else in the run uses, so it can serve as a marker too. */
export function uniqPhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** Markers that appear nowhere but in one solution: its title, summary, organisation, team, contact name and phone. */
export function markedForm(label = 'mk'): { form: SolutionForm; markers: string[] } {
  const m = {
    title: uniq(`${label}ti`),
    summary: uniq(`${label}su`),
    organisation: uniq(`${label}or`),
    team: uniq(`${label}te`),
    contactName: uniq(`${label}cn`),
    contactPhone: uniqPhone(),
  };
  const form = solutionForm({
    title: `${m.title}焊接方案`,
    summary: `${WELDING_SUMMARY}内部代号${m.summary}。`,
    organisation: `${m.organisation}研究院`,
    team: `${m.team}课题组`,
    contactName: m.contactName,
    contactPhone: m.contactPhone,
  });
  return { form, markers: Object.values(m) };
}

function expectStatus(what: string, res: Reply, status: number): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text}`);
}

export async function submitSolution(token: string, demandId: string, form: SolutionForm = solutionForm()): Promise<Solution> {
  const res = await call<Solution>('POST', `/demands/${demandId}/solutions`, { token, json: form });
  expectStatus('submit solution', res, 201);
  return res.body;
}

export async function decide(
  ownerToken: string,
  solutionId: string,
  decision: DecisionRequest['decision'],
  reason?: string,
): Promise<Solution> {
  const res = await call<Solution>('POST', `/solutions/${solutionId}/decision`, {
    token: ownerToken,
    json: { decision, ...(reason ? { reason } : {}) },
  });
  expectStatus(`decision ${decision}`, res, 200);
  return res.body;
}

export async function assignJudges(
  adminToken: string,
  demandId: string,
  judgeIds: string[],
  weights?: ScoreWeights,
): Promise<Final> {
  const res = await call<Final>('POST', `/admin/demands/${demandId}/judges`, {
    token: adminToken,
    json: { judgeIds, ...(weights ? { weights } : {}) },
  });
  expectStatus('assign judges', res, 200);
  return res.body;
}

export async function putScore(judgeToken: string, solutionId: string, score: ScoreRequest): Promise<Score> {
  const res = await call<Score>('PUT', `/solutions/${solutionId}/score`, { token: judgeToken, json: score });
  expectStatus('score', res, 200);
  return res.body;
}

export async function closeFinal(adminToken: string, demandId: string): Promise<Final> {
  const res = await call<Final>('POST', `/admin/demands/${demandId}/final/close`, { token: adminToken });
  expectStatus('close final', res, 200);
  return res.body;
}

export function trackRequest(overrides: Partial<TrackRequest> = {}): TrackRequest {
  return {
    name: `专场${uniq('')}`.slice(0, 40),
    kind: 'yangtze_delta',
    startDate: '2025-03-01',
    endDate: '2025-11-30',
    description: '长三角区域揭榜比拼专场',
    ...overrides,
  };
}

export async function createTrack(adminToken: string, overrides: Partial<TrackRequest> = {}): Promise<Track> {
  const res = await call<Track>('POST', '/admin/tracks', { token: adminToken, json: trackRequest(overrides) });
  expectStatus('create track', res, 201);
  return res.body;
}

/** The caller's whole inbox (every page), newest first. */
export async function inbox(token: string): Promise<Notification[]> {
  const items: Notification[] = [];
  let cursor: string | null = null;
  do {
    const path: string = cursor ? `/me/notifications?cursor=${encodeURIComponent(cursor)}` : '/me/notifications';
    const res: Reply<Page<Notification>> = await call<Page<Notification>>('GET', path, { token });
    expectStatus('inbox', res, 200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** The error code and fields of a reply, for compact assertions. */
export function errorOf(res: Reply): { status: number; code?: string; fields?: Record<string, string> } {
  const error = (res.body as { error?: { code: string; fields?: Record<string, string> } } | undefined)?.error;
  return { status: res.status, ...(error?.code ? { code: error.code } : {}), ...(error?.fields ? { fields: error.fields } : {}) };
}
