// The demand service over in-memory stores: the whole status machine, who may act, validation at submit, optimistic
// concurrency, what each viewer sees, and the owner's and the organisers' paged lists.
import {
  canTransition,
  DEMAND_STATUSES,
  HIDDEN_WHEN_ANONYMOUS,
  TRANSITIONS,
  type Demand,
  type DemandAction,
  type DemandComplete,
  type DemandDraft,
  type DemandStatus,
  type ErrorCode,
  type Result,
} from '@cic/shared';
import type { AuthUser } from '../../../src/auth/auth-user';
import { createCursorCodec } from '../../../src/common/cursor';
import { createDemandService } from '../../../src/demands/demand.service';
import { matched } from '../../../src/demands/demand.lifecycle';
import { completeForm } from '../../fakes/demand.factory';
import { createFixedClock } from '../../fakes/fixed-clock';
import { createInMemoryDemandRepository } from '../../fakes/in-memory-demand.repository';
import { createInMemoryFollowRepository } from '../../fakes/in-memory-follow.repository';
import { errorOf, unwrap } from './expect-result';

const owner: AuthUser = { id: 'u-owner', role: 'user' };
const other: AuthUser = { id: 'u-other', role: 'user' };
const admin: AuthUser = { id: 'u-admin', role: 'admin' };
const judge: AuthUser = { id: 'u-judge', role: 'judge' };

const CURSOR_SECRET = 'unit-cursor-secret';
const REASON = '请补充可量化的技术指标';
const STEP_MS = 1_000;

function setup() {
  const clock = createFixedClock();
  const demands = createInMemoryDemandRepository();
  const follows = createInMemoryFollowRepository(demands);
  const cursors = createCursorCodec(CURSOR_SECRET);
  let n = 0;
  const service = createDemandService({
    demands,
    follows,
    clock,
    cursors,
    newId: () => {
      n += 1;
      return `d${String(n).padStart(3, '0')}`;
    },
  });

  /** Runs one step, then moves the clock so the next step has a later timestamp. */
  async function step<T>(run: Promise<Result<T>>): Promise<T> {
    const value = unwrap(await run);
    clock.advance(STEP_MS);
    return value;
  }

  /** A demand of `owner`, brought to the status through the service itself. */
  async function demandIn(
    scenario: DemandStatus | 'closed_unpublished',
    form: DemandDraft = completeForm(),
    by: AuthUser = owner,
  ): Promise<Demand> {
    let demand = await step(service.createDraft(by, form));
    if (scenario === 'draft') return demand;
    if (scenario === 'closed_unpublished') return step(service.close(by, demand.id));
    demand = await step(service.submit(by, demand.id));
    if (scenario === 'pending_review') return demand;
    if (scenario === 'rejected') return step(service.review(admin, demand.id, { decision: 'reject', reason: REASON }));
    demand = await step(service.review(admin, demand.id, { decision: 'approve' }));
    if (scenario === 'published') return demand;
    if (scenario === 'matched') {
      // The owner's intent agreement is recorded by the solutions service; here the demand is moved as it would be.
      const next = matched(demand, clock.now().toISOString());
      if (!(await demands.updateIfVersion(next, demand.version))) throw new Error('could not match');
      return next;
    }
    return step(service.close(by, demand.id));
  }

  /** Performs an action as `user` (the owner for owner actions, an admin for review, unless told otherwise). */
  function act(action: DemandAction, id: string, user?: AuthUser): Promise<Result<Demand>> {
    switch (action) {
      case 'edit':
        return service.updateDraft(user ?? owner, id, completeForm({ title: '钛合金薄板激光焊接变形控制（修订）' }));
      case 'submit':
        return service.submit(user ?? owner, id);
      case 'close':
        return service.close(user ?? owner, id);
      case 'approve':
        return service.review(user ?? admin, id, { decision: 'approve' });
      case 'reject':
        return service.review(user ?? admin, id, { decision: 'reject', reason: REASON });
      case 'match':
        throw new Error('match is an action of the solutions service');
    }
  }

  return { clock, demands, follows, cursors, service, step, demandIn, act };
}

