import { cooperationLabels, fieldLabel, formatRegion, formatRegionShort, statusLabel } from '../../src/format';

describe('formatRegionShort', () => {
  it.each([
    ['江苏省 / 南京市 / 江宁区', '江苏·南京'],
    ['江苏省 / 南京市 / 320112', '江苏·南京'],
    ['上海市 / 浦东新区', '上海·浦东新区'],
    ['上海市 / 上海市 / 浦东新区', '上海'],
    ['北京市', '北京'],
    ['广西壮族自治区 / 南宁市', '广西·南宁'],
    ['内蒙古自治区 / 呼和浩特市', '内蒙古·呼和浩特'],
    ['香港特别行政区', '香港'],
    ['苏州工业园区', '苏州工业园区'],
    ['', ''],
  ])('%s → %s', (region, text) => {
    expect(formatRegionShort(region)).toBe(text);
  });
});

it('formatRegion drops numeric district codes but keeps the names', () => {
  expect(formatRegion('江苏省 / 南京市 / 320112')).toBe('江苏省 / 南京市');
  expect(formatRegion('江苏省 / 苏州市 / 昆山市')).toBe('江苏省 / 苏州市 / 昆山市');
});

it('names coded values in Chinese, with the typed text for 其他 / 其它', () => {
  expect(fieldLabel('new_materials')).toBe('新材料');
  expect(fieldLabel('other', '生物医药')).toBe('生物医药');
  expect(fieldLabel('other')).toBe('其他');
  expect(cooperationLabels(['co_develop', 'other'], '委托检测')).toEqual(['合作开发', '委托检测']);
  expect(statusLabel('closed')).toBe('已关闭');
  expect(statusLabel('unknown_status')).toBe('unknown_status');
});
