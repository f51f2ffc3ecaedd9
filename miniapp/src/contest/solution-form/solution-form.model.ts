// The 揭榜 form's logic, independent of Taro: values as typed, which error shows under which field, the counters.
// Every rule is validateSolutionForm's (shared/, the same check the API runs).
import {
  cleanText,
  charCount,
  SOLUTION_FIELD_LABELS,
  SOLUTION_LIMITS,
  validateSolutionForm,
  type FieldErrors,
  type Solution,
  type SolutionFieldKey,
} from '@cic/shared';
import { charCounter } from '../../components/char-counter';
import type { FormRules, ValidatedForm } from '../../hooks/use-validated-form';

/** What the inputs hold: numbers may still be text being typed. */
export interface SolutionFormValues {
  title?: string;
  summary?: string;
  organisation?: string;
  team?: string;
  contactName?: string;
  contactPhone?: string;
  costWan?: string;
  months?: string;
  ndaAccepted?: boolean;
}

export const SOLUTION_FIELDS = Object.keys(SOLUTION_FIELD_LABELS) as SolutionFieldKey[];
export type TextKey = Exclude<SolutionFieldKey, 'ndaAccepted'>;
/** The form's state on the shared form hook: `useValidatedForm(initial, SOLUTION_FORM_RULES)`. */
export type SolutionFormState = ValidatedForm<SolutionFormValues, SolutionFieldKey>;

const NUMBERS = new Set<SolutionFieldKey>(['costWan', 'months']);

/** The input's text turned into what the API expects: '' is "not given", a number typed as text becomes a number. */
export function toRequest(values: SolutionFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values) as [SolutionFieldKey, unknown][]) {
    if (value === undefined || value === '' || (key === 'ndaAccepted' && value !== true)) continue;
    if (NUMBERS.has(key) && typeof value === 'string') {
      const n = Number(value.trim());
      out[key] = value.trim() !== '' && Number.isFinite(n) ? n : value;
    } else out[key] = value;
  }
  return out;
}

/** A stored solution as the form holds it. The agreement is asked again on every edit. */
export function valuesFrom(solution: Solution): SolutionFormValues {
  return {
    title: solution.title,
    summary: solution.summary,
    organisation: solution.organisation,
    team: solution.team,
    contactName: solution.contactName,
    contactPhone: solution.contactPhone,
    costWan: String(solution.costWan),
    months: String(solution.months),
    ndaAccepted: false,
  };
}

const MAX: Partial<Record<SolutionFieldKey, number>> = {
  title: SOLUTION_LIMITS.title.max,
  summary: SOLUTION_LIMITS.summary.max,
  organisation: SOLUTION_LIMITS.organisation.max,
  team: SOLUTION_LIMITS.team.max,
  contactName: SOLUTION_LIMITS.contactName.max,
};

function tooLong(key: SolutionFieldKey, values: SolutionFormValues): boolean {
  const max = MAX[key];
  const value = values[key];
  return (
    max !== undefined &&
    typeof value === 'string' &&
    charCount(cleanText(value, { multiline: key === 'summary' || key === 'team' })) > max
  );
}

/** Every error, for the moment the person taps 提交. Empty when the form may be sent. */
export function allErrors(values: SolutionFormValues): FieldErrors {
  const result = validateSolutionForm(toRequest(values));
  return result.ok ? {} : result.fields;
}

/**
 * Errors while typing: a field's error shows once the person has left it (touched); a text that grows past its
 * maximum is flagged at once, so nobody types 3,000 characters before hearing about it.
 */
export function errorsWhileTyping(values: SolutionFormValues, touched: ReadonlySet<SolutionFieldKey>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(allErrors(values)) as [SolutionFieldKey, string][]) {
    if (touched.has(key) || tooLong(key, values)) errors[key] = message;
  }
  return errors;
}

/** "12/60"; for the 方案简介 (at least 100) "30/100 字起" until the minimum is reached. */
export function counterText(key: Counted, value: string | undefined): string {
  const { min, max } = SOLUTION_LIMITS[key];
  return charCounter(value, key === 'summary' ? { min, max } : { max }, key !== 'title');
}

const COUNTED = ['title', 'summary', 'team'] as const;
type Counted = (typeof COUNTED)[number];

/** The counter a text field shows: the title, the summary and the team have one. */
export function counterOf(key: TextKey, values: SolutionFormValues): string | undefined {
  return (COUNTED as readonly TextKey[]).includes(key) ? counterText(key as Counted, values[key]) : undefined;
}

export const SOLUTION_FORM_RULES: FormRules<SolutionFormValues, SolutionFieldKey> = {
  fields: SOLUTION_FIELDS,
  whileTyping: errorsWhileTyping,
  forSubmit: allErrors,
};
