// Display formatting for figures: what a hover, an inlay hint, a tree label or an export shows.
// Plain TypeScript (no editor types). Every phrase a user reads comes in English and Chinese.
import type { Claim, ClaimKind, Qualifier } from './types';
import type { LocalizedText } from './checks/types';

export type Locale = 'en' | 'zh';

/** Pick the text for a locale. */
export function pick(text: LocalizedText, locale: Locale): string {
  return locale === 'zh' ? text.zh : text.en;
}

/** Remove floating-point noise (38.87 * 1e8 = 3887000000.0000005) before printing. */
export function clean(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(12));
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false });

/** Full digits with thousands grouping: 3887000000 → "3,887,000,000"; 0.98 → "0.98". */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return grouped.format(clean(n));
}

/** Up to `digits` decimals, trailing zeros dropped: 38.8700 → "38.87". */
function trimmed(n: number, digits: number): string {
  const f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: false });
  return f.format(clean(n));
}

/**
 * The Chinese 万/亿 form: 3887000000 → "38.87 亿", 640000 → "64 万", 1.2e12 → "1.2 万亿";
 * below 10,000 the grouped digits.
 */
export function wanYiForm(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e12) return `${trimmed(n / 1e12, 6)} 万亿`;
  if (a >= 1e8) return `${trimmed(n / 1e8, 6)} 亿`;
  if (a >= 1e4) return `${trimmed(n / 1e4, 6)} 万`;
  return groupDigits(n);
}

export interface EnglishScale {
  /** "3.89 billion", "640 thousand", "987". */
  text: string;
  /** True when three significant digits lost precision (print with "≈"). */
  approximate: boolean;
}

const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

/** The English short scale with three significant digits: 3887000000 → ≈ 3.89 billion. */
export function englishScale(n: number): EnglishScale {
  const v = clean(n);
  const a = Math.abs(v);
  for (const [size, word] of SCALES) {
    if (a >= size) {
      const scaled = v / size;
      const shown = Number(scaled.toPrecision(3));
      return { text: `${plain.format(shown)} ${word}`, approximate: clean(shown * size) !== v };
    }
  }
  return { text: plain.format(v), approximate: false };
}

/** "≈ 3.89 billion" or "640 thousand". */
export function englishScaleText(n: number): string {
  const s = englishScale(n);
  return s.approximate ? `≈ ${s.text}` : s.text;
}

export interface Currency {
  code: string;
  symbol: string;
  /** The unit word used after amounts in Chinese (元, 美元). */
  zh: string;
  /** The currency's name in English. */
  en: string;
}

const CURRENCIES: Record<string, Currency> = {
  CNY: { code: 'CNY', symbol: '¥', zh: '元', en: 'yuan (CNY)' },
  USD: { code: 'USD', symbol: '$', zh: '美元', en: 'US dollars' },
  HKD: { code: 'HKD', symbol: 'HK$', zh: '港元', en: 'Hong Kong dollars' },
  EUR: { code: 'EUR', symbol: '€', zh: '欧元', en: 'euros' },
  JPY: { code: 'JPY', symbol: '¥', zh: '日元', en: 'yen' },
  GBP: { code: 'GBP', symbol: '£', zh: '英镑', en: 'pounds sterling' },
  TWD: { code: 'TWD', symbol: 'NT$', zh: '新台币', en: 'New Taiwan dollars' },
  MOP: { code: 'MOP', symbol: 'MOP$', zh: '澳门元', en: 'patacas' },
  KRW: { code: 'KRW', symbol: '₩', zh: '韩元', en: 'won' },
  SGD: { code: 'SGD', symbol: 'S$', zh: '新加坡元', en: 'Singapore dollars' },
  AUD: { code: 'AUD', symbol: 'A$', zh: '澳元', en: 'Australian dollars' },
  CAD: { code: 'CAD', symbol: 'C$', zh: '加元', en: 'Canadian dollars' },
  CHF: { code: 'CHF', symbol: 'CHF', zh: '瑞士法郎', en: 'Swiss francs' },
  RUB: { code: 'RUB', symbol: '₽', zh: '卢布', en: 'roubles' },
  INR: { code: 'INR', symbol: '₹', zh: '卢比', en: 'rupees' },
};

/** Symbol and names for an ISO 4217 code; unknown codes are shown as the code itself. */
export function currency(code: string): Currency {
  return CURRENCIES[code.toUpperCase()] ?? { code, symbol: code, zh: code, en: code };
}

