// Who someone is to a demand's contest. One answer, used by every contest route: the owner and the organisers see
// every solution, the final's judges the shortlisted ones, a submitter their own, nobody else any.
import { isPubliclyVisible, type Demand, type Final, type Solution } from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import { isInFinal } from './solution.lifecycle';

export interface ContestViewer {
  user: AuthUser;
  owner: boolean;
  admin: boolean;
  judge: boolean;
}

export function viewerOf(user: AuthUser, demand: Demand, final: Final | undefined): ContestViewer {
  return {
    user,
    owner: user.id === demand.ownerId,
    admin: user.role === 'admin',
    judge: final?.judgeIds.includes(user.id) ?? false,
  };
}

/** May the viewer know the demand exists at all? Otherwise every answer about it is 404. */
export function canSeeDemand(viewer: ContestViewer, demand: Demand): boolean {
  return viewer.owner || viewer.admin || viewer.judge || isPubliclyVisible(demand.status, demand.publishedAt);
}

export function canSeeSolution(viewer: ContestViewer, solution: Solution): boolean {
  return viewer.owner || viewer.admin || viewer.user.id === solution.submitterId || (viewer.judge && isInFinal(solution));
}

/** The demand's whole contest (ranking, every solution in the final): owner, organisers, assigned judges. */
export const seesContest = (viewer: ContestViewer): boolean => viewer.owner || viewer.admin || viewer.judge;
