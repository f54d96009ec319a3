// Dates and times as written in reports (2021年3月31日, 3月23日, 2023-03-23 19:06:55, 2022年底,
// 今年一季度, 上半年, 去年底), resolved to ISO 8601 strings as precise as stated. Relative dates
// are resolved against a base date: --base-date, or the publication date found in the text.
import { isDigitCode, digitOf, readChinese, chineseDigitOf } from './numerals';

export interface BaseDate {
  /** ISO, as precise as known ("2023-03-23", or "2022" when only the year is known). */
  iso: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  source: 'option' | 'text' | 'none';
}

export interface DateRead {
  /** Where it starts when words before the digit belong to it (下午 in 下午3点); else at the digit. */
  start?: number;
  end: number;
  kind: 'date' | 'time';
  iso: string;
  /** Relative phrase that was resolved, e.g. 去年底 or a bare 年底. */
  relative?: string;
  /** The year stated in the text, when there is one (for the paragraph's year context). */
  statedYear?: number;
}

export interface DateContext {
  base: BaseDate;
  /** The last year stated earlier in the paragraph, for bare 年底 / 上半年. */
  contextYear: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parse YYYY-MM-DD (as given by --base-date). */
export function baseDateFromOption(iso: string): BaseDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { iso, year: y, month: m, day: d, source: 'option' };
}

const LABELLED_DATE =
  /(?:发布时间|发布日期|发表时间|发表日期|更新时间|时间|日期|发布于|发表于)\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const FULL_DATE = /(?<![0-9])(\d{4})\s*(?:[-/]|年)\s*(\d{1,2})\s*(?:[-/]|月)\s*(\d{1,2})(?![0-9])/;
const REPORT_YEAR_TITLE = /《[^《》]{0,30}?((?:19|20)\d{2})\s*年?[^《》]{0,30}?(?:年报|年度报告|报告|白皮书|公报|年鉴)》/g;

/**
 * The publication date: a labelled date (发布时间: 2023-03-23), else a full date in the first
 * lines, else the year after the newest annual report named in a 《title》 (a 2021 report is
 * published in 2022), else none.
 */
export function findPublicationDate(text: string): BaseDate {
  const head = text.slice(0, 600);
  const m = LABELLED_DATE.exec(head) ?? FULL_DATE.exec(head);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (validYmd(y, mo, d)) return { iso: `${y}-${pad(mo)}-${pad(d)}`, year: y, month: mo, day: d, source: 'text' };
  }
  let newest = 0;
  REPORT_YEAR_TITLE.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = REPORT_YEAR_TITLE.exec(text)) !== null) newest = Math.max(newest, Number(t[1]));
  if (newest > 0) return { iso: String(newest + 1), year: newest + 1, month: null, day: null, source: 'text' };
  return { iso: null, year: null, month: null, day: null, source: 'none' };
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Read a run of Arabic digits at i: [value, end, count]. */
function digitsAt(text: string, i: number): [number, number, number] {
  let v = 0;
  let j = i;
  while (j < text.length && isDigitCode(text.charCodeAt(j))) {
    v = v * 10 + digitOf(text.charCodeAt(j));
    j++;
  }
  return [v, j, j - i];
}

/** A small number written in Arabic or Chinese digits at i (months, days, quarters). */
function smallNumberAt(text: string, i: number): [number, number] | null {
  if (isDigitCode(text.charCodeAt(i))) {
    const [v, end, n] = digitsAt(text, i);
    return n <= 2 ? [v, end] : null;
  }
  const r = readChinese(text, i);
  if (!r || r.upper !== null || r.value > 31 || r.hasDecimal) return null;
  // value | 0: a whole number up to 31 either way, kept an integer so that both answers have one array shape.
  return [r.value | 0, r.end];
}

