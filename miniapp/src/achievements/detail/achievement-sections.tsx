// The body of 成果详情: every public field under its label. A field the viewer may not see is absent from the response
// (an anonymous 成果's holder and contacts), so each row shows only when there is a value.
import { Text, View } from '@tarojs/components';
import { ACHIEVEMENT_FIELD_LABELS as L, HOLDER_TYPE, IP_KIND, IP_STATUS, type AchievementDetailResponse } from '@cic/shared';
import { DetailRow, DetailSection } from '../../components/detail-parts';
import { Tag } from '../../components/tag';
import { cooperationLabels, fieldLabel, formatDate, formatRegion, statusLabel } from '../../format';
import { holderLine, ipSummary, priceLabel, trlFull } from '../common/achievement-labels';
import { AchievementTags } from '../common/achievement-tags';

type Detail = AchievementDetailResponse;

export function AchievementHero({ a }: { a: Detail }) {
  return (
    <View className='detail-hero'>
      <View className='detail-hero__head'>
        <Text className='detail-hero__title'>{a.title ?? '未命名成果'}</Text>
        <Tag tone={a.status === 'published' ? 'success' : 'muted'}>{statusLabel(a.status)}</Tag>
      </View>
      <View className='detail-hero__tags'>
        <AchievementTags a={a} />
      </View>
      {holderLine(a) ? <Text className='achievement-holder'>{holderLine(a)}</Text> : null}
      <View className='detail-hero__budget'>
        <Text className='detail-hero__budget-label'>{L.priceWan}</Text>
        <Text className='detail-hero__budget-value'>{priceLabel(a.priceWan)}</Text>
      </View>
      {a.publishedAt ? <Text className='detail-hero__meta'>发布于 {formatDate(a.publishedAt)}</Text> : null}
    </View>
  );
}

/** 示例: the demo 成果 the stack is seeded with, written for the demo and never a real institution's. */
export function ExampleNote({ a }: { a: Detail }) {
  if (!a.example) return null;
  return (
    <View className='detail-section'>
      <Text className='detail-note'>示例成果：为演示平台功能编写，不代表任何真实机构的成果。</Text>
    </View>
  );
}

export function AchievementInfo({ a }: { a: Detail }) {
  return (
    <DetailSection title='成果信息'>
      <DetailRow label={L.field} value={a.field ? fieldLabel(a.field) : undefined} />
      <DetailRow label={L.fieldOther} value={a.field === 'other' ? a.fieldOther : undefined} />
      <DetailRow label={L.keywords} value={(a.keywords ?? []).join('、')} />
      <DetailRow label={L.trl} value={a.trl !== undefined ? `${trlFull(a.trl)}（GB/T 22900）` : undefined} />
      <DetailRow label={L.cooperationModes} value={cooperationLabels(a.cooperationModes).join('、')} />
      <DetailRow label={L.cooperationOther} value={a.cooperationModes?.includes('other') ? a.cooperationOther : undefined} />
      <DetailRow label={L.region} value={formatRegion(a.region)} />
    </DetailSection>
  );
}

export function AchievementSummaryText({ a }: { a: Detail }) {
  if (!a.summary) return null;
  return (
    <DetailSection title={L.summary}>
      <Text className='detail-description' userSelect>
        {a.summary}
      </Text>
    </DetailSection>
  );
}

export function IpList({ a }: { a: Detail }) {
  const ip = a.ip ?? [];
  return (
    <DetailSection title={L.ip}>
      {ip.length === 0 ? <Text className='detail-description'>未填写知识产权</Text> : null}
      {ipSummary(ip).map((line) => (
        <Text key={line} className='achievement-ip-summary'>
          {line}
        </Text>
      ))}
      {ip.map((i) => (
        <DetailRow
          key={`${i.kind}-${i.number}`}
          label={IP_KIND.label(i.kind)}
          value={`${i.number} · ${IP_STATUS.label(i.status)}`}
        />
      ))}
    </DetailSection>
  );
}

export function HolderInfo({ a }: { a: Detail }) {
  const rows: [string, string | undefined][] = [
    [L.holderName, a.holderName],
    [L.holderType, a.holderType ? HOLDER_TYPE.label(a.holderType) : undefined],
    [L.contactName, a.contactName],
    [L.contactPhone, a.contactPhone],
    [L.email, a.email],
  ];
  // The holder and the organisers still receive the hidden fields; everyone else gets none of them.
  const hiddenFromViewer = a.anonymous && !a.holderName;
  return (
    <DetailSection title='持有方与联系方式'>
      {a.anonymous ? (
        <Text className='detail-note'>
          {hiddenFromViewer ? '持有单位和联系方式已按持有方要求隐去' : '持有方选择了隐去单位和联系方式，以下信息仅您可见'}
        </Text>
      ) : null}
      {rows.map(([label, value]) => (
        <DetailRow key={label} label={label} value={value} />
      ))}
    </DetailSection>
  );
}
