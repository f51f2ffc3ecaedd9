import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import SolutionFormPage from '../../src/contest/solution-form/index';
import { demandDetail, FORM, solution, SUMMARY } from '../features/contest-fixtures';
import { apiError, fakeApi, type FakeRequest, freshPageEachTest, loginAs } from '../features/fake-api';
import {
  errorOf,
  expectShownWithoutRequests,
  input,
  putIfMatch,
  retryAfterServerError,
  type,
  valueOf,
} from '../features/page-helpers';
import { __test, calls } from '../mocks/taro';
import { prefillSolutionDraft } from '../../src/contest/solution-form/solution-draft';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const DRAFT_KEY = 'cic.solution-draft.u1.d.d1';
const nda = () => screen.getByRole('checkbox', { name: /我已阅读并同意《保密协议》和《免责声明》/ });

function fillValidForm() {
  type('方案名称', FORM.title);
  type('方案简介', FORM.summary);
  type('预计费用（万元）', '80');
  type('实施周期（月）', '12');
  type('单位名称', FORM.organisation);
  type('团队成员', FORM.team);
  type('联系人', FORM.contactName);
  type('联系电话', FORM.contactPhone);
  fireEvent.click(nda());
}

function serve(extra: Record<string, (req: FakeRequest) => unknown> = {}) {
  return fakeApi({
    'GET /demands/:id': () => demandDetail(),
    'POST /demands/:id/solutions': (req) => solution({ ...(req.body as object), id: 's9' }),
    ...extra,
  });
}

/** Logged in, the form open on demand d1 (its title shown); returns the requests and the rendered page. */
async function openForm(extra: Record<string, (req: FakeRequest) => unknown> = {}) {
  loginAs();
  const log = serve(extra);
  const page = render(<SolutionFormPage />);
  expect(await screen.findByText('钛合金焊缝在线检测')).toBeTruthy();
  return { log, page };
}

freshPageEachTest({ demandId: 'd1' });

