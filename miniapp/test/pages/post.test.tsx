import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Demand } from '@cic/shared';
import PostPage from '../../src/pages/post/index';
import { setSession } from '../../src/session/session';
import { apiError, fakeApi, loginAs, settle, type FakeRequest } from '../features/fake-api';
import { errorOf, expectEachMissingOnSubmit, input, putIfMatch, type, valueOf } from '../features/page-helpers';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const DRAFT_KEY = 'cic.demand-draft.u1.new';
const DESCRIPTION =
  '需要开发精密摆线针轮减速器，回差不大于1弧分，额定寿命不低于6000小时，传动效率不低于85%，用于六轴工业机器人关节，替代进口产品。';

const stored = (form: Partial<Demand>, over: Partial<Demand> = {}): Demand => ({
  id: 'd1',
  ownerId: 'u1',
  status: 'draft',
  createdAt: '2026-11-01T02:00:00Z',
  updatedAt: '2026-11-01T02:00:00Z',
  followerCount: 0,
  version: 1,
  history: [],
  ...form,
  ...over,
});

/** An API that keeps the one draft it was given, bumping its version on each write. */
function draftApi(extra: Record<string, (req: FakeRequest) => unknown> = {}) {
  let version = 0;
  return fakeApi({
    'POST /demands': (req) => stored(req.body as Partial<Demand>, { version: (version = 1) }),
    'PUT /demands/:id': (req) => stored(req.body as Partial<Demand>, { id: req.params.id, version: (version += 1) }),
    'POST /demands/:id/submit': (req) => stored({}, { id: req.params.id, status: 'pending_review', version: (version += 1) }),
    ...extra,
  });
}

/** The demand's own requests (the field suggestion asks on the side). */
const writes = (log: FakeRequest[]) => log.filter((r) => r.path !== '/suggest/field').map((r) => `${r.method} ${r.path}`);

function fillValidForm() {
  type('企业名称', '常州智造装备有限公司');
  type('所属地区', '江苏省 / 常州市 / 武进区');
  type('联系人', '陈工');
  type('联系方式', '0519-86123456');
  type('技术需求名称', '工业机器人关节减速器国产化');
  type('拟投入合作经费（万元）', '120');
  fireEvent.click(screen.getByRole('radio', { name: '装备制造' }));
  type('技术需求描述', DESCRIPTION);
  fireEvent.click(screen.getByRole('checkbox', { name: '合作开发' }));
}

beforeEach(() => {
  __test.reset();
  setSession(undefined);
  jest.useRealTimers();
});

