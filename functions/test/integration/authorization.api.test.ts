// Every route × every kind of caller: anonymous, another user, the owner, an admin.
// Each cell gets its own fresh demand in the state it needs, so cells cannot affect each other.
import { call, createDraft, login, published, submitted } from '../support/api';

type Actor = 'anonymous' | 'other' | 'owner' | 'admin';
type Fixture = 'none' | 'draft' | 'pending' | 'published';

interface Row {
  route: string;
  method: string;
  path: (id: string) => string;
  fixture: Fixture;
  body?: unknown;
  expect: Record<Actor, number>;
}

const form = { title: '授权矩阵测试需求' };

const rows: Row[] = [
  { route: 'GET /health', method: 'GET', path: () => '/health', fixture: 'none', expect: { anonymous: 200, other: 200, owner: 200, admin: 200 } },
  { route: 'GET /demands', method: 'GET', path: () => '/demands?limit=1', fixture: 'none', expect: { anonymous: 200, other: 200, owner: 200, admin: 200 } },
  { route: 'POST /demands', method: 'POST', path: () => '/demands', fixture: 'none', body: form, expect: { anonymous: 401, other: 201, owner: 201, admin: 201 } },
  { route: 'GET /demands/{id} (draft)', method: 'GET', path: (id) => `/demands/${id}`, fixture: 'draft', expect: { anonymous: 404, other: 404, owner: 200, admin: 200 } },
  { route: 'GET /demands/{id} (pending)', method: 'GET', path: (id) => `/demands/${id}`, fixture: 'pending', expect: { anonymous: 404, other: 404, owner: 200, admin: 200 } },
  { route: 'GET /demands/{id} (published)', method: 'GET', path: (id) => `/demands/${id}`, fixture: 'published', expect: { anonymous: 200, other: 200, owner: 200, admin: 200 } },
  { route: 'PUT /demands/{id} (draft)', method: 'PUT', path: (id) => `/demands/${id}`, fixture: 'draft', body: form, expect: { anonymous: 401, other: 404, owner: 200, admin: 403 } },
  { route: 'PUT /demands/{id} (published)', method: 'PUT', path: (id) => `/demands/${id}`, fixture: 'published', body: form, expect: { anonymous: 401, other: 403, owner: 409, admin: 403 } },
  { route: 'POST /demands/{id}/submit (draft)', method: 'POST', path: (id) => `/demands/${id}/submit`, fixture: 'draft', expect: { anonymous: 401, other: 404, owner: 200, admin: 403 } },
  { route: 'POST /demands/{id}/submit (published)', method: 'POST', path: (id) => `/demands/${id}/submit`, fixture: 'published', expect: { anonymous: 401, other: 403, owner: 409, admin: 403 } },
  { route: 'POST /demands/{id}/close (draft)', method: 'POST', path: (id) => `/demands/${id}/close`, fixture: 'draft', expect: { anonymous: 401, other: 404, owner: 200, admin: 403 } },
  { route: 'POST /demands/{id}/close (published)', method: 'POST', path: (id) => `/demands/${id}/close`, fixture: 'published', expect: { anonymous: 401, other: 403, owner: 200, admin: 403 } },
  { route: 'GET /me/demands', method: 'GET', path: () => '/me/demands', fixture: 'none', expect: { anonymous: 401, other: 200, owner: 200, admin: 200 } },
  { route: 'GET /admin/reviews', method: 'GET', path: () => '/admin/reviews', fixture: 'none', expect: { anonymous: 401, other: 403, owner: 403, admin: 200 } },
  { route: 'POST /admin/demands/{id}/review (pending)', method: 'POST', path: (id) => `/admin/demands/${id}/review`, fixture: 'pending', body: { decision: 'approve' }, expect: { anonymous: 401, other: 403, owner: 403, admin: 200 } },
  { route: 'PUT /demands/{id}/follow (published)', method: 'PUT', path: (id) => `/demands/${id}/follow`, fixture: 'published', expect: { anonymous: 401, other: 200, owner: 200, admin: 200 } },
  { route: 'PUT /demands/{id}/follow (draft)', method: 'PUT', path: (id) => `/demands/${id}/follow`, fixture: 'draft', expect: { anonymous: 401, other: 404, owner: 409, admin: 404 } },
  { route: 'DELETE /demands/{id}/follow (published)', method: 'DELETE', path: (id) => `/demands/${id}/follow`, fixture: 'published', expect: { anonymous: 401, other: 200, owner: 200, admin: 200 } },
  { route: 'GET /me/follows', method: 'GET', path: () => '/me/follows', fixture: 'none', expect: { anonymous: 401, other: 200, owner: 200, admin: 200 } },
];

const actors: Actor[] = ['anonymous', 'other', 'owner', 'admin'];

describe('authorisation of every route', () => {
  const tokens: Record<Actor, string | undefined> = { anonymous: undefined, other: '', owner: '', admin: '' };

  beforeAll(async () => {
    tokens.other = (await login('user')).token;
    tokens.owner = (await login('user')).token;
    tokens.admin = (await login('admin')).token;
  });

  async function fixture(kind: Fixture): Promise<string> {
    const owner = tokens.owner as string;
    const admin = tokens.admin as string;
    if (kind === 'none') return '';
    if (kind === 'draft') return (await createDraft(owner)).id;
    if (kind === 'pending') return (await submitted(owner)).id;
    return (await published(owner, admin)).id;
  }

  const cells = rows.flatMap((row) => actors.map((actor) => [row.route, actor, row] as const));

  it.each(cells)('%s as %s', async (_route, actor, row) => {
    const id = await fixture(row.fixture);
    const res = await call(row.method, row.path(id), { token: tokens[actor], ...(row.body ? { json: row.body } : {}) });
    expect({ status: res.status, code: (res.body as { error?: { code: string } } | undefined)?.error?.code }).toEqual(
      expect.objectContaining({ status: row.expect[actor] }),
    );
    if (res.status >= 400) {
      expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });

  it('rejects a forged, a malformed and an expired token with 401', async () => {
    const valid = tokens.owner as string;
    const [header, payload] = valid.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    for (const token of [forged, 'not-a-jwt', `${valid}x`]) {
      const res = await call('GET', '/me/demands', { token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'AUTH.INVALID_TOKEN' } });
    }
    const wrongScheme = await fetch(`${process.env.STACK_API_URL}/me/demands`, { headers: { authorization: `Basic ${valid}` } });
    expect(wrongScheme.status).toBe(401);
  });
});
