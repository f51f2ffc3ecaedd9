// The field classifier: multinomial naive Bayes over the features of ./features.ts, its posteriors softened by a
// temperature fitted so that the confidence it reports is about as often right as it says (decision 0015). The model is
// plain counts in a JSON file (data/suggest/field-model.json, written by `npm run train:suggest`), checked when loaded.
import { englishMessage, INDUSTRY_FIELDS, type FieldSuggestion, type IndustryField } from '@cic/shared';
import * as z from 'zod/mini';
import { featuresOf, type ConceptTerms, type FeatureOptions } from './features';

const counts = z.array(z.number().check(z.int(), z.nonnegative()));
const termList = z.array(z.string().check(z.minLength(1)));

export const fieldModelSchema = z.object({
  version: z.literal(1),
  about: z.string(),
  trainedOn: z.object({ source: z.string(), records: z.number(), byField: z.record(z.enum(INDUSTRY_FIELDS), z.number()) }),
  options: z.object({
    titleWeight: z.number().check(z.int(), z.positive()),
    conceptWeight: z.number().check(z.int(), z.nonnegative()),
    /** Additive (Laplace/Lidstone) smoothing of each feature's count. */
    alpha: z.number().check(z.positive()),
    /** How many features the model keeps, chosen by mutual information with the field. */
    vocabulary: z.number().check(z.int(), z.positive()),
  }),
  /** Divides the log-posteriors before they are normalised: above 1 softens naive Bayes' overconfidence. */
  temperature: z.number().check(z.positive()),
  /** The order of every per-field array below. */
  fields: z.array(z.enum(INDUSTRY_FIELDS)),
  /** Training documents per field (the prior). */
  documents: counts,
  /** Each field's feature count over the kept vocabulary. */
  totals: counts,
  concepts: z.object({
    digital_economy: termList,
    ai: termList,
    equipment: termList,
    new_materials: termList,
    new_energy: termList,
    other: termList,
  }),
  /** Feature → its count in each field's training documents. */
  features: z.record(z.string(), counts),
});
export type FieldModel = z.infer<typeof fieldModelSchema>;

/** The model's fields' scores for a text: each field's confidence, highest first; they sum to 1. */
export type Ranking = { field: IndustryField; confidence: number }[];

export interface FieldClassifier {
  /** Log-posteriors before the temperature (what the temperature is fitted on), in `fields` order. */
  scores(input: { title: string; description: string }): number[];
  /** The same from features already extracted (training scores each document many times). */
  scoreFeatures(features: ReadonlyMap<string, number>): number[];
  rank(input: { title: string; description: string }): Ranking;
  suggest(input: { title: string; description: string }): FieldSuggestion;
  /** How many of the text's features the model knows (0: it can only answer the prior). */
  known(input: { title: string; description: string }): number;
}

/** Softmax of scores / temperature. */
export function normalise(scores: readonly number[], temperature: number): number[] {
  const scaled = scores.map((s) => s / temperature);
  const max = Math.max(...scaled);
  const exp = scaled.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function loadFieldModel(input: unknown): FieldModel {
  const model = fieldModelSchema.parse(input, { error: englishMessage });
  const k = model.fields.length;
  if (k !== INDUSTRY_FIELDS.length || new Set(model.fields).size !== k)
    throw new Error('field model: fields must be the six 附件3 fields');
  if (model.documents.length !== k || model.totals.length !== k) throw new Error('field model: documents/totals per field');
  for (const [feature, c] of Object.entries(model.features)) {
    if (c.length !== k) throw new Error(`field model: feature "${feature}" has ${c.length} counts`);
  }
  return model;
}

export function createFieldClassifier(model: FieldModel): FieldClassifier {
  const { alpha } = model.options;
  const vocabulary = Object.keys(model.features).length;
  const nDocs = model.documents.reduce((a, b) => a + b, 0);
  const logPrior = model.documents.map((d) => Math.log((d + 1) / (nDocs + model.fields.length)));
  const logDenominator = model.totals.map((t) => Math.log(t + alpha * vocabulary));
  const features = new Map(Object.entries(model.features));
  const concepts: ConceptTerms = model.concepts;
  const options: FeatureOptions = { titleWeight: model.options.titleWeight, conceptWeight: model.options.conceptWeight };

  function scoreFeatures(extracted: ReadonlyMap<string, number>): number[] {
    const out = [...logPrior];
    for (const [feature, n] of extracted) {
      const c = features.get(feature);
      if (!c) continue;
      for (let i = 0; i < out.length; i += 1) out[i]! += n * (Math.log(c[i]! + alpha) - logDenominator[i]!);
    }
    return out;
  }

  const scores = (input: { title: string; description: string }) => scoreFeatures(featuresOf(input, concepts, options));

  function rank(input: { title: string; description: string }): Ranking {
    const p = normalise(scores(input), model.temperature);
    return model.fields.map((field, i) => ({ field, confidence: p[i]! })).sort((a, b) => b.confidence - a.confidence);
  }

  return {
    scores,
    scoreFeatures,
    rank,
    suggest(input) {
      const [best, ...rest] = rank(input).map((r) => ({ field: r.field, confidence: round3(r.confidence) }));
      return { field: best!.field, confidence: best!.confidence, alternatives: rest.slice(0, 2) };
    },
    known(input) {
      let n = 0;
      for (const feature of featuresOf(input, concepts, options).keys()) if (features.has(feature)) n += 1;
      return n;
    },
  };
}
