// The public list over an in-memory store: without `q` a filtered, paged read of published demands, newest first;
// with `q` a ranking by the real BM25 search index, kept in step with the store by its refresh.
import { LIST_LIMIT, type Demand, type DemandListQuery, type DemandSummary } from '@cic/shared';
import { createCursorCodec } from '../../../src/common/cursor';
import { createDemandListService, filterOf } from '../../../src/demands/demand-list.service';
import { createDemandSearch } from '../../../src/search/demand-search';
import { completeForm, createMockDemand } from '../../fakes/demand.factory';
import { createFixedClock } from '../../fakes/fixed-clock';
import { createInMemoryDemandRepository } from '../../fakes/in-memory-demand.repository';
import { errorOf, unwrap } from './expect-result';

const MINUTE = 60_000;

function setup(refreshMs = 0) {
  const clock = createFixedClock();
  const demands = createInMemoryDemandRepository();
  const search = createDemandSearch({ demands, clock, refreshMs });
  const cursors = createCursorCodec('unit-cursor-secret');
  const service = createDemandListService({ demands, search, cursors });

  /** Stores a demand in the given status (published by default) stamped now, then moves the clock on. */
  async function seed(overrides: Partial<Demand> = {}): Promise<Demand> {
    const demand = createMockDemand({ status: 'published', createdAt: clock.iso(), ...overrides });
    expect(await demands.create(demand)).toBe('created');
    clock.advance(MINUTE);
    return demand;
  }

  /** Closes a stored demand as the demand service would: a versioned rewrite stamped now. */
  async function close(id: string): Promise<void> {
    const stored = await demands.get(id);
    if (!stored) throw new Error(`no demand ${id}`);
    const at = clock.iso();
    const next: Demand = {
      ...stored,
      status: 'closed',
      closedAt: at,
      updatedAt: at,
      version: stored.version + 1,
      history: [...stored.history, { status: 'closed', at }],
    };
    expect(await demands.updateIfVersion(next, stored.version)).toBe(true);
  }

  async function ids(query: DemandListQuery): Promise<string[]> {
    return unwrap(await service.list({ limit: LIST_LIMIT.max, ...query })).items.map((s) => s.id);
  }

  /** Every page of a query, following the cursors. */
  async function allPages(query: DemandListQuery): Promise<{ pages: string[][]; cursors: number }> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = unwrap(await service.list({ ...query, cursor }));
      pages.push(page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
      if (cursor) count += 1;
    } while (cursor);
    return { pages, cursors: count };
  }

  return { clock, demands, search, cursors, service, seed, close, ids, allPages };
}

/** Four published demands (A oldest … D newest), plus a draft and a closed one that also mention 激光焊接. */
async function corpus(h: ReturnType<typeof setup>) {
  const a = await h.seed({
    ...completeForm(),
    title: '钛合金薄板激光焊接变形控制',
    field: 'new_materials',
    region: '江苏省 / 南京市 / 江宁区',
    cooperationModes: ['co_develop', 'transfer'],
    budgetWan: 80,
  });
  const b = await h.seed({
    title: '铝合金压铸件气孔检测',
    description:
      '铝合金压铸件内部气孔的在线检测方法，兼顾焊缝质量评估。产线已有激光焊接工位，希望检测系统可与之联动，检测节拍不超过10秒，漏检率低于千分之一。',
    field: 'equipment',
    region: '江苏省 / 苏州市 / 工业园区',
    cooperationModes: ['license'],
    budgetWan: 200,
  });
  const c = await h.seed({
    title: '锂电池极片激光焊接工艺优化',
    description:
      '动力电池极耳与极片的激光焊接存在虚焊和飞溅，需要优化焊接工艺参数并建立在线质量监测，目标良率提升到99.5%以上，焊接飞溅减少一半。',
    field: 'new_energy',
    region: '浙江省 / 宁波市',
    cooperationModes: ['co_develop'],
    budgetWan: 500,
  });
  const d = await h.seed({
    title: '工业视觉缺陷检测算法',
    description:
      '面向冷轧钢板表面缺陷的高精度视觉检测算法，要求识别划痕、辊印、夹杂等十余类缺陷，检出率不低于98%，单帧处理时间小于50毫秒，可部署在边缘设备。',
    field: 'ai',
    region: '上海市 / 浦东新区',
    cooperationModes: ['equity'],
    budgetWan: 30,
  });
  const draft = await h.seed({ status: 'draft', title: '激光焊接机器人路径规划' });
  const closed = await h.seed({ status: 'closed', title: '激光焊接夹具设计' });
  return { a, b, c, d, draft, closed };
}