/** The actions of this service ('match' belongs to the solutions service). */
const ACTIONS: readonly DemandAction[] = ['edit', 'submit', 'close', 'approve', 'reject'];

/** The status machine, written out by hand: the statuses each action is allowed from. */
const ALLOWED_FROM: Record<DemandAction, readonly DemandStatus[]> = {
  edit: ['draft', 'rejected'],
  submit: ['draft', 'rejected'],
  close: ['draft', 'pending_review', 'rejected', 'published', 'matched'],
  approve: ['pending_review'],
  reject: ['pending_review'],
  match: ['published'],
};

const refusalOf = (action: DemandAction): ErrorCode => (action === 'edit' ? 'DEMAND.NOT_EDITABLE' : 'DEMAND.INVALID_TRANSITION');

describe('the status machine', () => {
  it('written out here is the one in TRANSITIONS', () => {
    for (const action of Object.keys(ALLOWED_FROM) as DemandAction[]) {
      expect([...TRANSITIONS[action].from].sort()).toEqual([...ALLOWED_FROM[action]].sort());
      for (const status of DEMAND_STATUSES) {
        expect(canTransition(action, status)).toBe(ALLOWED_FROM[action].includes(status));
      }
    }
  });

  const table = ACTIONS.flatMap((action) =>
    DEMAND_STATUSES.map((status): [DemandAction, DemandStatus, boolean] => [
      action,
      status,
      ALLOWED_FROM[action].includes(status),
    ]),
  );

  it.each(table)('%s on a %s demand: allowed = %s', async (action, status, allowed) => {
    const h = setup();
    const before = await h.demandIn(status);
    expect(before.status).toBe(status);

    const result = await h.act(action, before.id);

    if (allowed) {
      const after = unwrap(result);
      expect(after.status).toBe(TRANSITIONS[action].to ?? status);
      expect(after.version).toBe(before.version + 1);
      expect(after.updatedAt).toBe(h.clock.iso());
      expect(await h.demands.get(before.id)).toEqual(after);
    } else {
      errorOf(result, refusalOf(action));
      expect(await h.demands.get(before.id)).toEqual(before);
    }
  });

  it('cannot act on a demand that does not exist', async () => {
    const h = setup();
    for (const action of ACTIONS) errorOf(await h.act(action, 'no-such-demand'), 'DEMAND.NOT_FOUND');
  });
});

describe('who may act', () => {
  type Scenario = DemandStatus | 'closed_unpublished';
  const SCENARIOS: readonly Scenario[] = [...DEMAND_STATUSES, 'closed_unpublished'];
  const publiclyVisible = (s: Scenario) => s === 'published' || s === 'matched' || s === 'closed';

  const ownerActions = (['edit', 'submit', 'close'] as const).flatMap((action) =>
    SCENARIOS.map((scenario): [DemandAction, Scenario, ErrorCode] => [
      action,
      scenario,
      publiclyVisible(scenario) ? 'AUTH.FORBIDDEN' : 'DEMAND.NOT_FOUND',
    ]),
  );

  it.each(ownerActions)('another user may not %s a %s demand: %s', async (action, scenario, code) => {
    const h = setup();
    const before = await h.demandIn(scenario);
    errorOf(await h.act(action, before.id, other), code);
    expect(await h.demands.get(before.id)).toEqual(before);
  });

  it.each(SCENARIOS)('an admin who is not the owner may see but not change a %s demand: 403', async (scenario) => {
    const h = setup();
    const before = await h.demandIn(scenario);
    for (const action of ['edit', 'submit', 'close'] as const) {
      errorOf(await h.act(action, before.id, admin), 'AUTH.FORBIDDEN');
    }
    expect(await h.demands.get(before.id)).toEqual(before);
  });

  it.each([
    ['the owner', owner],
    ['another user', other],
    ['a judge', judge],
  ] as const)('%s may not review: AUTH.FORBIDDEN', async (_name, user) => {
    const h = setup();
    const before = await h.demandIn('pending_review');
    errorOf(await h.act('approve', before.id, user), 'AUTH.FORBIDDEN');
    errorOf(await h.act('reject', before.id, user), 'AUTH.FORBIDDEN');
    // Refused before the demand is even read.
    errorOf(await h.act('approve', 'no-such-demand', user), 'AUTH.FORBIDDEN');
    expect(await h.demands.get(before.id)).toEqual(before);
  });

  it('an admin may act on their own demand as its owner', async () => {
    const h = setup();
    const mine = await h.demandIn('draft', completeForm(), admin);
    expect(unwrap(await h.service.submit(admin, mine.id)).status).toBe('pending_review');
    expect(unwrap(await h.service.review(admin, mine.id, { decision: 'approve' })).status).toBe('published');
  });
});

