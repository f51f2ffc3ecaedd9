import { route } from '../composition/auth';
import { fieldSuggester } from '../composition/suggest';

/** POST /suggest/field: the 产业领域 a title and description read like, with the next two (public, no table). */
export const field = route('suggestField', async ({ body }) => fieldSuggester().suggest(body));
