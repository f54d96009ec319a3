// What a figure measures, as far as comparing two statements goes: the subject, the unit
// family and the period it refers to. Two figures are restatements of one metric only when all
// three agree; the same subject in two different years is two metrics.
import type { Claim } from '../types';
import type { DocContext } from './context';
import { firstIndex } from '../bisect';

/** Unit family: money per currency, counts per measure word, rates, physical units. */
export function unitFamily(c: Claim): string {
  switch (c.kind) {
    case 'money':
      return `money:${c.unit || 'CNY'}`;
    case 'count':
      return `count:${c.unit}`;
    case 'percent':
      return `percent:${c.unit}`;
    case 'percent-point':
      return 'pp';
    case 'multiple':
      return 'multiple';
    case 'fraction':
      return 'fraction';
    default:
      return `${c.kind}:${c.unit}`;
  }
}

/** Period words the text may use instead of a date claim. */
const PERIOD_WORDS =
  /(\d{4}|[〇零一二三四五六七八九]{4})年(?:度)?(?:(一|二|三|四|1|2|3|4|第一|第二|第三|第四)季度|(上|下)半年|前三季度|底|末)?|(上年同期|去年同期|同期|上年|去年|前年|今年|本年|当年|上半年|下半年|前三季度|(?:第)?[一二三四1-4]季度|上月|本月|上季度|本季度)/g;

const QUARTER: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 第一: '1', 第二: '2', 第三: '3', 第四: '4', '1': '1', '2': '2', '3': '3', '4': '4' };

function digitsOfYear(y: string): string {
  const map: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  return y.replace(/[〇零一二三四五六七八九]/g, (d) => map[d]);
}

/** A period as a comparable key: "2021", "2021-Q1", "2021-H1", "prior-year", "" (unknown). */
function periodKey(m: RegExpExecArray): string {
  if (m[1]) {
    const y = digitsOfYear(m[1]);
    if (m[2]) return `${y}-Q${QUARTER[m[2]]}`;
    if (m[3]) return `${y}-H${m[3] === '上' ? 1 : 2}`;
    if (m[0].includes('前三季度')) return `${y}-Q1-3`;
    return y;
  }
  const w = m[4];
  if (/同期|上年|去年/.test(w)) return 'prior-year';
  if (w === '前年') return 'prior-2';
  if (/今年|本年|当年/.test(w)) return 'current-year';
  if (w === '上半年') return 'H1';
  if (w === '下半年') return 'H2';
  if (w === '前三季度') return 'Q1-3';
  if (/季度/.test(w)) {
    if (w === '上季度') return 'prior-quarter';
    if (w === '本季度') return 'current-quarter';
    const q = /[一二三四1-4]/.exec(w);
    return q ? `Q${QUARTER[q[0]]}` : '';
  }
  if (w === '上月') return 'prior-month';
  if (w === '本月') return 'current-month';
  return '';
}

/** 比上年 / 较去年同期: the phrase after it is a comparison base. */
const COMPARISON_BEFORE = /(?:比|较|相比|相较|相较于|与|同)$/;
/** 2021年3月: a month right after a year makes it a day's year (sticky: tested at an offset). */
const MONTH_AFTER = /\s*\d{1,2}月/y;

/** Every period phrase in a span of text, with its offset. */
export function periodPhrases(text: string, from: number, to: number): { offset: number; key: string; text: string }[] {
  const out: { offset: number; key: string; text: string }[] = [];
  const slice = text.slice(from, to);
  PERIOD_WORDS.lastIndex = 0;
  for (let m = PERIOD_WORDS.exec(slice); m; m = PERIOD_WORDS.exec(slice)) {
    // 2021年3月31日: a day, not a period; skip full dates.
    if (m[1] && !m[2] && !m[3]) {
      MONTH_AFTER.lastIndex = m.index + m[0].length;
      if (MONTH_AFTER.test(slice)) continue;
    }
    // 比上年增长 / 较去年同期: a comparison base, not the period of what follows.
    if (COMPARISON_BEFORE.test(slice.slice(Math.max(0, m.index - 3), m.index))) continue;
    const key = periodKey(m);
    if (key) out.push({ offset: from + m.index, key, text: m[0] });
  }
  return out;
}

/**
 * The period phrase governing a figure: the nearest one before it in its sentence, else the
 * nearest one before it in its paragraph, else null (the document's own period).
 */