describe('createDraft and updateDraft', () => {
  it('creates a version 1 draft owned by the caller', async () => {
    const h = setup();
    const at = h.clock.iso();
    const draft = unwrap(await h.service.createDraft(owner, { title: '半成品' }));
    expect(draft).toEqual({
      title: '半成品',
      id: 'd001',
      ownerId: owner.id,
      status: 'draft',
      createdAt: at,
      updatedAt: at,
      followerCount: 0,
      version: 1,
      history: [{ status: 'draft', at }],
    });
    expect(await h.demands.get('d001')).toEqual(draft);
  });

  it('replaces the whole form: fields left out of the update are removed, metadata is kept', async () => {
    const h = setup();
    const draft = await h.demandIn('draft');
    const updated = unwrap(await h.service.updateDraft(owner, draft.id, { title: '只剩名称' }));
    expect(updated.title).toBe('只剩名称');
    expect(updated.companyName).toBeUndefined();
    expect(updated.description).toBeUndefined();
    expect(updated).toMatchObject({ id: draft.id, ownerId: owner.id, createdAt: draft.createdAt, history: draft.history });
    const stored = await h.demands.get(draft.id);
    expect(stored).toEqual(updated);
    expect(stored && 'companyName' in stored).toBe(false);
  });
});

describe('submit', () => {
  it('refuses an incomplete draft with DEMAND.INCOMPLETE naming every missing field', async () => {
    const h = setup();
    const draft = unwrap(await h.service.createDraft(owner, { title: '短', budgetWan: 10 }));
    const error = errorOf(await h.service.submit(owner, draft.id), 'DEMAND.INCOMPLETE');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(
      ['companyName', 'contactName', 'contactPhone', 'cooperationModes', 'description', 'field', 'region', 'title'].sort(),
    );
    expect(error.fields?.title).toContain('技术需求名称');
    expect(await h.demands.get(draft.id)).toEqual(draft);
  });

  it('checks the cross-field rules: 其他 needs its text', async () => {
    const h = setup();
    const form: DemandComplete = completeForm({ field: 'other', cooperationModes: ['other'] });
    const draft = unwrap(await h.service.createDraft(owner, form));
    const error = errorOf(await h.service.submit(owner, draft.id), 'DEMAND.INCOMPLETE');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['cooperationOther', 'fieldOther']);
  });

  it('moves a complete draft to review, stamping submittedAt and the history', async () => {
    const h = setup();
    const draft = await h.demandIn('draft');
    const at = h.clock.iso();
    const pending = unwrap(await h.service.submit(owner, draft.id));
    expect(pending).toMatchObject({ status: 'pending_review', submittedAt: at, updatedAt: at, version: 2 });
    expect(pending.history).toEqual([
      { status: 'draft', at: draft.createdAt },
      { status: 'pending_review', at },
    ]);
  });

  it('stores the validated form: unused 其他 text is dropped and anonymous defaults to false', async () => {
    const h = setup();
    const { anonymous: _anonymous, ...form } = completeForm({ fieldOther: '不该保留' });
    const draft = unwrap(await h.service.createDraft(owner, form));
    const pending = unwrap(await h.service.submit(owner, draft.id));
    expect(pending.fieldOther).toBeUndefined();
    expect(pending.anonymous).toBe(false);
    expect(await h.demands.get(draft.id)).toEqual(pending);
  });
});

