// Plain DOM stand-ins for Taro's components under jest (the real ones need the mini-program runtime).
// Each keeps the props a page relies on: events, values, and the accessible text.
import React, { type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode; className?: string };

function pick(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'children' || k === 'hoverClass' || k === 'scrollY' || k === 'lowerThreshold') continue;
    if (k === 'onTap') out.onClick = v;
    else if (k === 'className' || k === 'id' || k === 'style' || k.startsWith('data-') || k.startsWith('aria-') || k === 'role')
      out[k] = v;
  }
  return out;
}

const box = (tag: keyof React.JSX.IntrinsicElements) =>
  function Box(props: Props) {
    return React.createElement(tag, pick(props), props.children);
  };

export const View = box('div');
export const Text = box('span');
export const Block = ({ children }: Props) => React.createElement(React.Fragment, null, children);
export const ScrollView = box('div');
export const Label = box('label');
export const Form = box('form');
export const Image = (props: Props) => React.createElement('img', { ...pick(props), src: props.src as string, alt: '' });

export function Button(props: Props) {
  return React.createElement(
    'button',
    { ...pick(props), type: 'button', disabled: Boolean(props.disabled || props.loading) },
    props.children,
  );
}

type InputEvent = { detail: { value: string } };
function textInput(tag: 'input' | 'textarea') {
  return function TextInput(props: Props) {
    const onInput = props.onInput as ((e: InputEvent) => void) | undefined;
    const onBlur = props.onBlur as ((e: InputEvent) => void) | undefined;
    const onConfirm = props.onConfirm as ((e: InputEvent) => void) | undefined;
    return React.createElement(tag, {
      ...pick(props),
      placeholder: props.placeholder as string,
      value: (props.value as string | undefined) ?? '',
      type: tag === 'input' ? (props.type === 'digit' || props.type === 'number' ? 'text' : 'text') : undefined,
      'aria-label': (props['aria-label'] as string | undefined) ?? (props.placeholder as string | undefined),
      maxLength: props.maxlength as number | undefined,
      onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
      onBlur: (e: { target: { value: string } }) => onBlur?.({ detail: { value: e.target.value } }),
      onKeyDown: (e: { key: string; currentTarget: { value: string } }) => {
        if (e.key === 'Enter') onConfirm?.({ detail: { value: e.currentTarget.value } });
      },
    });
  };
}
export const Input = textInput('input');
export const Textarea = textInput('textarea');

export function Switch(props: Props) {
  const onChange = props.onChange as ((e: { detail: { value: boolean } }) => void) | undefined;
  return React.createElement('input', {
    ...pick(props),
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(props.checked),
    onChange: (e: { target: { checked: boolean } }) => onChange?.({ detail: { value: e.target.checked } }),
  });
}

/** A selector picker as a <select>: detail.value is the chosen index, as in Taro. */
export function Picker(props: Props) {
  const range = (props.range as unknown[] | undefined) ?? [];
  const key = props.rangeKey as string | undefined;
  const onChange = props.onChange as ((e: { detail: { value: number } }) => void) | undefined;
  return React.createElement(
    'label',
    pick(props),
    props.children,
    React.createElement(
      'select',
      {
        'aria-label': props['aria-label'] as string | undefined,
        value: typeof props.value === 'number' ? String(props.value) : '',
        onChange: (e: { target: { value: string } }) => onChange?.({ detail: { value: Number(e.target.value) } }),
      },
      React.createElement('option', { value: '' }, '请选择'),
      ...range.map((item, i) =>
        React.createElement('option', { key: i, value: String(i) }, String(key ? (item as Record<string, unknown>)[key] : item)),
      ),
    ),
  );
}

export function CheckboxGroup(props: Props) {
  return React.createElement('div', pick(props), props.children);
}
export function Checkbox(props: Props) {
  return React.createElement('input', { ...pick(props), type: 'checkbox', checked: Boolean(props.checked), readOnly: true });
}
