// A small HTTP client for the integration tests: real requests to the serverless-offline started by global-setup.
import type { AuthResponse, Demand, DemandComplete, UserRole } from '@cic/shared';

export const API = (): string => {
  const url = process.env.STACK_API_URL;
  if (!url) throw new Error('STACK_API_URL is not set: run through jest (the integration project starts the stack)');
  return url;
};

export interface Reply<T = unknown> {
  status: number;
  body: T;
  text: string;
}

export async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  opts: { token?: string | undefined; json?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.json !== undefined) body = JSON.stringify(opts.json);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${API()}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed as T, text };
}

/** A unique tag per test run and call, so tests never see each other's data. */
export function uniq(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

export async function login(role: UserRole = 'user', nickname = uniq(role)): Promise<AuthResponse> {
  const res = await call<AuthResponse>('POST', '/auth/dev', { json: { nickname, role } });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${res.text}`);
  return res.body;
}

export function completeForm(overrides: Partial<DemandComplete> = {}): DemandComplete {
  return {
    companyName: '南京钛合新材料科技有限公司',
    region: '江苏省 / 南京市 / 江宁区',
    contactName: '王工',
    contactPhone: '13812345678',
    contactTitle: '研发部 主任',
    email: 'rd@example.com',
    companyIntro: '专注钛合金精密成形的高新技术企业。',
    salesBand: '50m-100m',
    title: '钛合金薄板激光焊接变形控制',
    budgetWan: 80,
    field: 'new_materials',
    description:
      '需要解决1.5毫米钛合金薄板激光焊接的变形与气孔问题。目标指标：焊缝抗拉强度不低于母材的95%，气孔率低于0.1%，焊后变形量小于0.2毫米，单件焊接节拍不超过3分钟。',
    cooperationModes: ['co_develop', 'transfer'],
    brokerName: '李经纪',
    brokerPhone: '025-83456789',
    anonymous: false,
    ...overrides,
  };
}

export async function createDraft(token: string, form: Partial<DemandComplete> = completeForm()): Promise<Demand> {
  const res = await call<Demand>('POST', '/demands', { token, json: form });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function submitted(token: string, form?: Partial<DemandComplete>): Promise<Demand> {
  const draft = await createDraft(token, form);
  const res = await call<Demand>('POST', `/demands/${draft.id}/submit`, { token });
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function published(token: string, adminToken: string, form?: Partial<DemandComplete>): Promise<Demand> {
  const pending = await submitted(token, form);
  const res = await call<Demand>('POST', `/admin/demands/${pending.id}/review`, {
    token: adminToken,
    json: { decision: 'approve' },
  });
  if (res.status !== 200) throw new Error(`approve failed: ${res.status} ${res.text}`);
  return res.body;
}
