// Values for subscribe message data, formatted to WeChat's limits per keyword type, and the messages this app sends.
// Lengths are counted in characters (code points), the way WeChat counts them, so an emoji is one character.
// WeChat rejects a whole message (47003) when one value breaks its keyword's rule, so every value goes through here.
import type { PushMessage } from '../alerts/wechat-message.port';

/** A subscribe message as WeChat's subscribe/send takes it (touser is the openid). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The mini-program page it opens, e.g. "pages/demand/index?id=…". */
  page: string;
  data: Record<string, { value: string }>;
}

const ELLIPSIS = '…';
const CHINA_OFFSET_MS = 8 * 3600_000; // Asia/Shanghai: UTC+8, no daylight saving time since 1991.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const HAN_ALL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;

function chars(text: string): string[] {
  return Array.from(text);
}

/** Whitespace runs (newlines, tabs) become one space: a template line is a single line. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** At most `max` characters; a longer text keeps max-1 characters and ends with "…". */
export function truncate(text: string, max: number): string {
  const cs = chars(text);
  if (cs.length <= max) return text;
  return `${cs
    .slice(0, max - 1)
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}

/** thing: up to 20 characters of any kind. */
export function thing(text: string): string {
  return truncate(oneLine(text), 20);
}

/** character_string: up to 32 digits, letters or symbols (ASCII only, no spaces); anything else is dropped. */
export function characterString(text: string): string {
  return chars(text.replace(/[^\x21-\x7e]/g, ''))
    .slice(0, 32)
    .join('');
}

/** phrase: up to 5 Chinese characters, nothing else (no "…" either: it is not a Chinese character). */
export function phrase(text: string): string {
  return (text.match(HAN_ALL) ?? []).slice(0, 5).join('');
}

/** name: up to 10 characters when it has any Chinese, up to 20 letters or symbols otherwise. */
export function name(text: string): string {
  const clean = oneLine(text);
  return chars(clean)
    .slice(0, HAN.test(clean) ? 10 : 20)
    .join('')
    .trimEnd();
}

/** number: digits, optionally with decimals, up to 32 characters. Throws for negative or non-finite numbers. */
export function number(value: number | bigint): string {
  if (typeof value === 'number' && (!Number.isFinite(value) || value < 0)) throw new RangeError(`not a WeChat number: ${value}`);
  if (typeof value === 'bigint' && value < 0n) throw new RangeError(`not a WeChat number: ${value}`);
  const text = typeof value === 'number' && !Number.isInteger(value) ? String(value) : BigInt(value).toString();
  if (!/^\d+(\.\d+)?$/.test(text) || text.length > 32) throw new RangeError(`not a WeChat number: ${text}`);
  return text;
}

/** amount: a currency sign and up to 10 digits, e.g. amount(1280) → "¥1280", amount(12.5) → "¥12.50". */
export function amount(value: number, currency = '¥'): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`not a WeChat amount: ${value}`);
  const text = Number.isInteger(value) ? value.toFixed(0) : value.toFixed(2);
  if (text.replace('.', '').length > 10) throw new RangeError(`not a WeChat amount: ${text}`);
  return `${currency}${text}`;
}

function chinaParts(at: Date): { y: number; m: number; d: number; hh: string; mm: string } {
  const t = new Date(at.getTime() + CHINA_OFFSET_MS);
  if (Number.isNaN(t.getTime())) throw new RangeError('invalid date');
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: String(t.getUTCHours()).padStart(2, '0'),
    mm: String(t.getUTCMinutes()).padStart(2, '0'),
  };
}

/** time: "2026年11月22日 14:30" in China time (Asia/Shanghai). */
export function time(at: Date): string {
  const p = chinaParts(at);
  return `${p.y}年${p.m}月${p.d}日 ${p.hh}:${p.mm}`;
}

/** date: "2026年11月22日" in China time (Asia/Shanghai). */
export function date(at: Date): string {
  const p = chinaParts(at);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** The mini-program page that shows one demand. */
export function demandPage(demandId: string): string {
  return `pages/demand/index?id=${encodeURIComponent(demandId)}`;
}

/** The mini-program page of the holder's invitations to 揭榜, at one of them. */
export function invitationsPage(invitationId: string): string {
  return `achievements/invitations/index?id=${encodeURIComponent(invitationId)}`;
}

/**
 * Whom a message about a demand goes to, in which template; both templates name the demand in thing1 and open it, or,
 * for an invitation to 揭榜 it, the holder's invitations.
 */
interface DemandMessageTo {
  openid: string;
  templateId: string;
  demandId: string;
  title: string;
  invitationId?: string | undefined;
}

function demandMessage(to: DemandMessageTo, data: SubscribeMessage['data']): SubscribeMessage {
  return {
    touser: to.openid,
    templateId: to.templateId,
    page: to.invitationId ? invitationsPage(to.invitationId) : demandPage(to.demandId),
    data: { thing1: { value: thing(to.title) }, ...data },
  };
}

/** 新需求匹配提醒: thing1 demand title, thing2 why it matched, time3 when it was published. */
export function newMatchMessage(input: DemandMessageTo & { reason: string; publishedAt: Date }): SubscribeMessage {
  return demandMessage(input, { thing2: { value: thing(input.reason) }, time3: { value: time(input.publishedAt) } });
}

/** 需求状态变更提醒: thing1 demand title, phrase2 the new status (e.g. 已关闭), time3 when it changed. */
export function statusChangeMessage(
  input: DemandMessageTo & {
    /** The status label in Chinese; up to 5 Chinese characters are kept. */
    status: string;
    at: Date;
  },
): SubscribeMessage {
  return demandMessage(input, { phrase2: { value: phrase(input.status) }, time3: { value: time(input.at) } });
}

/** The alerts' message in its template: the keywords each template of this app has, each within WeChat's limits. */
export function subscribeMessageOf(message: PushMessage): SubscribeMessage {
  const { openid, templateId, demandId, title, invitationId } = message;
  const to = { openid, templateId, demandId, title, invitationId };
  if (message.kind === 'new_match') {
    return newMatchMessage({ ...to, reason: message.reason, publishedAt: new Date(message.at) });
  }
  return statusChangeMessage({ ...to, status: message.status, at: new Date(message.at) });
}
