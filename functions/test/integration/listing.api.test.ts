// GET /demands: published only, newest first, filters, opaque cursors, and ranked Chinese keyword search.
import type { DemandListResponse, DemandSummary } from '@cic/shared';
import { call, completeForm, createDraft, latinWord, login, published, type Reply, submitted, uniq } from '../support/api';

async function pages(query: string, limit: number): Promise<DemandSummary[][]> {
  const out: DemandSummary[][] = [];
  let cursor: string | null = null;
  do {
    const q: string = `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await call<DemandListResponse>('GET', `/demands?${q}`);
    expect(res.status).toBe(200);
    out.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && out.length < 50);
  return out;
}

describe('listing published demands', () => {
  const district = uniq('测试区');
  const region = `江苏省 / 无锡市 / ${district}`;
  const made: { id: string; title: string }[] = [];
  let owner: string;
  let admin: string;

  beforeAll(async () => {
    owner = (await login('user')).token;
    admin = (await login('admin')).token;
    const variants = [
      { field: 'ai', budgetWan: 10, cooperationModes: ['co_develop'] },
      { field: 'ai', budgetWan: 200, cooperationModes: ['transfer'] },
      { field: 'new_energy', budgetWan: 50, cooperationModes: ['co_develop', 'license'] },
      { field: 'new_energy', budgetWan: 0, cooperationModes: ['equity'] },
      { field: 'equipment', budgetWan: 500, cooperationModes: ['co_develop'] },
      { field: 'new_materials', budgetWan: 80, cooperationModes: ['joint_venture'] },
      { field: 'digital_economy', budgetWan: 120, cooperationModes: ['co_develop'] },
    ] as const;
    for (const [i, v] of variants.entries()) {
      const d = await published(
        owner,
        admin,
        completeForm({ ...v, cooperationModes: [...v.cooperationModes], region, title: `列表测试需求第${i + 1}号` }),
      );
      made.push({ id: d.id, title: d.title ?? '' });
    }
    // Not published: must never be listed.
    await createDraft(owner, completeForm({ region, title: '列表测试草稿' }));
    await submitted(owner, completeForm({ region, title: '列表测试待审' }));
  });

  it('pages through every published demand of a region newest first, without gaps or repeats', async () => {
    const result = await pages(`region=${encodeURIComponent(district)}`, 3);
    expect(result.map((p) => p.length)).toEqual([3, 3, 1]);
    const ids = result.flat().map((d) => d.id);
    expect(ids).toEqual([...made].reverse().map((d) => d.id));
    expect(result.flat().every((d) => d.status === 'published')).toBe(true);
  });

  it('ends with a null cursor when the last page is exactly full', async () => {
    const result = await pages(`region=${encodeURIComponent(district)}`, 7);
    expect(result.map((p) => p.length)).toEqual([7]);
  });

  it.each([
    ['field=ai', [1, 2]],
    ['field=new_energy', [3, 4]],
    ['cooperation=co_develop', [1, 3, 5, 7]],
    ['minBudgetWan=100', [2, 5, 7]],
    ['field=new_energy&cooperation=license', [3]],
    ['field=ai&minBudgetWan=100', [2]],
    ['cooperation=equity&minBudgetWan=1', []],
  ])('filters by %s', async (filter, expected) => {
    const result = (await pages(`region=${encodeURIComponent(district)}&${filter}`, 2)).flat();
    expect(result.map((d) => d.title).sort()).toEqual(expected.map((n) => `列表测试需求第${n}号`).sort());
  });

  it('filters by province through its index, and by city text', async () => {
    const province = await call<DemandListResponse>('GET', `/demands?region=${encodeURIComponent('江苏省')}&limit=50`);
    expect(province.body.items.length).toBeGreaterThan(0);
    expect(province.body.items.every((d) => (d.region ?? '').startsWith('江苏省'))).toBe(true);
    const city = await call<DemandListResponse>('GET', `/demands?region=${encodeURIComponent('扬州市')}&limit=50`);
    expect(city.body.items.length).toBeGreaterThan(0);
    expect(city.body.items.every((d) => (d.region ?? '').includes('扬州市'))).toBe(true);
  });

  it('returns the seeded real demands', async () => {
    // Other tests publish demands of their own, newer than the seed: read pages until the seeded ones come.
    let seeded = 0;
    let cursor: string | null = null;
    for (let page = 0; page < 40 && seeded === 0; page += 1) {
      const res: Reply<DemandListResponse> = await call<DemandListResponse>(
        'GET',
        `/demands?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.body.items).toHaveLength(50);
      seeded = res.body.items.filter((d) => d.id.startsWith('jstec-')).length;
      cursor = res.body.nextCursor;
    }
    expect(seeded).toBeGreaterThan(0);
    expect(Number(process.env.STACK_SEEDED)).toBeGreaterThan(700);
  });

  it('rejects a tampered cursor and a cursor from another list with 400', async () => {
    const first = await call<DemandListResponse>('GET', `/demands?region=${encodeURIComponent(district)}&limit=2`);
    const cursor = first.body.nextCursor as string;
    const tampered = `${cursor.slice(0, -3)}${cursor.endsWith('A') ? 'B' : 'A'}AA`;
    for (const bad of [tampered, 'garbage', `${cursor}.x`]) {
      const res = await call('GET', `/demands?region=${encodeURIComponent(district)}&limit=2&cursor=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'REQUEST.CURSOR_INVALID' } });
    }
    const otherList = await call('GET', `/demands?field=ai&limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(otherList.status).toBe(400);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=abc', 'limit'],
    ['field=biology', 'field'],
    ['cooperation=gift', 'cooperation'],
    ['minBudgetWan=-1', 'minBudgetWan'],
    ['sort=hot', 'sort'],
  ])('rejects the query %s naming %s', async (query, field) => {
    const res = await call('GET', `/demands?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'REQUEST.VALIDATION', fields: { [field]: expect.any(String) } } });
  });
});

describe('keyword search (q)', () => {
  it('ranks real demands that contain the keyword, title matches first', async () => {
    const res = await call<DemandListResponse>('GET', `/demands?q=${encodeURIComponent('钛合金')}&limit=50`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(3);
    for (const d of res.body.items) expect(`${d.title}${d.excerpt}`.length).toBeGreaterThan(0);
    expect(res.body.items[0]!.title).toContain('钛合金');
  });

  it('finds a newly published demand, applies filters, and pages with a cursor', async () => {
    const owner = (await login('user')).token;
    const admin = (await login('admin')).token;
    const word = `氮化镓${latinWord('', 6)}`;
    const made = [];
    for (const field of ['digital_economy', 'new_energy', 'digital_economy'] as const) {
      made.push(
        await published(
          owner,
          admin,
          completeForm({
            field,
            title: `${word}功率器件封装散热`,
            description: `${completeForm().description}涉及${word}器件。`,
          }),
        ),
      );
    }
    const all = await call<DemandListResponse>('GET', `/demands?q=${encodeURIComponent(word)}&limit=2`);
    expect(all.body.items).toHaveLength(2);
    const rest = await call<DemandListResponse>(
      'GET',
      `/demands?q=${encodeURIComponent(word)}&limit=2&cursor=${encodeURIComponent(all.body.nextCursor as string)}`,
    );
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    expect([...all.body.items, ...rest.body.items].map((d) => d.id).sort()).toEqual(made.map((d) => d.id).sort());

    const filtered = await call<DemandListResponse>('GET', `/demands?q=${encodeURIComponent(word)}&field=new_energy`);
    expect(filtered.body.items.map((d) => d.id)).toEqual([made[1]!.id]);

    // Closing takes it out of search.
    await call('POST', `/demands/${made[1]!.id}/close`, { token: owner });
    const afterClose = await call<DemandListResponse>('GET', `/demands?q=${encodeURIComponent(word)}&field=new_energy`);
    expect(afterClose.body.items).toEqual([]);
  });

  it('returns nothing for a word no demand contains', async () => {
    const res = await call<DemandListResponse>('GET', `/demands?q=${encodeURIComponent('量子纠缠猫粮配方')}`);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });
});
