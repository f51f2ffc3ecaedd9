// 新建订阅: keywords as tags, fields and regions as chips, a minimum budget. Checked with the shared schema before
// anything is sent; on WeChat the push permission is asked first, from the tap itself.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  cleanText,
  INDUSTRY_FIELD,
  SUBSCRIPTION_FIELD_LABELS as L,
  SUBSCRIPTION_LIMITS,
  validateSubscription,
  type FieldErrors,
  type IndustryField,
  type Subscription,
  type SubscriptionConditions,
} from '@cic/shared';
import { ApiError, call } from '../../api/client';
import { ChipGroup, Field, FormSection, TextInput } from '../../components/form-fields';
import { REGION_CHOICES } from './conditions';
import { askForMatchAlerts } from './match-alert-permission';

const FIELD_OPTIONS = INDUSTRY_FIELD.options;
const REGION_OPTIONS = REGION_CHOICES.map((r) => ({ value: r, label: r }));
const MAX_KEYWORDS = SUBSCRIPTION_LIMITS.keywords.max;

const toggle = <T,>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

interface Props {
  onCreated: (subscription: Subscription) => void;
  /** The API said the person already has the most subscriptions allowed. */
  onLimit: () => void;
}

export function SubscriptionEditor({ onCreated, onLimit }: Props) {
  const [keywords, setKeywords] = useState<string[]>([]);
  const [keywordText, setKeywordText] = useState('');
  const [fields, setFields] = useState<IndustryField[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [minBudget, setMinBudget] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const clearError = (key: string) => setErrors(({ [key]: _, ...rest }) => rest);

  function addKeyword() {
    // Cleaned as the server cleans it, so that the list shows a keyword once.
    const keyword = cleanText(keywordText, { multiline: false });
    if (!keyword) return;
    if (!keywords.includes(keyword)) {
      const checked = validateSubscription({ keywords: [...keywords, keyword] });
      if (!checked.ok && checked.fields.keywords) {
        setErrors((e) => ({ ...e, keywords: checked.fields.keywords as string }));
        return;
      }
      setKeywords([...keywords, keyword]);
    }
    setKeywordText('');
    clearError('keywords');
  }

  /** What the form says, with a keyword still in the input counted as added. */
  function conditions(): Record<string, unknown> {
    const pending = cleanText(keywordText, { multiline: false });
    const budget = minBudget.trim();
    const n = Number(budget);
    return {
      keywords: pending && !keywords.includes(pending) ? [...keywords, pending] : keywords,
      fields,
      regions,
      ...(budget ? { minBudgetWan: Number.isFinite(n) ? n : budget } : {}),
    };
  }

  async function create(value: SubscriptionConditions, permission: Promise<void>) {
    setSaving(true);
    try {
      await permission;
      const created = await call('meSubscriptionsCreate', { body: value });
      setKeywords([]);
      setKeywordText('');
      setFields([]);
      setRegions([]);
      setMinBudget('');
      onCreated(created);
      void Taro.showToast({ title: '订阅成功', icon: 'success' });
    } catch (e) {
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
    const checked = validateSubscription(conditions());
    if (!checked.ok) {
      setErrors(checked.fields);
      return;
    }
    setErrors({});
    // Started before any await: WeChat only shows its dialog when asked straight from the tap.
    const permission = askForMatchAlerts();
    void create(checked.value, permission);
  }

  return (
    <FormSection title='新建订阅'>
      <Text className='sub-editor-note'>有新需求同时满足所有条件时提醒你（关键词需全部命中）</Text>
      <Field
        name='keywords'
        label={L.keywords}
        counter={`${keywords.length}/${MAX_KEYWORDS}`}
        error={errors.keywords}
        hint='每个 2–20 个字，回车或点“添加”'
      >
        {keywords.length > 0 && (
          <View className='sub-tags'>
            {keywords.map((k) => (
              <View
                key={k}
                className='sub-tag'
                role='button'
                aria-label={`删除关键词 ${k}`}
                onClick={() => setKeywords(keywords.filter((x) => x !== k))}
              >
                <Text>{k}</Text>
                <Text className='sub-tag-remove'>×</Text>
              </View>
            ))}
          </View>
        )}
        <View className='sub-keyword-row'>
          <View className='sub-keyword-input'>
            <TextInput
              label={L.keywords}
              value={keywordText}
              placeholder='如：钙钛矿、工业机器人'
              onInput={(v) => {
                setKeywordText(v);
                clearError('keywords');
              }}
              onConfirm={addKeyword}
            />
          </View>
          <Button className='sub-keyword-add' size='mini' onClick={addKeyword}>
            添加
          </Button>
        </View>
      </Field>
      <Field name='fields' label={L.fields} error={errors.fields}>
        <ChipGroup
          label={L.fields}
          options={FIELD_OPTIONS}
          selected={fields}
          onToggle={(f) => {
            setFields(toggle(fields, f));
            clearError('fields');
          }}
        />
      </Field>
      <Field name='regions' label={L.regions} error={errors.regions}>
        <ChipGroup
          label={L.regions}
          options={REGION_OPTIONS}
          selected={regions}
          onToggle={(r) => {
            setRegions(toggle(regions, r));
            clearError('regions');
          }}
        />
      </Field>
      <Field name='minBudgetWan' label={L.minBudgetWan} error={errors.minBudgetWan}>
        <TextInput
          label={L.minBudgetWan}
          value={minBudget}
          type='digit'
          placeholder='不限'
          onInput={(v) => {
            setMinBudget(v);
            clearError('minBudgetWan');
          }}
        />
      </Field>
      <Button className='primary-button sub-save' loading={saving} onClick={save}>
        保存订阅
      </Button>
    </FormSection>
  );
}
