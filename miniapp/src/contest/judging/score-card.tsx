// One shortlisted solution on a judge's sheet: the solution to read and three 0–100 scores (完备性, 可实施性, 匹配性),
// prefilled with the judge's last score. Checked with the shared score rules before anything is sent.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  SCORE_CRITERIA,
  SCORE_CRITERION_LABELS,
  validateScore,
  type FieldErrors,
  type ScoreRequest,
  type TriagedSolution,
} from '@cic/shared';
import { Tag } from '../../components';
import { Field, FormError, TextInput } from '../../components/form-fields';
import { formatBudget } from '../../format';
import { ExpandableText } from '../../components/expandable-text';
import { PillButton } from '../common/pill-button';
import '../../components/card.css';

type Inputs = Record<keyof ScoreRequest, string>;

const inputsFrom = (score: ScoreRequest | undefined): Inputs => ({
  completeness: score ? String(score.completeness) : '',
  feasibility: score ? String(score.feasibility) : '',
  fit: score ? String(score.fit) : '',
});

function toRequest(inputs: Inputs): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(inputs).flatMap(([k, v]) => (v.trim() === '' ? [] : [[k, Number.isFinite(Number(v)) ? Number(v) : v]])),
  );
}

interface Props {
  item: TriagedSolution;
  closed: boolean;
  /** Resolves with the API's per-field errors and message on a refusal, nothing on success. */
  onSave: (item: TriagedSolution, score: ScoreRequest) => Promise<{ message: string; fields: FieldErrors } | undefined>;
}

export function ScoreCard({ item, closed, onSave }: Props) {
  const [inputs, setInputs] = useState(() => inputsFrom(item.myScore));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(item.myScore !== undefined);

  async function save() {
    const checked = validateScore(toRequest(inputs));
    if (!checked.ok) return setErrors(checked.fields);
    setSaving(true);
    setMessage(undefined);
    const refused = await onSave(item, checked.value);
    setSaving(false);
    if (refused) {
      setErrors(refused.fields);
      setMessage(refused.message);
    } else setSaved(true);
  }

  return (
    <View className='card score-card' data-solution={item.id}>
      <View className='card-head'>
        <Text className='card-title'>{item.title}</Text>
        {saved ? <Tag tone='success'>已评分</Tag> : <Tag tone='neutral'>未评分</Tag>}
      </View>
      <Text className='contest-meta'>
        {item.organisation} · 预计{formatBudget(item.costWan)} · {item.months} 个月
      </Text>
      <ExpandableText text={item.summary} />
      <Text className='contest-meta'>{item.erasedAt ? '提交者已注销账号' : `团队：${item.team}`}</Text>
      <View className='score-inputs'>
        {SCORE_CRITERIA.map((c) => (
          <Field key={c} name={c} label={SCORE_CRITERION_LABELS[c]} error={errors[c]}>
            <TextInput
              label={SCORE_CRITERION_LABELS[c]}
              type='number'
              value={inputs[c]}
              placeholder='0–100'
              onInput={(v) => {
                setInputs((all) => ({ ...all, [c]: v }));
                setErrors(({ [c]: _, ...rest }) => rest);
                setSaved(false);
              }}
            />
          </Field>
        ))}
      </View>
      <FormError message={message} />
      <View className='contest-actions'>
        <PillButton primary mini disabled={saving || closed} loading={saving} onClick={() => void save()}>
          {closed ? '评审已结束' : item.myScore || saved ? '更新评分' : '保存评分'}
        </PillButton>
      </View>
    </View>
  );
}