export function periodPhraseOf(doc: DocContext, claim: Claim): { offset: number; key: string; text: string } | null {
  const sentence = doc.sentenceOf(claim.start);
  const inSentence = lastPhraseIn(doc, sentence.start, claim.start);
  if (inSentence) return inSentence;
  const para = doc.paragraphOf(claim.start);
  // A report pasted as one long line is one "paragraph": look back a bounded distance.
  return lastPhraseIn(doc, Math.max(para.start, claim.start - 600), claim.start);
}

/** A match of PERIOD_WORDS in a whole text, with what periodPhrases decides from around it. */
interface ScannedPhrase {
  offset: number;
  end: number;
  key: string;
  text: string;
  /** A bare year (no quarter, no half): where a month right after it ends (-1: none). */
  dayEnd: number;
  /** A comparison word in the three characters before it (比上年, 较去年同期). */
  base: boolean;
}

function scannedPhrases(doc: DocContext): ScannedPhrase[] {
  return doc.once(scanPhrases);
}

function scanPhrases(doc: DocContext): ScannedPhrase[] {
  const list: ScannedPhrase[] = [];
  const text = doc.text;
  PERIOD_WORDS.lastIndex = 0;
  for (let m = PERIOD_WORDS.exec(text); m; m = PERIOD_WORDS.exec(text)) {
    const end = m.index + m[0].length;
    let dayEnd = -1;
    if (m[1] && !m[2] && !m[3]) {
      MONTH_AFTER.lastIndex = end;
      if (MONTH_AFTER.test(text)) dayEnd = MONTH_AFTER.lastIndex;
    }
    list.push({ offset: m.index, end, key: periodKey(m), text: m[0], dayEnd, base: COMPARISON_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index)) });
  }
  return list;
}

/**
 * periodPhrases(doc.text, from, to)'s last phrase, from one scan of the text per context. A
 * match running across `from` or `to` would read differently in the span: then the span itself
 * is scanned, as periodPhrases does.
 */
function lastPhraseIn(doc: DocContext, from: number, to: number): { offset: number; key: string; text: string } | null {
  const list = scannedPhrases(doc);
  const lo = firstIndex(0, list.length, (i) => list[i].end > from);
  // list[lo] is the first match ending after `from`.
  if (lo < list.length && list[lo].offset < from) return slowLastPhrase(doc, from, to);
  let last = lo - 1;
  while (last + 1 < list.length && list[last + 1].offset < to) last++;
  if (last >= lo && list[last].end > to) return slowLastPhrase(doc, from, to);
  for (let i = last; i >= lo; i--) {
    const p = list[i];
    // 2021年3月31日: a day, not a period (when its month lies in the span too).
    if (p.dayEnd >= 0 && p.dayEnd <= to) continue;
    const base = p.offset - from >= 3 ? p.base : COMPARISON_BEFORE.test(doc.text.slice(from, p.offset));
    if (base || !p.key) continue;
    return p;
  }
  return null;
}

function slowLastPhrase(doc: DocContext, from: number, to: number): { offset: number; key: string; text: string } | null {
  const found = periodPhrases(doc.text, from, to);
  return found.length ? found[found.length - 1] : null;
}

export function periodOf(doc: DocContext, claim: Claim): string {
  return periodPhraseOf(doc, claim)?.key ?? '';
}

/** Words that make a figure a different measure of the same subject (a daily rate, a peak …). */
const MODIFIERS = /(累计|总计|合计|共计|新增|日均|每日|每天|单日|月均|每月|年均|人均|平均|最高|最低|峰值|同比|环比|净|首次|首批|单笔|单个|每个|每家|每人)/g;

export function modifiersOf(doc: DocContext, claim: Claim): string {
  const clause = doc.clauseOf(claim.start);
  const lead = doc.slice(clause.start, claim.start);
  MODIFIERS.lastIndex = 0;
  let m = MODIFIERS.exec(lead);
  if (!m) return ''; // most figures have none
  const found = new Set<string>();
  for (; m; m = MODIFIERS.exec(lead)) found.add(m[1] === '总计' || m[1] === '合计' || m[1] === '共计' ? '累计' : m[1]);
  return [...found].sort().join(',');
}

const YEAR_KEY = /^\d{4}$/;

/**
 * A figure's period as far as its own paragraph tells. Two cases need the paragraphs around
 * it, and are resolved per document (resolvePeriod): a figure with no period words takes the
 * document's own period, and 上年 with no year before it in its paragraph counts back from the
 * last year stated in an earlier paragraph.
 */
export type PeriodSpec = { resolved: string } | { unresolved: 'document-year' | 'year-before-paragraph' };

