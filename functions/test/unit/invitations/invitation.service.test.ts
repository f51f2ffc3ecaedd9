import type { Achievement, Demand, Notification } from '@cic/shared';
import type { AuthUser } from '../../../src/auth/auth-user';
import { createCursorCodec } from '../../../src/common/cursor';
import { invitationIdOf } from '../../../src/invitations/invitation.lifecycle';
import { createInvitationService } from '../../../src/invitations/invitation.service';
import { createMockDemand, statusMeta } from '../../fakes/demand.factory';
import { createFixedClock } from '../../fakes/fixed-clock';
import { createInMemoryDemandRepository } from '../../fakes/in-memory-demand.repository';
import { errorOf, unwrap } from '../services/expect-result';
import { createInMemoryInvitationRepository } from './in-memory-invitation.repository';

const OWNER: AuthUser = { id: 'owner-1', role: 'user' };
const HOLDER: AuthUser = { id: 'holder-1', role: 'user' };
const STRANGER: AuthUser = { id: 'stranger-1', role: 'user' };
const ADMIN: AuthUser = { id: 'admin-1', role: 'admin' };

const SUMMARY =
  '一种面向钛合金薄板的脉冲激光焊接工艺：背面气体保护与焊后局部热处理结合，焊缝强度达到母材的百分之九十六以上，' +
  '气孔率低于万分之五，变形量小于零点一五毫米；已在两家航空零部件企业完成中试，可提供工艺包、设备选型与人员培训。';

let sequence = 0;
function achievement(overrides: Partial<Achievement> = {}): Achievement {
  sequence += 1;
  const at = '2025-02-01T08:00:00.000Z';
  return {
    id: `ach-${sequence}`,
    ownerId: HOLDER.id,
    status: 'published',
    ...statusMeta('published', at),
    title: '钛合金薄板脉冲激光焊接工艺',
    holderName: '示例大学材料学院',
    holderType: 'university',
    field: 'new_materials',
    keywords: ['激光焊接', '钛合金'],
    summary: SUMMARY,
    trl: 6,
    ip: [{ kind: 'invention', number: 'ZL202310000000.1', status: 'granted' }],
    cooperationModes: ['transfer'],
    priceWan: 80,
    region: '江苏省 / 南京市',
    contactName: '王老师',
    contactPhone: '13900001111',
    anonymous: false,
    ...overrides,
  };
}

function setUp(demands: Demand[], achievements: Achievement[]) {
  const clock = createFixedClock();
  const invitations = createInMemoryInvitationRepository();
  const stored = new Map(achievements.map((a) => [a.id, a]));
  const inbox: Notification[] = [];
  const service = createInvitationService({
    invitations,
    demands: createInMemoryDemandRepository(demands),
    achievements: { get: async (id) => stored.get(id) },
    notifications: {
      createOnce: async (n) => {
        if (inbox.some((x) => x.userId === n.userId && x.id === n.id)) return false;
        inbox.push(n);
        return true;
      },
    },
    cursors: createCursorCodec('unit-cursor-secret'),
    clock,
  });
  return { service, invitations, inbox, clock };
}

