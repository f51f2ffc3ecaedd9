// The short name people use for a company: its registered name without the place in front and the legal form and
// generic words behind. 南京钛合新材料科技有限公司 in 江苏省 / 南京市 / 江宁区 is 钛合新材料; 钛合（南京）新材料有限公司
// is 钛合新材料 too. Chinese company names are built as 行政区划 + 字号 + 行业 + 组织形式, the place sometimes in
// brackets after the 字号; the short name keeps 字号 + 行业. Masking it on an anonymous demand also masks the full
// name and every variant that contains it.
import { PROVINCES } from '@cic/shared';

/**
 * Cities that begin company names, beyond the demand's own region and the provinces: Jiangsu's prefecture and
 * county-level cities (the contest is Jiangsu's) and the other large cities companies there are often registered in.
 */
const COMMON_CITIES = [
  '南京',
  '无锡',
  '徐州',
  '常州',
  '苏州',
  '南通',
  '连云港',
  '淮安',
  '盐城',
  '扬州',
  '镇江',
  '泰州',
  '宿迁',
  '江阴',
  '宜兴',
  '常熟',
  '张家港',
  '昆山',
  '太仓',
  '溧阳',
  '丹阳',
  '句容',
  '扬中',
  '靖江',
  '泰兴',
  '兴化',
  '如皋',
  '海安',
  '启东',
  '海门',
  '仪征',
  '高邮',
  '东台',
  '邳州',
  '新沂',
  '吴江',
  '江宁',
  '浦口',
  '六合',
  '溧水',
  '高淳',
  '广州',
  '深圳',
  '杭州',
  '宁波',
  '温州',
  '嘉兴',
  '绍兴',
  '合肥',
  '芜湖',
  '武汉',
  '成都',
  '西安',
  '济南',
  '青岛',
  '郑州',
  '长沙',
  '沈阳',
  '大连',
  '厦门',
  '福州',
  '昆明',
  '哈尔滨',
  '长春',
  '石家庄',
  '太原',
  '南昌',
  '南宁',
  '贵阳',
  '兰州',
  '海口',
  '乌鲁木齐',
  '呼和浩特',
  '银川',
  '西宁',
  '拉萨',
  '东莞',
  '佛山',
  '珠海',
  '中山',
  '烟台',
  '潍坊',
  '中国',
];

/** The administrative suffixes a place name carries; stripped once to get its bare name (江苏省 → 江苏). */
const PLACE_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|自治州|自治县|特别行政区|新区|地区|省|市|区|县)$/u;

/** Legal forms and generic words that end a company name, in any combination and order; longest first. */
const LEGAL_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限合伙',
  '合伙企业',
  '有限公司',
  '股份公司',
  '集团公司',
  '责任公司',
  '分公司',
  '总公司',
  '公司',
  '集团',
  '控股',
  '股份',
  '科技',
  '技术',
  '实业',
  '发展',
  '企业',
  '商行',
  '厂',
].sort((a, b) => b.length - a.length);

/** The same for company names written in Latin letters, word by word: ABC Technology Co., Ltd. → ABC. */
const LATIN_SUFFIX =
  /(?:^|[\s,.&]+)(?:co|company|ltd|limited|inc|corp|corporation|group|llc|gmbh|tech|technology|technologies)\.?$/iu;

/**
 * Industry and institution words. A short name made only of these (and places) is no name at all: 电子, 新材料,
 * 纳米新材料, 工业大学 are ordinary words in a description, and masking them would wipe the text instead of hiding the
 * company. Such a company is masked by its full name only.
 */
const GENERIC_WORDS = [
  '新材料',
  '材料',
  '纳米',
  '电子',
  '电气',
  '电力',
  '电器',
  '机械',
  '机电',
  '化工',
  '化学',
  '医药',
  '制药',
  '药业',
  '生物',
  '环保',
  '环境',
  '能源',
  '新能源',
  '信息',
  '软件',
  '智能',
  '智造',
  '制造',
  '装备',
  '设备',
  '仪器',
  '仪表',
  '光电',
  '通信',
  '网络',
  '数据',
  '工程',
  '建设',
  '建筑',
  '汽车',
  '汽配',
  '食品',
  '纺织',
  '服装',
  '农业',
  '自动化',
  '半导体',
  '检测',
  '精密',
  '工业',
  '贸易',
  '商贸',
  '实业',
  '科技',
  '技术',
  '发展',
  '控股',
  '集团',
  '高新',
  '创新',
  '产业',
  '工业园',
  '研究院',
  '研究所',
  '研究',
  '中心',
  '大学',
  '学院',
  '医院',
  '实验室',
  '有限',
  '股份',
  '公司',
];

/** Brackets in a company name hold its place (钛合（南京）新材料) or 中国 / 集团: never the 字号 itself. */
const BRACKETED = /[(（[［【〔][^)）\]］】〕]*[)）\]］】〕]/gu;

/** A name is no shorter than this, counted in code points. */
const MIN_CHARS = 2;

const chars = (text: string): number => Array.from(text).length;

function withBareName(place: string): string[] {
  const names = chars(place) >= MIN_CHARS ? [place] : [];
  const bare = place.replace(PLACE_SUFFIX, '');
  // A one-character bare name (沛县 → 沛) would strip the first character of many a 字号.
  if (bare !== place && chars(bare) >= MIN_CHARS) names.push(bare);
  return names;
}