describe('review', () => {
  it('approve publishes: publishedAt, history and version', async () => {
    const h = setup();
    const pending = await h.demandIn('pending_review');
    const at = h.clock.iso();
    const published = unwrap(await h.service.review(admin, pending.id, { decision: 'approve' }));
    expect(published).toMatchObject({ status: 'published', publishedAt: at, updatedAt: at, version: 3 });
    expect(published.history).toEqual([...pending.history, { status: 'published', at }]);
    expect(published.rejectReason).toBeUndefined();
    expect(await h.demands.get(pending.id)).toEqual(published);
  });

  it.each([undefined, ''])('reject without a reason (%p) is REVIEW.REASON_REQUIRED', async (reason) => {
    const h = setup();
    const pending = await h.demandIn('pending_review');
    const error = errorOf(
      await h.service.review(admin, pending.id, { decision: 'reject', ...(reason === undefined ? {} : { reason }) }),
      'REVIEW.REASON_REQUIRED',
    );
    expect(error.fields).toEqual({ reason: expect.any(String) });
    expect(await h.demands.get(pending.id)).toEqual(pending);
  });

  it('reject stores the reason, which is cleared on resubmit but kept in the history', async () => {
    const h = setup();
    const pending = await h.demandIn('pending_review');
    const rejectedAt = h.clock.iso();
    const rejected = unwrap(await h.service.review(admin, pending.id, { decision: 'reject', reason: REASON }));
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: REASON, version: 3 });
    expect(rejected.history[rejected.history.length - 1]).toEqual({ status: 'rejected', at: rejectedAt, note: REASON });
    h.clock.advance(STEP_MS);

    const edited = unwrap(await h.service.updateDraft(owner, pending.id, completeForm({ budgetWan: 120 })));
    expect(edited.rejectReason).toBe(REASON);
    h.clock.advance(STEP_MS);

    const resubmitAt = h.clock.iso();
    const resubmitted = unwrap(await h.service.submit(owner, pending.id));
    expect(resubmitted).toMatchObject({ status: 'pending_review', submittedAt: resubmitAt, budgetWan: 120, version: 5 });
    expect('rejectReason' in resubmitted).toBe(false);
    expect((await h.demands.get(pending.id))?.rejectReason).toBeUndefined();
    expect(resubmitted.history.map((e) => e.status)).toEqual(['draft', 'pending_review', 'rejected', 'pending_review']);
    expect(resubmitted.history).toContainEqual({ status: 'rejected', at: rejectedAt, note: REASON });
  });
});

describe('close', () => {
  it('stamps closedAt and keeps publishedAt, so a published demand stays public', async () => {
    const h = setup();
    const published = await h.demandIn('published');
    const at = h.clock.iso();
    const closed = unwrap(await h.service.close(owner, published.id));
    expect(closed).toMatchObject({ status: 'closed', closedAt: at, publishedAt: published.publishedAt });
    expect(closed.history[closed.history.length - 1]).toEqual({ status: 'closed', at });
    expect(unwrap(await h.service.detail(undefined, published.id)).status).toBe('closed');
  });
});

