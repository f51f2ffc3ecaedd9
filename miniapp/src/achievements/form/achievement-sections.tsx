// The sections of the 成果 form: 成果信息, 持有方, 合作与价格, 联系方式与公开. Every field of the shared schema, labelled
// with ACHIEVEMENT_FIELD_LABELS (the names the error messages use).
import { Switch, Text, View } from '@tarojs/components';
import { ACHIEVEMENT_FIELD_LABELS as L, HOLDER_TYPE, TRL_LABELS, TRL_MAX, TRL_MIN, type AchievementFieldKey } from '@cic/shared';
import { fieldProps, FormTextField } from '../../components/form-binding';
import { ChoiceChips, Field, FormSection, PickerInput, TextInput } from '../../components/form-fields';
import { CooperationChoice, IndustryFieldChoice } from '../../features/demand-form/listing-choices';
import { summaryCounter, type AchievementForm } from '../common/achievement-form.model';
import { IpEntries } from './ip-entries';
import { KeywordChips } from './keyword-chips';

const fieldOf = (form: AchievementForm, name: AchievementFieldKey) => fieldProps(form, name, L);

const TRL_OPTIONS = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => {
  const trl = TRL_MIN + i;
  return { value: String(trl), label: TRL_LABELS[trl] ?? `${trl} 级` };
});

/** Sets a field and marks it left: for choices, which have no blur. */
const choose =
  <F extends AchievementFieldKey>(form: AchievementForm, key: F) =>
  (value: AchievementForm['values'][F]) => {
    form.set(key, value);
    form.touch(key);
  };

/** A switch beside a field's label, in the brand red (Switch takes a literal colour, not a CSS variable). */
function AsideSwitch({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return <Switch checked={checked} color='#c8102e' aria-label={label} onChange={(e) => onChange(e.detail.value)} />;
}

export function AchievementInfoSection({ form }: { form: AchievementForm }) {
  const v = form.values;
  return (
    <FormSection title='成果信息'>
      <FormTextField form={form} name='title' label={L.title} required placeholder='一句话概括成果（4–60 字）' />
      <IndustryFieldChoice form={form} labels={L} title={v.title} description={v.summary} />
      <Field {...fieldOf(form, 'keywords')} required hint='1–8 个，每个 2–20 字'>
        <KeywordChips label={L.keywords} words={v.keywords ?? []} onChange={choose(form, 'keywords')} />
      </Field>
      <FormTextField
        form={form}
        name='summary'
        label={L.summary}
        required
        multiline
        counter={summaryCounter(v.summary)}
        placeholder='成果是什么、能做什么、关键技术指标（100–3000 字）'
      />
      <Field {...fieldOf(form, 'trl')} required hint='按 GB/T 22900 的九级划分'>
        <PickerInput
          label={L.trl}
          options={TRL_OPTIONS}
          value={v.trl === undefined ? undefined : String(v.trl)}
          placeholder='请选择技术成熟度'
          onChange={(value) => choose(form, 'trl')(Number(value))}
        />
      </Field>
      <Field {...fieldOf(form, 'ip')} hint='选填，最多 20 项'>
        <IpEntries entries={v.ip ?? []} onChange={choose(form, 'ip')} />
      </Field>
    </FormSection>
  );
}

export function HolderSection({ form }: { form: AchievementForm }) {
  return (
    <FormSection title='持有方'>
      <FormTextField form={form} name='holderName' label={L.holderName} required placeholder='高校、院所、企业或团队的全称' />
      <Field {...fieldOf(form, 'holderType')} required>
        <ChoiceChips
          label={L.holderType}
          options={HOLDER_TYPE.options}
          value={form.values.holderType}
          onChange={choose(form, 'holderType')}
        />
      </Field>
      <FormTextField form={form} name='region' label={L.region} required placeholder='如：江苏省 / 南京市' />
    </FormSection>
  );
}

export function DealSection({ form }: { form: AchievementForm }) {
  const negotiable = form.values.priceWan === null;
  return (
    <FormSection title='合作与价格'>
      <CooperationChoice form={form} labels={L} />
      <Field
        {...fieldOf(form, 'priceWan')}
        hint={negotiable ? '价格面议：公开页面显示“面议”' : '选填；不填或开启面议时显示“面议”'}
        aside={
          <View className='price-switch'>
            <Text className='price-switch__label'>面议</Text>
            <AsideSwitch label='价格面议' checked={negotiable} onChange={(on) => choose(form, 'priceWan')(on ? null : '')} />
          </View>
        }
      >
        {!negotiable && (
          <TextInput
            label={L.priceWan}
            type='digit'
            value={form.values.priceWan ?? undefined}
            placeholder='如：50'
            onInput={(value) => form.set('priceWan', value)}
            onBlur={() => form.touch('priceWan')}
          />
        )}
      </Field>
    </FormSection>
  );
}

export function ContactSection({ form }: { form: AchievementForm }) {
  return (
    <FormSection title='联系方式与公开'>
      <FormTextField form={form} name='contactName' label={L.contactName} required placeholder='请填写联系人姓名' />
      <FormTextField form={form} name='contactPhone' label={L.contactPhone} required placeholder='手机号或带区号的固话' />
      <FormTextField form={form} name='email' label={L.email} placeholder='name@example.com' />
      <Field
        {...fieldOf(form, 'anonymous')}
        hint='开启后，公开页面不显示持有单位、联系人和联系方式，仅组织方可见'
        aside={
          <AsideSwitch
            label={L.anonymous}
            checked={Boolean(form.values.anonymous)}
            onChange={(on) => form.set('anonymous', on)}
          />
        }
      />
    </FormSection>
  );
}
