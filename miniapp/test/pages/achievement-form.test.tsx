import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Achievement } from '@cic/shared';
import AchievementFormPage from '../../src/achievements/form/index';
import { achievement, fakeApi, freshPageEachTest, loginAs, type FakeRequest } from '../features/fake-api';
import { errorOf, expectEachMissingOnSubmit, putIfMatch, type, valueOf } from '../features/page-helpers';
import { __test, calls } from '../mocks/taro';
import { setSession } from '../../src/session/session';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const DRAFT_KEY = 'cic.achievement-draft.u1.new';
const SUMMARY =
  '一种高导热石墨烯薄膜的卷对卷连续制备工艺，面内热导率不低于1500 W/(m·K)，厚度25–100微米可调，已在中试线上连续运行。'.repeat(2);

/** An API that keeps the one draft it was given, bumping its version on each write. */
function draftApi(extra: Record<string, (req: FakeRequest) => unknown> = {}) {
  let version = 0;
  return fakeApi({
    'POST /achievements': (req) =>
      achievement('a1', { ...(req.body as Partial<Achievement>), status: 'draft', version: (version = 1) }),
    'PUT /achievements/:id': (req) =>
      achievement(req.params.id!, { ...(req.body as Partial<Achievement>), status: 'draft', version: (version += 1) }),
    'POST /achievements/:id/submit': (req) => achievement(req.params.id!, { status: 'pending_review' }),
    'POST /suggest/field': () => ({ field: 'new_materials', confidence: 0.82, alternatives: [] }),
    ...extra,
  });
}
const writes = (log: FakeRequest[]) => log.filter((r) => r.path !== '/suggest/field');

function addKeyword(word: string) {
  type('关键词', word, { blur: false });
  fireEvent.click(screen.getByText('添加'));
}

/** What fillValid enters, as the API receives it. */
const VALID = {
  title: '高导热石墨烯薄膜连续制备',
  field: 'new_materials',
  keywords: ['石墨烯', '导热膜'],
  summary: SUMMARY,
  trl: 7,
  holderName: '江南材料研究院',
  holderType: 'institute',
  region: '江苏省 / 南京市',
  cooperationModes: ['transfer'],
  contactName: '李老师',
  contactPhone: '13912345678',
};

function fillValid() {
  type('成果名称', VALID.title);
  fireEvent.click(screen.getByRole('radio', { name: '新材料' }));
  VALID.keywords.forEach(addKeyword);
  type('成果简介', VALID.summary);
  // The picker's options are the levels from 1: the 7th is TRL 7.
  fireEvent.change(screen.getByRole('combobox', { name: '技术成熟度' }), { target: { value: String(VALID.trl - 1) } });
  type('持有单位', VALID.holderName);
  fireEvent.click(screen.getByRole('radio', { name: '科研院所' }));
  type('所在地区', VALID.region);
  fireEvent.click(screen.getByRole('checkbox', { name: '技术转让' }));
  type('联系人', VALID.contactName);
  type('联系电话', VALID.contactPhone);
}

freshPageEachTest();
beforeEach(() => loginAs());
afterEach(() => jest.useRealTimers());

it('asks a logged-out person to log in first', () => {
  setSession(undefined);
  render(<AchievementFormPage />);
  expect(screen.getByText('登录后即可发布科技成果，填写内容会自动保存')).toBeTruthy();
});

it('shows every missing field at once on 提交审核, each message naming its field, and calls nothing', async () => {
  const log = draftApi();
  await expectEachMissingOnSubmit(<AchievementFormPage />, {
    title: '请填写成果名称',
    holderName: '请填写持有单位',
    holderType: '请选择持有方类型',
    field: '请选择产业领域',
    keywords: '请填写关键词',
    summary: '请填写成果简介',
    trl: '请填写技术成熟度',
    cooperationModes: '请选择合作方式',
    region: '请填写所在地区',
    contactName: '请填写联系人',
    contactPhone: '请填写联系电话',
  });
  expect(calls.toasts).toContainEqual({ title: '请检查标出的字段', icon: 'none' });
  expect(log).toEqual([]);
});

it('checks the rules in place: a short 成果简介 with its counter, keywords, IP entries, the price', () => {
  render(<AchievementFormPage />);
  type('成果简介', '简'.repeat(60));
  expect(errorOf('summary')).toBe('成果简介至少需要 100 个字（当前 60 个字）');
  expect(screen.getByText('60/100 字起')).toBeTruthy();

  addKeyword('石');
  expect(errorOf('keywords')).toBe('每个关键词至少 2 个字');
  fireEvent.click(screen.getByLabelText('删除关键词石'));
  addKeyword('石墨烯，导热膜');
  expect(screen.getByRole('list', { name: '已添加的关键词' }).textContent).toContain('石墨烯');
  expect(screen.getByRole('list', { name: '已添加的关键词' }).textContent).toContain('导热膜');
  expect(errorOf('keywords')).toBeUndefined();

  fireEvent.click(screen.getByText('+ 添加知识产权'));
  fireEvent.click(screen.getByText('+ 添加知识产权'));
  expect(screen.getAllByRole('group', { name: /知识产权第 \d 项/ })).toHaveLength(2);
  fireEvent.click(screen.getByLabelText('删除知识产权第 2 项'));
  expect(screen.getAllByRole('group', { name: /知识产权第 \d 项/ })).toHaveLength(1);

  type('参考价格（万元）', '十万');
  expect(errorOf('priceWan')).toBe('参考价格（万元）必须是数字');
  fireEvent.click(screen.getByRole('switch', { name: '价格面议' }));
  expect(screen.queryByLabelText('参考价格（万元）')).toBeNull();
  expect(errorOf('priceWan')).toBeUndefined();
});