describe('versions and concurrency', () => {
  it('bumps the version on every write', async () => {
    const h = setup();
    const versions: number[] = [];
    const draft = await h.step(h.service.createDraft(owner, { title: '草稿' }));
    versions.push(draft.version);
    versions.push((await h.step(h.service.updateDraft(owner, draft.id, completeForm()))).version);
    versions.push((await h.step(h.service.submit(owner, draft.id))).version);
    versions.push((await h.step(h.service.review(admin, draft.id, { decision: 'approve' }))).version);
    versions.push((await h.step(h.service.close(owner, draft.id))).version);
    expect(versions).toEqual([1, 2, 3, 4, 5]);
    expect((await h.demands.get(draft.id))?.version).toBe(5);
  });

  it('updates with the expected version, refuses a stale one with DEMAND.VERSION_CONFLICT', async () => {
    const h = setup();
    const draft = await h.demandIn('draft');
    const updated = unwrap(await h.service.updateDraft(owner, draft.id, completeForm({ budgetWan: 90 }), 1));
    expect(updated.version).toBe(2);

    errorOf(await h.service.updateDraft(owner, draft.id, completeForm({ budgetWan: 10 }), 1), 'DEMAND.VERSION_CONFLICT');
    errorOf(await h.service.updateDraft(owner, draft.id, completeForm({ budgetWan: 10 }), 3), 'DEMAND.VERSION_CONFLICT');
    expect(await h.demands.get(draft.id)).toEqual(updated);
  });

  it('checks who and what before the version: a stale version on a published demand is NOT_EDITABLE', async () => {
    const h = setup();
    const published = await h.demandIn('published');
    errorOf(await h.service.updateDraft(owner, published.id, completeForm(), 1), 'DEMAND.NOT_EDITABLE');
  });

  it.each(ACTIONS)('%s: a write that loses the conditional update is DEMAND.VERSION_CONFLICT', async (action) => {
    const h = setup();
    const before = await h.demandIn(ALLOWED_FROM[action][0] ?? 'draft');
    jest.spyOn(h.demands, 'updateIfVersion').mockResolvedValueOnce(false);
    errorOf(await h.act(action, before.id), 'DEMAND.VERSION_CONFLICT');
    expect(await h.demands.get(before.id)).toEqual(before);
  });

  it('a write by someone else between load and store wins, and ours is a DEMAND.VERSION_CONFLICT', async () => {
    const h = setup();
    const draft = await h.demandIn('draft');
    const { demands } = h;
    let interleaved = false;
    const service = createDemandService({
      demands: {
        ...demands,
        async get(id) {
          const loaded = await demands.get(id);
          if (loaded && !interleaved) {
            interleaved = true;
            // The other tab saves after our read and before our write.
            const written = await demands.updateIfVersion(
              { ...loaded, title: '另一个页面保存的名称', version: loaded.version + 1 },
              loaded.version,
            );
            expect(written).toBe(true);
          }
          return loaded;
        },
      },
      follows: h.follows,
      clock: h.clock,
      cursors: h.cursors,
      newId: () => 'unused',
    });
    errorOf(await service.submit(owner, draft.id), 'DEMAND.VERSION_CONFLICT');
    expect(await demands.get(draft.id)).toMatchObject({ status: 'draft', title: '另一个页面保存的名称', version: 2 });
  });

  it('a follow between load and store is not lost: the rewrite keeps the stored followerCount', async () => {
    const h = setup();
    const published = await h.demandIn('published');
    const { demands, follows } = h;
    const service = createDemandService({
      demands: {
        ...demands,
        async get(id) {
          const loaded = await demands.get(id);
          await follows.follow({ userId: other.id, demandId: id, followedAt: h.clock.iso() });
          return loaded;
        },
      },
      follows,
      clock: h.clock,
      cursors: h.cursors,
      newId: () => 'unused',
    });
    expect(unwrap(await service.close(owner, published.id)).status).toBe('closed');
    expect(await demands.get(published.id)).toMatchObject({ status: 'closed', followerCount: 1 });
  });
});

