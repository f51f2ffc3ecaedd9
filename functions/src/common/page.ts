/** A page read from a store, with the store's own position to continue from (encoded into a cursor by the caller). */
export interface StorePage<T> {
  items: T[];
  next?: Record<string, string>;
}

export interface PageRequest {
  limit: number;
  after?: Record<string, string>;
}
