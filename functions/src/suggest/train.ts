// Training the field classifier (./field-model.ts) from labelled texts: deterministic, so the committed model
// (data/suggest/field-model.json) can be checked against a fresh training. Used by scripts/suggest and the tests; the
// Lambda bundles only the model and ./field-model.ts.
import { INDUSTRY_FIELDS, normalizeText, type IndustryField } from '@cic/shared';
import { thesaurusFileSchema } from '../alerts/matching/thesaurus';
import { conceptTag, featuresOf, type ConceptTerms } from './features';
import { createFieldClassifier, normalise, type FieldModel } from './field-model';

export interface LabelledText {
  id: string;
  title: string;
  description: string;
  field: IndustryField;
}

export type TrainOptions = FieldModel['options'];

/**
 * Chosen by 5-fold cross-validation on the training part only (`npm run eval:suggest -- --tune`), never on the
 * held-out part the figures are reported on.
 */
export const TRAIN_OPTIONS: TrainOptions = { titleWeight: 5, conceptWeight: 5, alpha: 1, vocabulary: 6000 };

/** A feature must occur in this many training documents to be kept: one seen once is noise, and makes the file big. */
const MIN_DOCUMENTS = 2;
const FOLDS = 5;

/** FNV-1a, 32 bits: a stable, platform-free hash, so a split never depends on the order of the file. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The fixed split: a record is held out when the hash of its id falls in the last fifth. */
export const isHeldOut = (id: string): boolean => fnv1a(`field-suggest:${id}`) % 100 >= 80;

/** Cross-validation folds inside the training part, by another hash of the id. */
export const foldOf = (id: string): number => fnv1a(`field-suggest-fold:${id}`) % FOLDS;

