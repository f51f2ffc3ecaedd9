// 新建订阅: keywords as tags, each with what it will match as chips to untick; exclusion words; whether mentions are
// pushed too; fields and regions as chips; a minimum budget; and a live preview. Checked with the shared schema before
// anything is sent; on WeChat the push permission is asked first, from the tap itself. The state is in
// use-subscription-form.
import { Button, Switch, Text } from '@tarojs/components';
import { INDUSTRY_FIELD, SUBSCRIPTION_FIELD_LABELS as L, SUBSCRIPTION_LIMITS, type Subscription } from '@cic/shared';
import { ChipGroup, Field, FormError, FormSection, TextInput } from '../../components/form-fields';
import { REGION_CHOICES } from './conditions';
import { ExpansionChips } from './expansion-chips';
import { SubscriptionPreviewPanel } from './subscription-preview';
import { useSubscriptionForm, type SubscriptionForm, type WordField } from './use-subscription-form';
import { WordListField } from './word-list-field';
import '../../components/text.css';

const FIELD_OPTIONS = INDUSTRY_FIELD.options;
const REGION_OPTIONS = REGION_CHOICES.map((r) => ({ value: r, label: r }));
/** The switch's name: what it does, in the words of the alerts' tiers. */
export const PUSH_MENTIONED_LABEL = '提及也推送';

/** What a word list shows and does, from the form's state for it: both lists are wired the same way. */
function wordList(form: SubscriptionForm, field: WordField) {
  return {
    name: field,
    label: L[field],
    words: form.words[field],
    text: form.texts[field],
    max: SUBSCRIPTION_LIMITS[field].max,
    error: form.errors[field],
    onText: (text: string) => form.typeWord(field, text),
    onAdd: () => form.addWord(field),
    onRemove: (word: string) => form.removeWord(field, word),
  };
}

interface Props {
  onCreated: (subscription: Subscription) => void;
  /** The API said the person already has the most subscriptions allowed. */
  onLimit: () => void;
}

export function SubscriptionEditor({ onCreated, onLimit }: Props) {
  const form = useSubscriptionForm({ onCreated, onLimit });
  return (
    <FormSection title='新建订阅'>
      <Text className='text-note sub-editor-note'>有新需求同时满足所有条件时提醒你（关键词需全部命中）</Text>
      <WordListField
        {...wordList(form, 'keywords')}
        hint='每个 2–20 个字，回车或点“添加”；同义词和下位词会一起匹配'
        placeholder='如：钙钛矿、工业机器人'
        below={(k) => (
          <ExpansionChips
            keyword={k}
            state={form.expansions.stateOf(k)}
            unticked={form.unticked}
            onToggle={form.toggleTerm}
            onRetry={() => form.expansions.retry(k)}
          />
        )}
      />
      <FormError message={form.errors.dropTerms} />
      <WordListField
        {...wordList(form, 'excludeKeywords')}
        tone='exclude'
        hint='需求里出现其中任何一个词就不提醒（选填）'
        placeholder='如：培训、招聘'
      />
      <Field
        name='pushMentioned'
        label={PUSH_MENTIONED_LABEL}
        error={form.errors.pushMentioned}
        hint='默认只有“主题相关”的新需求推送到微信（每条用掉一次订阅消息授权），“提及”的只留在消息里'
        aside={
          <Switch
            checked={form.pushMentioned}
            color='#c8102e'
            aria-label={PUSH_MENTIONED_LABEL}
            onChange={(e) => form.setPushMentioned(e.detail.value)}
          />
        }
      />
      <Field name='fields' label={L.fields} error={form.errors.fields}>
        <ChipGroup label={L.fields} options={FIELD_OPTIONS} selected={form.fields} onToggle={form.toggleField} />
      </Field>
      <Field name='regions' label={L.regions} error={form.errors.regions}>
        <ChipGroup label={L.regions} options={REGION_OPTIONS} selected={form.regions} onToggle={form.toggleRegion} />
      </Field>
      <Field name='minBudgetWan' label={L.minBudgetWan} error={form.errors.minBudgetWan}>
        <TextInput label={L.minBudgetWan} value={form.minBudget} type='digit' placeholder='不限' onInput={form.typeMinBudget} />
      </Field>
      <SubscriptionPreviewPanel state={form.preview.state} onRetry={form.preview.retry} />
      <Button className='primary-button sub-save' loading={form.saving} onClick={form.save}>
        保存订阅
      </Button>
    </FormSection>
  );
}
