// Malformed JSON, wrong types, oversized bodies and unknown fields: a clear 4xx naming the field, and nothing written.
import type { Demand, Page } from '@cic/shared';
import { call, completeForm, createDraft, login, submitted } from '../support/api';

describe('bad input', () => {
  let token: string;

  beforeAll(async () => {
    token = (await login('user')).token;
  });

  const myDemandCount = async () => (await call<Page<Demand>>('GET', '/me/demands?limit=50', { token })).body.items.length;

  // A bare JSON string is refused either as invalid JSON or as not an object, depending on whether the HTTP layer
  // (serverless-offline re-encodes JSON bodies) hands it over quoted.
  const cases: [string, { raw?: string; json?: unknown }, number, string | RegExp, string | undefined][] = [
    ['malformed JSON', { raw: '{"title": "钛合金",' }, 400, 'REQUEST.INVALID_JSON', undefined],
    ['an empty body', { raw: '' }, 400, 'REQUEST.INVALID_JSON', undefined],
    ['a JSON array', { json: [completeForm()] }, 400, 'REQUEST.VALIDATION', undefined],
    ['a JSON string', { json: 'hello' }, 400, /^REQUEST\.(VALIDATION|INVALID_JSON)$/, undefined],
    ['budget as a string', { json: { ...completeForm(), budgetWan: '80' } }, 400, 'REQUEST.VALIDATION', 'budgetWan'],
    [
      'cooperation as a string',
      { json: { ...completeForm(), cooperationModes: 'co_develop' } },
      400,
      'REQUEST.VALIDATION',
      'cooperationModes',
    ],
    ['anonymous as a string', { json: { ...completeForm(), anonymous: 'yes' } }, 400, 'REQUEST.VALIDATION', 'anonymous'],
    ['a title of 61 characters', { json: { ...completeForm(), title: '钛'.repeat(61) } }, 400, 'REQUEST.VALIDATION', 'title'],
    ['an unknown field', { json: { ...completeForm(), isAdmin: true } }, 400, 'REQUEST.VALIDATION', 'isAdmin'],
    ['a status field', { json: { ...completeForm(), status: 'published' } }, 400, 'REQUEST.VALIDATION', 'status'],
    // Fuzzing found it: "_" once marked a message about the whole body, so this key lost its name.
    ['a field named "_"', { json: { ...completeForm(), _: 0 } }, 400, 'REQUEST.VALIDATION', '_'],
    ['a __proto__ key', { raw: `{"title":"原型污染测试","__proto__":{"role":"admin"}}` }, 400, 'REQUEST.VALIDATION', '__proto__'],
    [
      'a nested constructor key',
      { raw: `{"title":"x","cooperationModes":[{"constructor":{}}]}` },
      400,
      'REQUEST.VALIDATION',
      'constructor',
    ],
    ['an oversized body', { json: { ...completeForm(), description: '长'.repeat(70_000) } }, 413, 'REQUEST.TOO_LARGE', undefined],
  ];

  it.each(cases)('POST /demands with %s → %i %s, nothing stored', async (_name, body, status, code, field) => {
    const before = await myDemandCount();
    const res = await call('POST', '/demands', { token, ...body });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      error: { code: typeof code === 'string' ? code : expect.stringMatching(code), message: expect.any(String) },
    });
    if (field) {
      const fields = (res.body as { error: { fields: Record<string, string> } }).error.fields;
      expect(fields[field]).toEqual(expect.any(String));
    }
    expect(await myDemandCount()).toBe(before);
  });

  it.each(cases)('PUT /demands/{id} with %s → %i, the stored draft unchanged', async (_name, body, status) => {
    const draft = await createDraft(token, completeForm({ title: '原本的标题' }));
    const res = await call('PUT', `/demands/${draft.id}`, { token, ...body });
    expect(res.status).toBe(status);
    const after = await call<Demand>('GET', `/demands/${draft.id}`, { token });
    expect(after.body).toEqual({ ...draft, awards: [], viewer: { isOwner: true, following: false } });
  });

  it.each([
    ['an unknown decision', { decision: 'maybe' }, 'decision'],
    ['a reason that is not text', { decision: 'reject', reason: 42 }, 'reason'],
    ['an extra field', { decision: 'approve', publishedAt: '2020-01-01' }, 'publishedAt'],
  ])('refuses a review with %s and leaves the demand pending', async (_name, body, field) => {
    const admin = (await login('admin')).token;
    const pending = await submitted(token);
    const res = await call('POST', `/admin/demands/${pending.id}/review`, { token: admin, json: body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'REQUEST.VALIDATION', fields: { [field]: expect.any(String) } } });
    const after = await call<Demand>('GET', `/demands/${pending.id}`, { token });
    expect(after.body.status).toBe('pending_review');
    expect(after.body.version).toBe(pending.version);
  });

  it('names every wrong field at once, in Chinese', async () => {
    const res = await call('POST', '/demands', {
      token,
      json: { title: 5, budgetWan: -1, field: 'biology', email: 'not-an-email', contactPhone: '12345' },
    });
    expect(res.status).toBe(400);
    const fields = (res.body as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields).toEqual({
      title: expect.stringContaining('技术需求名称'),
      budgetWan: expect.stringContaining('拟投入合作经费'),
      field: expect.stringContaining('产业领域'),
      email: expect.stringContaining('E-mail'),
      contactPhone: expect.stringContaining('联系方式'),
    });
  });

  it.each([
    ['GET', `/demands/${'x'.repeat(300)}`],
    ['GET', '/demands/%E2%80%AE%3Cscript%3E'],
    ['PUT', `/demands/${'y'.repeat(100)}/follow`],
    ['POST', '/admin/demands/..%2F..%2Fetc/review'],
  ])('answers %s %s with a 4xx, never a 5xx', async (method, path) => {
    const res = await call(method, path, { token, ...(method === 'POST' ? { json: { decision: 'approve' } } : {}) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
