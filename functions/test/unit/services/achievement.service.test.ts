// The 成果 service over an in-memory store: the demands' status machine on 成果 (one table for both), the content
// screen on submit, the complete form's check naming fields, optimistic concurrency, what each viewer sees of an
// anonymous 成果, the one review queue of both kinds (merged pages), and what 注销 leaves of a 成果.
import {
  ACHIEVEMENT_FIELD_LABELS,
  canTransition,
  type Achievement,
  type AchievementDraft,
  type DemandAction,
  type Result,
  type ReviewOrder,
} from '@cic/shared';
import { erasedAchievement } from '../../../src/account/anonymised';
import { createAchievementService } from '../../../src/achievements/achievement.service';
import { toPublicAchievement, withPublicAchievementText } from '../../../src/achievements/achievement.view';
import type { AuthUser } from '../../../src/auth/auth-user';
import { createCursorCodec } from '../../../src/common/cursor';
import type { PageRequest, StorePage } from '../../../src/common/page';
import type { ContentScreen } from '../../../src/listings/listing.service';
import { createReviewQueue } from '../../../src/listings/review-queue';
import { createFixedClock } from '../../fakes/fixed-clock';
import { createInMemoryDemandRepository } from '../../fakes/in-memory-demand.repository';
import { completeForm } from '../../fakes/demand.factory';
import { createDemandService } from '../../../src/demands/demand.service';
import { createAchievementSearch } from '../../../src/search/achievement-search';
import { achievementCandidates } from '../../../src/search/candidates';
import { errorOf, unwrap } from './expect-result';

const holder: AuthUser = { id: 'u-holder', role: 'user' };
const other: AuthUser = { id: 'u-other', role: 'user' };
const admin: AuthUser = { id: 'u-admin', role: 'admin' };

const form = (overrides: Partial<AchievementDraft> = {}): AchievementDraft => ({
  title: '钛合金薄板脉冲激光焊接工艺',
  holderName: '南京钛合新材料科技有限公司',
  holderType: 'enterprise',
  field: 'new_materials',
  keywords: ['激光焊接', '钛合金'],
  summary:
    '一种面向钛合金薄板的脉冲激光焊接工艺，焊缝强度达到母材的百分之九十六以上，气孔率低于万分之五，变形量小于零点一五毫米。'.repeat(
      2,
    ),
  trl: 6,
  ip: [],
  cooperationModes: ['transfer'],
  priceWan: null,
  region: '江苏省 / 南京市',
  contactName: '王工',
  contactPhone: '13900002222',
  anonymous: false,
  ...overrides,
});

/** The achievements store in memory: the named accesses the service and the queue use, in their index orders. */
function inMemoryAchievements() {
  const items = new Map<string, Achievement>();
  const page = (list: Achievement[], key: (a: Achievement) => string, asc: boolean, req: PageRequest): StorePage<Achievement> => {
    const sorted = list.map((a) => ({ a, k: `${key(a)}#${a.id}` })).sort((x, y) => (x.k < y.k ? -1 : 1) * (asc ? 1 : -1));
    const rest = req.after ? sorted.filter((e) => (asc ? e.k > (req.after?.k ?? '') : e.k < (req.after?.k ?? ''))) : sorted;
    const slice = rest.slice(0, req.limit);
    const last = slice[slice.length - 1];
    return {
      items: slice.map((e) => structuredClone(e.a)),
      ...(rest.length > slice.length && last ? { next: { k: last.k } } : {}),
    };
  };
  return {
    items,
    async create(a: Achievement) {
      if (items.has(a.id)) return 'exists' as const;
      items.set(a.id, structuredClone(a));
      return 'created' as const;
    },
    get: async (id: string) => (items.has(id) ? structuredClone(items.get(id)) : undefined),
    getMany: async (ids: readonly string[]) =>
      ids.flatMap((id) => (items.has(id) ? [structuredClone(items.get(id) as Achievement)] : [])),
    async updateIfVersion(next: Achievement, expected: number) {
      if (items.get(next.id)?.version !== expected) return false;
      items.set(next.id, structuredClone(next));
      return true;
    },
    async deleteIfVersion(id: string, expected: number) {
      if (items.get(id)?.version !== expected) return false;
      return items.delete(id);
    },
    listByOwner: async (ownerId: string, req: PageRequest) =>
      page(
        [...items.values()].filter((a) => a.ownerId === ownerId),
        (a) => a.createdAt,
        false,
        req,
      ),
    listPendingReview: async (req: PageRequest, order: ReviewOrder) =>
      page(
        [...items.values()].filter((a) => a.status === 'pending_review'),
        (a) => a.submittedAt ?? '',
        order === 'oldest',
        req,
      ),
    listPublished: async (_f: object, req: PageRequest) =>
      page(
        [...items.values()].filter((a) => a.status === 'published'),
        (a) => a.publishedAt ?? '',
        false,
        req,
      ),
    listChangedSince: async (_s: string, req: PageRequest) => page([...items.values()], (a) => a.updatedAt, true, req),
  };
}

