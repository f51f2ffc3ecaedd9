// npm run eval:suggest — the field suggestion (POST /suggest/field) measured on a held-out fifth of the real demands.
//
// The classifier is trained, with the committed options, on the training part of the fixed split (a hash of the id,
// functions/src/suggest/train.ts) and asked about each held-out demand, given its title and description. Prints the
// accuracy beside the majority-class baseline and a vote of the thesaurus's concepts alone, per-field precision and
// recall, the confusion matrix, the accuracy from the title alone (what the form has first), and how well the
// confidence is calibrated (log-loss, expected calibration error). Figures, not thresholds: it exits 0 whatever they
// are. `-- --tune` prints instead the 5-fold cross-validation on the training part that chose the options.
import { INDUSTRY_FIELD_LABELS, INDUSTRY_FIELDS, type IndustryField } from '@cic/shared';
import { conceptTag, featuresOf, type ConceptTerms } from '../../functions/src/suggest/features';
import { createFieldClassifier } from '../../functions/src/suggest/field-model';
import {
  extractAll,
  fitTemperature,
  logLoss,
  outOfFoldScores,
  TRAIN_OPTIONS,
  trainFieldModel,
  type LabelledText,
  type TrainOptions,
} from '../../functions/src/suggest/train';
import { labelledDemands, SOURCE, split, thesaurusConcepts } from './data';

export interface FieldFigures {
  precision: number | undefined;
  recall: number | undefined;
  support: number;
}

export interface Evaluation {
  train: number;
  heldOut: number;
  accuracy: number;
  /** Predicting the training part's most frequent field for everything. */
  majority: { field: IndustryField; accuracy: number };
  /** The field whose thesaurus concepts the text names most (ties and none: the majority field). */
  thesaurusVote: number;
  titleOnlyAccuracy: number;
  /** The true field among the top 3 (the suggestion and its two alternatives). */
  top3: number;
  macroF1: number;
  perField: Record<IndustryField, FieldFigures>;
  /** confusion[true][predicted]. */
  confusion: Record<IndustryField, Record<IndustryField, number>>;
  logLoss: number;
  /** Expected calibration error over 10 equal-width confidence bins. */
  ece: number;
  meanConfidence: number;
}

const zeroRow = () => Object.fromEntries(INDUSTRY_FIELDS.map((f) => [f, 0])) as Record<IndustryField, number>;

function majorityOf(examples: readonly LabelledText[]): IndustryField {
  const n = zeroRow();
  for (const e of examples) n[e.field] += 1;
  return INDUSTRY_FIELDS.reduce((best, f) => (n[f] > n[best] ? f : best));
}

function thesaurusVote(e: LabelledText, concepts: ConceptTerms, fallback: IndustryField): IndustryField {
  const f = featuresOf(e, concepts, { titleWeight: 1, conceptWeight: 1 });
  const votes = INDUSTRY_FIELDS.map((field) => f.get(conceptTag(field)) ?? 0);
  const top = Math.max(...votes);
  const winners = INDUSTRY_FIELDS.filter((_, i) => votes[i] === top);
  return top === 0 || winners.length > 1 ? fallback : winners[0]!;
}

export function evaluate(
  train: readonly LabelledText[],
  heldOut: readonly LabelledText[],
  concepts: ConceptTerms,
  options: TrainOptions = TRAIN_OPTIONS,
): Evaluation {
  const model = trainFieldModel(train, { concepts, source: SOURCE, options });
  const classifier = createFieldClassifier(model);
  const majority = majorityOf(train);
  const confusion = Object.fromEntries(INDUSTRY_FIELDS.map((f) => [f, zeroRow()])) as Evaluation['confusion'];
  let right = 0;
  let top3 = 0;
  let titleRight = 0;
  let voteRight = 0;
  let confidenceSum = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, right: 0, confidence: 0 }));
  const scored: { scores: number[]; field: number }[] = [];
  for (const e of heldOut) {
    const ranking = classifier.rank(e);
    const best = ranking[0]!;
    confusion[e.field][best.field] += 1;
    if (best.field === e.field) right += 1;
    if (ranking.slice(0, 3).some((r) => r.field === e.field)) top3 += 1;
    if (classifier.rank({ title: e.title, description: '' })[0]!.field === e.field) titleRight += 1;
    if (thesaurusVote(e, concepts, majority) === e.field) voteRight += 1;
    confidenceSum += best.confidence;
    const bin = bins[Math.min(9, Math.floor(best.confidence * 10))]!;
    bin.n += 1;
    bin.confidence += best.confidence;
    if (best.field === e.field) bin.right += 1;
    scored.push({ scores: classifier.scores(e), field: INDUSTRY_FIELDS.indexOf(e.field) });
  }
  const n = heldOut.length;
  const perField = {} as Record<IndustryField, FieldFigures>;
  for (const f of INDUSTRY_FIELDS) {
    const tp = confusion[f][f];
    const predicted = INDUSTRY_FIELDS.reduce((s, t) => s + confusion[t][f], 0);
    const support = INDUSTRY_FIELDS.reduce((s, p) => s + confusion[f][p], 0);
    perField[f] = {
      precision: predicted ? tp / predicted : undefined,
      recall: support ? tp / support : undefined,
      support,
    };
  }
  const f1s = INDUSTRY_FIELDS.map((f) => {
    const { precision: p = 0, recall: r = 0 } = perField[f];
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  });
  return {
    train: train.length,
    heldOut: n,
    accuracy: right / n,
    majority: { field: majority, accuracy: heldOut.filter((e) => e.field === majority).length / n },
    thesaurusVote: voteRight / n,
    titleOnlyAccuracy: titleRight / n,
    top3: top3 / n,
    macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perField,
    confusion,
    logLoss: logLoss(scored, model.temperature),
    ece: bins.reduce((s, b) => s + (b.n ? Math.abs(b.right - b.confidence) : 0), 0) / n,
    meanConfidence: confidenceSum / n,
  };
}

