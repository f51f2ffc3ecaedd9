import { savableDraft, formValuesFrom, isBlank } from '../../src/features/demand-form/demand-form.values';
import { clearLocalDraft, linkLocalDraft, loadLocalDraft, saveLocalDraft } from '../../src/features/demand-form/draft-storage';
import { labelProps } from '../../src/components/field-label';
import { __test } from '../mocks/taro';

beforeEach(() => __test.reset());

describe('what autosave sends', () => {
  it('keeps every field that passes the draft rules and leaves out the ones still wrong', () => {
    expect(
      savableDraft({
        title: '钙钛矿电池封装',
        budgetWan: '十万',
        companyIntro: '简'.repeat(301),
        email: '',
        cooperationModes: ['co_develop'],
      }),
    ).toEqual({ title: '钙钛矿电池封装', cooperationModes: ['co_develop'] });
    expect(savableDraft({ budgetWan: ' 12.5 ', anonymous: false })).toEqual({ budgetWan: 12.5, anonymous: false });
  });

  it('knows an untouched form', () => {
    expect(isBlank({})).toBe(true);
    expect(isBlank({ anonymous: false, title: '' })).toBe(true);
    expect(isBlank({ title: '钙' })).toBe(false);
  });

  it('turns a stored demand back into the inputs (the budget as text)', () => {
    expect(formValuesFrom({ id: 'd1', version: 2, title: '标题', budgetWan: 80, cooperationModes: ['license'] })).toEqual({
      title: '标题',
      budgetWan: '80',
      cooperationModes: ['license'],
    });
  });
});

describe('drafts on the phone', () => {
  it('are kept per user and per demand', () => {
    saveLocalDraft('u1', 'new', { values: { title: '一' } });
    saveLocalDraft('u1', { id: 'd9' }, { values: { title: '二' }, id: 'd9', version: 3 });
    saveLocalDraft('u2', 'new', { values: { title: '三' } });
    expect(loadLocalDraft('u1', 'new')?.values).toEqual({ title: '一' });
    expect(loadLocalDraft('u1', { id: 'd9' })).toMatchObject({ values: { title: '二' }, id: 'd9', version: 3 });
    expect(loadLocalDraft('u2', 'new')?.values).toEqual({ title: '三' });
    clearLocalDraft('u1', 'new');
    expect(loadLocalDraft('u1', 'new')).toBeUndefined();
    expect(loadLocalDraft('u2', 'new')).toBeDefined();
  });

  it('link to the server draft without losing values typed since it was sent', () => {
    saveLocalDraft('u1', 'new', { values: { title: '后来输入的标题' } });
    linkLocalDraft('u1', 'new', { id: 'd1', version: 4 }, { title: '发送时的标题' });
    expect(loadLocalDraft('u1', 'new')).toMatchObject({ values: { title: '后来输入的标题' }, id: 'd1', version: 4 });
  });

  it('ignore what is not a draft', () => {
    __test.storage.set('cic.demand-draft.u1.new', 'garbage');
    expect(loadLocalDraft('u1', 'new')).toBeUndefined();
  });
});

describe('input labels', () => {
  const platform = process.env.TARO_PLATFORM;
  afterEach(() => {
    if (platform === undefined) delete process.env.TARO_PLATFORM;
    else process.env.TARO_PLATFORM = platform;
  });

  it('go on the component in the mini-program, and on the inner <input> on H5', () => {
    process.env.TARO_PLATFORM = 'mini';
    expect(labelProps('企业名称')).toEqual({ 'aria-label': '企业名称' });
    process.env.TARO_PLATFORM = 'web';
    expect(labelProps('企业名称')).toEqual({ nativeProps: { 'aria-label': '企业名称' } });
  });
});
