// 所属地区 is typed as "省 / 市 / 区" (the seeded demands sometimes carry a numeric district code instead of a name).

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const CITY_SUFFIX = /市$/;

function partsOf(region: string): string[] {
  return region
    .split(/\s*[/／]\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/^\d+$/.test(p));
}

/** The region as typed, without numeric codes: 江苏省 / 南京市. */
export function formatRegion(region: string | undefined): string {
  if (!region) return '';
  return partsOf(region).join(' / ');
}

/** For cards: 江苏·南京, 上海·浦东新区, 内蒙古·呼和浩特. Free text without separators is kept as typed. */
export function formatRegionShort(region: string | undefined): string {
  if (!region) return '';
  const parts = partsOf(region);
  const [province, city] = parts;
  if (!province) return '';
  const shortProvince = province.replace(PROVINCE_SUFFIX, '') || province;
  if (!city || city === province) return shortProvince;
  const shortCity = city.replace(CITY_SUFFIX, '') || city;
  return shortCity === shortProvince ? shortProvince : `${shortProvince}·${shortCity}`;
}
