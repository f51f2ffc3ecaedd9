import model from '../../../data/suggest/field-model.json';
import { once } from '../common/once';
import { createFieldClassifier, loadFieldModel } from '../suggest/field-model';
import { createFieldSuggester } from '../suggest/field-suggester';

/** The field suggestion: the committed model (data/suggest/field-model.json), checked and built once per container. */
export const fieldSuggester = once(() => createFieldSuggester(createFieldClassifier(loadFieldModel(model))));
