// The labelled texts the field classifier learns from: the real demands of data/jstec-demands.jsonl, each labelled
// with the 附件3 field the seed maps its technology fields to (scripts/seed/jstec-mapping.ts), and the thesaurus's
// concepts by field (data/thesaurus/<field>.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDUSTRY_FIELDS } from '@cic/shared';
import type { ConceptTerms } from '../../functions/src/suggest/features';
import { conceptTermsOf, isHeldOut, type LabelledText } from '../../functions/src/suggest/train';
import { mapField, parseJsonl } from '../seed/jstec-mapping';

const ROOT = join(__dirname, '..', '..');
export const SOURCE = 'data/jstec-demands.jsonl';
export const MODEL_PATH = join(ROOT, 'data', 'suggest', 'field-model.json');

/** Every record, labelled by its technology fields: the label is the source's category mapped, not a person's judgement. */
export function labelledDemands(): LabelledText[] {
  return parseJsonl(readFileSync(join(ROOT, SOURCE), 'utf8')).map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    field: mapField(r.techFields).field,
  }));
}

export function thesaurusConcepts(): ConceptTerms {
  return conceptTermsOf(
    INDUSTRY_FIELDS.map((f) => JSON.parse(readFileSync(join(ROOT, 'data', 'thesaurus', `${f}.json`), 'utf8')) as unknown),
  );
}

/** The fixed 80/20 split by a hash of the id (functions/src/suggest/train.ts isHeldOut). */
export function split(all: readonly LabelledText[]): { train: LabelledText[]; heldOut: LabelledText[] } {
  return { train: all.filter((e) => !isHeldOut(e.id)), heldOut: all.filter((e) => isHeldOut(e.id)) };
}