describe('inviting a 成果 holder to 揭榜', () => {
  it("stores an open invitation, counts it, and puts a pushed item in the holder's inbox", async () => {
    const demand = createMockDemand({ status: 'published', ownerId: OWNER.id });
    const a = achievement();
    const { service, invitations, inbox, clock } = setUp([demand], [a]);
    const invitation = unwrap(await service.create(OWNER, demand.id, { achievementId: a.id, message: '  欢迎揭榜  ' }));
    expect(invitation).toEqual({
      id: invitationIdOf(demand.id, a.id),
      demandId: demand.id,
      achievementId: a.id,
      inviterId: OWNER.id,
      holderId: HOLDER.id,
      demandTitle: demand.title,
      achievementTitle: a.title,
      message: '欢迎揭榜',
      status: 'open',
      createdAt: clock.iso(),
    });
    expect(invitations.all()).toEqual([invitation]);
    expect(invitations.counted).toEqual({ invitations: 1, invitationsAccepted: 0 });
    expect(inbox).toEqual([
      {
        id: `invitation#${invitation.id}#${clock.now().getTime()}`,
        userId: HOLDER.id,
        demandId: demand.id,
        reason: 'invitation',
        title: demand.title,
        achievementId: a.id,
        invitationId: invitation.id,
        note: '欢迎揭榜',
        createdAt: clock.iso(),
        push: 'pending',
      },
    ]);
  });

  it('lets an organiser invite for any demand, and nobody else', async () => {
    const demand = createMockDemand({ status: 'published', ownerId: OWNER.id });
    const a = achievement();
    const { service } = setUp([demand], [a]);
    expect(unwrap(await service.create(ADMIN, demand.id, { achievementId: a.id })).inviterId).toBe(ADMIN.id);
    // The holder is not the demand's owner either: the same 404 as for a demand that does not exist.
    for (const user of [STRANGER, HOLDER]) {
      errorOf(await service.create(user, demand.id, { achievementId: a.id }), 'DEMAND.NOT_FOUND');
      errorOf(await service.create(user, 'no-such-demand', { achievementId: a.id }), 'DEMAND.NOT_FOUND');
    }
  });

  it('refuses a demand that is not published, whatever the 成果', async () => {
    const drafts = (['draft', 'pending_review', 'closed'] as const).map((status) =>
      createMockDemand({ status, ownerId: OWNER.id }),
    );
    const { service, inbox } = setUp(drafts, [achievement({ id: 'a1' })]);
    for (const d of drafts) errorOf(await service.create(OWNER, d.id, { achievementId: 'a1' }), 'INVITATION.DEMAND_NOT_OPEN');
    expect(inbox).toEqual([]);
  });

  it('refuses 成果 that are missing or unseen (404), not published (409), or the inviter’s own', async () => {
    const demand = createMockDemand({ status: 'published', ownerId: OWNER.id });
    const draft = achievement({ status: 'draft' });
    delete draft.publishedAt;
    const closed = achievement({ status: 'closed', closedAt: '2025-02-02T00:00:00.000Z' });
    const own = achievement({ ownerId: OWNER.id });
    const { service, invitations } = setUp([demand], [draft, closed, own]);
    errorOf(await service.create(OWNER, demand.id, { achievementId: 'nope' }), 'ACHIEVEMENT.NOT_FOUND');
    // Someone else's draft is as absent as a made-up id; an organiser may see it, and hears it is not published.
    errorOf(await service.create(OWNER, demand.id, { achievementId: draft.id }), 'ACHIEVEMENT.NOT_FOUND');
    errorOf(await service.create(ADMIN, demand.id, { achievementId: draft.id }), 'ACHIEVEMENT.NOT_PUBLISHED');
    errorOf(await service.create(OWNER, demand.id, { achievementId: closed.id }), 'ACHIEVEMENT.NOT_PUBLISHED');
    errorOf(await service.create(OWNER, demand.id, { achievementId: own.id }), 'INVITATION.OWN_ACHIEVEMENT');
    errorOf(await service.create(ADMIN, demand.id, { achievementId: own.id }), 'INVITATION.OWN_ACHIEVEMENT');
    expect(invitations.all()).toEqual([]);
  });

  it('keeps one open invitation per (demand, 成果); a declined one may be sent again, and is news again', async () => {
    const demand = createMockDemand({ status: 'published', ownerId: OWNER.id });
    const a = achievement();
    const { service, invitations, inbox, clock } = setUp([demand], [a]);
    const first = unwrap(await service.create(OWNER, demand.id, { achievementId: a.id }));
    errorOf(await service.create(ADMIN, demand.id, { achievementId: a.id }), 'INVITATION.EXISTS');
    unwrap(await service.respond(HOLDER, first.id, { decision: 'decline' }));
    clock.advance(60_000);
    const again = unwrap(await service.create(OWNER, demand.id, { achievementId: a.id, message: '方案可再谈' }));
    expect(again).toMatchObject({ id: first.id, status: 'open', message: '方案可再谈', createdAt: clock.iso() });
    expect(again.respondedAt).toBeUndefined();
    expect(inbox.map((n) => n.id)).toEqual([
      `invitation#${first.id}#${Date.parse(first.createdAt)}`,
      `invitation#${first.id}#${clock.now().getTime()}`,
    ]);
    // The pair counts once; accepted, it cannot be sent again.
    unwrap(await service.respond(HOLDER, first.id, { decision: 'accept' }));
    errorOf(await service.create(OWNER, demand.id, { achievementId: a.id }), 'INVITATION.EXISTS');
    expect(invitations.counted).toEqual({ invitations: 1, invitationsAccepted: 1 });
  });
});