/** Each field's concept terms (preferred term, synonyms, narrower terms), normalised, from the thesaurus files. */
export function conceptTermsOf(files: readonly unknown[]): ConceptTerms {
  const terms = Object.fromEntries(INDUSTRY_FIELDS.map((f) => [f, new Set<string>()])) as Record<IndustryField, Set<string>>;
  for (const raw of files) {
    const file = thesaurusFileSchema.parse(raw);
    for (const concept of file.concepts) {
      for (const t of [concept.term, ...[...concept.synonyms, ...concept.narrower].map((s) => s.term)]) {
        const n = normalizeText(t);
        if (n !== '') terms[file.field].add(n);
      }
    }
  }
  return Object.fromEntries(INDUSTRY_FIELDS.map((f) => [f, [...terms[f]].sort()])) as unknown as ConceptTerms;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Mutual information between a feature's presence in a document and the document's field. */
function mutualInformation(present: readonly number[], docs: readonly number[], n: number): number {
  const df = present.reduce((a, b) => a + b, 0);
  let mi = 0;
  for (let c = 0; c < docs.length; c += 1) {
    const cells = [
      [present[c]!, df, docs[c]!],
      [docs[c]! - present[c]!, n - df, docs[c]!],
    ] as const;
    for (const [joint, marginalF, marginalC] of cells) {
      if (joint > 0) mi += (joint / n) * Math.log((joint * n) / (marginalF * marginalC));
    }
  }
  return mi;
}

interface Extracted {
  field: number;
  features: Map<string, number>;
}

/** Counts (no temperature yet) from already extracted documents. */
function countModel(docs: readonly Extracted[], options: TrainOptions) {
  const k = INDUSTRY_FIELDS.length;
  const documents: number[] = new Array<number>(k).fill(0);
  const presence = new Map<string, number[]>();
  for (const d of docs) {
    documents[d.field]! += 1;
    for (const f of d.features.keys()) {
      let p = presence.get(f);
      if (!p) presence.set(f, (p = new Array<number>(k).fill(0)));
      p[d.field]! += 1;
    }
  }
  const tags = new Set(INDUSTRY_FIELDS.map(conceptTag));
  const ranked = [...presence.entries()]
    .filter(([f, p]) => !tags.has(f) && p.reduce((a, b) => a + b, 0) >= MIN_DOCUMENTS)
    .map(([f, p]) => ({ f, mi: mutualInformation(p, documents, docs.length) }))
    .sort((a, b) => b.mi - a.mi || byCodeUnits(a.f, b.f));
  // The concept tags are always kept: they are the thesaurus's evidence, however rare in this sample.
  const kept = new Set([...ranked.slice(0, options.vocabulary).map((r) => r.f), ...[...tags].filter((t) => presence.has(t))]);
  const features = new Map<string, number[]>();
  const totals: number[] = new Array<number>(k).fill(0);
  for (const d of docs) {
    for (const [f, n] of d.features) {
      if (!kept.has(f)) continue;
      let c = features.get(f);
      if (!c) features.set(f, (c = new Array<number>(k).fill(0)));
      c[d.field]! += n;
      totals[d.field]! += n;
    }
  }
  return { documents, totals, features };
}

function assemble(
  counted: ReturnType<typeof countModel>,
  meta: { examples: readonly LabelledText[]; source: string; concepts: ConceptTerms; options: TrainOptions; temperature: number },
): FieldModel {
  const byField = Object.fromEntries(INDUSTRY_FIELDS.map((f) => [f, meta.examples.filter((e) => e.field === f).length]));
  return {
    version: 1,
    about:
      'Field suggestion: multinomial naive Bayes over character bigrams/trigrams and thesaurus concepts; ' +
      'written by `npm run train:suggest`, do not edit (docs/decisions/0015-field-suggestion.md).',
    trainedOn: { source: meta.source, records: meta.examples.length, byField: byField as Record<IndustryField, number> },
    options: meta.options,
    temperature: meta.temperature,
    fields: [...INDUSTRY_FIELDS],
    documents: counted.documents,
    totals: counted.totals,
    concepts: {
      digital_economy: [...meta.concepts.digital_economy],
      ai: [...meta.concepts.ai],
      equipment: [...meta.concepts.equipment],
      new_materials: [...meta.concepts.new_materials],
      new_energy: [...meta.concepts.new_energy],
      other: [...meta.concepts.other],
    },
    features: Object.fromEntries([...counted.features.entries()].sort(([a], [b]) => byCodeUnits(a, b))),
  };
}

/** The mean negative log-likelihood of the true fields at a temperature. */
export function logLoss(scored: readonly { scores: readonly number[]; field: number }[], temperature: number): number {
  let sum = 0;
  for (const s of scored) sum -= Math.log(Math.max(normalise(s.scores, temperature)[s.field]!, 1e-12));
  return sum / scored.length;
}

/** The temperature with the least log-loss on out-of-fold scores, on a fixed grid (two decimals, so it is stable). */
export function fitTemperature(scored: readonly { scores: readonly number[]; field: number }[]): number {
  let best = { t: 1, loss: logLoss(scored, 1) };
  for (let t = 1; t <= 200; t = Math.round(t * 1.05 * 100) / 100) {
    const loss = logLoss(scored, t);
    if (loss < best.loss) best = { t, loss };
  }
  return best.t;
}

/** A labelled text's features, extracted once for every fold and model that reads it. */
export interface ExtractedText {
  id: string;
  field: number;
  features: Map<string, number>;
}

export function extractAll(
  examples: readonly LabelledText[],
  concepts: ConceptTerms,
  options: Pick<TrainOptions, 'titleWeight' | 'conceptWeight'>,
): ExtractedText[] {
  const featureOptions = { titleWeight: options.titleWeight, conceptWeight: options.conceptWeight };
  return examples.map((e) => ({
    id: e.id,
    field: INDUSTRY_FIELDS.indexOf(e.field),
    features: featuresOf(e, concepts, featureOptions),
  }));
}

/** Out-of-fold scores: each document scored by a model trained on the other folds (no temperature). */
export function outOfFoldScores(
  docs: readonly ExtractedText[],
  meta: { examples: readonly LabelledText[]; source: string; concepts: ConceptTerms; options: TrainOptions },
): { scores: number[]; field: number }[] {
  const scored: { scores: number[]; field: number }[] = [];
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const inFold = (d: ExtractedText) => foldOf(d.id) === fold;
    const model = assemble(
      countModel(
        docs.filter((d) => !inFold(d)),
        meta.options,
      ),
      { ...meta, temperature: 1 },
    );
    const classifier = createFieldClassifier(model);
    for (const d of docs.filter(inFold)) scored.push({ scores: classifier.scoreFeatures(d.features), field: d.field });
  }
  return scored;
}

/**
 * Trains a model on the examples. The temperature is fitted on the examples' own out-of-fold scores (5 folds, each
 * scored by a model trained on the other four), so it calibrates what the model says about texts it has not seen.
 */
export function trainFieldModel(
  examples: readonly LabelledText[],
  input: { concepts: ConceptTerms; source: string; options?: TrainOptions; docs?: readonly ExtractedText[] },
): FieldModel {
  const options = input.options ?? TRAIN_OPTIONS;
  const docs = input.docs ?? extractAll(examples, input.concepts, options);
  const meta = { examples, source: input.source, concepts: input.concepts, options };
  const temperature = fitTemperature(outOfFoldScores(docs, meta));
  return assemble(countModel(docs, options), { ...meta, temperature });
}