const QUANTITY_UNITS: Record<string, LocalizedText> = {
  t: { en: 't', zh: '吨' },
  kg: { en: 'kg', zh: '公斤' },
  g: { en: 'g', zh: '克' },
  km: { en: 'km', zh: '公里' },
  m: { en: 'm', zh: '米' },
  cm: { en: 'cm', zh: '厘米' },
  mm: { en: 'mm', zh: '毫米' },
  km2: { en: 'km²', zh: '平方公里' },
  m2: { en: 'm²', zh: '平方米' },
  m3: { en: 'm³', zh: '立方米' },
  ha: { en: 'ha', zh: '公顷' },
  mu: { en: 'mu', zh: '亩' },
  kWh: { en: 'kWh', zh: '千瓦时' },
  kW: { en: 'kW', zh: '千瓦' },
  L: { en: 'L', zh: '升' },
  'ug/m3': { en: 'µg/m³', zh: '微克/立方米' },
  TEU: { en: 'TEU', zh: '标准箱' },
  tkm: { en: 't·km', zh: '吨公里' },
  pkm: { en: 'passenger-km', zh: '人公里' },
  tce: { en: 'tce', zh: '吨标准煤' },
};

const DURATION_UNITS: Record<string, LocalizedText> = {
  second: { en: 'seconds', zh: '秒' },
  minute: { en: 'minutes', zh: '分钟' },
  hour: { en: 'hours', zh: '小时' },
  day: { en: 'days', zh: '天' },
  week: { en: 'weeks', zh: '周' },
  month: { en: 'months', zh: '个月' },
  year: { en: 'years', zh: '年' },
};

/** How the base unit of a claim reads after a number ("元", "项", "%", "个百分点", "吨"). */
export function unitText(claim: Pick<Claim, 'kind' | 'unit'>, locale: Locale = 'zh'): string {
  switch (claim.kind) {
    case 'money':
      return locale === 'zh' ? currency(claim.unit).zh : currency(claim.unit).code;
    case 'percent':
      return claim.unit || '%';
    case 'percent-point':
      return locale === 'zh' ? '个百分点' : 'pp';
    case 'multiple':
      return locale === 'zh' ? '倍' : '×';
    case 'quantity': {
      const u = QUANTITY_UNITS[claim.unit];
      return u ? pick(u, locale) : claim.unit;
    }
    case 'duration': {
      const u = DURATION_UNITS[claim.unit];
      return u ? pick(u, locale) : claim.unit;
    }
    default:
      return claim.unit;
  }
}

/** A value followed by its unit, with the spacing each unit wants ("98%", "640,000 项"). */
export function withUnit(number: string, unit: string): string {
  if (!unit) return number;
  if (unit === '%' || unit === '‰') return number + unit;
  if (unit === '×') return '×' + number;
  return `${number} ${unit}`;
}

/** The full value with its unit: "3,887,000,000 元"; ranges as "30,000–50,000 项". */
export function fullValue(claim: Claim, locale: Locale = 'zh'): string {
  if (claim.value === null) return claim.date ?? claim.text;
  const unit = unitText(claim, locale);
  const lo = groupDigits(claim.value);
  const n = claim.upper !== null && claim.upper !== claim.value ? `${lo}–${groupDigits(claim.upper)}` : lo;
  return withUnit(n, unit);
}

export const KIND_LABELS: Record<ClaimKind, LocalizedText> = {
  count: { en: 'count', zh: '计数' },
  money: { en: 'money', zh: '金额' },
  percent: { en: 'percentage', zh: '百分比' },
  'percent-point': { en: 'percentage points', zh: '百分点' },
  multiple: { en: 'multiple', zh: '倍数' },
  fraction: { en: 'fraction', zh: '分数' },
  date: { en: 'date', zh: '日期' },
  time: { en: 'time of day', zh: '时刻' },
  duration: { en: 'duration', zh: '时长' },
  quantity: { en: 'quantity', zh: '计量' },
  ordinal: { en: 'ordinal', zh: '序数' },
};

export const QUALIFIER_LABELS: Record<Qualifier, LocalizedText> = {
  exact: { en: 'exact', zh: '确数' },
  about: { en: 'about', zh: '约数' },
  over: { en: 'over', zh: '超过' },
  'at-least': { en: 'at least', zh: '不少于' },
  under: { en: 'under', zh: '不足' },
  'at-most': { en: 'at most', zh: '不超过' },
  nearly: { en: 'nearly (close to, below)', zh: '接近（略少于）' },
};

/** The relation a qualifier puts between the true value and the stated one. */
export const QUALIFIER_RELATION: Record<Qualifier, string> = {
  exact: '=',
  about: '≈',
  over: '>',
  'at-least': '≥',
  under: '<',
  'at-most': '≤',
  nearly: '<',
};

