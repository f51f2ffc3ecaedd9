// The labelled set of data/eval (how it was judged: data/eval/README.md), read and checked: every subscription judged
// against at least 200 real demands, a reason for every positive, both halves present, all six 附件3 fields covered.
// A malformed file stops here with its name and the bad value, not later as a wrong figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INDUSTRY_FIELDS } from '@cic/shared';
import * as z from 'zod/mini';

export const EVAL_DIR = resolve(__dirname, '../../data/eval');
export const DEMANDS_FILE = resolve(__dirname, '../../data/jstec-demands.jsonl');

export const SPLITS = ['tune', 'report'] as const;
export type Split = (typeof SPLITS)[number];

const subscriptionSchema = z.object({
  id: z.string().check(z.regex(/^s\d{2}$/)),
  field: z.enum(INDUSTRY_FIELDS),
  split: z.enum(SPLITS),
  provider: z.string().check(z.minLength(10)),
  keywords: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(3)),
  /**
   * What the provider unticked and excluded in the subscription editor, decided from their description and the chips
   * the editor shows (GET /concepts/expand) only — without seeing any demand or judgment (data/eval/README.md).
   */
  steered: z.object({
    dropTerms: z.array(z.string()),
    excludeKeywords: z.array(z.string()).check(z.maxLength(5)),
    why: z.string(),
  }),
});
const judgmentSchema = z.object({ demandId: z.string(), relevant: z.boolean(), reason: z.string() });
const poolSchema = z.object({ seed: z.number(), method: z.string(), ids: z.array(z.string()) });
const demandSchema = z.object({ id: z.string(), title: z.string(), description: z.string() });

export type EvalSubscription = z.infer<typeof subscriptionSchema>;
export type Judgment = z.infer<typeof judgmentSchema>;
export interface EvalDemand {
  id: string;
  title: string;
  description: string;
}

export interface LabelledSubscription extends EvalSubscription {
  /** demandId → judged relevant; a demand not in it was not judged for this subscription. */
  judged: ReadonlyMap<string, Judgment>;
}

export interface LabelledSet {
  demands: readonly EvalDemand[];
  pool: readonly string[];
  subscriptions: readonly LabelledSubscription[];
}

/** At least this many judged demands per subscription (the bar), and this many relevant ones. */
export const MIN_JUDGED = 200;
export const MIN_RELEVANT = 3;

function parseFile<T>(schema: z.ZodMiniType<T>, file: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const jsonl = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);

/** Reads data/eval and the demands it judges, and checks the set's rules (throws, naming the file, when one is broken). */
export function loadLabelledSet(dir = EVAL_DIR, demandsFile = DEMANDS_FILE): LabelledSet {
  const demands = jsonl(readFileSync(demandsFile, 'utf8')).map((d, i) => parseFile(demandSchema, `${demandsFile}:${i + 1}`, d));
  const demandIds = new Set(demands.map((d) => d.id));
  const pool = parseFile(poolSchema, 'pool.json', JSON.parse(readFileSync(join(dir, 'pool.json'), 'utf8'))).ids;
  const problems: string[] = [];
  for (const id of pool) if (!demandIds.has(id)) problems.push(`pool.json: ${id} is not a demand of the data`);

  const subscriptions: LabelledSubscription[] = [];
  for (const name of readdirSync(join(dir, 'subscriptions'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = `subscriptions/${name}`;
    const sub = parseFile(subscriptionSchema, file, JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const judgmentsFile = `judgments/${sub.id}.jsonl`;
    const judged = new Map<string, Judgment>();
    jsonl(readFileSync(join(dir, judgmentsFile), 'utf8')).forEach((raw, i) => {
      const j = parseFile(judgmentSchema, `${judgmentsFile}:${i + 1}`, raw);
      if (!demandIds.has(j.demandId)) problems.push(`${judgmentsFile}:${i + 1}: ${j.demandId} is not a demand of the data`);
      if (judged.has(j.demandId)) problems.push(`${judgmentsFile}:${i + 1}: ${j.demandId} is judged twice`);
      if (j.relevant && j.reason.trim() === '') problems.push(`${judgmentsFile}:${i + 1}: a relevant demand without a reason`);
      judged.set(j.demandId, j);
    });
    const missing = pool.filter((id) => !judged.has(id));
    if (missing.length > 0) problems.push(`${judgmentsFile}: ${missing.length} demands of the pool not judged`);
    if (judged.size < MIN_JUDGED) problems.push(`${judgmentsFile}: ${judged.size} judged, fewer than ${MIN_JUDGED}`);
    const relevant = [...judged.values()].filter((j) => j.relevant).length;
    if (relevant < MIN_RELEVANT) problems.push(`${judgmentsFile}: ${relevant} relevant, fewer than ${MIN_RELEVANT}`);
    subscriptions.push({ ...sub, judged });
  }
  for (const split of SPLITS) {
    const fields = new Set(subscriptions.filter((s) => s.split === split).map((s) => s.field));
    const absent = INDUSTRY_FIELDS.filter((f) => !fields.has(f));
    if (absent.length > 0) problems.push(`the ${split} half has no subscription in ${absent.join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`data/eval is not a valid labelled set:\n  ${problems.join('\n  ')}`);
  return { demands, pool, subscriptions };
}