describe('发布需求', () => {
  it('asks a logged-out person to log in first', () => {
    render(<PostPage />);
    fireEvent.click(screen.getByText('去登录'));
    expect(calls.navigations).toEqual(['/pages/me/index']);
    expect(screen.queryByLabelText('企业名称')).toBeNull();
  });

  describe('shows every rule of 附件3 in place, under its field', () => {
    beforeEach(() => loginAs());

    it.each([
      ['companyName', '企业名称', '', '请填写企业名称'],
      ['region', '所属地区', '', '请填写所属地区'],
      ['contactName', '联系人', '', '请填写联系人'],
      ['contactPhone', '联系方式', '', '请填写联系方式'],
      ['title', '技术需求名称', '', '请填写技术需求名称'],
      ['title', '技术需求名称', '减速器', '技术需求名称至少需要 4 个字（当前 3 个字）'],
      ['budgetWan', '拟投入合作经费（万元）', '', '请填写拟投入合作经费（万元）'],
      ['budgetWan', '拟投入合作经费（万元）', '十万', '拟投入合作经费（万元）必须是数字'],
      ['budgetWan', '拟投入合作经费（万元）', '-5', '拟投入合作经费（万元）不能小于 0'],
      ['description', '技术需求描述', '', '请填写技术需求描述'],
      ['description', '技术需求描述', '需'.repeat(30), '技术需求描述至少需要 50 个字（当前 30 个字）'],
      ['contactPhone', '联系方式', '12345', '联系方式应为手机号（如 13812345678）或带区号的固话（如 025-83456789）'],
      [
        'brokerPhone',
        '技术经纪人联系电话',
        '8888',
        '技术经纪人联系电话应为手机号（如 13812345678）或带区号的固话（如 025-83456789）',
      ],
      ['email', 'E-mail', 'chen@', 'E-mail格式不正确（如 name@example.com）'],
      ['email', 'E-mail', 'chen@example', 'E-mail格式不正确（如 name@example.com）'],
    ])('%s: %s = "%s" → %s (after leaving the field)', (field, label, value, message) => {
      render(<PostPage />);
      type(label, value, { blur: false });
      // Required and minimum rules wait until the person leaves the field...
      if (
        !message.includes('格式') &&
        !message.includes('应为') &&
        !message.includes('必须是') &&
        !message.includes('不能小于')
      ) {
        expect(errorOf(field)).toBeUndefined();
      }
      fireEvent.blur(input(label));
      expect(errorOf(field)).toBe(message);
    });

    it('flags an over-long 企业简介 while typing, with the counter', () => {
      render(<PostPage />);
      type('企业简介', '简'.repeat(120), { blur: false });
      expect(screen.getByText('120/300')).toBeTruthy();
      type('企业简介', '简'.repeat(301), { blur: false });
      expect(errorOf('companyIntro')).toBe('企业简介不能超过 300 个字（当前 301 个字）');
      expect(screen.getByText('301/300')).toBeTruthy();
    });

    it('counts the description towards its 50-character minimum', () => {
      render(<PostPage />);
      type('技术需求描述', '需'.repeat(30), { blur: false });
      expect(screen.getByText('30/50 字起')).toBeTruthy();
    });

    it('asks for the text of 其他 (产业领域) and 其它 (合作方式)', () => {
      render(<PostPage />);
      expect(screen.queryByLabelText('其他产业领域')).toBeNull();
      fireEvent.click(screen.getByRole('radio', { name: '其他' }));
      fireEvent.blur(input('其他产业领域'));
      expect(errorOf('fieldOther')).toBe('请填写其他产业领域（产业领域选择“其他”时必填）');

      fireEvent.click(screen.getByRole('checkbox', { name: '其它' }));
      fireEvent.blur(input('其它合作方式'));
      expect(errorOf('cooperationOther')).toBe('请填写其它合作方式（希望的合作方式选择“其它”时必填）');
      type('其它合作方式', '委托检测');
      expect(errorOf('cooperationOther')).toBeUndefined();
    });

    it('shows every missing field at once on 提交审核, and calls nothing', async () => {
      draftApi();
      await expectEachMissingOnSubmit(<PostPage />, {
        companyName: '请填写企业名称',
        region: '请填写所属地区',
        contactName: '请填写联系人',
        contactPhone: '请填写联系方式',
        title: '请填写技术需求名称',
        budgetWan: '请填写拟投入合作经费（万元）',
        field: '请选择产业领域',
        description: '请填写技术需求描述',
        cooperationModes: '请选择希望的合作方式',
      });
      expect(calls.toasts).toContainEqual({ title: '请检查标出的字段', icon: 'none' });
      expect(calls.requests).toEqual([]);
    });
  });

  it('refuses a 30-character description in place and sends nothing', async () => {
    loginAs();
    draftApi();
    render(<PostPage />);
    fillValidForm();
    const thirty = '需要一种钛合金焊缝的在线检测方法，要求精度高、速度快、成本低';
    expect([...thirty]).toHaveLength(30);
    type('技术需求描述', thirty);
    fireEvent.click(screen.getByText('提交审核'));
    await settle();
    expect(errorOf('description')).toBe('技术需求描述至少需要 50 个字（当前 30 个字）');
    expect(calls.toasts.map((t) => t.title)).toEqual(['请检查标出的字段']);
    expect(calls.requests).toEqual([]);
  });

  it('saves and submits a valid demand, then shows 我的需求', async () => {
    loginAs();
    const log = draftApi();
    render(<PostPage />);
    fillValidForm();
    fireEvent.change(screen.getByRole('combobox', { name: '上年度销售额' }), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('switch', { name: '隐去企业名称和联系方式' }));
    fireEvent.click(screen.getByText('提交审核'));

    await waitFor(() => expect(calls.navigations).toEqual(['/mine/my-demands/index']));
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /demands', 'POST /demands/d1/submit']);
    expect(log[0]!.body).toEqual({
      companyName: '常州智造装备有限公司',
      region: '江苏省 / 常州市 / 武进区',
      contactName: '陈工',
      contactPhone: '0519-86123456',
      salesBand: '50m-100m',
      title: '工业机器人关节减速器国产化',
      budgetWan: 120,
      field: 'equipment',
      description: DESCRIPTION,
      cooperationModes: ['co_develop'],
      anonymous: true,
    });
    expect(calls.toasts).toContainEqual({ title: '已提交审核', icon: 'success' });
    expect(__test.storage.has(DRAFT_KEY)).toBe(false);
    // The tab page is ready for the next demand.
    await waitFor(() => expect(valueOf('企业名称')).toBe(''));
  });

  it('shows what the server refused in place, with its message', async () => {
    loginAs();
    const log = draftApi({
      'POST /demands/:id/submit': () =>
        apiError(400, 'DEMAND.CONTENT_RISKY', '需求内容未通过内容安全检测，请修改标题或描述后再提交', {
          title: '技术需求名称含有不适宜公开的内容',
        }),
    });
    render(<PostPage />);
    fillValidForm();
    fireEvent.click(screen.getByText('提交审核'));
    await waitFor(() => expect(errorOf('title')).toBe('技术需求名称含有不适宜公开的内容'));
    expect(calls.toasts).toContainEqual({ title: '需求内容未通过内容安全检测，请修改标题或描述后再提交', icon: 'none' });
    expect(calls.navigations).toEqual([]);
    expect(log.map((r) => r.method + ' ' + r.path)).toEqual(['POST /demands', 'POST /demands/d1/submit']);
    // Editing the field clears the server's message.
    type('技术需求名称', '工业机器人关节精密减速器研发');
    expect(errorOf('title')).toBeUndefined();
  });

  describe('drafts', () => {
    beforeEach(() => {
      loginAs();
      jest.useFakeTimers();
    });
    afterEach(() => jest.useRealTimers());

    it('autosave to the phone, then to the server (POST, then PUT with the version), and come back on reopening', async () => {
      const log = draftApi();
      const first = render(<PostPage />);
      type('技术需求名称', '钙钛矿电池封装', { blur: false });
      expect(__test.storage.has(DRAFT_KEY)).toBe(false);
      act(() => jest.advanceTimersByTime(500));
      expect(__test.storage.get(DRAFT_KEY)).toMatchObject({ values: { title: '钙钛矿电池封装' } });
      expect(log).toEqual([]);

      await act(async () => jest.advanceTimersByTime(1500));
      expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /demands']);
      expect(log[0]!.body).toEqual({ title: '钙钛矿电池封装' });
      expect(screen.getByText(/已保存草稿/)).toBeTruthy();
      expect(__test.storage.get(DRAFT_KEY)).toMatchObject({ id: 'd1', version: 1 });

      // A budget typed wrong stays on the phone but is not sent; the rest is.
      type('拟投入合作经费（万元）', '十万', { blur: false });
      type('联系人', '陈工', { blur: false });
      await act(async () => jest.advanceTimersByTime(2000));
      expect(log[1]).toMatchObject(putIfMatch('/demands/d1', 1, { title: '钙钛矿电池封装', contactName: '陈工' }));

      // Closing the app before the next autosave loses nothing.
      type('所属地区', '江苏省 / 南京市', { blur: false });
      first.unmount();
      render(<PostPage />);
      expect(valueOf('技术需求名称')).toBe('钙钛矿电池封装');
      expect(valueOf('所属地区')).toBe('江苏省 / 南京市');
      expect(valueOf('拟投入合作经费（万元）')).toBe('十万');
      expect(screen.getByText('已恢复上次未提交的内容')).toBeTruthy();

      // ...and the next save continues the same server draft.
      type('联系人', '陈工程师', { blur: false });
      await act(async () => jest.advanceTimersByTime(2000));
      expect(log[2]).toMatchObject(putIfMatch('/demands/d1', 2));
    });

    it('submit right after an autosave sends no second copy', async () => {
      const log = draftApi();
      render(<PostPage />);
      fillValidForm();
      await act(async () => jest.advanceTimersByTime(2000));
      expect(writes(log)).toEqual(['POST /demands']);
      fireEvent.click(screen.getByText('提交审核'));
      await waitFor(() => expect(calls.navigations).toEqual(['/mine/my-demands/index']));
      expect(writes(log)).toEqual(['POST /demands', 'POST /demands/d1/submit']);
    });

    it('are kept per user', async () => {
      draftApi();
      const view = render(<PostPage />);
      type('技术需求名称', '王工的需求名称', { blur: false });
      act(() => jest.advanceTimersByTime(500));
      view.unmount();
      loginAs('user', { id: 'u2', nickname: '李工', role: 'user' });
      render(<PostPage />);
      expect(valueOf('技术需求名称')).toBe('');
    });
  });

  describe('editing a rejected demand', () => {
    const rejected = stored(
      {
        companyName: '常州智造装备有限公司',
        region: '江苏省 / 常州市',
        contactName: '陈工',
        contactPhone: '13812345678',
        title: '工业机器人关节减速器国产化',
        budgetWan: 120,
        field: 'equipment',
        description: DESCRIPTION,
        cooperationModes: ['co_develop'],
      },
      { id: 'd9', status: 'rejected', version: 3, rejectReason: '请补充减速器的额定扭矩指标' },
    );

    it('shows the reject reason, loads the demand, and resubmits it', async () => {
      loginAs();
      __test.setRouterParams({ id: 'd9' });
      const log = draftApi({ 'GET /demands/:id': () => ({ ...rejected, viewer: { isOwner: true, following: false } }) });
      render(<PostPage />);
      expect(await screen.findByText('驳回原因：请补充减速器的额定扭矩指标')).toBeTruthy();
      expect(valueOf('技术需求名称')).toBe('工业机器人关节减速器国产化');
      expect(valueOf('拟投入合作经费（万元）')).toBe('120');
      expect(screen.getByRole('radio', { name: '装备制造' }).getAttribute('aria-checked')).toBe('true');

      type('技术需求描述', `${DESCRIPTION}额定扭矩不低于 300 N·m。`);
      fireEvent.click(screen.getByText('提交审核'));
      await waitFor(() => expect(calls.navigations).toEqual(['/mine/my-demands/index']));
      expect(log.slice(1).map((r) => `${r.method} ${r.path} ${r.headers['if-match'] ?? ''}`.trim())).toEqual([
        'PUT /demands/d9 3',
        'POST /demands/d9/submit',
      ]);
      expect((log[1]!.body as Demand).description).toContain('额定扭矩不低于 300 N·m');
    });

    it('refuses to edit a demand under review', async () => {
      loginAs();
      __test.setRouterParams({ id: 'd9' });
      fakeApi({
        'GET /demands/:id': () => ({ ...rejected, status: 'pending_review', viewer: { isOwner: true, following: false } }),
      });
      render(<PostPage />);
      expect(await screen.findByText('该需求审核中，不能修改')).toBeTruthy();
      expect(screen.queryByText('提交审核')).toBeNull();
    });
  });

  it('labels every input with its 附件3 name', () => {
    loginAs();
    render(<PostPage />);
    const form = within(document.body);
    for (const label of [
      '企业名称',
      '所属地区',
      '联系人',
      '联系方式',
      '所属部门及职务',
      'E-mail',
      '企业简介',
      '技术需求名称',
      '拟投入合作经费（万元）',
      '技术需求描述',
      '技术经纪人姓名',
      '技术经纪人联系电话',
    ]) {
      expect(form.getByLabelText(label)).toBeTruthy();
    }
  });
});