describe('detail', () => {
  const HIDDEN_VALUE_TEXT = '如有意向请联系王工，电话13812345678。';

  async function anonymousPublished(h: ReturnType<typeof setup>) {
    const form = completeForm({ anonymous: true, description: `${completeForm().description}${HIDDEN_VALUE_TEXT}` });
    return h.demandIn('published', form);
  }

  it('the owner sees the whole demand', async () => {
    const h = setup();
    const demand = await anonymousPublished(h);
    const view = unwrap(await h.service.detail(owner, demand.id));
    expect(view).toEqual({ ...demand, awards: [], viewer: { isOwner: true, following: false } });
  });

  it('an admin sees the whole demand, including the reject reason', async () => {
    const h = setup();
    const rejected = await h.demandIn('rejected');
    const view = unwrap(await h.service.detail(admin, rejected.id));
    expect(view).toEqual({ ...rejected, awards: [], viewer: { isOwner: false, following: false } });
    expect(view).toHaveProperty('rejectReason', REASON);
  });

  it.each([
    ['anonymous visitor', undefined],
    ['another user', other],
  ] as const)('an %s gets the public view of an anonymous demand', async (_name, viewer) => {
    const h = setup();
    const demand = await anonymousPublished(h);
    const view = unwrap(await h.service.detail(viewer, demand.id));
    expect(view).not.toHaveProperty('ownerId');
    expect(view).not.toHaveProperty('rejectReason');
    for (const key of HIDDEN_WHEN_ANONYMOUS) expect(view).not.toHaveProperty(key);
    expect(view).toMatchObject({ id: demand.id, title: demand.title, region: demand.region, status: 'published' });
    expect(view.description).toContain('如有意向请联系***，电话***。');
    const text = JSON.stringify(view);
    for (const key of HIDDEN_WHEN_ANONYMOUS) {
      const value = demand[key];
      if (typeof value === 'string') expect(text).not.toContain(value);
    }
    expect(view.viewer).toEqual({ isOwner: false, following: false });
  });

  it('the public view of a demand that is not anonymous keeps the company but not the owner or review notes', async () => {
    const h = setup();
    const pending = await h.demandIn('rejected');
    unwrap(await h.service.submit(owner, pending.id));
    const published = unwrap(await h.service.review(admin, pending.id, { decision: 'approve' }));
    const view = unwrap(await h.service.detail(other, published.id));
    expect(view).toMatchObject({ companyName: published.companyName, contactPhone: published.contactPhone });
    expect(view).not.toHaveProperty('ownerId');
    expect(view.history).toEqual([{ status: 'published', at: published.publishedAt }]);
    expect(JSON.stringify(view)).not.toContain(REASON);
  });

  it.each(['draft', 'pending_review', 'rejected', 'closed_unpublished'] as const)(
    'a %s demand is DEMAND.NOT_FOUND for anyone but its owner and admins',
    async (scenario) => {
      const h = setup();
      const demand = await h.demandIn(scenario);
      errorOf(await h.service.detail(undefined, demand.id), 'DEMAND.NOT_FOUND');
      errorOf(await h.service.detail(other, demand.id), 'DEMAND.NOT_FOUND');
      errorOf(await h.service.detail(judge, demand.id), 'DEMAND.NOT_FOUND');
      expect(unwrap(await h.service.detail(owner, demand.id)).viewer.isOwner).toBe(true);
      expect(unwrap(await h.service.detail(admin, demand.id)).status).toBe(demand.status);
    },
  );

  it('a demand closed after publishing stays public', async () => {
    const h = setup();
    const closed = await h.demandIn('closed');
    const view = unwrap(await h.service.detail(undefined, closed.id));
    expect(view).toMatchObject({ status: 'closed', publishedAt: closed.publishedAt, closedAt: closed.closedAt });
    expect(view.history.map((e) => e.status)).toEqual(['published', 'closed']);
  });

  it('tells a viewer whether they follow the demand', async () => {
    const h = setup();
    const demand = await h.demandIn('published');
    await h.follows.follow({ userId: other.id, demandId: demand.id, followedAt: h.clock.iso() });
    const view = unwrap(await h.service.detail(other, demand.id));
    expect(view.viewer).toEqual({ isOwner: false, following: true });
    expect(view.followerCount).toBe(1);
    expect(unwrap(await h.service.detail(undefined, demand.id)).viewer.following).toBe(false);
  });

  it('an unknown id is DEMAND.NOT_FOUND', async () => {
    const h = setup();
    errorOf(await h.service.detail(admin, 'no-such-demand'), 'DEMAND.NOT_FOUND');
  });
});

