// A closed vocabulary, defined once: its API values in their order and the Chinese label of each. The schemas take
// `values`, the pages take `labels`, `label(v)` or `options`, so a new value cannot be added without its label.

/** One choice as a picker or chip row shows it. */
export interface EnumOption<V extends string> {
  value: V;
  label: string;
}

export interface Enum<T extends readonly [string, ...string[]]> {
  /** The API values in their order; a tuple, so `z.enum(values)` and `(typeof values)[number]` keep the literals. */
  values: T;
  labels: Record<T[number], string>;
  /** A property, not a method, so that `values.map(X.label)` needs no bind. */
  label: (value: T[number]) => string;
  /** Every value with its label, in the values' order. */
  options: readonly EnumOption<T[number]>[];
}

/**
 * `defineEnum(['a', 'b'], { a: '甲', b: '乙' })`: the `const` type parameter keeps the values a literal tuple (no
 * `as const` needed), and the labels must name every value and nothing else.
 */
export function defineEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
): Enum<T> {
  return {
    values,
    labels,
    label: (value) => labels[value],
    options: values.map((value: T[number]) => ({ value, label: labels[value] })),
  };
}