function setup(screen?: ContentScreen) {
  const clock = createFixedClock();
  const achievements = inMemoryAchievements();
  const cursors = createCursorCodec('unit-cursor-secret');
  let n = 0;
  const service = createAchievementService({
    achievements,
    search: { search: async () => ({ hits: [], total: 0 }) },
    screen,
    clock,
    cursors,
    newId: () => `a${String((n += 1)).padStart(3, '0')}`,
  });
  const step = async <T>(run: Promise<Result<T>>): Promise<T> => {
    const value = unwrap(await run);
    clock.advance(1000);
    return value;
  };
  /** A 成果 of the holder brought to `status` through the service itself. */
  async function inStatus(status: Achievement['status']): Promise<Achievement> {
    let a = await step(service.createDraft(holder, form()));
    if (status === 'draft') return a;
    a = await step(service.submit(holder, a.id));
    if (status === 'pending_review') return a;
    if (status === 'rejected') return step(service.review(admin, a.id, { decision: 'reject', reason: '请补充' }));
    a = await step(service.review(admin, a.id, { decision: 'approve' }));
    if (status === 'published') return a;
    return step(service.close(holder, a.id));
  }
  return { service, achievements, clock, cursors, step, inStatus };
}

const STATUSES = ['draft', 'pending_review', 'rejected', 'published', 'closed'] as const;

describe('the 成果 lifecycle (the demands’ table of transitions)', () => {
  const act = (s: ReturnType<typeof setup>['service'], action: DemandAction, id: string) => {
    switch (action) {
      case 'edit':
        return s.updateDraft(holder, id, form({ title: '改过的成果名称' }));
      case 'submit':
        return s.submit(holder, id);
      case 'approve':
        return s.review(admin, id, { decision: 'approve' });
      case 'reject':
        return s.review(admin, id, { decision: 'reject', reason: '请补充' });
      default:
        return s.close(holder, id);
    }
  };

  for (const status of STATUSES) {
    for (const action of ['edit', 'submit', 'approve', 'reject', 'close'] as const) {
      const allowed = canTransition(action, status);
      it(`${action} from ${status}: ${allowed ? 'allowed' : 'refused with 409'}`, async () => {
        const { service, inStatus } = setup();
        const a = await inStatus(status);
        const result = await act(service, action, a.id);
        if (allowed) {
          expect(result.ok).toBe(true);
        } else {
          errorOf(result, action === 'edit' ? 'ACHIEVEMENT.NOT_EDITABLE' : 'ACHIEVEMENT.INVALID_TRANSITION');
        }
      });
    }
  }

  it('answers 404 to a stranger on a draft and 403 on a published 成果, and refuses review to a non-admin', async () => {
    const { service, inStatus } = setup();
    const draft = await inStatus('draft');
    errorOf(await service.updateDraft(other, draft.id, form()), 'ACHIEVEMENT.NOT_FOUND');
    errorOf(await service.detail(other, draft.id), 'ACHIEVEMENT.NOT_FOUND');
    const live = await inStatus('published');
    errorOf(await service.close(other, live.id), 'AUTH.FORBIDDEN');
    errorOf(await service.review(other, live.id, { decision: 'approve' }), 'AUTH.FORBIDDEN');
    errorOf(await service.review(admin, live.id, { decision: 'reject' }), 'REVIEW.REASON_REQUIRED');
  });

  it('names every missing field at submit, in Chinese, and leaves the draft untouched', async () => {
    const { service, achievements } = setup();
    const { trl: _trl, contactPhone: _phone, ...partial } = form({ summary: '太短的简介' });
    const draft = unwrap(await service.createDraft(holder, partial));
    const error = errorOf(await service.submit(holder, draft.id), 'ACHIEVEMENT.INCOMPLETE');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['contactPhone', 'summary', 'trl']);
    expect(error.fields?.summary).toContain(ACHIEVEMENT_FIELD_LABELS.summary);
    expect(achievements.items.get(draft.id)).toMatchObject({ status: 'draft', version: 1 });
  });

  it('screens the name and the 成果简介 on submit: risky is refused, review is flagged for the queue', async () => {
    const seen: { title: string; description: string }[] = [];
    let verdict: Awaited<ReturnType<ContentScreen>> = 'risky';
    const { service, step } = setup(async (_user, text) => {
      seen.push(text);
      return verdict;
    });
    const draft = await step(service.createDraft(holder, form()));
    errorOf(await service.submit(holder, draft.id), 'ACHIEVEMENT.CONTENT_RISKY');
    expect(seen[0]).toEqual({ title: form().title, description: form().summary });
    verdict = 'review';
    const sent = await step(service.submit(holder, draft.id));
    expect(sent).toMatchObject({ status: 'pending_review', safety: 'review' });
  });

  it('refuses an edit of a version the holder did not see', async () => {
    const { service, inStatus } = setup();
    const draft = await inStatus('draft');
    errorOf(await service.updateDraft(holder, draft.id, form(), draft.version + 1), 'ACHIEVEMENT.VERSION_CONFLICT');
    expect(unwrap(await service.updateDraft(holder, draft.id, form({ trl: 7 }), draft.version))).toMatchObject({
      trl: 7,
      version: 2,
    });
  });
});

