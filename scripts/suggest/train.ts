// npm run train:suggest — trains the field classifier on all the labelled real demands and writes
// data/suggest/field-model.json (decision 0015). Deterministic: the same data, thesaurus and options write the same
// bytes, and a unit test checks the committed file against a fresh training.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { FieldModel } from '../../functions/src/suggest/field-model';
import { trainFieldModel } from '../../functions/src/suggest/train';
import { labelledDemands, MODEL_PATH, SOURCE, thesaurusConcepts } from './data';

export function freshModel(): FieldModel {
  return trainFieldModel(labelledDemands(), { concepts: thesaurusConcepts(), source: SOURCE });
}

/** Indented JSON with each feature's counts on its own line, so a retraining reads as a diff. */
export function serialiseModel(model: FieldModel): string {
  return `${JSON.stringify(model, null, 2).replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, '')}]`)}\n`;
}

if (require.main === module) {
  const model = freshModel();
  const text = serialiseModel(model);
  writeFileSync(MODEL_PATH, text);
  console.log(
    `${relative(process.cwd(), MODEL_PATH)}: ${model.trainedOn.records} demands, ${Object.keys(model.features).length} features, ` +
      `temperature ${model.temperature}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`,
  );
}