/** A year written as four Arabic digits or four Chinese digits (二〇二一). */
function yearAt(text: string, i: number): [number, number] | null {
  if (isDigitCode(text.charCodeAt(i))) {
    const [v, end, n] = digitsAt(text, i);
    if (n === 4 && v >= 1900 && v <= 2100) return [v, end];
    return null;
  }
  let v = 0;
  let j = i;
  while (j < text.length && j - i < 4) {
    const d = chineseDigitOf(text.charCodeAt(j));
    if (d < 0 || text.charCodeAt(j) === 0x4e24 /* 两 */) break;
    v = v * 10 + d;
    j++;
  }
  if (j - i === 4 && v >= 1900 && v <= 2100 && chineseDigitOf(text.charCodeAt(j)) < 0) return [v, j];
  return null;
}

const QUARTER_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** After "YYYY年" (or a relative year word): 底/末, 初, 上半年, 一季度, 3月31日, 度… */
function readYearTail(text: string, i: number, year: number): { end: number; iso: string } {
  const rest = text.slice(i, i + 8);
  let m: RegExpExecArray | null;
  if ((m = /^(?:年底|年末|底|末|终)/.exec(rest))) return { end: i + m[0].length, iso: `${year}-12-31` };
  if ((m = /^(?:年初|初)/.exec(rest))) return { end: i + m[0].length, iso: `${year}-01` };
  if ((m = /^(?:上半年|上半年度)/.exec(rest))) return { end: i + m[0].length, iso: `${year}-H1` };
  if ((m = /^(?:下半年|下半年度)/.exec(rest))) return { end: i + m[0].length, iso: `${year}-H2` };
  if ((m = /^第?([一二三四1-4])季度/.exec(rest))) return { end: i + m[0].length, iso: `${year}-Q${QUARTER_DIGIT[m[1]]}` };
  // 前三季度: the first three quarters, not the third.
  if ((m = /^前([两二三])(?:个)?季度/.exec(rest))) return { end: i + m[0].length, iso: `${year}-Q1/${year}-Q${m[1] === '三' ? 3 : 2}` };
  if ((m = /^[Qq]([1-4])(?![0-9])/.exec(rest))) return { end: i + m[0].length, iso: `${year}-Q${m[1]}` };
  const month = readMonthDay(text, i, year);
  if (month) return month;
  if ((m = /^度/.exec(rest))) return { end: i + 1, iso: String(year) };
  return { end: i, iso: String(year) };
}

/** "3月31日", "3月", "3月份", "3月底" starting at i, for a known (or unknown: null) year. */
function readMonthDay(text: string, i: number, year: number | null): { end: number; iso: string } | null {
  const mo = smallNumberAt(text, i);
  if (!mo || mo[0] < 1 || mo[0] > 12 || text[mo[1]] !== '月') return null;
  const month = mo[0];
  let j = mo[1] + 1;
  const ym = year === null ? `--${pad(month)}` : `${year}-${pad(month)}`;
  const day = smallNumberAt(text, j);
  if (day && (text[day[1]] === '日' || text[day[1]] === '号') && day[0] >= 1 && day[0] <= 31) {
    return { end: day[1] + 1, iso: `${ym}-${pad(day[0])}` };
  }
  if (text.startsWith('份', j)) j++;
  const tail = /^(?:底|末)/.exec(text.slice(j, j + 2));
  if (tail && year !== null) return { end: j + tail[0].length, iso: `${ym}-${pad(daysInMonth(year, month))}` };
  return { end: j, iso: ym };
}

// The numeric date and time forms readDateAt tries, each on a short window at the digit.
const ISO_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![0-9])(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?![0-9]))?/;
const TIME_OF_DAY = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?![0-9])/;
/** 9时30分, 10点15分05秒, 8点半, 3点 (a time only with minutes or a part of the day before it). */
const TIME_IN_WORDS = /^(\d{1,2})[时点](?:(\d{1,2})分(?:(\d{1,2})秒)?|(半))?/;
/** The part of the day before a time: afternoon and evening hours count from noon. */
const DAY_PART = /(上午|早上|早晨|凌晨|清晨|中午|下午|傍晚|晚上|夜间|夜里)$/;
const YEAR_RANGE = /^((?:19|20)\d{2})\s*[-–—~～至到]\s*((?:19|20)\d{2})年/;
const MONTH_RANGE = /^(\d{1,2})\s*[-–—~～至到]\s*(\d{1,2})月(?:份)?/;
/** What may follow the first number of a month range (MONTH_RANGE): a space or the range sign. */
const RANGE_START = /[\s\-–—~～至到]/;