/** What a paragraph's periods are resolved against: the paragraphs before it, and the text. */
export interface PeriodEnv {
  /** The document's own period: the first year any paragraph states (a report's title year). */
  documentYear: string;
  /** The last year stated in the paragraphs before this one. */
  yearBefore: string | null;
  /** The year of the publication date (the base date). */
  baseYear: number | null;
}

/** The first and last years a paragraph states, for the document's period and later 上年. */
export interface ParagraphYears {
  first: string | null;
  last: string | null;
}

const NO_YEARS: ParagraphYears = Object.freeze({ first: null, last: null });

export function paragraphYears(doc: DocContext, paragraph: { start: number; end: number }): ParagraphYears {
  // From the context's one scan of its text (the figures' periods read it too); a phrase
  // running across the paragraph's edges would read differently in the paragraph alone.
  let first: string | null = null;
  let last: string | null = null;
  for (const p of scannedPhrases(doc)) {
    if (p.end <= paragraph.start || p.offset >= paragraph.end) continue;
    if (p.offset < paragraph.start || p.end > paragraph.end) return slowParagraphYears(doc, paragraph);
    // As periodPhrases reads them: not a day's year (2021年3月), not a comparison base (比上年).
    if (p.dayEnd >= 0 || p.base || !YEAR_KEY.test(p.key)) continue;
    first ??= p.key;
    last = p.key;
  }
  return first === null ? NO_YEARS : { first, last };
}

function slowParagraphYears(doc: DocContext, paragraph: { start: number; end: number }): ParagraphYears {
  const years = periodPhrases(doc.text, paragraph.start, paragraph.end).filter((p) => YEAR_KEY.test(p.key));
  return years.length ? { first: years[0].key, last: years[years.length - 1].key } : NO_YEARS;
}

function baseYearOf(doc: DocContext): number | null {
  return doc.analysis.baseDate ? Number(doc.analysis.baseDate.slice(0, 4)) : null;
}

/** Relative periods resolved against the publication year, so 去年 and 2022年 can meet. */
export function localPeriod(doc: DocContext, claim: Claim): PeriodSpec {
  const phrase = periodPhraseOf(doc, claim);
  const key = phrase?.key ?? '';
  const base = baseYearOf(doc);
  if (key === '') return { unresolved: 'document-year' };
  // 上年/上年同期 count back from the year under discussion, 去年 from the publication date.
  if (key === 'prior-year' && phrase && /上年|同期|上一年|前一年/.test(phrase.text)) {
    const para = doc.paragraphOf(claim.start);
    // The latest year stated before 上年 in its paragraph, else before the paragraph.
    const inPara = periodPhrases(doc.text, para.start, phrase.offset).filter((p) => YEAR_KEY.test(p.key));
    if (!inPara.length) return { unresolved: 'year-before-paragraph' };
    return { resolved: String(Number(inPara[inPara.length - 1].key) - 1) };
  }
  if (base === null) return { resolved: key };
  if (key === 'current-year') return { resolved: String(base) };
  if (key === 'prior-year') return { resolved: String(base - 1) };
  if (key === 'prior-2') return { resolved: String(base - 2) };
  return { resolved: key };
}

export function resolvePeriod(spec: PeriodSpec, env: PeriodEnv): string {
  if ('resolved' in spec) return spec.resolved;
  if (spec.unresolved === 'document-year') return env.documentYear;
  const governing = env.yearBefore !== null ? Number(env.yearBefore) : env.baseYear;
  return governing !== null ? String(governing - 1) : 'prior-year';
}

/** The period environment of every paragraph, from their years in text order. */
export function periodEnvs(years: ParagraphYears[], baseDate: string | null): PeriodEnv[] {
  const baseYear = baseDate ? Number(baseDate.slice(0, 4)) : null;
  let documentYear = '';
  for (const y of years) {
    if (y.first !== null) {
      documentYear = y.first;
      break;
    }
  }
  const out: PeriodEnv[] = [];
  let env: PeriodEnv = { documentYear, yearBefore: null, baseYear };
  for (const y of years) {
    out.push(env);
    // Paragraphs share one environment object until a year changes it.
    if (y.last !== null && y.last !== env.yearBefore) env = { documentYear, yearBefore: y.last, baseYear };
  }
  return out;
}

/** Metric key = subject + unit family + period (+ modifiers that change the measure). */
export function metricKey(subject: string, family: string, period: string, modifiers: string): string {
  return `${subject}|${family}|${period}|${modifiers}`;
}
