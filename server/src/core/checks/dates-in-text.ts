// Calendar dates as written (2023年2月29日, 二〇二三年三月二十四日, 2023-03-24, 3月24日) read
// straight from the text, so that an impossible date is seen even when no claim could be made
// of it, and the weekday written after it (（星期四）, (周四)) can be checked.
import { DocContext } from './context';

export interface WrittenDate {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
  /** The year was not written and came from the publication date. */
  yearInferred: boolean;
  weekday?: { start: number; end: number; day: number; text: string };
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnSmall(s: string): number | null {
  // 一 … 三十一 (month and day numbers).
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[2] ? CN_DIGIT[m[2]] : 0);
  if (s.length === 1 && s in CN_DIGIT) return CN_DIGIT[s];
  return null;
}

function cnYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九]{4}$/.test(s)) return null;
  return Number([...s].map((c) => CN_DIGIT[c]).join(''));
}

const FULL = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]/g;
const NO_YEAR = /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]/g;
const ISO = /(?<![\d\-/.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d\-/.])/g;
const WEEKDAY = /^\s*[（(]?\s*(星期|礼拜|周)([一二三四五六日天1-7])\s*[）)]?/;
const WEEKDAY_NUM: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 0 };
/** 农历二月三十 is a lunar date: months of 30 days, no Gregorian check applies. */
const LUNAR = /(农历|阴历|旧历|夏历|正月|腊月|冬月)[^，,。；;]{0,6}$/;

/** Dates per rule context: invalid-date and weekday-mismatch both read them. */
export function writtenDates(doc: DocContext): WrittenDate[] {
  return doc.once(scanDates);
}

function scanDates(doc: DocContext): WrittenDate[] {
  const text = doc.text;
  const baseYear = doc.analysis.baseDate ? Number(doc.analysis.baseDate.slice(0, 4)) : null;
  const out: WrittenDate[] = [];
  // Characters already read as part of a date: an overlap test in the length of the date, not
  // in the number of dates found so far.
  // Made at the first date: most paragraphs have none.
  let taken: Uint8Array | undefined;
  const overlapsTaken = (start: number, end: number) => {
    if (taken) for (let i = start; i < end; i++) if (taken[i]) return true;
    return false;
  };
  const push = (start: number, end: number, year: number | null, month: number | null, day: number | null, inferred: boolean) => {
    if (month === null || day === null) return;
    if (overlapsTaken(start, end)) return;
    if (LUNAR.test(text.slice(Math.max(0, start - 12), start))) return;
    (taken ??= new Uint8Array(text.length + 1)).fill(1, start, end);
    const d: WrittenDate = { start, end, year, month, day, yearInferred: inferred };
    const w = WEEKDAY.exec(text.slice(end, end + 8));
    if (w) {
      const ws = end + w.index + (w[0].length - w[0].trimStart().length);
      d.weekday = { start: ws, end: end + w[0].length, day: WEEKDAY_NUM[w[2]], text: w[0].trim() };
    }
    out.push(d);
  };
  // Both written forms but the ISO one need 月.
  const hasMonth = text.includes('月');
  FULL.lastIndex = 0;
  for (let m = hasMonth ? FULL.exec(text) : null; m; m = FULL.exec(text)) {
    push(m.index, m.index + m[0].length, cnYear(m[1]), cnSmall(m[2]), cnSmall(m[3]), false);
  }
  ISO.lastIndex = 0;
  for (let m = ISO.exec(text); m; m = ISO.exec(text)) {
    const y = Number(m[1]);
    if (y < 1900 || y > 2100) continue;
    push(m.index, m.index + m[0].length, y, Number(m[3]), Number(m[4]), false);
  }
  NO_YEAR.lastIndex = 0;
  for (let m = hasMonth ? NO_YEAR.exec(text) : null; m; m = NO_YEAR.exec(text)) {
    const prev = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[\d〇零一二三四五六七八九十年]/.test(prev)) continue;
    push(m.index, m.index + m[0].length, baseYear, cnSmall(m[1]), cnSmall(m[2]), true);
  }
  return out.sort((a, b) => a.start - b.start);
}

export function daysInMonth(year: number | null, month: number): number {
  if (month === 2) {
    if (year === null) return 29;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidDate(d: WrittenDate): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= daysInMonth(d.year, d.month);
}

/** 0 = Sunday … 6 = Saturday, proleptic Gregorian. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
export const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
