// What many page tests do alike: fill a form and read its messages, check the texts a card shows and where its taps
// lead, check that a page shows a prompt without asking the API anything, and recover from a failed load with 重试.
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { calls } from '../mocks/taro';
import { fakeApi, settle } from './fake-api';

export const input = (label: string) => screen.getByLabelText(label);

/** Types into the field labelled `label` and, unless told not to, leaves it (a form checks minimums on blur). */
export function type(label: string, value: string, { blur = true } = {}): void {
  fireEvent.change(input(label), { target: { value } });
  if (blur) fireEvent.blur(input(label));
}

/** What the field labelled `label` holds now. */
export const valueOf = (label: string) => (input(label) as HTMLInputElement | HTMLTextAreaElement).value;

/** The message shown under a form field, if any. */
export const errorOf = (field: string) => document.querySelector(`[data-field="${field}"] .field-error`)?.textContent;

/** Submits the form `page` untouched with 提交审核: each field shows its message (`expected`), all at once. */
export async function expectEachMissingOnSubmit(page: ReactElement, expected: Record<string, string>): Promise<void> {
  render(page);
  fireEvent.click(screen.getByText('提交审核'));
  await settle();
  // Compared as one object, so a failure shows every difference.
  expect(Object.fromEntries(Object.keys(expected).map((field) => [field, errorOf(field)]))).toEqual(expected);
}

/** A write of what the server holds at `version` (an autosaved draft, an edit): a PUT guarded by If-Match. */
export const putIfMatch = (path: string, version: number, body?: object) => ({
  method: 'PUT',
  path,
  headers: { 'if-match': String(version) },
  ...(body ? { body } : {}),
});

/** The screen, or a part of it (`within(card)`). */
type Scope = { getByText: (text: string) => HTMLElement };

/** Each text shows within `scope`. */
export function expectTexts(scope: Scope, texts: readonly string[]): void {
  for (const text of texts) expect(scope.getByText(text)).toBeTruthy();
}

/** Taps each text (within its scope) in turn, then checks the page each tap opened. */
export function expectTapsOpen(taps: readonly (readonly [Scope, string, string])[]): void {
  for (const [scope, text] of taps) fireEvent.click(scope.getByText(text));
  expect(calls.navigations).toEqual(taps.map(([, , url]) => url));
}

/** Renders `page` with no route answered: it shows `text` (a log-in prompt, 无权限) and asks the API nothing. */
export function expectShownWithoutRequests(page: ReactElement, text: string): void {
  const log = fakeApi({});
  render(page);
  expect(screen.getByText(text)).toBeTruthy();
  expect(log).toEqual([]);
}

/** The page's load failed with the API's 500: the API comes back (`recover`) and 重试 asks again. */
export async function retryAfterServerError(recover: () => void): Promise<void> {
  expect(await screen.findByText('服务暂时出错，请稍后重试')).toBeTruthy();
  recover();
  fireEvent.click(screen.getByText('重试'));
}