describe('an anonymous 成果 to the public', () => {
  const secret = form({
    anonymous: true,
    title: '钛合新材料的激光焊接工艺',
    keywords: ['钛合新材料焊接', '钛合金'],
    summary: `${form().summary}联系电话 139-0000-2222，或写信给 王工。`,
  });

  it('hides the holder and contacts, and masks them (and the short name) in the title, summary and keywords', async () => {
    const { service, inStatus, achievements } = setup();
    const a = await inStatus('draft');
    achievements.items.set(a.id, { ...a, ...secret, status: 'published', publishedAt: a.createdAt });
    const view = unwrap(await service.detail(other, a.id));
    for (const key of ['holderName', 'contactName', 'contactPhone', 'email', 'ownerId']) expect(view).not.toHaveProperty(key);
    const text = JSON.stringify(view);
    for (const hidden of ['钛合新材料', '13900002222', '139-0000-2222', '王工']) expect(text).not.toContain(hidden);
    expect(view.keywords).toEqual(['***焊接', '钛合金']);
    // The holder sees it whole.
    expect(unwrap(await service.detail(holder, a.id))).toMatchObject({
      holderName: secret.holderName,
      viewer: { isOwner: true },
    });
    // The matcher's text is the public one.
    const stored = achievements.items.get(a.id) as Achievement;
    expect(withPublicAchievementText(stored).summary).not.toContain('139-0000-2222');
    expect(toPublicAchievement({ ...stored, anonymous: false }).holderName).toBe(secret.holderName);
  });
});