/** How many ASCII digits (what \d matches) start at i. */
function asciiDigitRun(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  return j - i;
}

/**
 * A date or time starting at the digit at i, or null. Handles 2023-03-23[ 19:06:55],
 * 2023/3/23, 2021年3月31日, 二〇二一年, 2022年底, 2023年一季度, 3月23日, 1-2月, 2021-2023年, 19:06.
 * Each numeric form is tried only where the run of ASCII digits at i can start it: most
 * numbers are none of them, and slicing a window and running a regex per form is not free.
 */
export function readDateAt(text: string, i: number, ctx: DateContext): DateRead | null {
  const run = asciiDigitRun(text, i);
  const after = text[i + run];
  // ISO-like numeric dates, optionally with a time.
  const iso = run === 4 && (after === '-' || after === '/' || after === '.') ? ISO_DATE.exec(text.slice(i, i + 32)) : null;
  if (iso && (iso[2] !== '.' || validYmd(+iso[1], +iso[3], +iso[4]))) {
    const y = +iso[1];
    const mo = +iso[3];
    const d = +iso[4];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2100) {
      const withTime = iso[5] !== undefined && +iso[5] <= 23;
      let out = `${y}-${pad(mo)}-${pad(d)}`;
      if (withTime) out += `T${pad(+iso[5])}:${iso[6]}${iso[7] ? `:${iso[7]}` : ''}`;
      const end = i + (withTime ? iso[0].length : lengthOfDatePart(iso[0]));
      return { end, kind: 'date', iso: out, statedYear: y };
    }
  }
  // Times of day: 19:06:55, 9:30.
  const time = (run === 1 || run === 2) && (after === ':' || after === '：') ? TIME_OF_DAY.exec(text.slice(i, i + 9)) : null;
  if (time && +time[1] <= 23 && +time[2] <= 59 && (time[3] === undefined || +time[3] <= 59)) {
    if (i === 0 || !isDigitCode(text.charCodeAt(i - 1))) {
      return { end: i + time[0].length, kind: 'time', iso: `${pad(+time[1])}:${time[2]}${time[3] ? `:${time[3]}` : ''}` };
    }
  }
  // Times of day in words: 上午9时30分, 下午5点, 晚上8点半 (3点建议 is no time).
  const words = (run === 1 || run === 2) && (after === '时' || after === '点') ? TIME_IN_WORDS.exec(text.slice(i, i + 12)) : null;
  if (words && (i === 0 || !isDigitCode(text.charCodeAt(i - 1)))) {
    const part = DAY_PART.exec(text.slice(Math.max(0, i - 2), i));
    let hour = +words[1];
    const minute = words[4] ? 30 : words[2] !== undefined ? +words[2] : 0;
    const second = words[3] !== undefined ? +words[3] : null;
    if ((part || words[2] !== undefined || words[4]) && hour <= 24 && minute <= 59 && (second === null || second <= 59)) {
      const pm = part !== null && /下午|傍晚|晚上|夜间|夜里/.test(part[1]);
      if ((pm && hour < 12) || (part?.[1] === '中午' && hour < 6)) hour += 12;
      return {
        start: part ? i - part[1].length : undefined,
        end: i + words[0].length,
        kind: 'time',
        iso: `${pad(hour)}:${pad(minute)}${second !== null ? `:${pad(second)}` : ''}`,
      };
    }
  }
  // Year ranges: 2021-2023年, 2021～2023年.
  const yr = run === 4 ? YEAR_RANGE.exec(text.slice(i, i + 12)) : null;
  if (yr && +yr[2] > +yr[1]) {
    return { end: i + yr[0].length, kind: 'date', iso: `${yr[1]}/${yr[2]}`, statedYear: +yr[2] };
  }
  // YYYY年…
  const y = yearAt(text, i);
  if (y && text.startsWith('财年', y[1])) return { end: y[1] + 2, kind: 'date', iso: String(y[0]), statedYear: y[0] };
  if (y && text[y[1]] === '年' && !text.startsWith('年龄', y[1])) {
    const tail = readYearTail(text, y[1] + 1, y[0]);
    return { end: tail.end, kind: 'date', iso: tail.iso, statedYear: y[0] };
  }
  // Month ranges: 1-2月, 1至11月 (statistical bulletins).
  const mr = (run === 1 || run === 2) && after !== undefined && RANGE_START.test(after) ? MONTH_RANGE.exec(text.slice(i, i + 10)) : null;
  if (mr && +mr[1] >= 1 && +mr[2] <= 12 && +mr[2] > +mr[1]) {
    const year = ctx.contextYear ?? ctx.base.year;
    const p = year === null ? '-' : String(year);
    return { end: i + mr[0].length, kind: 'date', iso: `${p}-${pad(+mr[1])}/${p}-${pad(+mr[2])}` };
  }
  // Month-day without a year: the publication year (contract), else the paragraph's year.
  const year = ctx.base.year ?? ctx.contextYear;
  const md = readMonthDay(text, i, year);
  if (md && !text.startsWith('个月', i)) {
    if (text[md.end - 1] === '月' || text[md.end - 1] === '份') {
      // A bare month: only when clearly a month (not 3月 as in 3个月, and not 三月 inside a word).
      if (!isDigitCode(text.charCodeAt(i)) && !/[，。、；,;\s]|$/.test(text[md.end] ?? '')) return null;
    }
    return { end: md.end, kind: 'date', iso: md.iso };
  }
  return null;
}

