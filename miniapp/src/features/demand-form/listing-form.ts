// What the 附件3 form and the 成果 form share: the inputs' text turned into a draft the API takes, the errors shown while
// typing and at submit (from the shared schemas, so phone and server never disagree), what autosave may send, and
// whether anything worth saving was typed. Each form gives its validators and which of its fields are numbers.
import type { FieldErrors, Validated } from '@cic/shared';
import type { FormRules } from '../../hooks/use-validated-form';

// V is the form's values: it ties a spec to the form it describes.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export interface ListingFormSpec<V, K extends string> {
  fields: readonly K[];
  /** Fields typed as text but sent as numbers (a budget, a price). */
  numeric: readonly string[];
  validateDraft: (input: unknown) => Validated<unknown>;
  validateComplete: (input: unknown) => Validated<unknown>;
  /** A form's own value that says nothing by itself (the anonymous switch). */
  ignoredWhenBlank?: readonly string[];
}

/** The input's text turned into what the API expects: '' is "not given", a number typed as text becomes a number. */
export function toDraftOf<V extends object>(values: V, numeric: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') continue;
    if (numeric.includes(key) && typeof value === 'string') {
      const n = Number(value.trim());
      out[key] = value.trim() !== '' && Number.isFinite(n) ? n : value;
    } else out[key] = value;
  }
  return out;
}

/**
 * Errors while typing: a field shows an error once the person has left it (touched), and the draft rules (types,
 * maximums) apply at once so an over-long text is flagged as it grows.
 */
function errorsWhileTyping<V extends object, K extends string>(
  spec: ListingFormSpec<V, K>,
  values: V,
  touched: ReadonlySet<K>,
): FieldErrors {
  const draft = toDraftOf(values, spec.numeric);
  const errors: FieldErrors = {};
  const asDraft = spec.validateDraft(draft);
  if (!asDraft.ok) Object.assign(errors, asDraft.fields);
  const asComplete = spec.validateComplete(draft);
  if (!asComplete.ok) {
    for (const [key, message] of Object.entries(asComplete.fields)) {
      if (touched.has(key as K)) errors[key] ??= message;
    }
  }
  return errors;
}

/** Every error, for the moment the person taps 提交审核. Empty when the listing may be submitted. */
function errorsForSubmit<V extends object, K extends string>(spec: ListingFormSpec<V, K>, values: V): FieldErrors {
  const result = spec.validateComplete(toDraftOf(values, spec.numeric));
  return result.ok ? {} : result.fields;
}

/** The rules of `useValidatedForm` for a form described by `spec`. */
export function listingFormRules<V extends object, K extends string>(spec: ListingFormSpec<V, K>): FormRules<V, K> {
  return {
    fields: spec.fields,
    whileTyping: (values, touched) => errorsWhileTyping(spec, values, touched),
    forSubmit: (values) => errorsForSubmit(spec, values),
  };
}

/**
 * What autosave may send: every field that passes the draft rules. A field still wrong (a budget typed as 十万, an
 * over-long intro) is left out rather than blocking the save of everything else; it stays on the phone.
 */
export function savableDraftOf<V extends object, K extends string>(
  spec: ListingFormSpec<V, K>,
  values: V,
): Record<string, unknown> {
  const draft = toDraftOf(values, spec.numeric);
  const first = spec.validateDraft(draft);
  if (first.ok) return first.value as Record<string, unknown>;
  for (const key of Object.keys(first.fields)) delete draft[key];
  const second = spec.validateDraft(draft);
  return second.ok ? (second.value as Record<string, unknown>) : {};
}

/** True when nothing worth saving has been typed. */
export function isBlankOf<V extends object, K extends string>(spec: ListingFormSpec<V, K>, values: V): boolean {
  const ignored = spec.ignoredWhenBlank ?? [];
  return Object.entries(toDraftOf(values, spec.numeric)).every(
    ([key, value]) => ignored.includes(key) || (Array.isArray(value) && value.length === 0),
  );
}

/** A stored listing as the form holds it: the numeric fields as the text of their inputs. */
export function formValuesOf<V extends object>(stored: object, fields: readonly string[], numeric: readonly string[]): V {
  const values: Record<string, unknown> = {};
  const from = stored as Record<string, unknown>;
  for (const key of fields) {
    const value = from[key];
    if (value !== undefined && value !== null)
      values[key] = numeric.includes(key) && typeof value === 'number' ? String(value) : value;
  }
  return values as V;
}
