import { route } from '../composition/auth';
import { inbox } from '../composition/inbox';
import { concepts, subscriptionPreview, subscriptions } from '../composition/subscriptions';

/** POST /me/subscriptions {keywords, fields, regions, minBudgetWan} */
export const create = route('meSubscriptionsCreate', ({ user, body }) => subscriptions().create(user, body));

/** POST /me/subscriptions/preview {…the subscription}: how many recent demands it would have matched, by tier. */
export const preview = route('meSubscriptionsPreview', ({ user, body }) => subscriptionPreview().preview(user, body));

/** GET /concepts/expand?keyword=: what a keyword will match (synonyms, narrower and related terms, traps). */
export const expand = route('conceptsExpand', ({ query }) => concepts.expand(query.keyword));

/** GET /me/subscriptions */
export const list = route('meSubscriptionsList', ({ user }) => subscriptions().list(user));

/** DELETE /me/subscriptions/{id} */
export const remove = route('meSubscriptionsDelete', ({ user, params }) => subscriptions().remove(user, params.id));

/** POST /me/subscribe-quota {results: {templateId: accept|reject|ban|filter}} */
export const quota = route('meSubscribeQuota', ({ user, body }) => inbox().recordSubscribeResults(user, body));