function lengthOfDatePart(s: string): number {
  const m = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.exec(s);
  return m ? m[0].length : s.length;
}

/** Relative and year-less period words: 去年底, 今年一季度, 上半年, 年底, 同期… */
export const RELATIVE_DATE_RE =
  /(去年|今年|前年|明年|上年|本年|当年|同年)(?:度(?!假))?(年底|年末|底|末|年初|初|同期|上半年|下半年|前[两二三]个?季度|第?[一二三四1-4]季度|[Qq][1-4]|(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:(?:[0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]|底|末)?)?|(?<![0-9０-９〇零一二三四五六七八九十年前])(上半年|下半年|年底|年末|前[两二三]个?季度|第?[一二三四]季度)/g;

const YEAR_OFFSET: Record<string, number | null> = {
  去年: -1, 上年: -1, 今年: 0, 本年: 0, 当年: null, 同年: null, 前年: -2, 明年: 1,
};

/** Resolve a RELATIVE_DATE_RE match; null when there is nothing to resolve it against. */
export function resolveRelativeDate(match: RegExpExecArray, ctx: DateContext): { iso: string; relative: string } | null {
  const phrase = match[0];
  if (match[1]) {
    const offset = YEAR_OFFSET[match[1]];
    const year = offset === null ? ctx.contextYear : ctx.base.year === null ? null : ctx.base.year + offset;
    if (year === null) return null;
    const tail = match[2] ? readYearTail(match[2], 0, year).iso : String(year);
    return { iso: match[2] === '同期' ? String(year) : tail, relative: phrase };
  }
  // A bare period word: the paragraph's year, else the publication year — and if that would
  // put 年底 after the publication date, the report means last year's.
  let year = ctx.contextYear;
  let fromBase = false;
  if (year === null) {
    year = ctx.base.year;
    fromBase = true;
  }
  if (year === null) return null;
  let iso = readYearTail(match[3], 0, year).iso;
  if (fromBase && ctx.base.iso && ctx.base.month !== null && startOfPeriod(iso) > ctx.base.iso) {
    iso = readYearTail(match[3], 0, year - 1).iso;
  }
  return { iso, relative: phrase };
}

/** The first day of an ISO period (of the last part of a span), for comparing with the base date. */
function startOfPeriod(period: string): string {
  // 前三季度 (2023-Q1/2023-Q3) is known once its last quarter has begun.
  const iso = period.slice(period.lastIndexOf('/') + 1);
  const q = /^(\d{4})-Q([1-4])$/.exec(iso);
  if (q) return `${q[1]}-${pad((+q[2] - 1) * 3 + 1)}-01`;
  const h = /^(\d{4})-H([12])$/.exec(iso);
  if (h) return `${h[1]}-${h[2] === '1' ? '01' : '07'}-01`;
  return iso;
}