describe('the one review queue of demands and 成果', () => {
  it('merges both kinds by submission time, each saying its kind, and its cursor continues the merge', async () => {
    const { service, clock, cursors, achievements } = setup();
    const demands = createInMemoryDemandRepository();
    const demandService = createDemandService({
      demands,
      follows: { isFollowing: async () => false },
      clock,
      cursors,
      newId: (() => {
        let n = 0;
        return () => `d${String((n += 1)).padStart(3, '0')}`;
      })(),
    });
    const expected: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      if (i % 3 === 0) {
        const d = unwrap(await demandService.createDraft(holder, completeForm()));
        unwrap(await demandService.submit(holder, d.id));
        expected.push(`demand:${d.id}`);
      } else {
        const a = unwrap(await service.createDraft(holder, form()));
        unwrap(await service.submit(holder, a.id));
        expected.push(`achievement:${a.id}`);
      }
      clock.advance(1000);
    }
    const queue = createReviewQueue({ demands, achievements, cursors });
    const read = async (order: ReviewOrder, kind?: 'demand' | 'achievement') => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await queue.list(admin, { order, kind, cursor, limit: 2 }));
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => `${i.kind}:${i.id}`));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    expect(await read('oldest')).toEqual(expected);
    expect(await read('newest')).toEqual([...expected].reverse());
    expect(await read('oldest', 'demand')).toEqual(expected.filter((k) => k.startsWith('demand:')));
    expect(await read('oldest', 'achievement')).toEqual(expected.filter((k) => k.startsWith('achievement:')));
    errorOf(await queue.list(holder, { limit: 2 }), 'AUTH.FORBIDDEN');
    // A cursor of one list is refused by another.
    const first = unwrap(await queue.list(admin, { limit: 2 }));
    errorOf(await queue.list(admin, { kind: 'demand', cursor: first.nextCursor ?? '', limit: 2 }), 'REQUEST.CURSOR_INVALID');
  });
});

describe('注销 of a 成果 others have seen', () => {
  const published: Achievement = {
    ...form({ email: 'wang@example.com' }),
    id: 'a1',
    ownerId: holder.id,
    status: 'published',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    publishedAt: '2025-01-01T00:00:00.000Z',
    version: 3,
    history: [],
  };

  it('closes it without contacts or owner, keeping an organisation’s name but not a person’s', () => {
    const at = '2025-02-01T00:00:00.000Z';
    const kept = erasedAchievement(published, 'erased_x', at);
    expect(kept).toMatchObject({
      status: 'closed',
      closedAt: at,
      ownerId: 'erased_x',
      version: 4,
      holderName: published.holderName,
    });
    for (const key of ['contactName', 'contactPhone', 'email'] as const) expect(kept[key]).toBeUndefined();
    for (const holderType of ['individual', 'team'] as const) {
      expect(erasedAchievement({ ...published, holderType }, 'erased_x', at).holderName).toBeUndefined();
    }
    // Already closed: stays closed, only the person goes.
    const closed = erasedAchievement({ ...published, status: 'closed' }, 'erased_x', at);
    expect(closed.status).toBe('closed');
    expect(closed.history).toEqual([]);
  });
});

describe('成果搜索 and the matcher’s candidates', () => {
  it('indexes the public text of published 成果 only, filters by 技术成熟度, and unions phrases into candidates', async () => {
    const { achievements, inStatus, clock } = setup();
    const welding = await inStatus('published');
    const hidden = await inStatus('published');
    achievements.items.set(hidden.id, {
      ...(achievements.items.get(hidden.id) as Achievement),
      ...form({
        anonymous: true,
        title: '钛合新材料的涂层技术',
        keywords: ['热喷涂', '耐磨涂层'],
        summary: '钛合新材料的超音速火焰热喷涂耐磨涂层，结合强度不低于七十兆帕，孔隙率低于百分之一。',
      }),
    });
    const draft = await inStatus('draft');
    const search = createAchievementSearch({ achievements, clock, refreshMs: 0 });
    expect((await search.search('激光焊接', {}, 10)).hits.map((h) => h.id)).toEqual([welding.id]);
    expect((await search.search('激光焊接', { trlMin: 7 }, 10)).hits).toEqual([]);
    expect((await search.search('钛合新材料', {}, 10)).hits.map((h) => h.id)).not.toContain(hidden.id);
    expect((await search.search('热喷涂', {}, 10)).hits.map((h) => h.id)).toEqual([hidden.id]);
    const candidates = await achievementCandidates(search, ['热喷涂', '激光焊接', '不相干的词语']);
    expect([...candidates].sort()).toEqual([welding.id, hidden.id].sort());
    // A whole text is cut into phrases: one summary finds both; nothing finds the draft.
    const fromText = await achievementCandidates(search, '需求：激光焊接的变形控制，以及热喷涂。');
    expect([...fromText].sort()).toEqual([welding.id, hidden.id].sort());
    expect(fromText).not.toContain(draft.id);
  });
});
