import { once } from '../common/once';
import { createSolutionService } from '../contest/solution.service';
import { createFinalDynamoRepository } from '../db/final.dynamo';
import { createNotificationDynamoRepository } from '../db/notification.dynamo';
import { base, type Base } from './base';
import { solutionRepository } from './repositories';
import { search, type Search } from './search';

/** 揭榜: solutions, their fit to the demand (from the search index's term statistics) and the owner's decisions. */
export function createSolutions(b: Base, deps: { search: Search }) {
  const { doc, names } = b;
  return createSolutionService({
    solutions: solutionRepository(b),
    demands: b.demandRepo,
    finals: createFinalDynamoRepository(doc, names.finals),
    notifications: createNotificationDynamoRepository(doc, names.notifications),
    terms: { documentFrequency: (term) => deps.search.documentFrequency(term), documents: () => deps.search.documents() },
    clock: b.clock,
  });
}

export const solutions = once(() => createSolutions(base(), { search: search() }));
