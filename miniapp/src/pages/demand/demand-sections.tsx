// The body of 需求详情: every public field under its 附件3 label. A field the viewer may not see is simply absent
// from the response (anonymous demands), so each row shows only when there is a value.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEMAND_FIELD_LABELS as L, SALES_BAND_LABELS, type DemandDetailResponse, type DemandFieldKey } from '@cic/shared';
import { Tag } from '../../components';
import { DetailRow, DetailSection as Section } from '../../components/detail-parts';
import {
  cooperationLabels,
  fieldLabel,
  formatBudgetAmount,
  formatDate,
  formatDateTime,
  formatRegion,
  statusLabel,
} from '../../format';

type Detail = DemandDetailResponse;

function Row({ field, value }: { field: DemandFieldKey; value: string | undefined }) {
  return <DetailRow label={L[field]} value={value} />;
}

export function DemandHero({ demand }: { demand: Detail }) {
  const field = fieldLabel(demand.field, demand.fieldOther);
  return (
    <View className='detail-hero'>
      <View className='detail-hero__head'>
        <Text className='detail-hero__title'>{demand.title ?? '未命名需求'}</Text>
        <Tag tone={demand.status === 'published' || demand.status === 'matched' ? 'success' : 'muted'}>
          {statusLabel(demand.status)}
        </Tag>
      </View>
      <View className='detail-hero__tags'>
        {demand.track ? <Tag tone='success'>{`专场 · ${demand.track.name}`}</Tag> : null}
        {field ? <Tag tone='primary'>{field}</Tag> : null}
        {cooperationLabels(demand.cooperationModes, demand.cooperationOther).map((m) => (
          <Tag key={m}>{m}</Tag>
        ))}
      </View>
      <View className='detail-hero__budget'>
        <Text className='detail-hero__budget-label'>{L.budgetWan}</Text>
        <Text className='detail-hero__budget-value'>{formatBudgetAmount(demand.budgetWan)}</Text>
      </View>
      {demand.publishedAt ? <Text className='detail-hero__meta'>发布于 {formatDate(demand.publishedAt)}</Text> : null}
    </View>
  );
}

export function DemandInfo({ demand }: { demand: Detail }) {
  return (
    <Section title='需求信息'>
      <Row field='field' value={demand.field ? fieldLabel(demand.field) : undefined} />
      <Row field='fieldOther' value={demand.field === 'other' ? demand.fieldOther : undefined} />
      <Row field='cooperationModes' value={cooperationLabels(demand.cooperationModes).join('、')} />
      <Row field='cooperationOther' value={demand.cooperationModes?.includes('other') ? demand.cooperationOther : undefined} />
      <Row field='region' value={formatRegion(demand.region)} />
    </Section>
  );
}

/** The contest's awards for this demand (最佳解决方案奖 and the others), with who received each. */
export function DemandAwards({ demand }: { demand: Detail }) {
  if (!demand.awards?.length) return null;
  return (
    <Section title='获奖情况'>
      {demand.awards.map((a) => (
        <View key={a.id} className='detail-row'>
          <Text className='detail-row__label'>{`${a.year} ${a.label}`}</Text>
          <Text className='detail-row__value'>{a.winnerName}</Text>
        </View>
      ))}
    </Section>
  );
}

export function DemandDescription({ demand }: { demand: Detail }) {
  if (!demand.description) return null;
  return (
    <Section title={L.description}>
      <Text className='detail-description' userSelect>
        {demand.description}
      </Text>
    </Section>
  );
}

export function CompanyInfo({ demand }: { demand: Detail }) {
  const rows: [DemandFieldKey, string | undefined][] = [
    ['companyName', demand.companyName],
    ['companyIntro', demand.companyIntro],
    ['salesBand', demand.salesBand ? SALES_BAND_LABELS[demand.salesBand] : undefined],
    ['contactName', demand.contactName],
    ['contactTitle', demand.contactTitle],
    ['contactPhone', demand.contactPhone],
    ['email', demand.email],
    ['brokerName', demand.brokerName],
    ['brokerPhone', demand.brokerPhone],
  ];
  const shown = rows.filter(([, v]) => v);
  // The owner and the organisers still receive the hidden fields; everyone else gets none of them.
  const hiddenFromViewer = demand.anonymous && !demand.companyName;
  if (shown.length === 0 && !demand.anonymous) return null;
  return (
    <Section title='企业信息'>
      {demand.anonymous ? (
        <Text className='detail-note'>
          {hiddenFromViewer ? '企业信息已按需求方要求隐去' : '需求方选择了隐去企业名称和联系方式，以上信息仅您可见'}
        </Text>
      ) : null}
      {shown.map(([field, value]) => (
        <Row key={field} field={field} value={value} />
      ))}
    </Section>
  );
}

export function StatusTimeline({ demand }: { demand: Detail }) {
  if (demand.history.length === 0) return null;
  return (
    <Section title='状态记录'>
      {demand.history.map((event, i) => (
        <View
          key={`${event.status}-${event.at}`}
          className={i === demand.history.length - 1 ? 'timeline-item timeline-item--last' : 'timeline-item'}
        >
          <View className='timeline-item__dot' />
          <View className='timeline-item__body'>
            <Text className='timeline-item__status'>{statusLabel(event.status)}</Text>
            <Text className='timeline-item__time'>{formatDateTime(event.at)}</Text>
            {event.note ? <Text className='timeline-item__note'>{event.note}</Text> : null}
          </View>
        </View>
      ))}
    </Section>
  );
}

async function copyLink(url: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: url });
  } catch {
    void Taro.showToast({ title: '复制失败，请稍后重试', icon: 'none' });
  }
}

export function SourceNote({ demand }: { demand: Detail }) {
  if (!demand.source) return null;
  const { label, url } = demand.source;
  return (
    <View className='detail-source'>
      <Text>来源：{label}</Text>
      <View className='detail-source__copy' role='button' onClick={() => void copyLink(url)}>
        复制原文链接
      </View>
    </View>
  );
}