/** Words by their first UTF-16 unit, so that finding the words at a position of a name tries a few, not hundreds. */
type WordIndex = ReadonlyMap<string, readonly string[]>;

function indexWords(words: Iterable<string>): WordIndex {
  const index = new Map<string, string[]>();
  for (const word of new Set(words)) {
    const first = word[0] as string;
    index.set(first, [...(index.get(first) ?? []), word]);
  }
  return index;
}

/** The words of `index` and of the short list `more` that occur in `text` at position `i`. */
function wordsAt(text: string, i: number, index: WordIndex, more: readonly string[]): string[] {
  return [...(index.get(text[i] as string) ?? []), ...more].filter((word) => text.startsWith(word, i));
}

/** The provinces (with and without their suffix) and the common cities: the same for every demand, indexed once. */
const KNOWN_PLACES = indexWords([...PROVINCES.flatMap(withBareName), ...COMMON_CITIES]);
const GENERIC_OR_PLACE = indexWords([...GENERIC_WORDS, ...[...KNOWN_PLACES.values()].flat()]);

// Demands share a few hundred 所属地区 texts: the places of each are worked out once, up to a bound.
const REGION_PLACES = new Map<string, readonly string[]>();
const MAX_REMEMBERED_REGIONS = 4096;

/** The places a 所属地区 text names, with and without their suffix (江苏省 / 南京市 / 江宁区 → 江苏省 江苏 南京市 南京 …). */
function regionPlaces(region: string | undefined): readonly string[] {
  const key = region ?? '';
  let names = REGION_PLACES.get(key);
  if (names) return names;
  names = placesIn(key);
  if (REGION_PLACES.size < MAX_REMEMBERED_REGIONS) REGION_PLACES.set(key, names);
  return names;
}

function placesIn(region: string): string[] {
  const names: string[] = [];
  for (const part of region.normalize('NFKC').split(/[/|,，、\s]+/u)) {
    names.push(...withBareName(part));
    // 江苏省苏州市, written without separators, splits after each suffix.
    for (const piece of part.match(/.+?(?:自治区|自治州|自治县|特别行政区|新区|省|市|区|县)/gu) ?? [])
      names.push(...withBareName(piece));
  }
  return names;
}

/** The longest place `name` starts with, leaving something after it. */
function leadingPlace(name: string, places: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const place of wordsAt(name, 0, KNOWN_PLACES, places)) {
    if (place.length > (best?.length ?? 0) && name.length > place.length) best = place;
  }
  return best;
}

function stripSuffixes(name: string): string {
  let rest = name;
  for (;;) {
    const latin = rest.replace(LATIN_SUFFIX, '').trim();
    if (latin !== rest && latin !== '') {
      rest = latin;
      continue;
    }
    const suffix = LEGAL_SUFFIXES.find((s) => rest.endsWith(s) && rest.length > s.length);
    if (!suffix) return rest;
    rest = rest.slice(0, -suffix.length).replace(/[\s,.，、]+$/u, '');
  }
}

function stripPlaces(name: string, places: readonly string[]): string {
  let rest = name;
  for (let place = leadingPlace(rest, places); place; place = leadingPlace(rest, places)) {
    rest = rest.slice(place.length).trim();
  }
  return rest;
}

/** Whether `name` splits wholly into generic words and places (a word-break over both lists). */
function isGeneric(name: string, places: readonly string[]): boolean {
  const reachable = new Array<boolean>(name.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < name.length; i += 1) {
    if (!reachable[i]) continue;
    for (const word of wordsAt(name, i, GENERIC_OR_PLACE, places)) reachable[i + word.length] = true;
  }
  return reachable[name.length] === true;
}

/** What is left of a name once its trailing legal forms and leading places are stripped, if it is a name. */
function shortened(name: string, places: readonly string[]): string | undefined {
  const short = stripPlaces(stripSuffixes(name), places);
  return chars(short) < MIN_CHARS || isGeneric(short, places) ? undefined : short;
}

/**
 * The company's short name, or undefined when stripping leaves fewer than two characters or only generic words and
 * places (see GENERIC_WORDS). `region` is the demand's 所属地区, whose places are stripped from the front of the name.
 */
export function companyShortName(companyName: string, region: string | undefined): string | undefined {
  return shortened(companyName.normalize('NFKC').replace(BRACKETED, '').trim(), regionPlaces(region));
}

/**
 * The short names to mask: the short name, and when the name brackets its place inside (钛合（南京）新材料有限公司)
 * also the short name with that place kept (钛合（南京）新材料), which people write as well. Brackets themselves do not
 * matter: masking skips them.
 */
export function companyShortNames(companyName: string, region: string | undefined): string[] {
  const places = regionPlaces(region);
  const name = companyName.normalize('NFKC').trim();
  const short = shortened(name.replace(BRACKETED, '').trim(), places);
  if (!short) return [];
  // Only a place inside the name: one in brackets at its end (钛合新材料有限公司（南京）) is not part of a short name.
  const inside = /[)）\]］】〕][^)）\]］】〕]*[^)）\]］】〕\s]/u.test(name);
  const bracketsOpened = inside ? shortened(name.replace(/[(（[［【〔)）\]］】〕]/gu, ''), places) : undefined;
  return bracketsOpened && bracketsOpened !== short ? [short, bracketsOpened] : [short];
}
