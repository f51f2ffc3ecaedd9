// The life of a demand. One table of who may move it where; the service and the UI both read it.
import type { DemandStatus } from './demand.enums';

export type DemandAction = 'edit' | 'submit' | 'approve' | 'reject' | 'match' | 'close';

export const TRANSITIONS: Record<
  DemandAction,
  { from: readonly DemandStatus[]; to: DemandStatus | null; by: 'owner' | 'admin' }
> = {
  // Editing keeps the status; it is listed so that "may I edit?" has one answer.
  edit: { from: ['draft', 'rejected'], to: null, by: 'owner' },
  submit: { from: ['draft', 'rejected'], to: 'pending_review', by: 'owner' },
  approve: { from: ['pending_review'], to: 'published', by: 'admin' },
  reject: { from: ['pending_review'], to: 'rejected', by: 'admin' },
  // The owner signs an intent agreement (意向协议) with a solution's team: the demand is matched.
  match: { from: ['published'], to: 'matched', by: 'owner' },
  close: { from: ['draft', 'pending_review', 'rejected', 'published', 'matched'], to: 'closed', by: 'owner' },
};

export function canTransition(action: DemandAction, from: DemandStatus): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** Statuses that the public can see: a demand that was published stays readable once matched or closed. */
export function isPubliclyVisible(status: DemandStatus, publishedAt: string | undefined): boolean {
  return status === 'published' || status === 'matched' || (status === 'closed' && publishedAt !== undefined);
}
