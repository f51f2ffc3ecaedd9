// 动员揭榜: a demand's owner (or an organiser) invites a published 成果's holder to submit a solution; the holder sees
// their invitations and accepts (the 揭榜 form opens filled from the 成果) or declines.
import {
  fail,
  isPubliclyVisible,
  ok,
  type InvitationRequest,
  type InvitationRespondRequest,
  type InvitationResponseResult,
  type Invitation,
  type InvitationsResponse,
  type Result,
} from '@cic/shared';
import type { AchievementRepository } from '../achievements/achievement.repository';
import type { NotificationRepository } from '../alerts/notification.repository';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { CursorCodec } from '../common/cursor';
import { readPage, type PageParams } from '../common/paging';
import type { DemandRepository } from '../demands/demand.repository';
import { publicTitleOf } from '../demands/demand.view';
import { invitationNotificationId, newInvitation, solutionPrefillOf } from './invitation.lifecycle';
import type { InvitationRepository } from './invitation.repository';

export interface InvitationServiceDeps {
  invitations: InvitationRepository;
  demands: Pick<DemandRepository, 'get'>;
  achievements: Pick<AchievementRepository, 'get'>;
  notifications: Pick<NotificationRepository, 'createOnce'>;
  cursors: CursorCodec;
  clock: Clock;
}

const isAdmin = (user: AuthUser) => user.role === 'admin';

export function createInvitationService(deps: InvitationServiceDeps) {
  return {
    async create(user: AuthUser, demandId: string, body: InvitationRequest): Promise<Result<Invitation>> {
      // Only the demand's owner and organisers act for a demand: to anyone else it does not exist, whatever its state,
      // exactly as a made-up id does not.
      const demand = await deps.demands.get(demandId);
      if (!demand || (demand.ownerId !== user.id && !isAdmin(user))) return fail('DEMAND.NOT_FOUND');
      if (demand.status !== 'published') return fail('INVITATION.DEMAND_NOT_OPEN');

      // A 成果 the inviter may not see (someone's draft) is as absent as one that does not exist.
      const achievement = await deps.achievements.get(body.achievementId);
      const seen =
        achievement &&
        (isPubliclyVisible(achievement.status, achievement.publishedAt) || achievement.ownerId === user.id || isAdmin(user));
      if (!achievement || !seen) return fail('ACHIEVEMENT.NOT_FOUND');
      if (achievement.ownerId === demand.ownerId || achievement.ownerId === user.id) return fail('INVITATION.OWN_ACHIEVEMENT');
      if (achievement.status !== 'published') return fail('ACHIEVEMENT.NOT_PUBLISHED');

      const invitation = newInvitation({
        demandId,
        demandTitle: publicTitleOf(demand),
        achievement,
        inviterId: user.id,
        message: body.message,
        at: deps.clock.now().toISOString(),
      });
      if ((await deps.invitations.create(invitation)) === 'exists') return fail('INVITATION.EXISTS');
      // The holder's inbox item, pushed: it opens their invitations. Its id is the invitation's sending, so a retried
      // write adds nothing and a renewed invitation is news again.
      await deps.notifications.createOnce({
        id: invitationNotificationId(invitation),
        userId: invitation.holderId,
        demandId,
        reason: 'invitation',
        title: invitation.demandTitle,
        achievementId: achievement.id,
        invitationId: invitation.id,
        ...(invitation.message ? { note: invitation.message } : {}),
        createdAt: invitation.createdAt,
        push: 'pending',
      });
      return ok(invitation);
    },

    listMine(user: AuthUser, params: PageParams): Promise<Result<InvitationsResponse>> {
      return readPage(deps.cursors, `invitations:${user.id}`, params, (page) => deps.invitations.listByHolder(user.id, page));
    },

    async respond(user: AuthUser, id: string, { decision }: InvitationRespondRequest): Promise<Result<InvitationResponseResult>> {
      // Only the holder answers: to anyone else (organisers included) it does not exist.
      const invitation = await deps.invitations.get(id);
      if (!invitation || invitation.holderId !== user.id) return fail('INVITATION.NOT_FOUND');
      if (invitation.status !== 'open') return fail('INVITATION.ANSWERED');

      const at = deps.clock.now().toISOString();
      if (decision === 'decline') {
        if ((await deps.invitations.answer(id, 'declined', at)) === 'answered') return fail('INVITATION.ANSWERED');
        return ok({ invitation: { ...invitation, status: 'declined', respondedAt: at } });
      }

      // Accepting opens the 揭榜 form, which only a published demand takes.
      const [demand, achievement] = await Promise.all([
        deps.demands.get(invitation.demandId),
        deps.achievements.get(invitation.achievementId),
      ]);
      if (demand?.status !== 'published') return fail('INVITATION.DEMAND_NOT_OPEN');
      if ((await deps.invitations.answer(id, 'accepted', at)) === 'answered') return fail('INVITATION.ANSWERED');
      return ok({
        invitation: { ...invitation, status: 'accepted', respondedAt: at },
        ...(achievement ? { solutionPrefill: solutionPrefillOf(invitation.demandId, achievement) } : {}),
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