/**
 * The qualifier as an interval: 超64万项 → "> 640,000 项", 近50万条 → "< 500,000 条 (close to)",
 * 约1.2亿元 → "≈ 120,000,000 元"; ranges and vague amounts as "30,000 – 50,000 项".
 */
export function intervalText(claim: Claim, locale: Locale = 'en'): string {
  if (claim.value === null) return claim.date ?? claim.text;
  const unit = unitText(claim, 'zh');
  if (claim.upper !== null && claim.upper !== claim.value) {
    const range = withUnit(`${groupDigits(claim.value)} – ${groupDigits(claim.upper)}`, unit);
    if (claim.qualifier === 'exact') return range;
    return `${range} (${pick(QUALIFIER_LABELS[claim.qualifier], locale)})`;
  }
  const v = withUnit(groupDigits(claim.value), unit);
  const rel = QUALIFIER_RELATION[claim.qualifier];
  const text = `${rel} ${v}`;
  if (claim.qualifier === 'nearly') return `${text} ${locale === 'zh' ? '（接近）' : '(close to)'}`;
  return text;
}

/** What the qualifier says in words: "over 640,000 项" / "超过 640,000 项". */
export function qualifierSentence(claim: Claim, locale: Locale = 'en'): string {
  const v = fullValue(claim, 'zh');
  if (claim.qualifier === 'exact') return locale === 'zh' ? `确数 ${v}` : `exactly ${v}`;
  const label = claim.qualifier === 'nearly' ? (locale === 'zh' ? '接近' : 'nearly') : pick(QUALIFIER_LABELS[claim.qualifier], locale);
  return `${label} ${v}`;
}

/** The figure as written without its qualifier words: "38.87亿", "64万项". */
export function figureAsWritten(claim: Claim): string {
  const core = claim.numeral + claim.scale + claim.unitText;
  return core || claim.text;
}

/**
 * One line naming a figure, for trees, symbols and exports:
 * "涉案金额 · 38.87亿 = 3,887,000,000 元", "知识产权权利 · 超64万项 > 640,000 项".
 */
export function claimLabel(claim: Claim): string {
  const head = claim.subject ? `${claim.subject} · ${claim.text}` : claim.text;
  if (claim.kind === 'date') return claim.date ? `${head} = ${claim.date}` : head;
  if (claim.value === null) return head;
  if (claim.upper !== null && claim.upper !== claim.value) return `${head} = ${fullValue(claim)}`;
  return `${head} ${QUALIFIER_RELATION[claim.qualifier]} ${fullValue(claim)}`;
}

/** The short normalized value shown as an inlay hint after a figure ("> 640,000 项"). */
export function inlayText(claim: Claim): string {
  if (claim.kind === 'date') return claim.date ?? '';
  if (claim.value === null) return '';
  return intervalText(claim, 'zh').replace(/ （接近）$/, '');
}

// ---------------------------------------------------------------------------------------------
// Conversions writers need.

/** Lines like "388,700 万元 · 38.87 亿元" for the units a writer may want to switch to. */
export function conversions(claim: Claim): string[] {
  if (claim.value === null) return [];
  const v = claim.value;
  const out: string[] = [];
  switch (claim.kind) {
    case 'money': {
      const c = currency(claim.unit);
      out.push(`${groupDigits(v / 1e4)} 万${c.zh} · ${groupDigits(v / 1e8)} 亿${c.zh}`);
      out.push(`${c.symbol}${groupDigits(v)} ${c.code}`);
      break;
    }
    case 'quantity':
      out.push(...quantityConversions(v, claim.unit));
      break;
    case 'percent':
      if (claim.unit === '‰') out.push(`${groupDigits(v / 1000)} · ${groupDigits(v / 10)}%`);
      else out.push(`${groupDigits(v / 100)}`);
      break;
    case 'fraction':
      out.push(`${groupDigits(Number((v * 100).toPrecision(6)))}%`);
      break;
    case 'multiple':
      out.push(`×${groupDigits(v)} = +${groupDigits(Number(((v - 1) * 100).toPrecision(6)))}%`);
      break;
    case 'duration':
      out.push(...durationConversions(v, claim.unit));
      break;
  }
  return out;
}

const MU_M2 = 10000 / 15; // 1 亩 = 666.67 m²