describe("the holder's invitations", () => {
  it('lists only the caller’s, newest first, page by page', async () => {
    const demands = Array.from({ length: 3 }, () => createMockDemand({ status: 'published', ownerId: OWNER.id }));
    const mine = achievement();
    const theirs = achievement({ ownerId: 'holder-2' });
    const { service, clock } = setUp(demands, [mine, theirs]);
    for (const d of demands) {
      clock.advance(1000);
      unwrap(await service.create(OWNER, d.id, { achievementId: mine.id }));
      unwrap(await service.create(OWNER, d.id, { achievementId: theirs.id }));
    }
    const first = unwrap(await service.listMine(HOLDER, { limit: 2 }));
    expect(first.items.map((i) => i.demandId)).toEqual([demands[2]?.id, demands[1]?.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = unwrap(await service.listMine(HOLDER, { limit: 2, cursor: first.nextCursor as string }));
    expect(second.items.map((i) => i.demandId)).toEqual([demands[0]?.id]);
    expect(second.nextCursor).toBeNull();
    expect(unwrap(await service.listMine(STRANGER, { limit: 10 })).items).toEqual([]);
    // A cursor of someone else's list is refused.
    errorOf(await service.listMine(STRANGER, { limit: 2, cursor: first.nextCursor as string }), 'REQUEST.CURSOR_INVALID');
  });
});

describe('answering an invitation', () => {
  async function invited(demandOverrides: Partial<Demand> = {}) {
    const demand = createMockDemand({ status: 'published', ownerId: OWNER.id, ...demandOverrides });
    const a = achievement();
    const world = setUp([demand], [a]);
    const invitation = unwrap(await world.service.create(OWNER, demand.id, { achievementId: a.id }));
    return { ...world, demand, a, invitation };
  }

  it('accepting opens the 揭榜 form filled from the 成果, and counts', async () => {
    const { service, invitation, a, demand, invitations, clock } = await invited();
    clock.advance(5000);
    const result = unwrap(await service.respond(HOLDER, invitation.id, { decision: 'accept' }));
    expect(result).toEqual({
      invitation: { ...invitation, status: 'accepted', respondedAt: clock.iso() },
      solutionPrefill: {
        demandId: demand.id,
        title: a.title,
        summary: a.summary,
        organisation: a.holderName,
        contactName: a.contactName,
        contactPhone: a.contactPhone,
      },
    });
    expect(invitations.all()[0]).toEqual(result.invitation);
    expect(invitations.counted.invitationsAccepted).toBe(1);
  });

  it('declining gives no form and counts no acceptance', async () => {
    const { service, invitation, invitations } = await invited();
    const result = unwrap(await service.respond(HOLDER, invitation.id, { decision: 'decline' }));
    expect(result.invitation.status).toBe('declined');
    expect(result.solutionPrefill).toBeUndefined();
    expect(invitations.counted.invitationsAccepted).toBe(0);
  });

  it('cannot be answered twice, either way', async () => {
    const { service, invitation } = await invited();
    unwrap(await service.respond(HOLDER, invitation.id, { decision: 'accept' }));
    errorOf(await service.respond(HOLDER, invitation.id, { decision: 'decline' }), 'INVITATION.ANSWERED');
    errorOf(await service.respond(HOLDER, invitation.id, { decision: 'accept' }), 'INVITATION.ANSWERED');
  });

  it('is the holder’s alone: the inviter, an organiser and strangers get what a made-up id gets', async () => {
    const { service, invitation, invitations } = await invited();
    for (const user of [OWNER, ADMIN, STRANGER]) {
      errorOf(await service.respond(user, invitation.id, { decision: 'accept' }), 'INVITATION.NOT_FOUND');
    }
    errorOf(await service.respond(HOLDER, 'i_madeup', { decision: 'accept' }), 'INVITATION.NOT_FOUND');
    expect(invitations.all()[0]?.status).toBe('open');
  });

  it('cannot be accepted once the demand no longer takes solutions; it can still be declined', async () => {
    const { service, invitation, demand } = await invited();
    const closedWorld = setUp([{ ...demand, status: 'closed', closedAt: '2025-03-02T00:00:00.000Z' }], []);
    await closedWorld.invitations.create(invitation);
    errorOf(await closedWorld.service.respond(HOLDER, invitation.id, { decision: 'accept' }), 'INVITATION.DEMAND_NOT_OPEN');
    expect(unwrap(await closedWorld.service.respond(HOLDER, invitation.id, { decision: 'decline' })).invitation.status).toBe(
      'declined',
    );
    expect(unwrap(await service.respond(HOLDER, invitation.id, { decision: 'decline' })).invitation.status).toBe('declined');
  });
});
