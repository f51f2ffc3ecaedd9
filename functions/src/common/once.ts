/** A value built on first use and kept: per Lambda container, each part of the composition is built once. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
