import { fireEvent, render, screen } from '@testing-library/react';
import { DemandCard, EmptyState, ErrorState, FilterChips, ListFooter, SearchBar } from '../../src/components';
import { ApiError } from '../../src/api/client';
import { demandSummary } from '../features/fake-api';
import { expectTexts } from '../features/page-helpers';

jest.mock('@tarojs/components', () => jest.requireActual<object>('./click-through'));

const summary = demandSummary('d1', {
  status: 'closed',
  title: '工业视觉缺陷检测',
  field: 'other',
  fieldOther: '智能检测',
  region: '浙江省 / 杭州市 / 余杭区',
  budgetWan: 15_000,
  cooperationModes: ['license', 'other'],
  cooperationOther: '技术咨询',
  publishedAt: '2026-11-22T01:00:00Z',
  followerCount: 0,
  anonymous: false,
  excerpt: '对表面划痕进行检测',
});

describe('DemandCard', () => {
  it('shows what a list reader needs, and opens by id', () => {
    const onOpen = jest.fn();
    render(<DemandCard demand={summary} onOpen={onOpen} now={new Date('2026-11-22T03:00:00Z')} />);
    expectTexts(screen, [
      '工业视觉缺陷检测',
      '智能检测',
      '许可使用',
      '技术咨询',
      '浙江·杭州',
      '1.5亿元',
      '2小时前',
      '0人关注',
      '对表面划痕进行检测',
    ]);
    // Lists of the owner's follows include closed demands: they say so.
    expect(screen.getByText('已关闭')).toBeTruthy();
    fireEvent.click(screen.getByText('工业视觉缺陷检测'));
    expect(onOpen).toHaveBeenCalledWith('d1');
  });

  it('marks a published demand with no status tag and a zero budget as 面议', () => {
    render(<DemandCard demand={{ ...summary, status: 'published', budgetWan: 0 }} onOpen={jest.fn()} />);
    expect(screen.getByText('面议')).toBeTruthy();
    expect(screen.queryByText('已发布')).toBeNull();
  });
});

describe('FilterChips', () => {
  const options = [
    { value: undefined, label: '全部' },
    { value: 'ai', label: '人工智能' },
  ] as const;

  it('reports the tapped chip and marks the chosen one', () => {
    const onChange = jest.fn();
    render(<FilterChips title='产业领域' options={options} value={undefined} onChange={onChange} />);
    expect(screen.getByRole('group', { name: '产业领域' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '全部' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '人工智能' }));
    expect(onChange).toHaveBeenCalledWith('ai');
  });

  it('ignores a tap on the chip already chosen', () => {
    const onChange = jest.fn();
    render(<FilterChips title='产业领域' options={options} value='ai' onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: '人工智能' }));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('states', () => {
  it('ErrorState shows the message and retries', () => {
    const onRetry = jest.fn();
    render(<ErrorState message='网络连接失败，请检查网络后重试' onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('网络连接失败');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('EmptyState shows its action only with a handler', () => {
    const onAction = jest.fn();
    const { rerender } = render(<EmptyState title='暂无消息' actionText='去看看' />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<EmptyState title='暂无消息' actionText='去看看' onAction={onAction} />);
    fireEvent.click(screen.getByRole('button', { name: '去看看' }));
    expect(onAction).toHaveBeenCalled();
  });

  it('ListFooter: loading, a failed page to retry, the end', () => {
    const onRetry = jest.fn();
    const { rerender } = render(<ListFooter loadingMore moreError={undefined} hasMore onRetry={onRetry} />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    rerender(
      <ListFooter loadingMore={false} moreError={new ApiError(0, 'CLIENT.NETWORK', '网络连接失败')} hasMore onRetry={onRetry} />,
    );
    fireEvent.click(screen.getByText('网络连接失败，点击重试'));
    expect(onRetry).toHaveBeenCalled();
    rerender(<ListFooter loadingMore={false} moreError={undefined} hasMore={false} onRetry={onRetry} />);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });
});

describe('SearchBar', () => {
  it('searches on confirm and on the 搜索 button; the clear button shows only with text', () => {
    const props = { placeholder: '搜索需求', onInput: jest.fn(), onSearch: jest.fn(), onClear: jest.fn() };
    const { rerender } = render(<SearchBar value='' {...props} />);
    expect(screen.queryByLabelText('清除搜索')).toBeNull();
    fireEvent.change(screen.getByLabelText('搜索需求'), { target: { value: '储能' } });
    expect(props.onInput).toHaveBeenCalledWith('储能');

    rerender(<SearchBar value='储能' {...props} />);
    fireEvent.keyDown(screen.getByLabelText('搜索需求'), { key: 'Enter' });
    fireEvent.click(screen.getByText('搜索'));
    expect(props.onSearch.mock.calls).toEqual([['储能'], ['储能']]);
    fireEvent.click(screen.getByLabelText('清除搜索'));
    expect(props.onClear).toHaveBeenCalled();
  });
});
