import { DEMAND_FIELD_LABELS, type DemandFieldKey } from '@cic/shared';
import {
  counterText,
  errorsForSubmit,
  errorsWhileTyping,
  toDraft,
  type DemandFormValues,
} from '../src/features/demand-form/demand-form.model';

const valid: DemandFormValues = {
  companyName: '常州智造装备有限公司',
  region: '江苏省 / 常州市 / 武进区',
  contactName: '陈工',
  contactPhone: '0519-86123456',
  title: '工业机器人关节减速器国产化',
  budgetWan: '120',
  field: 'equipment',
  description:
    '需要开发精密摆线针轮减速器，回差不大于1弧分，额定寿命不低于6000小时，传动效率不低于85%，用于六轴工业机器人关节，替代进口产品。',
  cooperationModes: ['co_develop'],
};

describe('the demand form model (shared schema in the mini-program)', () => {
  it('turns the budget text into a number and drops empty inputs', () => {
    expect(toDraft({ budgetWan: ' 12.5 ', email: '', title: '标题' })).toEqual({ budgetWan: 12.5, title: '标题' });
    expect(toDraft({ budgetWan: '十万' })).toEqual({ budgetWan: '十万' });
  });

  it('shows a required-field error only after the field was touched', () => {
    const touched = new Set<DemandFieldKey>(['title']);
    const errors = errorsWhileTyping({ title: '短' }, touched);
    expect(errors.title).toContain(DEMAND_FIELD_LABELS.title);
    expect(errors.companyName).toBeUndefined();
  });

  it('flags an over-long text at once, touched or not', () => {
    const errors = errorsWhileTyping({ companyIntro: '简'.repeat(301) }, new Set());
    expect(errors.companyIntro).toContain('企业简介不能超过 300 个字');
  });

  it('rejects a 30-character description at submit, naming the field and the count', () => {
    const errors = errorsForSubmit({ ...valid, description: '需'.repeat(30) });
    expect(errors).toEqual({ description: '技术需求描述至少需要 50 个字（当前 30 个字）' });
  });

  it('has no errors for a complete demand, and names every missing field of an empty one', () => {
    expect(errorsForSubmit(valid)).toEqual({});
    expect(Object.keys(errorsForSubmit({})).sort()).toEqual(
      [
        'budgetWan',
        'companyName',
        'contactName',
        'contactPhone',
        'cooperationModes',
        'description',
        'field',
        'region',
        'title',
      ].sort(),
    );
    expect(errorsForSubmit({ ...valid, budgetWan: '十万' }).budgetWan).toContain('必须是数字');
  });

  it('counts characters for the two counters', () => {
    expect(counterText('companyIntro', '简'.repeat(120))).toBe('120/300');
    expect(counterText('description', '需'.repeat(30))).toBe('30/50 字起');
    expect(counterText('description', '需'.repeat(60))).toBe('60/5000');
  });
});
