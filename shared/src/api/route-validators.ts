// The functions that check each route's body and query, for the Lambda handlers (functions/src/http/route.ts).
// The route table (routes.ts) names them by type only; the compiler holds this object to exactly the routes the
// table names (no more, no fewer), each with validators of the types named there. Kept apart from the table so that
// the mini-program's client, which imports the table, leaves out every schema its pages do not use themselves
// (docs/decisions/0012).
import type { RouteName, RouteValidators, Validator } from './routes';
import {
  validateConceptExpandQuery,
  validateDemandListQuery,
  validateDevLogin,
  validateNotificationsQuery,
  validatePageQuery,
  validateReview,
  validateReviewQueueQuery,
  validateWechatLogin,
} from './api.schema';
import { validateDemandDraft } from '../demand/demand.schema';
import {
  validateAlertFeedback,
  validateMarkRead,
  validateSubscribeQuota,
  validateSubscription,
} from '../alerts/subscription.schema';
import {
  validateAssignJudges,
  validateAssignTrack,
  validateAward,
  validateDecision,
  validateScore,
  validateSolutionForm,
  validateSolutionListQuery,
  validateTrack,
} from '../contest/contest.schema';
import {
  validateAchievementListQuery,
  validateInvitation,
  validateInvitationRespond,
  validateMatchesQuery,
  validateSuggestField,
} from '../achievement/achievement.api.schema';
import { validateAchievementDraft } from '../achievement/achievement.schema';

export const ROUTE_VALIDATORS: RouteValidators = {
  authWechat: { body: validateWechatLogin },
  authDev: { body: validateDevLogin },
  demandsList: { query: validateDemandListQuery },
  demandsCreate: { body: validateDemandDraft },
  demandsUpdate: { body: validateDemandDraft },
  meDemands: { query: validatePageQuery },
  meFollows: { query: validatePageQuery },
  adminReviews: { query: validateReviewQueueQuery },
  adminReview: { body: validateReview },
  meSubscriptionsCreate: { body: validateSubscription },
  meSubscriptionsPreview: { body: validateSubscription },
  conceptsExpand: { query: validateConceptExpandQuery },
  meSubscribeQuota: { body: validateSubscribeQuota },
  meNotifications: { query: validateNotificationsQuery },
  meNotificationsRead: { body: validateMarkRead },
  meNotificationsFeedback: { body: validateAlertFeedback },
  solutionsSubmit: { body: validateSolutionForm },
  solutionsForDemand: { query: validateSolutionListQuery },
  solutionsUpdate: { body: validateSolutionForm },
  solutionsDecide: { body: validateDecision },
  finalsAssignJudges: { body: validateAssignJudges },
  finalsScore: { body: validateScore },
  tracksCreate: { body: validateTrack },
  tracksAssign: { body: validateAssignTrack },
  awardsCreate: { body: validateAward },
  achievementsList: { query: validateAchievementListQuery },
  achievementsCreate: { body: validateAchievementDraft },
  achievementsUpdate: { body: validateAchievementDraft },
  meAchievements: { query: validatePageQuery },
  adminAchievementReview: { body: validateReview },
  demandMatches: { query: validateMatchesQuery },
  achievementMatches: { query: validateMatchesQuery },
  suggestField: { body: validateSuggestField },
  invitationsCreate: { body: validateInvitation },
  meInvitations: { query: validatePageQuery },
  invitationsRespond: { body: validateInvitationRespond },
};

type AnyValidators = { body?: Validator<unknown>; query?: Validator<unknown> };

/** A route's validators (none for a route that takes no body and no query). */
export function validatorsOf(name: RouteName): AnyValidators {
  const all: Partial<Record<RouteName, AnyValidators>> = ROUTE_VALIDATORS;
  return all[name] ?? {};
}
