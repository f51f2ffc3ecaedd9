import { LIST_LIMIT } from '@cic/shared';
import { route } from '../composition/auth';
import { invitations } from '../composition/invitations';

/** POST /demands/{id}/invitations {achievementId, message?}: the demand's owner or an organiser invites a 成果's holder. */
export const create = route('invitationsCreate', { rateLimit: 'invitation' }, ({ user, params, body }) =>
  invitations().create(user, params.id, body),
);

/** GET /me/invitations: the invitations the caller's 成果 received, newest first. */
export const mine = route('meInvitations', ({ user, query }) =>
  invitations().listMine(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);

/** POST /invitations/{id}/respond {decision}: the holder accepts (the 揭榜 form opens filled) or declines. */
export const respond = route('invitationsRespond', ({ user, params, body }) => invitations().respond(user, params.id, body));
