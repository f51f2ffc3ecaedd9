// An invitation's id, its creation and its answer: pure functions of what the service has read.
import { createHash } from 'node:crypto';
import type { Achievement, Invitation, InvitationResponseResult } from '@cic/shared';

/**
 * An invitation's id follows from its demand and its 成果: one open invitation per pair is then a conditional put,
 * with no second item to keep in step. The id reveals neither (a hash).
 */
export function invitationIdOf(demandId: string, achievementId: string): string {
  return `i_${createHash('sha256').update(`${demandId}\u0000${achievementId}`).digest('base64url').slice(0, 22)}`;
}

export function newInvitation(input: {
  demandId: string;
  demandTitle: string;
  achievement: Pick<Achievement, 'id' | 'ownerId' | 'title'>;
  inviterId: string;
  message?: string | undefined;
  at: string;
}): Invitation {
  const message = input.message?.trim();
  return {
    id: invitationIdOf(input.demandId, input.achievement.id),
    demandId: input.demandId,
    achievementId: input.achievement.id,
    inviterId: input.inviterId,
    holderId: input.achievement.ownerId,
    demandTitle: input.demandTitle,
    achievementTitle: input.achievement.title ?? '',
    ...(message ? { message } : {}),
    status: 'open',
    createdAt: input.at,
  };
}

/** The 揭榜 form's values an accepted invitation opens with, from the 成果 (the solution form's own field names). */
export function solutionPrefillOf(
  demandId: string,
  achievement: Achievement,
): NonNullable<InvitationResponseResult['solutionPrefill']> {
  return {
    demandId,
    title: achievement.title ?? '',
    summary: achievement.summary ?? '',
    organisation: achievement.holderName ?? '',
    contactName: achievement.contactName ?? '',
    contactPhone: achievement.contactPhone ?? '',
  };
}

/** The inbox item's id: one per invitation sent, so a renewed invitation tells the holder again. */
export const invitationNotificationId = (invitation: Pick<Invitation, 'id' | 'createdAt'>): string =>
  `invitation#${invitation.id}#${Date.parse(invitation.createdAt)}`;
