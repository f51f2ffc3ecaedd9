// The field rules a form is made of, named by the field's Chinese label: a text with its bounds, a phone, an e-mail,
// a choice from a closed vocabulary, a list of choices, a money amount. The 附件3 demand and the 成果 form are built
// from these, so the same kind of field gives the same message on both.
import * as z from 'zod/mini';
import { isBlankText } from '../text/clean';
import { cleanLine, cleanLines } from './clean-checks';
import { charCount } from './field-errors';
import { MIN_FRACTION, storable } from './numbers';
import { preprocess } from './zod-mini';

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** A mainland mobile (optionally +86) or a landline with area code (optionally with an extension). */
export function isMainlandPhone(value: string): boolean {
  const compact = value.replace(/[\s()（）]/g, '');
  return MOBILE.test(compact.replace(/-/g, '')) || LANDLINE.test(compact);
}

export function typeError(label: string, kind: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `请填写${label}` : `${label}必须是${kind}`);
}

/** A text of at most `max` characters (and at least `min`), cleaned first; `multiline` keeps its line breaks. */
export function textRule(label: string, max: number, min = 0, multiline = false) {
  return z.string({ error: typeError(label, '文字') }).check(
    multiline ? cleanLines() : cleanLine(),
    z.superRefine((value, ctx) => {
      const n = charCount(value);
      if (n > max) ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${max} 个字（当前 ${n} 个字）` });
      else if (n < min) ctx.addIssue({ code: 'custom', message: `${label}至少需要 ${min} 个字（当前 ${n} 个字）` });
    }),
  );
}

export function phoneRule(label: string) {
  return textRule(label, 30).check(
    z.refine(isMainlandPhone, { error: `${label}应为手机号（如 13812345678）或带区号的固话（如 025-83456789）` }),
  );
}

export function emailRule(label: string, max = 100) {
  return textRule(label, max).check(z.refine((v) => EMAIL.test(v), { error: `${label}格式不正确（如 name@example.com）` }));
}

export function choiceRule<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
  labels: Record<T[number], string>,
) {
  const allowed = values.map((v) => labels[v as T[number]]).join('、');
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? `请选择${label}` : `${label}只能是：${allowed}`),
  });
}

/** Several choices; duplicates are dropped before the count is checked, so choosing one twice is one choice. */
export function choicesRule<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
  labels: Record<T[number], string>,
) {
  return preprocess(
    (v) => (Array.isArray(v) ? [...new Set(v)] : v),
    z
      .array(choiceRule(label, values, labels), {
        error: (issue) => (issue.input === undefined ? `请选择${label}` : `${label}必须是选项列表`),
      })
      .check(z.maxLength(values.length, { error: `${label}最多选择 ${values.length} 项` })),
  );
}

export const MONEY_WAN = { min: 0, max: 1_000_000, decimals: 4 } as const;

/** An amount in 万元: not negative, at most a million, at most four decimals. */
export function moneyWanRule(label: string) {
  return z.number({ error: typeError(label, '数字') }).check(
    z.gte(MONEY_WAN.min, { error: `${label}不能小于 0` }),
    z.lte(MONEY_WAN.max, { error: `${label}不能超过 1,000,000 万元` }),
    z.refine(storable, { error: `${label}的最小单位是 ${MIN_FRACTION} 万元` }),
    z.refine((v) => Number.isInteger(Math.round(v * 10 ** MONEY_WAN.decimals * 1e6) / 1e6), {
      error: `${label}最多保留 ${MONEY_WAN.decimals} 位小数`,
    }),
  );
}

/** Cleaned as the field itself is, so a "其他" text of zero-width spaces is as missing here as it is there. */
export const givenText = (v: unknown): boolean => typeof v === 'string' && !isBlankText(v);