describe('filterOf', () => {
  it.each<[string, DemandListQuery, ReturnType<typeof filterOf>]>([
    ['a province', { region: '江苏省' }, { province: '江苏省' }],
    ['a city', { region: '苏州' }, { regionContains: '苏州' }],
    ['a province and city', { region: '江苏省 / 苏州市' }, { province: '江苏省', regionContains: '江苏省 / 苏州市' }],
    [
      'every filter',
      { field: 'ai', cooperation: 'license', minBudgetWan: 0, q: '检测', limit: 5 },
      { field: 'ai', cooperation: 'license', minBudgetWan: 0 },
    ],
  ])('maps %s to the store filter', (_name, query, filter) => {
    expect(filterOf(query)).toEqual(filter);
  });
});

describe('list without q', () => {
  it('reads published demands newest first, in pages, without the search index', async () => {
    const h = setup();
    const { a, b, c, d } = await corpus(h);
    const listPublished = jest.spyOn(h.demands, 'listPublished');
    const search = jest.spyOn(h.search, 'search');

    const { pages, cursors } = await h.allPages({ limit: 3 });
    expect(pages).toEqual([[d.id, c.id, b.id], [a.id]]);
    expect(cursors).toBe(1);
    expect(listPublished).toHaveBeenCalledTimes(2);
    expect(listPublished).toHaveBeenCalledWith({}, { limit: 3 });
    expect(search).not.toHaveBeenCalled();
  });

  it('has no cursor when the last page is exactly full', async () => {
    const h = setup();
    await corpus(h);
    const page = unwrap(await h.service.list({ limit: 4 }));
    expect(page.items).toHaveLength(4);
    expect(page.nextCursor).toBeNull();
  });

  it(`uses ${LIST_LIMIT.default} items a page by default`, async () => {
    const h = setup();
    for (let i = 0; i < LIST_LIMIT.default + 1; i += 1) await h.seed();
    const page = unwrap(await h.service.list({}));
    expect(page.items).toHaveLength(LIST_LIMIT.default);
    expect(page.nextCursor).not.toBeNull();
  });

  it('applies each filter', async () => {
    const h = setup();
    const { a, b, c, d } = await corpus(h);
    expect(await h.ids({ field: 'new_materials' })).toEqual([a.id]);
    expect(await h.ids({ region: '江苏省' })).toEqual([b.id, a.id]);
    expect(await h.ids({ region: '苏州' })).toEqual([b.id]);
    expect(await h.ids({ region: '江苏省 / 苏州市' })).toEqual([b.id]);
    expect(await h.ids({ region: '上海市' })).toEqual([d.id]);
    expect(await h.ids({ cooperation: 'co_develop' })).toEqual([c.id, a.id]);
    expect(await h.ids({ minBudgetWan: 80 })).toEqual([c.id, b.id, a.id]);
    expect(await h.ids({ field: 'new_energy', region: '江苏省' })).toEqual([]);
    expect(await h.ids({ region: '江苏省', cooperation: 'license', minBudgetWan: 200 })).toEqual([b.id]);
  });

  it('pages a filtered list, and a cursor only works for the filter it came from', async () => {
    const h = setup();
    const { a, b } = await corpus(h);
    const first = unwrap(await h.service.list({ region: '江苏省', limit: 1 }));
    expect(first.items.map((s) => s.id)).toEqual([b.id]);
    const cursor = first.nextCursor;
    if (cursor === null) throw new Error('expected a next page');

    const second = unwrap(await h.service.list({ region: '江苏省', limit: 1, cursor }));
    expect(second.items.map((s) => s.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();

    errorOf(await h.service.list({ limit: 1, cursor }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.list({ region: '苏州', limit: 1, cursor }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.list({ region: '江苏省', limit: 1, cursor: 'garbage' }), 'REQUEST.CURSOR_INVALID');
  });

  it('lists public summaries: no owner, and the hidden values of an anonymous demand masked', async () => {
    const h = setup();
    const demand = await h.seed({
      ...completeForm({
        anonymous: true,
        description: '请联系王工 13812345678 或发邮件到 rd@example.com，需要解决钛合金薄板激光焊接的变形问题。',
      }),
    });
    const [summary] = unwrap(await h.service.list({})).items;
    const expected: Partial<DemandSummary> = {
      id: demand.id,
      status: 'published',
      title: demand.title,
      region: demand.region,
      anonymous: true,
      excerpt: '请联系*** *** 或发邮件到 ***，需要解决钛合金薄板激光焊接的变形问题。',
    };
    expect(summary).toMatchObject(expected);
    expect(summary).not.toHaveProperty('ownerId');
    expect(summary).not.toHaveProperty('companyName');
    expect(summary).not.toHaveProperty('contactPhone');
    const text = JSON.stringify(summary);
    for (const hidden of ['13812345678', '王工', 'rd@example.com', demand.ownerId]) expect(text).not.toContain(hidden);
  });
});

describe('list with q', () => {
  it('ranks published demands by the search index: a title match above a body match', async () => {
    const h = setup();
    const { a, b, c } = await corpus(h);
    const search = jest.spyOn(h.search, 'search');
    const found = await h.ids({ q: '激光焊接' });
    expect(found).toHaveLength(3);
    expect(found.slice(0, 2).sort()).toEqual([a.id, c.id].sort());
    expect(found[2]).toBe(b.id);
    // The index ranks only as far as the page needs (the best 50 here), and counts the rest.
    expect(search).toHaveBeenCalledWith('激光焊接', {}, 50);
  });

  it('needs every term of a short query: 钛合金 does not find 铝合金', async () => {
    const h = setup();
    const { a } = await corpus(h);
    expect(await h.ids({ q: '钛合金' })).toEqual([a.id]);
    expect(await h.ids({ q: '合金' })).toHaveLength(2);
  });

  it('applies the filters to the ranked hits', async () => {
    const h = setup();
    const { a, b, c } = await corpus(h);
    expect(await h.ids({ q: '激光焊接', field: 'new_energy' })).toEqual([c.id]);
    expect((await h.ids({ q: '激光焊接', region: '江苏省' })).sort()).toEqual([a.id, b.id].sort());
    expect(await h.ids({ q: '激光焊接', region: '苏州' })).toEqual([b.id]);
    expect(await h.ids({ q: '激光焊接', region: '江苏省 / 苏州市' })).toEqual([b.id]);
    expect(await h.ids({ q: '激光焊接', cooperation: 'license' })).toEqual([b.id]);
    expect(await h.ids({ q: '激光焊接', minBudgetWan: 100 })).toEqual([c.id, b.id]);
    expect(unwrap(await h.service.list({ q: '激光焊接', field: 'ai' }))).toEqual({ items: [], nextCursor: null });
  });

  it('finds nothing for a query that matches nothing', async () => {
    const h = setup();
    await corpus(h);
    expect(unwrap(await h.service.list({ q: '量子通信' }))).toEqual({ items: [], nextCursor: null });
  });

  it('pages the ranking with cursors', async () => {
    const h = setup();
    await corpus(h);
    const ranking = await h.ids({ q: '激光焊接' });
    const search = jest.spyOn(h.search, 'search');
    const { pages, cursors } = await h.allPages({ q: '激光焊接', limit: 2 });
    expect(pages).toEqual([ranking.slice(0, 2), ranking.slice(2)]);
    expect(cursors).toBe(1);
    // Each page asks the index for the best (offset + page size).
    expect(search.mock.calls.map((c) => c[2])).toEqual([2, 4]);
  });

  it('refuses a cursor from another query, another filter, the plain list, or none of ours', async () => {
    const h = setup();
    await corpus(h);
    const cursor = unwrap(await h.service.list({ q: '激光焊接', limit: 1 })).nextCursor;
    const plain = unwrap(await h.service.list({ limit: 1 })).nextCursor;
    if (cursor === null || plain === null) throw new Error('expected next pages');

    errorOf(await h.service.list({ q: '焊接', limit: 1, cursor }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.list({ q: '激光焊接', field: 'ai', limit: 1, cursor }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.list({ limit: 1, cursor }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.list({ q: '激光焊接', limit: 1, cursor: plain }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.list({ q: '激光焊接', limit: 1, cursor: 'garbage' }), 'REQUEST.CURSOR_INVALID');
    const forged = createCursorCodec('another-secret').encode('search:whatever', { o: 1 });
    errorOf(await h.service.list({ q: '激光焊接', limit: 1, cursor: forged }), 'REQUEST.CURSOR_INVALID');
  });

  it('drops a closed demand and picks up a new one at the next refresh (refreshMs 0)', async () => {
    const h = setup(0);
    const { a, b, c } = await corpus(h);
    expect((await h.ids({ q: '激光焊接' })).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(h.search.size).toBe(4);

    await h.close(c.id);
    h.clock.advance(MINUTE);
    const e = await h.seed({ title: '铜铝异种金属激光焊接', budgetWan: 60 });

    expect((await h.ids({ q: '激光焊接' })).sort()).toEqual([a.id, b.id, e.id].sort());
    expect(h.search.size).toBe(4);
    expect(await h.ids({ q: '激光焊接', field: 'new_energy' })).toEqual([]);
  });

  it('between refreshes, a stale hit is read fresh and left out; the refresh then removes it', async () => {
    const h = setup(10 * MINUTE);
    const { a, b, c } = await corpus(h);
    expect(await h.ids({ q: '锂电池' })).toEqual([c.id]);

    await h.close(c.id);
    // Not yet refreshed: the index still holds c, but the page is read from the store.
    const stale = unwrap(await h.service.list({ q: '激光焊接', limit: LIST_LIMIT.max }));
    expect(h.search.size).toBe(4);
    expect(stale.items.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(stale.items.every((s) => s.status === 'published')).toBe(true);

    h.clock.advance(10 * MINUTE);
    expect(await h.ids({ q: '锂电池' })).toEqual([]);
    expect(h.search.size).toBe(3);
  });
});
