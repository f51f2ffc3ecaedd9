import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Subscription } from '@cic/shared';
import SubscriptionsPage from '../../src/mine/subscriptions/index';
import { setSession } from '../../src/session/session';
import { apiError, fakeApi, loginAs } from '../features/fake-api';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const sub = (id: string, over: Partial<Subscription> = {}): Subscription => ({
  id,
  userId: 'u1',
  createdAt: '2026-11-01T02:00:00Z',
  keywords: [],
  fields: [],
  regions: [],
  ...over,
});

const errorOf = (field: string) => document.querySelector(`[data-field="${field}"] .field-error`)?.textContent;
const addKeyword = (k: string) => {
  fireEvent.change(screen.getByLabelText('关键词'), { target: { value: k } });
  fireEvent.click(screen.getByText('添加'));
};

beforeEach(() => {
  __test.reset();
  setSession(undefined);
  loginAs();
});

describe('我的订阅', () => {
  it('lists subscriptions with their conditions in Chinese, and deletes after confirming', async () => {
    const log = fakeApi({
      'GET /me/subscriptions': () => ({
        items: [sub('s1', { keywords: ['钙钛矿', '封装'], fields: ['new_energy'], regions: ['江苏省'], minBudgetWan: 50 })],
      }),
      'DELETE /me/subscriptions/:id': () => ({ deleted: true }),
    });
    render(<SubscriptionsPage />);
    const item = within((await screen.findByText('钙钛矿、封装')).closest('.sub-item') as HTMLElement);
    expect(item.getByText('新能源')).toBeTruthy();
    expect(item.getByText('江苏省')).toBeTruthy();
    expect(item.getByText('不低于 50万元')).toBeTruthy();
    expect(screen.getByText('1/20')).toBeTruthy();

    fireEvent.click(item.getByText('删除'));
    await waitFor(() => expect(screen.queryByText('钙钛矿、封装')).toBeNull());
    expect(log.at(-1)).toMatchObject({ method: 'DELETE', path: '/me/subscriptions/s1' });
  });

  it('checks keywords as they are added: 2–20 characters, at most 5', async () => {
    fakeApi({ 'GET /me/subscriptions': () => ({ items: [] }) });
    render(<SubscriptionsPage />);
    await screen.findByText('还没有订阅');
    addKeyword('钙');
    expect(errorOf('keywords')).toBe('每个关键词应为 2–20 个字（“钙”为 1 个字）');
    addKeyword('超'.repeat(21));
    expect(errorOf('keywords')).toContain('为 21 个字');
    for (const k of ['钙钛矿', '储能', '氢能', '光伏', '风电']) addKeyword(k);
    expect(errorOf('keywords')).toBeUndefined();
    expect(screen.getByText('5/5')).toBeTruthy();
    addKeyword('核能');
    expect(errorOf('keywords')).toBe('关键词最多 5 个');
    // A tag can be removed again.
    fireEvent.click(screen.getByLabelText('删除关键词 风电'));
    expect(screen.getByText('4/5')).toBeTruthy();
  });

  it('refuses an empty subscription and a bad budget in place, without calling the API', async () => {
    const log = fakeApi({ 'GET /me/subscriptions': () => ({ items: [] }) });
    render(<SubscriptionsPage />);
    await screen.findByText('还没有订阅');
    fireEvent.click(screen.getByText('保存订阅'));
    expect(errorOf('keywords')).toBe('请至少设置一个条件：关键词、产业领域、地区或最低经费（万元）');

    fireEvent.change(screen.getByLabelText('最低经费（万元）'), { target: { value: '-3' } });
    fireEvent.click(screen.getByText('保存订阅'));
    expect(errorOf('minBudgetWan')).toBe('最低经费（万元）不能小于 0');
    expect(log.map((r) => r.method)).toEqual(['GET']);
    expect(calls.subscribeRequests).toEqual([]);
  });

  it('creates a subscription on H5 without asking for WeChat pushes', async () => {
    const log = fakeApi({
      'GET /me/subscriptions': () => ({ items: [] }),
      'POST /me/subscriptions': (req) => sub('s2', req.body as Partial<Subscription>),
    });
    render(<SubscriptionsPage />);
    await screen.findByText('还没有订阅');
    addKeyword('工业机器人');
    fireEvent.click(screen.getByRole('checkbox', { name: '人工智能' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '苏州市' }));
    fireEvent.change(screen.getByLabelText('最低经费（万元）'), { target: { value: '100' } });
    fireEvent.click(screen.getByText('保存订阅'));
    await waitFor(() => expect(screen.getByText('工业机器人')).toBeTruthy());
    expect(calls.subscribeRequests).toEqual([]);
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me/subscriptions', 'POST /me/subscriptions']);
    expect(log[1]!.body).toEqual({ keywords: ['工业机器人'], fields: ['ai'], regions: ['苏州市'], minBudgetWan: 100 });
  });

  it('on WeChat asks for the push permission first, reports it, then creates', async () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      const log = fakeApi({
        'GET /me/subscriptions': () => ({ items: [] }),
        'POST /me/subscribe-quota': () => ({ quota: { 'tmpl-new-match': 1 } }),
        'POST /me/subscriptions': (req) => sub('s3', req.body as Partial<Subscription>),
      });
      render(<SubscriptionsPage />);
      await screen.findByText('还没有订阅');
      // A keyword left in the input counts as added.
      fireEvent.change(screen.getByLabelText('关键词'), { target: { value: '钙钛矿' } });
      fireEvent.click(screen.getByText('保存订阅'));
      // Asked synchronously, within the tap.
      expect(calls.subscribeRequests).toEqual([['tmpl-new-match']]);
      await waitFor(() => expect(log).toHaveLength(3));
      expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /me/subscriptions',
        'POST /me/subscribe-quota',
        'POST /me/subscriptions',
      ]);
      expect(log[1]!.body).toEqual({ results: { 'tmpl-new-match': 'accept' } });
      expect(log[2]!.body).toMatchObject({ keywords: ['钙钛矿'] });
    } finally {
      process.env.TARO_ENV = env;
    }
  });

  it('says clearly when 20 subscriptions are reached', async () => {
    fakeApi({
      'GET /me/subscriptions': () => ({ items: [sub('s1', { keywords: ['储能'] })] }),
      'POST /me/subscriptions': () => apiError(409, 'SUBSCRIPTION.LIMIT', '订阅数量已达上限（每人 20 个），请先删除不需要的订阅'),
    });
    render(<SubscriptionsPage />);
    await screen.findByText('储能');
    addKeyword('氢能');
    fireEvent.click(screen.getByText('保存订阅'));
    expect(await screen.findByText('订阅已满 20 个')).toBeTruthy();
    expect(screen.queryByText('保存订阅')).toBeNull();
    expect(calls.toasts).toContainEqual({ title: '订阅数量已达上限（每人 20 个），请先删除不需要的订阅', icon: 'none' });
  });

  it('shows the limit at once when the list is full', async () => {
    fakeApi({
      'GET /me/subscriptions': () => ({
        items: Array.from({ length: 20 }, (_, i) => sub(`s${i}`, { keywords: [`关键词${i}`] })),
      }),
    });
    render(<SubscriptionsPage />);
    expect(await screen.findByText('订阅已满 20 个')).toBeTruthy();
    expect(screen.getByText('20/20')).toBeTruthy();
  });
});
