import { fireEvent, render, screen } from '@testing-library/react';
import type { Track, TrackRequest } from '@cic/shared';
import TrackDemandsPage from '../../src/contest/track-demands/index';
import TracksPage from '../../src/contest/tracks/index';
import { apiError, demandSummary, fakeApi, freshPageEachTest, loginAs } from '../features/fake-api';
import { retryAfterServerError } from '../features/page-helpers';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const track = (over: Partial<Track> = {}): Track => ({
  id: 't1',
  name: '2026 长三角新材料专场',
  kind: 'yangtze_delta',
  startDate: '2026-03-01',
  endDate: '2026-06-30',
  description: '面向沪苏浙皖新材料企业的技术需求专场',
  createdAt: '2026-02-01T02:00:00Z',
  ...over,
});

const summary = (id: string, title: string) =>
  demandSummary(id, {
    title,
    region: '江苏省 / 苏州市',
    publishedAt: '2026-03-02T02:00:00Z',
    followerCount: 2,
    excerpt: '需要…',
  });

freshPageEachTest();

describe('专场', () => {
  it('lists the tracks with their kind, dates and description, and opens a track’s demands', async () => {
    fakeApi({
      'GET /tracks': () => ({ items: [track(), track({ id: 't2', name: '海外创新专场', kind: 'overseas', description: '' })] }),
    });
    render(<TracksPage />);
    expect(await screen.findByText('2026 长三角新材料专场')).toBeTruthy();
    expect(screen.getByText('长三角区域')).toBeTruthy();
    expect(screen.getByText('海外创新')).toBeTruthy();
    expect(screen.getAllByText('2026-03-01 至 2026-06-30')).toHaveLength(2);
    expect(screen.getByText('面向沪苏浙皖新材料企业的技术需求专场')).toBeTruthy();
    // Only organisers create tracks.
    expect(screen.queryByText('创建专场')).toBeNull();
    fireEvent.click(screen.getByText('海外创新专场'));
    expect(calls.navigations).toEqual([`/contest/track-demands/index?id=t2&name=${encodeURIComponent('海外创新专场')}`]);
  });

  it('says when there is none, and offers 重试 after a failure', async () => {
    let up = false;
    fakeApi({ 'GET /tracks': () => (up ? { items: [] } : apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试')) });
    render(<TracksPage />);
    await retryAfterServerError(() => (up = true));
    expect(await screen.findByText('暂无专场')).toBeTruthy();
  });

  it('lets an organiser create a track, checked with the shared rules first', async () => {
    loginAs('admin');
    const log = fakeApi({
      'GET /tracks': () => ({ items: [track()] }),
      'POST /admin/tracks': (req) => track({ ...(req.body as TrackRequest), id: 't9' }),
    });
    render(<TracksPage />);
    await screen.findByText('2026 长三角新材料专场');
    fireEvent.click(screen.getByText('创建专场'));
    expect(screen.getByText('请填写专场名称')).toBeTruthy();
    expect(screen.getByText('专场类型只能是：大企业开放创新、特色行业、长三角区域、海外创新')).toBeTruthy();
    expect(screen.getByText('开始日期应为 YYYY-MM-DD 格式的日期')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('专场名称'), { target: { value: '航空航天特色行业专场' } });
    fireEvent.click(screen.getByRole('radio', { name: '特色行业' }));
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-09-01' } });
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-08-01' } });
    expect(screen.getByText('结束日期不能早于开始日期')).toBeTruthy();
    expect(log.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByText('创建专场'));
    expect(await screen.findByText('航空航天特色行业专场')).toBeTruthy();
    expect(log.find((r) => r.method === 'POST')).toMatchObject({
      path: '/admin/tracks',
      body: { name: '航空航天特色行业专场', kind: 'industry', startDate: '2026-09-01', endDate: '2026-12-31', description: '' },
    });
    const titles = Array.from(document.querySelectorAll('.track-card .card-title'), (n) => n.textContent);
    expect(titles).toEqual(['航空航天特色行业专场', '2026 长三角新材料专场']);
    expect(screen.getByLabelText<HTMLInputElement>('专场名称').value).toBe('');
  });
});

describe('专场需求', () => {
  it('lists the track’s published demands as hall cards, filtered by the track', async () => {
    __test.setRouterParams({ id: 't1', name: encodeURIComponent('2026 长三角新材料专场') });
    const log = fakeApi({
      'GET /demands': () => ({ items: [summary('d1', '高强钛合金焊接'), summary('d2', '石墨烯导热膜')], nextCursor: null }),
    });
    render(<TrackDemandsPage />);
    expect(await screen.findByText('高强钛合金焊接')).toBeTruthy();
    expect(log[0]).toMatchObject({ path: '/demands', query: { track: 't1' } });
    fireEvent.click(screen.getByText('石墨烯导热膜'));
    expect(calls.navigations).toEqual(['/pages/demand/index?id=d2']);
  });

  it('says when the track has no demand yet', async () => {
    __test.setRouterParams({ id: 't1' });
    fakeApi({ 'GET /demands': () => ({ items: [], nextCursor: null }) });
    render(<TrackDemandsPage />);
    expect(await screen.findByText('该专场暂无已发布的需求')).toBeTruthy();
  });
});