it('offers the TRL levels in the words of GB/T 22900', () => {
  render(<AchievementFormPage />);
  const shown = () => document.querySelector('[data-field="trl"] .field-picker')!.textContent;
  expect(shown()).toContain('请选择技术成熟度');
  const options = [...screen.getByRole('combobox', { name: '技术成熟度' }).querySelectorAll('option')].map((o) => o.textContent);
  expect(options).toContain('1 级 · 发现基本原理');
  expect(options).toContain('9 级 · 实际系统通过使用考验，可推广');
  fireEvent.change(screen.getByRole('combobox', { name: '技术成熟度' }), { target: { value: '6' } });
  expect(shown()).toContain('7 级 · 真实环境中演示系统通过演示');
});

it('saves and submits a valid 成果 (面议 as null, IP entries), then shows 我的成果', async () => {
  const log = draftApi();
  render(<AchievementFormPage />);
  fillValid();
  fireEvent.click(screen.getByText('+ 添加知识产权'));
  type('知识产权第 1 项编号', 'ZL202310001234.5');
  fireEvent.click(screen.getByRole('radio', { name: '申请中' }));
  fireEvent.click(screen.getByRole('switch', { name: '价格面议' }));
  fireEvent.click(screen.getByRole('switch', { name: '隐去持有单位和联系方式' }));
  fireEvent.click(screen.getByText('提交审核'));

  await waitFor(() => expect(calls.navigations).toEqual(['/achievements/mine/index']));
  expect(writes(log).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /achievements', 'POST /achievements/a1/submit']);
  expect(writes(log)[0]!.body).toEqual({
    ...VALID,
    ip: [{ kind: 'invention', number: 'ZL202310001234.5', status: 'pending' }],
    priceWan: null,
    anonymous: true,
  });
  expect(__test.storage.has(DRAFT_KEY)).toBe(false);
});

it('autosaves to the phone, then to the server (POST, then PUT with the version), and restores on reopening', async () => {
  jest.useFakeTimers();
  const log = draftApi();
  const first = render(<AchievementFormPage />);
  type('成果名称', '石墨烯膜', { blur: false });
  act(() => jest.advanceTimersByTime(500));
  expect(__test.storage.get(DRAFT_KEY)).toMatchObject({ values: { title: '石墨烯膜' } });
  await act(async () => jest.advanceTimersByTime(1500));
  expect(writes(log).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /achievements']);
  expect(__test.storage.get(DRAFT_KEY)).toMatchObject({ id: 'a1', version: 1 });

  type('参考价格（万元）', '十万', { blur: false });
  type('持有单位', '江南材料研究院', { blur: false });
  await act(async () => jest.advanceTimersByTime(2000));
  expect(writes(log)[1]).toMatchObject(putIfMatch('/achievements/a1', 1, { title: '石墨烯膜', holderName: '江南材料研究院' }));

  type('所在地区', '江苏省 / 南京市', { blur: false });
  first.unmount();
  render(<AchievementFormPage />);
  expect(screen.getByText('已恢复上次未提交的内容')).toBeTruthy();
  expect(valueOf('所在地区')).toBe('江苏省 / 南京市');
  expect(valueOf('参考价格（万元）')).toBe('十万');
});

it('edits a rejected 成果 (?id=): shows why, loads it, resubmits with the version', async () => {
  __test.setRouterParams({ id: 'a9' });
  const stored = achievement('a9', { status: 'rejected', rejectReason: '请补充中试数据', version: 5, summary: SUMMARY });
  const log = draftApi({ 'GET /achievements/:id': () => ({ ...stored, viewer: { isOwner: true } }) });
  render(<AchievementFormPage />);
  expect(await screen.findByText('驳回原因：请补充中试数据')).toBeTruthy();
  expect(valueOf('成果名称')).toBe('成果a9');
  expect(screen.getByRole<HTMLInputElement>('switch', { name: '价格面议' }).checked).toBe(true);
  expect(screen.queryByLabelText('参考价格（万元）')).toBeNull();
  type('成果简介', `${SUMMARY}中试良率 95%。`);
  fireEvent.click(screen.getByText('提交审核'));
  await waitFor(() => expect(calls.navigations).toEqual(['/achievements/mine/index']));
  expect(
    writes(log)
      .slice(1, 3)
      .map((r) => `${r.method} ${r.path} ${r.headers['if-match'] ?? ''}`.trim()),
  ).toEqual(['PUT /achievements/a9 5', 'POST /achievements/a9/submit']);
});

it('suggests a field from the title and 成果简介, applied only on a tap', async () => {
  jest.useFakeTimers();
  const log = draftApi();
  render(<AchievementFormPage />);
  fireEvent.click(screen.getByRole('radio', { name: '人工智能' }));
  type('成果名称', '高导热石墨烯薄膜', { blur: false });
  await act(async () => jest.advanceTimersByTime(800));
  expect(log.filter((r) => r.path === '/suggest/field')[0]!.body).toEqual({ title: '高导热石墨烯薄膜', description: '' });
  fireEvent.click(await screen.findByText('建议领域：新材料（置信度 82%）'));
  expect(screen.getByRole('radio', { name: '新材料' }).getAttribute('aria-checked')).toBe('true');
});