describe('我要揭榜', () => {
  it('asks a logged-out visitor to log in', () => {
    expectShownWithoutRequests(<SolutionFormPage />, '请先登录');
  });

  it('checks as the person types: minimums after leaving a field, maximums at once, with counters', async () => {
    await openForm();

    type('方案简介', '相控阵超声检测', { blur: false });
    expect(screen.getByText('7/100 字起')).toBeTruthy();
    expect(errorOf('summary')).toBeUndefined();
    fireEvent.blur(input('方案简介'));
    expect(errorOf('summary')).toBe('方案简介至少需要 100 个字（当前 7 个字）');

    type('方案名称', '很'.repeat(61), { blur: false });
    expect(errorOf('title')).toBe('方案名称不能超过 60 个字（当前 61 个字）');
    expect(screen.getByText('61/60')).toBeTruthy();

    type('联系电话', '12345');
    expect(errorOf('contactPhone')).toBe('联系电话应为手机号或带区号的座机号');
    type('实施周期（月）', '1.5');
    expect(errorOf('months')).toBe('实施周期必须是整数（个月）');
  });

  it('sends nothing until every rule passes, the agreement included; then submits and opens 我的揭榜', async () => {
    const { log } = await openForm();

    fireEvent.click(screen.getByText('提交方案'));
    expect(errorOf('title')).toBe('请填写方案名称');
    expect(errorOf('ndaAccepted')).toBe('请阅读并同意保密协议和免责声明');
    expect(calls.toasts.at(-1)).toEqual({ title: '请检查标出的字段', icon: 'none' });

    fillValidForm();
    fireEvent.click(nda());
    fireEvent.click(screen.getByText('提交方案'));
    expect(errorOf('ndaAccepted')).toBe('请阅读并同意保密协议和免责声明');
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.click(nda());
    expect(nda().getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('提交方案'));
    await waitFor(() => expect(calls.navigations).toEqual(['/contest/my-solutions/index']));
    const post = log.find((r) => r.method === 'POST');
    expect(post).toMatchObject({ path: '/demands/d1/solutions', body: FORM });
    expect(__test.storage.has(DRAFT_KEY)).toBe(false);
  });

  it('shows the two texts on request', async () => {
    loginAs();
    serve();
    render(<SolutionFormPage />);
    fireEvent.click(await screen.findByText('查看《保密协议》和《免责声明》'));
    expect(screen.getByText('保密协议')).toBeTruthy();
    expect(screen.getByText(/严格保密/)).toBeTruthy();
    expect(screen.getByText(/不对方案的技术可行性/)).toBeTruthy();
    fireEvent.click(screen.getByText('收起条款'));
    expect(screen.queryByText(/严格保密/)).toBeNull();
  });

  it('keeps what was typed on the phone and restores it when the form opens again', async () => {
    const { page: first } = await openForm();
    type('方案名称', FORM.title);
    type('方案简介', SUMMARY.slice(0, 40));
    await act(() => new Promise((r) => setTimeout(r, 600)));
    expect(__test.storage.get(DRAFT_KEY)).toMatchObject({ values: { title: FORM.title, summary: SUMMARY.slice(0, 40) } });
    expect(screen.getByText(/已保存到本机/)).toBeTruthy();
    // Leaving before the debounce still saves the last keystrokes.
    type('单位名称', '南京理工', { blur: false });
    first.unmount();
    expect(__test.storage.get(DRAFT_KEY)).toMatchObject({ values: { organisation: '南京理工' } });

    render(<SolutionFormPage />);
    expect(await screen.findByText('已恢复上次未提交的内容')).toBeTruthy();
    expect(valueOf('方案名称')).toBe(FORM.title);
    expect(valueOf('单位名称')).toBe('南京理工');
  });

  it('shows the API’s field errors in place and a 409 above the button, keeping the values', async () => {
    let answer: unknown = apiError(400, 'REQUEST.VALIDATION', '请检查填写的内容', { contactPhone: '联系电话不可用' });
    await openForm({ 'POST /demands/:id/solutions': () => answer });
    fillValidForm();
    fireEvent.click(screen.getByText('提交方案'));
    await waitFor(() => expect(errorOf('contactPhone')).toBe('联系电话不可用'));
    type('联系电话', '13912345679');
    expect(errorOf('contactPhone')).toBeUndefined();

    answer = apiError(409, 'SOLUTION.EXISTS', '你已对该需求揭榜，请在“我的揭榜”中修改方案');
    fireEvent.click(screen.getByText('提交方案'));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '你已对该需求揭榜，请在“我的揭榜”中修改方案');
    expect(valueOf('方案名称')).toBe(FORM.title);
    expect(calls.navigations).toEqual([]);
  });

  it('edits one’s solution with If-Match, and says so when it changed elsewhere', async () => {
    loginAs();
    __test.setRouterParams({ id: 's1' });
    let conflict = false;
    const log = serve({
      'GET /solutions/:id': () => ({ ...solution({ version: 4 }), fit: { score: 60, terms: [] } }),
      'PUT /solutions/:id': (req) =>
        conflict
          ? apiError(409, 'SOLUTION.VERSION_CONFLICT', '方案已在别处被修改，请刷新后再试')
          : solution({ ...(req.body as object), version: 5 }),
    });
    render(<SolutionFormPage />);
    expect(await screen.findByText('修改揭榜方案')).toBeTruthy();
    expect(valueOf('方案名称')).toBe(FORM.title);
    expect(valueOf('预计费用（万元）')).toBe('80');
    // The agreement is asked again on every edit.
    expect(nda().getAttribute('aria-checked')).toBe('false');

    conflict = true;
    type('实施周期（月）', '10');
    fireEvent.click(nda());
    fireEvent.click(screen.getByText('保存修改'));
    expect(await screen.findByText('方案已在别处被修改，请刷新后再试', { selector: '[role="alert"]' })).toBeTruthy();
    const put = log.find((r) => r.method === 'PUT');
    expect(put).toMatchObject(putIfMatch('/solutions/s1', 4, { ...FORM, months: 10 }));
    expect(valueOf('实施周期（月）')).toBe('10');

    conflict = false;
    fireEvent.click(screen.getByText('保存修改'));
    await waitFor(() => expect(calls.navigations).toEqual(['/contest/my-solutions/index']));
  });

  it('does not open the form on a demand already answered, one’s own, or one no longer open', async () => {
    loginAs();
    let detail = demandDetail({ viewer: { isOwner: false, following: false, mySolution: { id: 's1', status: 'shortlisted' } } });
    serve({ 'GET /demands/:id': () => detail });
    const r1 = render(<SolutionFormPage />);
    expect(await screen.findByText('你已对该需求揭榜（已入围）')).toBeTruthy();
    fireEvent.click(screen.getByText('查看我的揭榜'));
    expect(calls.navigations).toEqual(['/contest/my-solutions/index']);
    r1.unmount();

    detail = demandDetail({ viewer: { isOwner: true, following: false } });
    const r2 = render(<SolutionFormPage />);
    expect(await screen.findByText('不能对自己发布的需求揭榜')).toBeTruthy();
    r2.unmount();

    detail = demandDetail({ status: 'matched' });
    render(<SolutionFormPage />);
    expect(await screen.findByText('该需求已对接，不再接受揭榜')).toBeTruthy();
    expect(screen.queryByLabelText('方案名称')).toBeNull();
  });

  it('refuses to edit a solution the owner already decided on', async () => {
    loginAs();
    __test.setRouterParams({ id: 's1' });
    serve({ 'GET /solutions/:id': () => ({ ...solution({ status: 'declined' }), fit: { score: 0, terms: [] } }) });
    render(<SolutionFormPage />);
    expect(await screen.findByText('方案未入选，不能再修改')).toBeTruthy();
  });

  it('offers 重试 when the demand cannot be loaded', async () => {
    loginAs();
    let up = false;
    serve({ 'GET /demands/:id': () => (up ? demandDetail() : apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试')) });
    render(<SolutionFormPage />);
    await retryAfterServerError(() => (up = true));
    expect(await screen.findByLabelText('方案名称')).toBeTruthy();
  });

  it('opens filled from an accepted invitation, keeping what was typed before, and says so', async () => {
    loginAs();
    __test.storage.set(DRAFT_KEY, { values: { title: '我自己写的方案名称' }, savedAt: 1 });
    prefillSolutionDraft('u1', 'd1', {
      title: '钛合金激光焊接工艺',
      summary: SUMMARY,
      organisation: FORM.organisation,
      contactName: FORM.contactName,
      contactPhone: FORM.contactPhone,
    });
    serve();
    render(<SolutionFormPage />);
    expect(await screen.findByText('已根据您的成果预填，请检查并补充后提交')).toBeTruthy();
    expect(valueOf('方案名称')).toBe('我自己写的方案名称');
    expect(valueOf('方案简介')).toBe(SUMMARY);
    expect(valueOf('单位名称')).toBe(FORM.organisation);
    expect(valueOf('联系电话')).toBe(FORM.contactPhone);
    expect(valueOf('预计费用（万元）')).toBe('');
  });
});
