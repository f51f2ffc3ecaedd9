// The expansion of each keyword in the form (GET /concepts/expand), asked once per keyword and kept while the page is
// open, so removing a keyword and adding it again shows its chips at once. A failed expansion only says so: the
// subscription can be saved without it (the server expands the keywords itself).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConceptExpansion } from '@cic/shared';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/use-paged-list';

export type ExpansionState =
  { status: 'loading' } | { status: 'ready'; data: ConceptExpansion } | { status: 'error'; message: string };

export interface ConceptExpansions {
  /** undefined until the keyword is asked for. */
  stateOf: (keyword: string) => ExpansionState | undefined;
  /** The loaded expansion, if any. */
  expansionOf: (keyword: string) => ConceptExpansion | undefined;
  retry: (keyword: string) => void;
}

export function useConceptExpansions(keywords: readonly string[]): ConceptExpansions {
  const [states, setStates] = useState<ReadonlyMap<string, ExpansionState>>(() => new Map());
  // Keywords asked for (or loaded): a re-render never asks twice.
  const asked = useRef(new Set<string>());

  const load = useCallback((keyword: string) => {
    asked.current.add(keyword);
    const set = (state: ExpansionState) => setStates((m) => new Map(m).set(keyword, state));
    set({ status: 'loading' });
    call('conceptsExpand', { query: { keyword } }).then(
      (data) => set({ status: 'ready', data }),
      (err: unknown) => set({ status: 'error', message: toApiError(err).message }),
    );
  }, []);

  useEffect(() => {
    for (const k of keywords) if (!asked.current.has(k)) load(k);
  }, [keywords, load]);

  return {
    stateOf: (keyword) => states.get(keyword),
    expansionOf: (keyword) => {
      const s = states.get(keyword);
      return s?.status === 'ready' ? s.data : undefined;
    },
    retry: load,
  };
}