describe('发布: the chooser and the field suggestion', () => {
  beforeEach(() => loginAs());
  afterEach(() => jest.useRealTimers());

  it('offers 发布需求 (this form) and 发布成果 (the 成果 form)', () => {
    render(<PostPage />);
    const chooser = screen.getByRole('radiogroup', { name: '发布类型' });
    expect(
      within(chooser)
        .getByRole('radio', { name: /发布需求/ })
        .getAttribute('aria-checked'),
    ).toBe('true');
    fireEvent.click(within(chooser).getByText('发布成果 ›'));
    expect(calls.navigations).toEqual(['/achievements/form/index']);
    expect(input('企业名称')).toBeTruthy();
  });

  it('suggests a field from the title and description, a moment after typing, and applies it only on a tap', async () => {
    jest.useFakeTimers();
    const asked: FakeRequest[] = [];
    draftApi({
      'POST /suggest/field': (req) => {
        asked.push(req);
        return { field: 'new_materials', confidence: 0.823, alternatives: [{ field: 'equipment', confidence: 0.1 }] };
      },
    });
    render(<PostPage />);
    fireEvent.click(screen.getByRole('radio', { name: '装备制造' }));
    type('技术需求名称', '石墨烯导热膜', { blur: false });
    type('技术需求描述', '需要高导热石墨烯薄膜的连续制备工艺', { blur: false });
    await act(async () => jest.advanceTimersByTime(799));
    expect(asked).toHaveLength(0);
    await act(async () => jest.advanceTimersByTime(1));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.body).toEqual({ title: '石墨烯导热膜', description: '需要高导热石墨烯薄膜的连续制备工艺' });

    const suggestion = await screen.findByText('建议领域：新材料（置信度 82%）');
    // The person's choice stands until they tap the suggestion.
    expect(screen.getByRole('radio', { name: '装备制造' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radio', { name: '新材料' }).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(suggestion);
    expect(screen.getByRole('radio', { name: '新材料' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText(/建议领域/)).toBeNull();
  });

  it('asks nothing for a few characters, and shows nothing when the suggestion fails', async () => {
    jest.useFakeTimers();
    const log = draftApi({ 'POST /suggest/field': () => apiError(503, 'INTERNAL', '服务暂时出错') });
    render(<PostPage />);
    type('技术需求名称', '焊接', { blur: false });
    await act(async () => jest.advanceTimersByTime(1000));
    expect(log.filter((r) => r.path === '/suggest/field')).toHaveLength(0);
    type('技术需求名称', '钛合金薄板激光焊接', { blur: false });
    await act(async () => jest.advanceTimersByTime(1000));
    expect(log.filter((r) => r.path === '/suggest/field')).toHaveLength(1);
    expect(screen.queryByText(/建议领域/)).toBeNull();
  });
});