describe('listMine', () => {
  it('pages through the caller’s own demands, newest first, in every status', async () => {
    const h = setup();
    const mine: Demand[] = [];
    for (const scenario of ['draft', 'published', 'rejected', 'pending_review', 'closed_unpublished'] as const) {
      mine.push(await h.demandIn(scenario));
    }
    await h.demandIn('draft', completeForm(), other);

    const seen: Demand[] = [];
    let cursor: string | undefined;
    const pages: number[] = [];
    do {
      const page = unwrap(await h.service.listMine(owner, { limit: 2, cursor }));
      pages.push(page.items.length);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(pages).toEqual([2, 2, 1]);
    expect(seen.map((d) => d.id)).toEqual(mine.map((d) => d.id).reverse());
    expect(seen).toEqual(await Promise.all(seen.map(async (d) => h.demands.get(d.id))));
    expect(seen.every((d) => d.ownerId === owner.id)).toBe(true);
  });

  it('has no cursor after a last page that is exactly full', async () => {
    const h = setup();
    await h.demandIn('draft');
    await h.demandIn('draft');
    const page = unwrap(await h.service.listMine(owner, { limit: 2 }));
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses a cursor that is not ours, was altered, or belongs to another list', async () => {
    const h = setup();
    for (let i = 0; i < 3; i += 1) await h.demandIn('draft');
    const first = unwrap(await h.service.listMine(owner, { limit: 1 }));
    const cursor = first.nextCursor;
    if (cursor === null) throw new Error('expected a next page');

    errorOf(await h.service.listMine(other, { limit: 1, cursor }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.listMine(owner, { limit: 1, cursor: 'garbage' }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.listMine(owner, { limit: 1, cursor: `${cursor}x` }), 'REQUEST.CURSOR_INVALID');
    const foreign = createCursorCodec('another-secret').encode(`mine:${owner.id}`, { id: 'd001', key: 'x' });
    errorOf(await h.service.listMine(owner, { limit: 1, cursor: foreign }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.listReviewQueue(admin, { limit: 1, cursor }), 'REQUEST.CURSOR_INVALID');

    const second = unwrap(await h.service.listMine(owner, { limit: 1, cursor }));
    expect(second.items.map((d) => d.id)).toEqual(['d002']);
  });
});

describe('listReviewQueue', () => {
  it('pages through pending demands, oldest submission first', async () => {
    const h = setup();
    const a = await h.demandIn('draft');
    const b = await h.demandIn('draft');
    const c = await h.demandIn('draft');
    const d = await h.demandIn('draft');
    // Submitted in another order than created.
    for (const demand of [c, a, d, b]) await h.step(h.service.submit(owner, demand.id));
    await h.step(h.service.review(admin, d.id, { decision: 'approve' }));
    await h.demandIn('draft');

    const first = unwrap(await h.service.listReviewQueue(admin, { limit: 2 }));
    expect(first.items.map((x) => x.id)).toEqual([c.id, a.id]);
    expect(first.items.every((x) => x.status === 'pending_review')).toBe(true);
    const cursor = first.nextCursor;
    if (cursor === null) throw new Error('expected a next page');
    const second = unwrap(await h.service.listReviewQueue(admin, { limit: 2, cursor }));
    expect(second.items.map((x) => x.id)).toEqual([b.id]);
    expect(second.nextCursor).toBeNull();

    errorOf(await h.service.listMine(owner, { limit: 2, cursor }), 'REQUEST.CURSOR_INVALID');
    errorOf(await h.service.listReviewQueue(admin, { limit: 2, cursor: 'not.a-cursor' }), 'REQUEST.CURSOR_INVALID');
  });

  it('pages newest submission first on request, and a cursor only continues the order it was made for', async () => {
    const h = setup();
    const a = await h.demandIn('draft');
    const b = await h.demandIn('draft');
    const c = await h.demandIn('draft');
    for (const demand of [c, a, b]) await h.step(h.service.submit(owner, demand.id));

    const first = unwrap(await h.service.listReviewQueue(admin, { limit: 2 }, 'newest'));
    expect(first.items.map((x) => x.id)).toEqual([b.id, a.id]);
    const cursor = first.nextCursor;
    if (cursor === null) throw new Error('expected a next page');
    const second = unwrap(await h.service.listReviewQueue(admin, { limit: 2, cursor }, 'newest'));
    expect(second.items.map((x) => x.id)).toEqual([c.id]);
    expect(second.nextCursor).toBeNull();
    errorOf(await h.service.listReviewQueue(admin, { limit: 2, cursor }, 'oldest'), 'REQUEST.CURSOR_INVALID');
  });

  it.each([owner, judge])('is AUTH.FORBIDDEN for a %j', async (user) => {
    const h = setup();
    errorOf(await h.service.listReviewQueue(user, { limit: 10 }), 'AUTH.FORBIDDEN');
  });
});
