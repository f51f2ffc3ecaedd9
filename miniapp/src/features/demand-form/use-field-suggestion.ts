// 建议领域: the likeliest 附件3 field of what has been typed (POST /suggest/field), asked for a moment after the person
// stops typing the title or the description (the 成果简介). A suggestion only: the person taps it to apply it; nothing
// here ever sets the field. A failed request shows nothing (the form works without it).
import { useEffect, useRef, useState } from 'react';
import type { FieldSuggestion } from '@cic/shared';
import { call } from '../../api/client';

export const SUGGEST_DELAY_MS = 800;
/** Too little text gives a guess, not a suggestion. */
export const SUGGEST_MIN_CHARS = 8;
const LIMITS = { title: 60, description: 5000 };

const cut = (text: string, max: number) => [...text.trim()].slice(0, max).join('');

export function useFieldSuggestion(title: string | undefined, description: string | undefined): FieldSuggestion | undefined {
  const [suggestion, setSuggestion] = useState<FieldSuggestion>();
  const asked = useRef(0);
  const t = cut(title ?? '', LIMITS.title);
  const d = cut(description ?? '', LIMITS.description);

  useEffect(() => {
    const ask = ++asked.current;
    if ([...t].length + [...d].length < SUGGEST_MIN_CHARS) {
      setSuggestion(undefined);
      return;
    }
    const timer = setTimeout(() => {
      call('suggestField', { body: { title: t, description: d } }).then(
        (answer) => ask === asked.current && setSuggestion(answer),
        () => undefined,
      );
    }, SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [t, d]);

  return suggestion;
}