function quantityConversions(v: number, unit: string): string[] {
  switch (unit) {
    case 't':
      return [`${groupDigits(v * 1000)} 公斤 (kg)`, `${wanYiForm(v)}吨`];
    case 'kg':
      return [`${groupDigits(v / 1000)} 吨 (t)`, `${groupDigits(v * 2)} 斤`];
    case 'g':
      return [`${groupDigits(v / 1000)} 公斤 (kg)`];
    case 'km2':
      return [`${groupDigits(v * 100)} 公顷 (ha)`, `${groupDigits(Math.round(v * 1500))} 亩`];
    case 'ha':
      return [`${groupDigits(v / 100)} 平方公里 (km²)`, `${groupDigits(v * 15)} 亩`];
    case 'mu':
      return [`${groupDigits(v / 15)} 公顷 (ha)`, `${groupDigits(Math.round(v * MU_M2))} 平方米 (m²)`];
    case 'm2':
      return [`${groupDigits(v / 10000)} 公顷 (ha)`, `${groupDigits(Number((v / MU_M2).toPrecision(6)))} 亩`];
    case 'km':
      return [`${groupDigits(v * 1000)} 米 (m)`];
    case 'm':
      return v >= 1000 ? [`${groupDigits(v / 1000)} 公里 (km)`] : [];
    case 'kWh':
      return [`${wanYiForm(v)}千瓦时`, `${groupDigits(v / 1e8)} 亿千瓦时`];
    default:
      return [];
  }
}

const DURATION_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
  week: 7 * 86400,
};

function durationConversions(v: number, unit: string): string[] {
  if (unit === 'month') return [`${groupDigits(Number((v / 12).toPrecision(4)))} 年`];
  if (unit === 'year') return [`${groupDigits(v * 12)} 个月`];
  const s = DURATION_SECONDS[unit];
  if (!s) return [];
  const out: string[] = [];
  const total = v * s;
  if (unit !== 'hour' && total >= 3600) out.push(`${groupDigits(Number((total / 3600).toPrecision(6)))} 小时`);
  if (unit !== 'day' && total >= 86400) out.push(`${groupDigits(Number((total / 86400).toPrecision(6)))} 天`);
  return out;
}

/** Plain conversions between the units writers mix up; exported for callers and tests. */
export const convert = {
  wanToYi: (wan: number): number => clean(wan / 1e4),
  yiToWan: (yi: number): number => clean(yi * 1e4),
  kgToTonnes: (kg: number): number => clean(kg / 1000),
  tonnesToKg: (t: number): number => clean(t * 1000),
  km2ToHectares: (km2: number): number => clean(km2 * 100),
  hectaresToKm2: (ha: number): number => clean(ha / 100),
  hectaresToMu: (ha: number): number => clean(ha * 15),
  muToHectares: (mu: number): number => clean(mu / 15),
  km2ToMu: (km2: number): number => clean(km2 * 1500),
  percentToFraction: (p: number): number => clean(p / 100),
  fractionToPercent: (f: number): number => clean(f * 100),
};

// ---------------------------------------------------------------------------------------------
// Dates.

const WEEKDAYS: LocalizedText[] = [
  { en: 'Sunday', zh: '星期日' },
  { en: 'Monday', zh: '星期一' },
  { en: 'Tuesday', zh: '星期二' },
  { en: 'Wednesday', zh: '星期三' },
  { en: 'Thursday', zh: '星期四' },
  { en: 'Friday', zh: '星期五' },
  { en: 'Saturday', zh: '星期六' },
];

/** The weekday of a valid YYYY-MM-DD (optionally followed by a time), else null. */
export function weekday(iso: string): LocalizedText | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return WEEKDAYS[date.getUTCDay()];
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The span of days a partial ISO date covers: "2023-Q1" → ["2023-01-01", "2023-03-31"]. */
export function dateSpan(iso: string): [string, string] | null {
  let m = /^(\d{4})$/.exec(iso);
  if (m) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  m = /^(\d{4})-Q([1-4])$/.exec(iso);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    return [`${y}-${pad(first)}-01`, `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}`];
  }
  m = /^(\d{4})-H([12])$/.exec(iso);
  if (m) return m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}`];
  }
  return null;
}

export interface DateDetails {
  iso: string;
  weekday: LocalizedText | null;
  /** For partial dates, the days covered. */
  span: [string, string] | null;
  /** How a relative date was resolved: "去年底 → 2021-12-31 (base date 2022-03-31)". */
  resolved: LocalizedText | null;
}

export function dateDetails(claim: Claim): DateDetails | null {
  if (!claim.date) return null;
  const iso = claim.date;
  const resolved = claim.relative
    ? {
        en: `“${claim.relative.phrase}” resolved against ${claim.relative.base} → ${iso}`,
        zh: `“${claim.relative.phrase}”以 ${claim.relative.base} 为基准 → ${iso}`,
      }
    : null;
  return { iso, weekday: weekday(iso), span: dateSpan(iso), resolved };
}
