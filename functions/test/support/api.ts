// A small HTTP client for the integration tests: real requests to the serverless-offline started by global-setup.
import type { Achievement, AchievementDraft, AuthResponse, Demand, DemandComplete, UserRole } from '@cic/shared';
import { completeForm, topicalForm } from '../fakes/demand.factory';
import { httpCall } from './http';

export { completeForm, topicalForm };

export const API = (): string => {
  const url = process.env.STACK_API_URL;
  if (!url) throw new Error('STACK_API_URL is not set: run through jest (the integration project starts the stack)');
  return url;
};

export interface Reply<T = unknown> {
  status: number;
  /** The response headers, names in lower case. */
  headers: Record<string, string>;
  body: T;
  text: string;
}

export interface CallOptions {
  /** Sent as `authorization: Bearer …`. */
  token?: string | undefined;
  /** Sent as JSON (content-type application/json unless `headers` says otherwise). */
  json?: unknown;
  /** Sent as is: text or bytes (content-type application/json unless `headers` says otherwise). */
  raw?: string | Uint8Array;
  /** Extra headers; a header given as undefined is not sent at all (a body with no content-type, say). */
  headers?: Record<string, string | undefined>;
  /** Another stack's API (the faults test's own); the shared stack's by default. */
  api?: string;
  /** Gives up on an answer that takes longer (the call throws), rather than waiting for the test's timeout. */
  timeoutMs?: number;
}

/** One request to the API, on a connection of its own (./http.ts says why): what every test sends the stack. */
export async function call<T = Record<string, unknown>>(method: string, path: string, opts: CallOptions = {}): Promise<Reply<T>> {
  let body: string | Uint8Array | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.json !== undefined) body = JSON.stringify(opts.json);
  const given: Record<string, string | undefined> = {
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...opts.headers,
  };
  if (opts.token) given.authorization = `Bearer ${opts.token}`;
  const headers = Object.fromEntries(Object.entries(given).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await httpCall(`${opts.api ?? API()}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
  const text = res.text;
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** A unique tag per test run and call, so tests never see each other's data. */
export function uniq(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/** A unique word of lowercase Latin letters (`length` of them): text that only this test's data contains. */
export function latinWord(prefix = '', length = 8): string {
  return uniq(prefix)
    .replace(/[^a-z]/g, '')
    .slice(0, length);
}

export async function login(role: UserRole = 'user', nickname = uniq(role)): Promise<AuthResponse> {
  const res = await call<AuthResponse>('POST', '/auth/dev', { json: { nickname, role } });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A new person logged in through WeChat (the fake server's jscode2session): they have an openid, so pushes reach them. */
export async function wechatUser(): Promise<AuthResponse> {
  const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${uniq('wx')}-1` } });
  if (res.status !== 200) throw new Error(`wechat login failed: ${res.text}`);
  return res.body;
}

/** One new person per role, logged in at once: their tokens, in the roles' order. */
export async function tokensOf<const R extends readonly UserRole[]>(...roles: R): Promise<{ -readonly [K in keyof R]: string }> {
  return Promise.all(roles.map(async (role) => (await login(role)).token)) as Promise<{ -readonly [K in keyof R]: string }>;
}

/** Where a listing (a demand or a 成果) is in its review: `rejected` is sent back with a reason. */
export type ListingState = 'draft' | 'pending' | 'rejected' | 'published';

/** Makes a listing of `token`'s (from `form`, by default a complete one) in `state`; `adminToken` reviews it if need be. */
export type InState<T, F> = (state: ListingState, token: string, adminToken?: string, form?: F) => Promise<T>;

/** The lifecycle over HTTP of one kind of listing: created, submitted, then approved or rejected. */
function inState<T extends { id: string }, F extends object>(
  collection: 'demands' | 'achievements',
  completeOne: () => F,
): InState<T, F> {
  const what = collection === 'demands' ? '' : 'achievement ';
  return async (state, token, adminToken, form = completeOne()) => {
    const draft = await call<T>('POST', `/${collection}`, { token, json: form });
    if (draft.status !== 201) throw new Error(`${what}create failed: ${draft.status} ${draft.text}`);
    if (state === 'draft') return draft.body;
    const sent = await call<T>('POST', `/${collection}/${draft.body.id}/submit`, { token });
    if (sent.status !== 200) throw new Error(`${what}submit failed: ${sent.status} ${sent.text}`);
    if (state === 'pending') return sent.body;
    const decision = state === 'published' ? { decision: 'approve' } : { decision: 'reject', reason: '请补充技术指标' };
    const res = await call<T>('POST', `/admin/${collection}/${draft.body.id}/review`, { token: adminToken, json: decision });
    if (res.status !== 200) throw new Error(`${what}${decision.decision} failed: ${res.status} ${res.text}`);
    return res.body;
  };
}

/** A demand of `token`'s in `state`. */
export const demandIn = inState<Demand, Partial<DemandComplete>>('demands', completeForm);

export function createDraft(token: string, form?: Partial<DemandComplete>): Promise<Demand> {
  return demandIn('draft', token, undefined, form);
}

export function submitted(token: string, form?: Partial<DemandComplete>): Promise<Demand> {
  return demandIn('pending', token, undefined, form);
}

export function published(token: string, adminToken: string, form?: Partial<DemandComplete>): Promise<Demand> {
  return demandIn('published', token, adminToken, form);
}

/** A complete 成果 form (示例: written for the tests, no real institution), with any field overridden. */
export function achievementForm(overrides: Partial<AchievementDraft> = {}): AchievementDraft {
  return {
    title: '钛合金薄板脉冲激光焊接工艺（示例）',
    holderName: '示例大学材料学院',
    holderType: 'university',
    field: 'new_materials',
    keywords: ['激光焊接', '钛合金'],
    summary:
      '一种面向钛合金薄板的脉冲激光焊接工艺：背面气体保护与焊后局部热处理相结合，焊缝强度达到母材的百分之九十六以上，' +
      '气孔率低于万分之五，变形量小于零点一五毫米；已在两家航空零部件企业完成中试，可提供工艺包、设备选型与人员培训。',
    trl: 6,
    ip: [{ kind: 'invention', number: 'ZL202310000001.1', status: 'granted' }],
    cooperationModes: ['transfer'],
    priceWan: 80,
    region: '江苏省 / 南京市',
    contactName: '王老师',
    contactPhone: '13900002222',
    anonymous: false,
    ...overrides,
  };
}

/** A 成果 of `token`'s in `state`. */
export const achievementIn = inState<Achievement, Partial<AchievementDraft>>('achievements', achievementForm);

/** A 成果 of `token`'s, submitted and approved by `adminToken`: published. */
export function publishedAchievement(token: string, adminToken: string, form?: AchievementDraft): Promise<Achievement> {
  return achievementIn('published', token, adminToken, form);
}
