// Pure state changes of a solution. The service loads, calls one of these, and stores the result under a version check.
import { createHash } from 'node:crypto';
import { DECISION_FROM, DECISION_STATUS, type DecisionRequest, type Solution, type SolutionForm } from '@cic/shared';

/**
 * A solution's id follows from its demand and its submitter: one solution per user per demand is then a conditional
 * put, with no second item to keep in step. The id reveals neither (a hash).
 */
export function solutionIdOf(demandId: string, submitterId: string): string {
  return `s_${createHash('sha256').update(`${demandId}\u0000${submitterId}`).digest('base64url').slice(0, 22)}`;
}

function formFields(form: SolutionForm): Omit<SolutionForm, 'ndaAccepted'> {
  const { ndaAccepted: _accepted, ...fields } = form;
  return fields;
}

export function newSolution(input: { demandId: string; submitterId: string; form: SolutionForm; at: string }): Solution {
  return {
    ...formFields(input.form),
    id: solutionIdOf(input.demandId, input.submitterId),
    demandId: input.demandId,
    submitterId: input.submitterId,
    status: 'submitted',
    createdAt: input.at,
    updatedAt: input.at,
    ndaAcceptedAt: input.at,
    version: 1,
    history: [{ status: 'submitted', at: input.at }],
  };
}

export function edited(solution: Solution, form: SolutionForm, at: string): Solution {
  return { ...solution, ...formFields(form), updatedAt: at, ndaAcceptedAt: at, version: solution.version + 1 };
}

export const isEditable = (solution: Solution): boolean => solution.status === 'submitted';

export function canDecide(solution: Solution, decision: DecisionRequest['decision']): boolean {
  return DECISION_FROM[decision].includes(solution.status);
}

export function decided(solution: Solution, input: DecisionRequest, at: string): Solution {
  const status = DECISION_STATUS[input.decision];
  const next: Solution = {
    ...solution,
    status,
    decidedAt: at,
    updatedAt: at,
    version: solution.version + 1,
    history: [...solution.history, { status, at, ...(input.reason ? { note: input.reason } : {}) }],
  };
  if (input.reason) next.decisionReason = input.reason;
  else delete next.decisionReason;
  return next;
}

/** Shortlisted solutions, and the one with the intent agreement, are what the judges see and score. */
export const isInFinal = (solution: Solution): boolean => solution.status === 'shortlisted' || solution.status === 'intent';
