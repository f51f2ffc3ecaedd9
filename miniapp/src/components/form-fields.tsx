// The building blocks of a form: a section card, a labelled field with its error in place, text inputs, a picker and
// chips. Presentational only: values in, changes out. Used by 发布需求, 我的订阅, 审核 and the 揭榜 forms.
import type { ReactNode } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { EnumOption } from '@cic/shared';
import { labelProps } from './field-label';
import './form.css';

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='form-section'>
      <Text className='form-section-title'>{title}</Text>
      {children}
    </View>
  );
}

interface FieldProps {
  /** The API field name: the field's id is `field-<name>`, so a submit can scroll to it. */
  name: string;
  label: string;
  required?: boolean;
  error?: string;
  counter?: string;
  hint?: string;
  /** A control that sits beside the label (a switch). */
  aside?: ReactNode;
  children?: ReactNode;
}

export function Field({ name, label, required, error, counter, hint, aside, children }: FieldProps) {
  return (
    <View className={`field ${error ? 'has-error' : ''}`} id={`field-${name}`} data-field={name}>
      <View className='field-head'>
        <Text className='field-label'>
          {label}
          {required && <Text className='field-required'> *</Text>}
        </Text>
        {counter && <Text className='field-counter'>{counter}</Text>}
        {aside && <View className='field-head-aside'>{aside}</View>}
      </View>
      {children}
      {hint && !error && <Text className='field-hint'>{hint}</Text>}
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  );
}

interface TextInputProps {
  label: string;
  value: string | number | undefined;
  placeholder?: string;
  type?: 'text' | 'digit' | 'number';
  multiline?: boolean;
  onInput: (value: string) => void;
  onBlur?: () => void;
  onConfirm?: (value: string) => void;
}

/** A text input labelled for assistive technology. No hard maxlength: the rules show the error instead of cutting. */
export function TextInput({ label, value, placeholder, type = 'text', multiline, onInput, onBlur, onConfirm }: TextInputProps) {
  const common = {
    value: value === undefined ? '' : String(value),
    placeholder,
    placeholderClass: 'field-placeholder',
    maxlength: -1,
    ...labelProps(label),
    onInput: (e: { detail: { value: string } }) => onInput(e.detail.value),
    onBlur: () => onBlur?.(),
  };
  return multiline ? (
    <Textarea className='field-textarea' autoHeight {...common} />
  ) : (
    <Input className='field-input' type={type} {...common} onConfirm={(e) => onConfirm?.(e.detail.value)} />
  );
}

interface ReasonFieldProps {
  label: string;
  value: string;
  placeholder: string;
  error?: string;
  multiline?: boolean;
  onInput: (value: string) => void;
}

/** The reason that goes with a decision (a rejection, a decline), typed under the item decided, with its error. */
export function ReasonField({ error, ...input }: ReasonFieldProps) {
  return (
    <View className={`field reason-field ${error ? 'has-error' : ''}`}>
      <TextInput {...input} />
      {error && <Text className='field-error'>{error}</Text>}
    </View>
  );
}

/** Why a whole action failed (the API's refusal), announced to assistive technology; nothing without a message. */
export function FormError({ message, className = '' }: { message: string | undefined; className?: string }) {
  if (!message) return null;
  return (
    <View className={`field-error ${className}`} role='alert'>
      {message}
    </View>
  );
}

/** A choice of a picker or of chips: the shape `defineEnum(...).options` has, so a vocabulary's options fit as they are. */
export type Option<T extends string> = EnumOption<T>;

interface PickerFieldProps<T extends string> {
  label: string;
  options: readonly Option<T>[];
  value: T | undefined;
  placeholder?: string;
  onChange: (value: T) => void;
}

export function PickerInput<T extends string>({ label, options, value, placeholder = '请选择', onChange }: PickerFieldProps<T>) {
  const index = options.findIndex((o) => o.value === value);
  return (
    <Picker
      mode='selector'
      range={options.map((o) => o.label)}
      value={index >= 0 ? index : undefined}
      aria-label={label}
      onChange={(e) => {
        const chosen = options[Number(e.detail.value)];
        if (chosen) onChange(chosen.value);
      }}
    >
      <View className={`field-picker ${index >= 0 ? '' : 'is-empty'}`}>
        <Text>{index >= 0 ? options[index]?.label : placeholder}</Text>
        <Text className='field-picker-arrow'>›</Text>
      </View>
    </Picker>
  );
}

interface ChipGroupProps<T extends string> {
  label: string;
  options: readonly Option<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
}

/** Several choices as chips; each chip is a checkbox to assistive technology. */
export function ChipGroup<T extends string>({ label, options, selected, onToggle }: ChipGroupProps<T>) {
  return (
    <View className='chip-group' role='group' aria-label={label}>
      {options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <View
            key={o.value}
            className={`chip ${on ? 'is-selected' : ''}`}
            role='checkbox'
            aria-checked={on}
            onClick={() => onToggle(o.value)}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}

interface ChoiceChipsProps<T extends string> {
  label: string;
  options: readonly Option<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  /** Labels long enough to take several lines. */
  wraps?: boolean;
}

/** One choice among a few, all in view (a picker would hide them behind a tap). */
export function ChoiceChips<T extends string>({ label, options, value, onChange, wraps }: ChoiceChipsProps<T>) {
  return (
    <View className='chip-group' role='radiogroup' aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`chip${wraps ? ' chip--wraps' : ''} ${o.value === value ? 'is-selected' : ''}`}
          role='radio'
          aria-checked={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