/** 5-fold cross-validated accuracy and log-loss of some options on the training part (folds by another hash). */
export function crossValidate(train: readonly LabelledText[], concepts: ConceptTerms, options: TrainOptions) {
  const docs = extractAll(train, concepts, options);
  const scored = outOfFoldScores(docs, { examples: train, source: SOURCE, concepts, options });
  const right = scored.filter((s) => s.scores.indexOf(Math.max(...s.scores)) === s.field).length;
  const temperature = fitTemperature(scored);
  return { accuracy: right / scored.length, temperature, logLoss: logLoss(scored, temperature) };
}

const pct = (x: number | undefined) => (x === undefined ? '   —' : `${(x * 100).toFixed(1)}%`.padStart(6));
const label = (f: IndustryField) => INDUSTRY_FIELD_LABELS[f];
const cell = (s: string, n: number) => s.padStart(n - [...s].filter((c) => /[\u4e00-\u9fff]/u.test(c)).length);

export function formatEvaluation(e: Evaluation): string {
  const lines = [
    `Field suggestion, held-out split of ${SOURCE}: trained on ${e.train}, evaluated on ${e.heldOut}`,
    '',
    `accuracy            ${pct(e.accuracy)}   (top-3: ${pct(e.top3)}, macro-F1 ${e.macroF1.toFixed(3)})`,
    `majority baseline   ${pct(e.majority.accuracy)}   (always ${label(e.majority.field)})`,
    `thesaurus vote      ${pct(e.thesaurusVote)}   (the field whose concepts the text names most)`,
    `title only          ${pct(e.titleOnlyAccuracy)}   (the classifier given the title, no description)`,
    `calibration         log-loss ${e.logLoss.toFixed(3)}, ECE ${e.ece.toFixed(3)}, mean confidence ${pct(e.meanConfidence)}`,
    '',
    `${cell('field', 10)} ${cell('precision', 10)} ${cell('recall', 8)} ${cell('n', 5)}`,
    ...INDUSTRY_FIELDS.map(
      (f) =>
        `${cell(label(f), 10)} ${cell(pct(e.perField[f].precision), 10)} ${cell(pct(e.perField[f].recall), 8)} ${cell(String(e.perField[f].support), 5)}`,
    ),
    '',
    'confusion (rows: the label, columns: the suggestion)',
    `${cell('', 10)}${INDUSTRY_FIELDS.map((f) => cell(label(f), 10)).join('')}`,
    ...INDUSTRY_FIELDS.map(
      (t) => `${cell(label(t), 10)}${INDUSTRY_FIELDS.map((p) => cell(String(e.confusion[t][p]), 10)).join('')}`,
    ),
    '',
    "Labels are the source's 技术领域 mapped to 附件3 by keyword (scripts/seed/jstec-mapping.ts), not a person's",
    'judgement (人工智能深度学习在皮带计量上的研究 is filed under 新材料): the figure is agreement with a noisy reference.',
  ];
  return lines.join('\n');
}

function tune(train: readonly LabelledText[], concepts: ConceptTerms): void {
  console.log(`5-fold cross-validation on the training part (${train.length} demands); the held-out part is not read.`);
  const run = (options: TrainOptions) => {
    const cv = crossValidate(train, concepts, options);
    console.log(
      `${JSON.stringify(options)}  accuracy ${pct(cv.accuracy)}  log-loss ${cv.logLoss.toFixed(3)} (T ${cv.temperature})`,
    );
  };
  // The weights and smoothing first, at the committed vocabulary; then the vocabulary at the committed rest.
  for (const titleWeight of [1, 3, 5]) {
    for (const conceptWeight of [0, 2, 5]) {
      for (const alpha of [0.3, 1]) run({ ...TRAIN_OPTIONS, titleWeight, conceptWeight, alpha });
    }
  }
  for (const vocabulary of [3000, 12000]) run({ ...TRAIN_OPTIONS, vocabulary });
}

if (require.main === module) {
  const { train, heldOut } = split(labelledDemands());
  const concepts = thesaurusConcepts();
  if (process.argv.includes('--tune')) tune(train, concepts);
  else console.log(formatEvaluation(evaluate(train, heldOut, concepts)));
}
