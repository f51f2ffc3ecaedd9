// POST /suggest/field: which 附件3 产业领域 a title and description read like, as a suggestion the form shows beside
// the field (it never sets it). A text with no letter or digit in it has nothing to read: 400 naming 名称, rather than
// the prior dressed as an answer. Any other text is answered, with the confidence the model has: low when it knows few
// of the text's words (decision 0015).
import { fail, ok, type FieldSuggestion, type Result, type SuggestFieldRequest } from '@cic/shared';
import { ngrams } from './features';
import type { FieldClassifier } from './field-model';

export interface FieldSuggester {
  suggest(request: SuggestFieldRequest): Result<FieldSuggestion>;
}

export function createFieldSuggester(classifier: FieldClassifier): FieldSuggester {
  return {
    suggest(request) {
      const input = { title: request.title, description: request.description };
      if (ngrams(`${input.title}\n${input.description}`).size === 0) {
        return fail('REQUEST.VALIDATION', { fields: { title: '请先填写名称或描述，才能推荐产业领域' } });
      }
      return ok(classifier.suggest(input));
    },
  };
}
