// 新建专场 (organisers): the shared track rules checked as typed once a save was tried, the API's errors in place.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { TRACK_KIND, validateTrack, type FieldErrors, type Track, type TrackKind } from '@cic/shared';
import { call } from '../../api/client';
import { ChoiceChips, Field, FormSection, TextInput } from '../../components/form-fields';
import { toApiError } from '../../hooks/use-paged-list';
import { PillButton } from '../common/pill-button';

const KIND_OPTIONS = TRACK_KIND.options;

interface Values {
  name: string;
  kind?: TrackKind;
  startDate: string;
  endDate: string;
  description: string;
}
const EMPTY: Values = { name: '', startDate: '', endDate: '', description: '' };

function errorsOf(values: Values): FieldErrors {
  const result = validateTrack({ ...values, kind: values.kind ?? '' });
  return result.ok ? {} : result.fields;
}

export function TrackForm({ onCreated }: { onCreated: (track: Track) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const errors: FieldErrors = { ...server, ...(tried ? errorsOf(values) : {}) };
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setServer(({ [key]: _, ...rest }) => rest);
  };

  async function create() {
    setTried(true);
    const checked = validateTrack({ ...values, kind: values.kind ?? '' });
    if (!checked.ok) return;
    setBusy(true);
    try {
      onCreated(await call('tracksCreate', { body: checked.value }));
      setValues(EMPTY);
      setTried(false);
      void Taro.showToast({ title: '专场已创建', icon: 'none' });
    } catch (e) {
      const error = toApiError(e);
      setServer(error.fields);
      void Taro.showToast({ title: error.message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  const text = (key: 'name' | 'startDate' | 'endDate' | 'description', label: string, placeholder: string, multiline = false) => (
    <Field name={key} label={label} required={key !== 'description'} error={errors[key]}>
      <TextInput label={label} value={values[key]} placeholder={placeholder} multiline={multiline} onInput={(v) => set(key, v)} />
    </Field>
  );

  return (
    <FormSection title='新建专场（组织方）'>
      {text('name', '专场名称', '如：2026 长三角新材料专场')}
      <Field name='kind' label='专场类型' required error={errors.kind}>
        <ChoiceChips label='专场类型' options={KIND_OPTIONS} value={values.kind} onChange={(v) => set('kind', v)} />
      </Field>
      {text('startDate', '开始日期', 'YYYY-MM-DD')}
      {text('endDate', '结束日期', 'YYYY-MM-DD')}
      {text('description', '专场介绍', '选填，500 字以内', true)}
      <View className='contest-actions'>
        <PillButton primary mini loading={busy} disabled={busy} onClick={() => void create()}>
          创建专场
        </PillButton>
      </View>
    </FormSection>
  );
}
