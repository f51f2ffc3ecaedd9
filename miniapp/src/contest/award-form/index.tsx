// 颁发奖项 (contest/award-form/index?demandId=, organisers): an award of the contest for one demand — to a solution's
// team (picked from the demand's solutions), the demand's company or its technology broker.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  AWARD_KIND,
  AWARD_TARGET,
  SOLUTION_STATUS_LABELS,
  validateAward,
  type Award,
  type AwardKind,
  type AwardTarget,
  type FieldErrors,
} from '@cic/shared';
import { call } from '../../api/client';
import { ErrorState } from '../../components';
import { ChoiceChips, Field, FormError, FormSection, TextInput } from '../../components/form-fields';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { PillButton } from '../common/pill-button';
import { toApiError } from '../../hooks/use-paged-list';
import { ResourceFallback } from '../../components/resource-list';
import { useResource } from '../../hooks/use-resource';
import '../../components/card.css';
import '../../components/form.css';
import '../common/contest.css';

const KINDS = AWARD_KIND.options;
const TARGETS = AWARD_TARGET.options;

interface Values {
  kind: AwardKind;
  kindOther: string;
  target: AwardTarget;
  solutionId?: string;
  year: string;
  note: string;
}

function request(demandId: string, v: Values): Record<string, unknown> {
  return {
    demandId,
    kind: v.kind,
    ...(v.kind === 'other' && v.kindOther.trim() ? { kindOther: v.kindOther } : {}),
    target: v.target,
    ...(v.target === 'solution' && v.solutionId ? { solutionId: v.solutionId } : {}),
    year: v.year.trim() === '' ? undefined : Number(v.year),
    ...(v.note.trim() ? { note: v.note } : {}),
  };
}

export default function AwardFormPage() {
  const session = useSession();
  const demandId = useRouter().params.demandId ?? '';
  const isAdmin = session?.user.role === 'admin';
  const solutions = useResource(() => call('solutionsForDemand', { params: { id: demandId }, query: { sort: 'score' } }), {
    key: demandId,
    enabled: isAdmin && Boolean(demandId),
  });
  const [values, setValues] = useState<Values>({
    kind: 'best_solution',
    kindOther: '',
    target: 'solution',
    year: String(new Date().getFullYear()),
    note: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [given, setGiven] = useState<Award>();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  async function submit() {
    const checked = validateAward(request(demandId, values));
    if (!checked.ok) return setErrors(checked.fields);
    setBusy(true);
    try {
      setGiven(await call('awardsCreate', { body: checked.value }));
      void Taro.showToast({ title: '奖项已颁发', icon: 'none' });
    } catch (e) {
      const error = toApiError(e);
      setErrors({ ...error.fields, ...(Object.keys(error.fields).length === 0 ? { form: error.message } : {}) });
    } finally {
      setBusy(false);
    }
  }

  if (!session) return <LoginRequired reason='颁发奖项需要组织方管理员登录' />;
  if (!isAdmin)
    return <ErrorState message='只有组织方管理员可以颁发奖项' onRetry={() => void Taro.navigateBack()} retryText='返回' />;
  const { state } = solutions;
  if (state.status !== 'ready') return <ResourceFallback resource={solutions} skeleton={2} />;
  if (given) {
    return (
      <View className='contest-page'>
        <View className='card award-given' role='status'>
          <Text className='card-title'>已颁发：{given.label}</Text>
          <Text className='contest-meta'>
            获奖者：{given.winnerName} · {given.year} 年度
          </Text>
          {given.note && <Text className='contest-meta'>{given.note}</Text>}
        </View>
        <View className='contest-actions'>
          <PillButton mini onClick={() => setGiven(undefined)}>
            继续颁发
          </PillButton>
          <PillButton primary mini onClick={() => void Taro.navigateBack()}>
            返回
          </PillButton>
        </View>
      </View>
    );
  }
  const picks = state.data.items.map((s) => ({
    value: s.id,
    label: `${s.title} · ${s.organisation}（${SOLUTION_STATUS_LABELS[s.status]}）`,
  }));
  return (
    <View className='contest-page'>
      <FormSection title='颁发奖项'>
        <Field name='kind' label='奖项' required error={errors.kind}>
          <ChoiceChips label='奖项' options={KINDS} value={values.kind} onChange={(v) => set('kind', v)} />
        </Field>
        {values.kind === 'other' && (
          <Field name='kindOther' label='奖项名称' required error={errors.kindOther}>
            <TextInput label='奖项名称' value={values.kindOther} placeholder='30 字以内' onInput={(v) => set('kindOther', v)} />
          </Field>
        )}
        <Field name='target' label='获奖对象' required error={errors.target}>
          <ChoiceChips label='获奖对象' options={TARGETS} value={values.target} onChange={(v) => set('target', v)} />
        </Field>
        {values.target === 'solution' && (
          <Field name='solutionId' label='获奖方案' required error={errors.solutionId}>
            {picks.length === 0 ? (
              <Text className='contest-meta'>该需求还没有揭榜方案</Text>
            ) : (
              <ChoiceChips
                label='获奖方案'
                options={picks}
                value={values.solutionId}
                onChange={(v) => set('solutionId', v)}
                wraps
              />
            )}
          </Field>
        )}
        <Field name='year' label='年度' required error={errors.year}>
          <TextInput label='年度' type='number' value={values.year} onInput={(v) => set('year', v)} />
        </Field>
        <Field name='note' label='颁奖词' error={errors.note}>
          <TextInput
            label='颁奖词'
            multiline
            value={values.note}
            placeholder='选填，200 字以内'
            onInput={(v) => set('note', v)}
          />
        </Field>
      </FormSection>
      <FormError message={errors.form ?? errors.demandId} className='contest-form-error' />
      <View className='solution-actions'>
        <Button className='primary-button' loading={busy} disabled={busy || undefined} onClick={() => void submit()}>
          颁发
        </Button>
      </View>
    </View>
  );
}
