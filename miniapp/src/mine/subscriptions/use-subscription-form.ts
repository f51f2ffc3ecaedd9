// The 新建订阅 form's state and actions: keywords and exclusion words added one by one (each checked with the shared
// schema as it is added, so its error names the field), the expansion terms unticked, pushing mentions, fields,
// regions and a minimum budget; the live preview of what is there; saving. The page only lays it out.
import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import {
  cleanText,
  validateSubscription,
  type FieldErrors,
  type IndustryField,
  type Subscription,
  type SubscriptionConditions,
} from '@cic/shared';
import { ApiError, call } from '../../api/client';
import { dropTermsFor } from './expansion.model';
import { askForMatchAlerts } from './match-alert-permission';
import { useConceptExpansions, type ConceptExpansions } from './use-concept-expansions';
import { useSubscriptionPreview, type SubscriptionPreviewState } from './use-subscription-preview';

/** The two lists of words typed one at a time. */
export type WordField = 'keywords' | 'excludeKeywords';

const toggle = <T>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
const line = (text: string) => cleanText(text, { multiline: false });
/** The list with a word still in its input counted as added. */
const withPending = (list: readonly string[], text: string) => {
  const pending = line(text);
  return pending && !list.includes(pending) ? [...list, pending] : [...list];
};

export interface SubscriptionFormOptions {
  onCreated: (subscription: Subscription) => void;
  /** The API said the person already has the most subscriptions allowed. */
  onLimit: () => void;
}

export function useSubscriptionForm({ onCreated, onLimit }: SubscriptionFormOptions) {
  const [words, setWords] = useState<Record<WordField, string[]>>({ keywords: [], excludeKeywords: [] });
  const [texts, setTexts] = useState<Record<WordField, string>>({ keywords: '', excludeKeywords: '' });
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(() => new Set());
  const [pushMentioned, setPushMentioned] = useState(false);
  const [fields, setFields] = useState<IndustryField[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [minBudget, setMinBudget] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const expansions: ConceptExpansions = useConceptExpansions(words.keywords);

  const clearError = (...keys: string[]) =>
    setErrors((e) => (keys.some((k) => k in e) ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e));

  /** The form as the API takes it; `pending` counts the words still in the inputs as added. */
  function conditions(pending: boolean): Record<string, unknown> {
    const keywords = pending ? withPending(words.keywords, texts.keywords) : words.keywords;
    const budget = minBudget.trim();
    const n = Number(budget);
    return {
      keywords,
      excludeKeywords: pending ? withPending(words.excludeKeywords, texts.excludeKeywords) : words.excludeKeywords,
      dropTerms: dropTermsFor(keywords, expansions.expansionOf, unticked),
      pushMentioned,
      fields,
      regions,
      ...(budget ? { minBudgetWan: Number.isFinite(n) ? n : budget } : {}),
    };
  }

  // The preview follows what has been added, not a word half typed.
  const committed = conditions(false);
  const committedKey = JSON.stringify(committed);
  const previewable = useMemo(() => {
    const checked = validateSubscription(JSON.parse(committedKey));
    return checked.ok ? checked.value : undefined;
  }, [committedKey]);
  const preview: SubscriptionPreviewState = useSubscriptionPreview(previewable);

  function addWord(field: WordField) {
    // Cleaned as the server cleans it, so that the list shows a word once.
    const word = line(texts[field]);
    if (!word) return;
    if (!words[field].includes(word)) {
      const next = { ...words, [field]: [...words[field], word] };
      const checked = validateSubscription(next);
      // A keyword that is also an exclusion word is reported on excludeKeywords; it is the keyword being added here.
      const error = checked.ok
        ? undefined
        : (checked.fields[field] ?? (field === 'keywords' ? checked.fields.excludeKeywords : undefined));
      if (error) {
        setErrors((e) => ({ ...e, [field]: error }));
        return;
      }
      setWords(next);
    }
    setTexts((t) => ({ ...t, [field]: '' }));
    clearError(field);
  }

  function removeWord(field: WordField, word: string) {
    setWords((w) => ({ ...w, [field]: w[field].filter((x) => x !== word) }));
    clearError(field);
  }

  function typeWord(field: WordField, text: string) {
    setTexts((t) => ({ ...t, [field]: text }));
    clearError(field);
  }

  function toggleTerm(term: string) {
    setUnticked((s) => {
      const next = new Set(s);
      if (!next.delete(term)) next.add(term);
      return next;
    });
    clearError('dropTerms');
  }

  function reset() {
    setWords({ keywords: [], excludeKeywords: [] });
    setTexts({ keywords: '', excludeKeywords: '' });
    setUnticked(new Set());
    setPushMentioned(false);
    setFields([]);
    setRegions([]);
    setMinBudget('');
  }

  async function create(value: SubscriptionConditions, permission: Promise<void>) {
    setSaving(true);
    try {
      await permission;
      const created = await call('meSubscriptionsCreate', { body: value });
      reset();
      onCreated(created);
      void Taro.showToast({ title: '订阅成功', icon: 'success' });
    } catch (e) {
      // Nothing typed is lost: the form stays as it was, with the API's errors in place.
      if (e instanceof ApiError) {
        if (e.code === 'SUBSCRIPTION.LIMIT') onLimit();
        setErrors(e.fields);
      }
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '保存失败，请稍后重试', icon: 'none' });
    } finally {
      setSaving(false);
    }
  }

  function save() {
    const checked = validateSubscription(conditions(true));
    if (!checked.ok) {
      setErrors(checked.fields);
      return;
    }
    setErrors({});
    // Started before any await: WeChat only shows its dialog when asked straight from the tap.
    const permission = askForMatchAlerts();
    void create(checked.value, permission);
  }

  return {
    words,
    texts,
    unticked,
    pushMentioned,
    fields,
    regions,
    minBudget,
    errors,
    saving,
    expansions,
    preview,
    addWord,
    removeWord,
    typeWord,
    toggleTerm,
    setPushMentioned,
    toggleField: (f: IndustryField) => {
      setFields((list) => toggle(list, f));
      clearError('fields');
    },
    toggleRegion: (r: string) => {
      setRegions((list) => toggle(list, r));
      clearError('regions');
    },
    typeMinBudget: (v: string) => {
      setMinBudget(v);
      clearError('minBudgetWan');
    },
    save,
  };
}

export type SubscriptionForm = ReturnType<typeof useSubscriptionForm>;
