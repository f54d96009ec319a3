// The claim scanner: one pass over a paragraph that finds every figure, reads its numeral,
// the qualifier words before and after it, its unit or measure word, ranges and vague
// amounts, and leaves out what only looks like a figure (codes, phone numbers, 两会, 第一动力).
import type { Claim, ClaimKind, NumeralStyle, Qualifier } from './types';
import {
  readArabic, readChinese, isAsciiDigit, isDigitCode, isChineseNumeralChar, isChineseNumeralCode, isChineseDigitCode, roundFloat, SCALE_CHARS,
  type NumberRead,
} from './numerals';
import { matchUnit, currencyPrefixBefore, timeUnitAfterHalf, type UnitDef } from './units';
import {
  PREFIX_QUALIFIERS, INNER_SUFFIXES, OUTER_SUFFIXES, matchBefore, matchAt, combineQualifiers, type QualifierWord,
} from './qualifiers';
import { readDateAt, RELATIVE_DATE_RE, resolveRelativeDate, type BaseDate, type DateContext } from './dates';
import { findExclusions, overlapsAny, type Span } from './exclusions';
import { cut } from './segmenter';

/**
 * Where a figure may start, by character code: a digit or numeral character (1), or a sign
 * (2), which starts one only before an ASCII digit. A table, not a regex: the scan asks for
 * the next candidate after every figure, and a regex match allocates an array each time.
 */
const CANDIDATE = new Uint8Array(0x10000);
for (const ch of '0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅') CANDIDATE[ch.charCodeAt(0)] = 1;
for (const ch of '-−+＋') CANDIDATE[ch.charCodeAt(0)] = 2;

/** The first place at or after `from` where a figure may start, or -1. */
function nextCandidate(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const kind = CANDIDATE[text.charCodeAt(i)];
    if (kind === 1 || (kind === 2 && isAsciiDigit(text.charCodeAt(i + 1)))) return i;
  }
  return -1;
}
const TITLE = /《[^《》\n]{0,80}》/g;
const DOUBLING = /翻了?(一|两|二|三|四|[1-4])?番/g;
/**
 * Half a unit of time with no numeral before it (近半年来, 半个月, 半小时内): not 上半年 or 下半年
 * (dates), nor 一年半 (read with its numeral), nor 半年报 and 半年度 (a report and a period).
 */
const HALF_TIME = /(?<![上下前后多大过\d〇零一二两三四五六七八九十百])半(?:个月|个小时|个钟头|个星期|年|小时)(?![报度刊])/g;
const CN_UNIT_START = /^[十百千万亿拾佰仟萬億]/;
const RANGE_SEP = /^(?:[～~〜\-—–－]|至|到)/;
const COMPARISON_BEFORE = /(?:比|较|与|同|相比|对比|比起|[高低多少大小超]于)$/;

/** Measure words that a Chinese numeral may not take, because numeral + word is a common word. */
const CHINESE_NOT_UNIT = new Set(['分', '点', '方', '度', '道', '口', '门', '头', '手', '面', '把', '对', '处', '片', '层', '段', '集']);
/** Words that start with a measure word and mean something else (3方面, 5对应). */
const NOT_UNIT_AFTER: Record<string, RegExp> = {
  方: /^方[面案式向法]/,
  对: /^对[于应比象手方话外待接]/,
  分: /^分[之别析公配享]/,
  点: /^点[击赞评]/,
  处: /^处[理罚置]/,
  起: /^起[来到诉步草]/,
  件: /^件事/,
  场: /^场[景所]/,
  款: /^款项/,
  期: /^期[间内限货待望]/,
  类: /^类[似型]/,
  名: /^名[单称义牌额]/,
  部: /^部[门分署]/,
  道: /^道[路理德]/,
  头: /^头[部条号]/,
  批: /^批[准评示]/,
  单: /^单[位独一]/,
  本: /^本[地土次月年届着身]/,
  位: /^位[于置居列]/,
  台: /^台[湾州]/,
  国: /^国[家内际产外]/,
  市: /^市[场值民]/,
  区: /^区[域块]/,
  人: /^人[民员才工]/,
  股: /^股[东份权票市民价本息利]/,
};
/** 成 as a tenth, unless it starts a word (成为, 成本, 一成不变). */
const NOT_TENTH_AFTER = /^成[为功本交果员立长绩效熟品就型年人都语分熟不]/;

/** The prefix qualifiers that bound a value (not 达 为 是). */
const BOUNDING_PREFIXES = PREFIX_QUALIFIERS.filter((q) => q.qualifier !== 'exact');

export interface ScanContext {
  base: BaseDate;
}

interface Pending {
  start: number;
  end: number;
  kind: ClaimKind;
  value: number | null;
  upper: number | null;
  unit: string;
  qualifier: Qualifier;
  date: string | null;
  numeral: string;
  scale: string;
  unitText: string;
  qualifierWords: string[];
  step: number;
  style: NumeralStyle;
  vague: boolean;
  relative?: { phrase: string; base: string };
  /** No unit was written: a bare amount, money only if its subject says so. */
  bare: boolean;
}

export interface ScannedClaim {
  claim: Claim;
  /** No unit was written (入驻量超58万): money only if its subject says so. */
  bare: boolean;
}

/** Find every claim in `text` (a paragraph); offsets are relative to `text`. Subjects are filled later. */
export function scanClaims(text: string, ctx: ScanContext): ScannedClaim[] {
  const blocked: Span[] = findExclusions(text);
  TITLE.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = TITLE.exec(text)) !== null) blocked.push({ start: t.index, end: t.index + t[0].length });
  blocked.sort((a, b) => a.start - b.start);

  const claims: Pending[] = [];
  const dateCtx: DateContext = { base: ctx.base, contextYear: null };
  const baseText = ctx.base.iso ?? '';

  // Relative and year-less dates (去年底, 今年一季度, 上半年) and doublings (翻两番) contain no
  // Arabic digits; find them first so that numerals inside them are skipped. Dates are resolved
  // when the scan reaches them, so that a bare 年底 takes the year stated just before it.
  const words: Array<{ start: number; end: number; make: () => Pending }> = [];
  RELATIVE_DATE_RE.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = RELATIVE_DATE_RE.exec(text)) !== null) {
    if (overlapsAny(blocked, r.index, r.index + r[0].length)) continue;
    // 比上年增长, 较去年同期: the base of a comparison, not a claim about that year.
    if (r[1] && COMPARISON_BEFORE.test(text.slice(Math.max(0, r.index - 3), r.index))) continue;
    const match = r;
    words.push({ start: r.index, end: r.index + r[0].length, make: () => relativeDate(match) });
  }
  DOUBLING.lastIndex = 0;
  while ((r = DOUBLING.exec(text)) !== null) {
    const n = r[1] ? ({ 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 } as Record<string, number>)[r[1]] ?? Number(r[1]) : 1;
    const start = r.index;
    const end = r.index + r[0].length;
    const written = r[0];
    words.push({
      start, end,
      make: () => ({
        start, end, kind: 'multiple', value: Math.pow(2, n), upper: null, unit: '×', qualifier: 'exact', date: null,
        numeral: written, scale: '', unitText: written, qualifierWords: [], step: 1, style: 'chinese', vague: false, bare: false,
      }),
    });
  }
  HALF_TIME.lastIndex = 0;
  while ((r = HALF_TIME.exec(text)) !== null) {
    const start = r.index;
    const unit = matchUnit(text, start + 1);
    if (!unit || unit.kind !== 'duration' || overlapsAny(blocked, start, start + r[0].length)) continue;
    words.push({ start, end: start + r[0].length, make: () => halfTime(text, start, unit) });
  }
  words.sort((a, b) => a.start - b.start);

  function relativeDate(match: RegExpExecArray): Pending {
    const resolved = resolveRelativeDate(match, dateCtx);
    const start = match.index;
    return {
      start, end: start + match[0].length, kind: 'date', value: null, upper: null, unit: '', qualifier: 'exact',
      date: resolved ? resolved.iso : null, numeral: '', scale: '', unitText: '', qualifierWords: [], step: 1,
      style: 'chinese', vague: false, bare: false,
      relative: resolved ? { phrase: resolved.relative, base: baseText || String(dateCtx.contextYear ?? '') } : undefined,
    };
  }

  let wi = 0; // next word-claim to merge
  let pos = 0;
  for (let i = nextCandidate(text, 0); i >= 0; i = nextCandidate(text, pos)) {
    // Word claims that start before this candidate come first, in order.
    while (wi < words.length && words[wi].start <= i) {
      const w = words[wi++];
      if (w.start >= pos) {
        claims.push(w.make());
        pos = w.end;
      }
    }
    if (i < pos) continue;
    if (overlapsAny(blocked, i, i + 1)) {
      pos = skipSpan(blocked, i);
      continue;
    }
    const found = readClaimAt(text, i, dateCtx);
    if (found) {
      if (found.statedYear !== undefined) dateCtx.contextYear = found.statedYear;
      if (found.claim) claims.push(found.claim);
      pos = Math.max(found.end, i + 1);
    } else {
      pos = skipNumeralRun(text, i);
    }
  }
  while (wi < words.length) {
    const w = words[wi++];
    if (w.start >= pos) {
      claims.push(w.make());
      pos = w.end;
    }
  }
  return claims.filter((c) => !(c.kind === 'date' && c.date === null)).map(toClaim(text));
}

/** 半年, 半个月内, 半小时左右: half the unit, with the bound written after it. */
function halfTime(text: string, start: number, unit: UnitDef): Pending {
  let end = start + 1 + unit.text.length;
  const qualifierWords: string[] = [];
  let qualifier: Qualifier = 'exact';
  const outer = matchAt(text, end, OUTER_SUFFIXES);
  if (outer && outer.text !== '上下') {
    qualifier = outer.qualifier;
    qualifierWords.push(outer.text);
    end += outer.text.length;
  } else if (text[end] === '内') {
    qualifier = 'at-most';
    qualifierWords.push('内');
    end += 1;
  }
  return {
    start, end, kind: 'duration', value: 0.5 * unit.factor, upper: null, unit: unit.unit, qualifier, date: null,
    numeral: '半', scale: '', unitText: unit.text, qualifierWords, step: 0.5 * unit.factor, style: 'chinese', vague: false, bare: false,
  };
}

function skipSpan(spans: Span[], i: number): number {
  for (const s of spans) if (s.start <= i && i < s.end) return s.end;
  return i + 1;
}

/** Past the whole run of digits and numeral characters at i, so that a rejected 十四五 is not re-read as 四五. */
function skipNumeralRun(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isDigitCode(c) || isChineseNumeralCode(c) || c === 46 || c === 44) j++;
    else break;
  }
  return j;
}

function toClaim(text: string): (p: Pending) => ScannedClaim {
  return (p) => {
    const claim: Claim = {
      text: text.slice(p.start, p.end),
      start: p.start,
      end: p.end,
      kind: p.kind,
      value: p.value === null ? null : roundFloat(p.value),
      upper: p.upper === null ? null : roundFloat(p.upper),
      unit: p.unit,
      qualifier: p.qualifier,
      date: p.date,
      subject: '',
      numeral: p.numeral,
      scale: p.scale,
      unitText: p.unitText,
      qualifierText: p.qualifierWords.join('…'),
      step: p.step,
      style: p.style,
      vague: p.vague,
      qualifierWords: p.qualifierWords,
    };
    if (p.relative) claim.relative = p.relative;
    return { claim, bare: p.bare };
  };
}

interface Found {
  end: number;
  claim: Pending | null;
  statedYear?: number;
}

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

/** Letters glued to the digits make a code or model (100EC, iPhone 14, COVID-19, A3), not a figure. */
function gluedToLetters(text: string, start: number): boolean {
  let j = start - 1;
  if (text[j] === ' ' || text[j] === '-') j--;
  if (!isAsciiLetter(text[j])) return false;
  // Currency codes and quarter marks are fine: RMB 50, US$ 3, Q1.
  return !currencyPrefixBefore(text, start);
}

function readClaimAt(text: string, i: number, dateCtx: DateContext): Found | null {
  const ch = text[i];
  // Never start inside a decimal whose integer part was skipped (a blocked 8 in 8.6万).
  if ((text[i - 1] === '.' || text[i - 1] === '．') && isDigitCode(text.charCodeAt(i - 2))) return null;
  const arabicStart = isDigitCode(text.charCodeAt(i)) || ((ch === '-' || ch === '−' || ch === '+' || ch === '＋') && isDigitCode(text.charCodeAt(i + 1)));
  if (arabicStart && gluedToLetters(text, i)) return null;
  // A sign only when it is not a range dash or part of a word: "增长-3.2%" yes, "3-5" no.
  if (!isDigitCode(text.charCodeAt(i)) && (isDigitCode(text.charCodeAt(i - 1)) || isAsciiLetter(text[i - 1]))) return null;

  // Ordinals: 第三届, 第1名.
  if (text[i - 1] === '第') return readOrdinal(text, i, dateCtx);

  // Dates and times.
  if (isDigitCode(text.charCodeAt(i)) || isChineseDigitCode(text.charCodeAt(i))) {
    const d = readDateAt(text, i, dateCtx);
    if (d) {
      return {
        end: d.end,
        statedYear: d.statedYear,
        claim: {
          start: d.start ?? i, end: d.end, kind: d.kind, value: null, upper: null, unit: '', qualifier: 'exact', date: d.iso,
          numeral: text.slice(i, d.end), scale: '', unitText: '', qualifierWords: [], step: 1,
          style: isDigitCode(text.charCodeAt(i)) ? 'arabic' : 'chinese', vague: false, bare: false,
        },
      };
    }
  }

  // 百分之三十, 千分之五.
  if (text.startsWith('百分之', i) || text.startsWith('千分之', i)) {
    const n = readNumber(text, i + 3);
    if (!n) return null;
    const permille = ch === '千';
    return finish(text, i, n, {
      kind: 'percent', unit: permille ? '‰' : '%', factor: 1, text: text.slice(i, i + 3),
    }, i + 3, n.end);
  }

  // 万分之五: a ratio too small for a percent sign of its own.
  if (text.startsWith('万分之', i)) {
    const n = readNumber(text, i + 3);
    return n ? fraction(text, i, i, n.end, n.value / 10000, '万分之', n.style) : null;
  }

  const n = readNumber(text, i);
  if (!n) return null;
  const found = finishNumber(text, i, n);
  // 负五, 零下5℃: a sign written in words.
  const sign = text.startsWith('零下', i - 2) ? '零下' : text[i - 1] === '负' ? '负' : '';
  if (sign && found?.claim && found.claim.value !== null && found.claim.start === i) {
    const c = found.claim;
    c.value = -(c.value as number);
    if (c.upper !== null) [c.value, c.upper] = [-c.upper, c.value];
    c.start -= sign.length;
  }
  return found;
}

function readNumber(text: string, i: number): NumberRead | null {
  const c = text.charCodeAt(i);
  if (isDigitCode(c) || text[i] === '-' || text[i] === '−' || text[i] === '+' || text[i] === '＋') return readArabic(text, i);
  return readChinese(text, i);
}

function readOrdinal(text: string, i: number, dateCtx: DateContext): Found | null {
  const n = readNumber(text, i);
  if (!n || n.scale || n.upper !== null || n.hasDecimal) return null;
  // 第四季度 after a year is part of the date; on its own it is that quarter of the base year.
  if (text.startsWith('季度', n.end) && n.value >= 1 && n.value <= 4) {
    const year = dateCtx.contextYear ?? dateCtx.base.year;
    if (year === null) return { end: n.end + 2, claim: null };
    return {
      end: n.end + 2,
      claim: {
        start: i - 1, end: n.end + 2, kind: 'date', value: null, upper: null, unit: '', qualifier: 'exact',
        date: `${year}-Q${n.value}`, numeral: n.numeral, scale: '', unitText: '季度', qualifierWords: [], step: 1,
        style: n.style, vague: false, bare: false,
      },
    };
  }
  const unit = matchUnit(text, n.end);
  const ordinalUnit = unit && unit.kind === 'count' ? unit.text : /^[年季期轮代批]/.test(text[n.end] ?? '') ? text[n.end] : null;
  if (!ordinalUnit) {
    // 排名第1, 位居全省第二。 (then punctuation) is an ordinal; 第一动力 is a word.
    if (/[\u4e00-\u9fffA-Za-z0-9]/.test(text[n.end] ?? '')) return { end: n.end, claim: null };
  }
  const end = n.end + (ordinalUnit ? ordinalUnit.length : 0);
  return {
    end,
    claim: {
      start: i - 1, end, kind: 'ordinal', value: n.value, upper: null, unit: ordinalUnit ?? '', qualifier: 'exact',
      date: null, numeral: n.numeral, scale: '', unitText: ordinalUnit ?? '', qualifierWords: [], step: 1,
      style: n.style, vague: false, bare: false,
    },
  };
}

/** A unit may start with what readArabic took as a scale (5千克, 3千米): give the scale back. */
function giveBackScale(text: string, n: NumberRead, start: number): NumberRead {
  if (!n.scale) return n;
  for (let p = n.end - n.scale.length; p < n.end; p++) {
    const u = matchUnit(text, p);
    if (u && u.text.length > 1 && u.text[0] in SCALE_CHARS) {
      // 1.5亿千瓦时: the scale stops where the unit begins.
      const again = readArabic(text.slice(0, p), start);
      if (again) return again;
    }
  }
  return n;
}

function finishNumber(text: string, i: number, n0: NumberRead): Found | null {
  let n = giveBackScale(text, n0, i);
  if (n.style === 'chinese' && n.end > i + 1 && /[千]/.test(text[n.end - 1])) {
    // 五千克 → 五 + 千克
    const u = matchUnit(text, n.end - 1);
    if (u && u.text.length > 1) {
      const shorter = readChinese(text.slice(0, n.end - 1), i);
      if (shorter) n = shorter;
    }
  }
  // Approximate Chinese pairs and vague amounts.
  const before = text[i - 1];
  let vague = false;
  let vagueQualifier: QualifierWord | null = null;
  if (n.style === 'chinese' && CN_UNIT_START.test(text[i]) && text[i] !== '十') {
    // 百, 千, 万 without a digit: only as 数百, 上千, 近百, 百余, 过万.
    if (before === '数' || before === '几') {
      vague = true;
    } else if ((before === '上' && /成[千百]$/.test(text.slice(Math.max(0, i - 3), i - 1))) || /^[千百]上[万千]/.test(text.slice(i, i + 3))) {
      return null; // 成千上万, 成百上千: an idiom for "very many", no figure
    } else if (before === '上' || before === '过' || before === '破') {
      vague = true;
      // 突破百亿, 超过百万: the qualifier is the whole word, not its last character.
      const word = (before === '破' && text[i - 2] === '突') || (before === '过' && text[i - 2] === '超') ? text.slice(i - 2, i) : before;
      vagueQualifier = { text: word, qualifier: 'over' };
    } else if (!matchBefore(text, i, BOUNDING_PREFIXES) && !/^[余多]/.test(text[n.end] ?? '')) {
      return null;
    }
  } else if (n.style === 'chinese' && text[i] === '十' && (before === '数' || before === '几')) {
    vague = true; // 数十家, 几十个
  }
  return finish(text, i, n, null, i, n.end, vague, vagueQualifier);
}

/**
 * Everything after the numeral: inner suffix (余 多), scale after it (40多万), range, unit,
 * outer suffix (以上 左右); then the prefix qualifier and the decision whether this is a claim.
 */
function finish(
  text: string,
  start: number,
  n: NumberRead,
  prefixUnit: UnitDef | null,
  numStart: number,
  numEnd: number,
  vague = false,
  vagueQualifier: QualifierWord | null = null,
): Found | null {
  let value = n.value;
  let upper = n.upper;
  let step = n.step;
  let scale = n.scale;
  let style = n.style;
  let j = numEnd;
  const qualifierWords: string[] = [];
  let inner: Qualifier | null = null;

  // Vague amounts: 数十万 → 10万..100万; 上千 → over 1000.
  const vagueWord = vague ? text[numStart - 1] : '';
  if (vague && (vagueWord === '数' || vagueWord === '几')) {
    upper = value * 10;
  }

  // 70余家, 1000多家, 十来个, 40多万
  const innerWord = matchAt(text, j, INNER_SUFFIXES);
  if (innerWord && (matchUnit(text, j + 1) || text[j + 1] in SCALE_CHARS || /[，。、；,;\s）)]|$/.test(text[j + 1] ?? ''))) {
    // 十几个 → 10..20: 几 after a round numeral spans its last place.
    if (innerWord.text === '几') {
      if (n.style !== 'chinese' || !/[十百千万]$/.test(n.numeral)) return null;
      upper = value + n.step;
    }
    inner = innerWord.qualifier;
    qualifierWords.push(innerWord.text);
    j += innerWord.text.length;
    let k = j;
    let extra = 1;
    while (k < text.length && text[k] in SCALE_CHARS && text[k] !== '十') {
      extra *= SCALE_CHARS[text[k]];
      k++;
    }
    if (k > j) {
      value *= extra;
      step *= extra;
      if (upper !== null) upper *= extra;
      scale += text.slice(j, k);
      j = k;
    }
  }

  // The unit, or a range first: 3～5万, 10-20万元, 20%~30%, 三至五成.
  let unit = prefixUnit ?? unitAt(text, j, n);
  let unitEnd = unit && !prefixUnit ? j + unit.text.length : j;
  const sepPos = unit ? unitEnd : j;
  const sep = RANGE_SEP.exec(text.slice(sepPos, sepPos + 1));
  if (sep && upper === null && !vague && !prefixUnit) {
    const secondStart = sepPos + sep[0].length;
    const sameSystem = n.style === 'chinese' ? isChineseNumeralChar(text[secondStart] ?? '') : isDigitCode(text.charCodeAt(secondStart));
    if (sameSystem && !(sep[0] === '-' && text[secondStart - 2] === ' ')) {
      const second = n.style === 'chinese' ? readChinese(text, secondStart) : readArabic(text, secondStart);
      if (second) {
        const unit2 = unitAt(text, second.end, second);
        const sameUnit = !unit || !unit2 || unit.unit === unit2.unit;
        const tenths = !unit && !unit2 && text[second.end] === '成' && !NOT_TENTH_AFTER.test(text.slice(second.end, second.end + 2));
        const hasUnitOrScale = unit || unit2 || second.scale || n.scale || tenths;
        if (sameUnit && hasUnitOrScale) {
          let lo = value;
          const hi = second.value;
          // 3～5万: the first number takes the second's scale.
          if (!n.scale && second.scale) {
            const s = scaleValue(second.scale);
            lo = value * s;
            step = Math.min(n.step * s, second.step);
            scale = second.scale;
          } else {
            step = Math.min(step, second.step);
          }
          if (hi > lo) {
            value = lo;
            upper = hi;
            const finalUnit = unit2 ?? unit;
            unit = finalUnit;
            j = second.end;
            unitEnd = finalUnit && unit2 ? second.end + finalUnit.text.length : second.end;
            if (!unit2) unitEnd = second.end;
            if (style !== second.style) style = 'mixed';
          }
        }
      }
    }
  }
  // 三个半月, 两个半小时: the half is written inside the unit.
  let half = false;
  if (unit && unit.text === '个' && !prefixUnit && upper === null && text[unitEnd] === '半') {
    const whole = timeUnitAfterHalf(text, unitEnd + 1);
    if (whole) {
      unit = whole;
      unitEnd += whole.text.length;
      value += 0.5;
      half = true;
    }
  }
  // Currency written before the amount: ¥100, US$1.2亿, 人民币50万元.
  let spanStart = start;
  // Symbols go with digits (¥199); a written currency also with Chinese numerals (人民币壹拾万元整).
  const prefixFound = prefixUnit ? null : currencyPrefixBefore(text, numStart);
  const currency = prefixFound && (n.style !== 'chinese' || /[\u4e00-\u9fff]/.test(text[prefixFound.start])) ? prefixFound : null;
  let kind: ClaimKind;
  let baseUnit: string;
  let factor = 1;
  let unitText = unit ? unit.text : '';
  if (currency && (!unit || unit.kind === 'money')) {
    kind = 'money';
    // 港币3.5亿元: the plain 元 after the amount is the unit of the currency named before it.
    baseUnit = unit && unit.kind === 'money' && unit.text !== '元' ? unit.unit : currency.code;
    spanStart = currency.start;
  } else if (unit) {
    kind = unit.kind;
    baseUnit = unit.unit;
    factor = unit.factor;
    // 时速350公里: a distance per hour is a speed.
    if (baseUnit === 'km' && SPEED_BEFORE.test(text.slice(Math.max(0, spanStart - 8), spanStart))) baseUnit = 'km/h';
  } else {
    kind = 'count';
    baseUnit = '';
  }
  let end = unit ? unitEnd : j;

  // 三成 → 30%: 成 as a tenth (三成半 → 35%).
  if (!unit && text[end] === '成' && !NOT_TENTH_AFTER.test(text.slice(end, end + 2)) && value <= 10 && !currency) {
    kind = 'percent';
    baseUnit = '%';
    factor = 10;
    unitText = '成';
    end += 1;
    if (text[end] === '半' && upper === null && !/[\u4e00-\u9fff]/.test(text[end + 1] ?? '')) {
      value += 0.5;
      end += 1;
    } else if (upper === null && Number.isInteger(value) && '一二三四五六七八九'.includes(text[end] ?? '_') && !/[十百千万亿成个倍年月日天分]/.test(text[end + 1] ?? '')) {
      value += '一二三四五六七八九'.indexOf(text[end]) / 10 + 0.1; // 二成五 → 25%
      end += 1;
    }
  }
  // 八折 → 80%, 75折 → 75%, 9.9折 → 99%: a discount is the share of the price paid.
  if (!unit && text[end] === '折' && !/^折[扣合叠旧算射腾损返价现]/.test(text.slice(end, end + 2)) && value > 0 && value < 100 && !currency && !n.scale) {
    kind = 'percent';
    baseUnit = '%';
    factor = value < 10 ? 10 : 1;
    unitText = '折';
    end += 1;
  }

  // 三分之一, 3/4: fractions.
  if (!unit && text.startsWith('分之', end) && kind === 'count') {
    const denom = value;
    const numer = readNumber(text, end + 2);
    if (numer && denom > 0) return fraction(text, spanStart, numStart, numer.end, numer.value / denom, '分之', n.style);
  }
  if (!unit && text[end] === '/' && kind === 'count' && !n.scale && !n.hasDecimal) {
    const d = readArabic(text, end + 1, false);
    if (d && d.value > 0 && !d.hasDecimal && !/[0-9/\-]/.test(text[d.end] ?? '') && d.intDigits <= 3 && n.intDigits <= 3) {
      return fraction(text, spanStart, numStart, d.end, value / d.value, '/', n.style);
    }
  }

  // 一吨半, 两天半, 一年半, 一倍半: a half after the unit (not 两吨半导体).
  if (unit && !half && (kind === 'quantity' || kind === 'duration' || kind === 'multiple') && text[end] === '半' && upper === null && AFTER_HALF.test(text.slice(end + 1, end + 3))) {
    value += 0.5;
    end += 1;
    half = true;
  }

  // Outer suffix: 70%以上, 3年左右, 24小时以内, 3年多.
  let outer: Qualifier | null = null;
  const outerWord = matchAt(text, end, OUTER_SUFFIXES);
  if (outerWord && !(outerWord.text === '上下' && /^上下[游级文班层]/.test(text.slice(end, end + 3)))) {
    const isDuplicateInner = inner !== null && outerWord.text === '多';
    if (!isDuplicateInner && (outerWord.text !== '多' || kind === 'duration' || kind === 'quantity' || kind === 'multiple')) {
      outer = outerWord.qualifier;
      qualifierWords.push(outerWord.text);
      end += outerWord.text.length;
    }
  } else if (kind === 'duration' && text[end] === '内') {
    outer = 'at-most';
    qualifierWords.push('内');
    end += 1;
  } else if (unitText === '日内') {
    // 30日内: 日 alone is no unit (it ends dates), so 日内 is one; its 内 still bounds the span.
    outer = 'at-most';
    qualifierWords.push('内');
  }

  // The prefix qualifier: 超64万, 近50万, 约1.2亿; exact markers (达 为) stay out of the span.
  let prefix: QualifierWord | null = vagueQualifier;
  const qualifierEnd = spanStart === start ? (vagueQualifier ? start - vagueQualifier.text.length : start) : spanStart;
  const pq = vagueQualifier ? null : matchBefore(text, qualifierEnd, PREFIX_QUALIFIERS);
  if (pq) prefix = verifyPrefix(text, qualifierEnd, pq);
  if (vague && (vagueWord === '数' || vagueWord === '几')) {
    spanStart = Math.min(spanStart, numStart - 1);
  }
  if (vagueQualifier) spanStart = Math.min(spanStart, numStart - vagueQualifier.text.length);
  // 近三年来 means "the last three years": 近 + a span of time is not "nearly".
  if (prefix && prefix.text.endsWith('近') && kind === 'duration') prefix = null;
  if (prefix && prefix.qualifier !== 'exact') {
    qualifierWords.unshift(prefix.text);
    if (!vagueQualifier) spanStart = qualifierEnd - prefix.text.length;
  }
  let qualifier = combineQualifiers(prefix ? prefix.qualifier : null, inner, outer);
  if (vague && (vagueWord === '数' || vagueWord === '几') && qualifier === 'exact') qualifier = 'about';
  if (upper !== null && !vague && qualifier === 'exact' && n.upper !== null) qualifier = 'about'; // 三四千: approximate

  // Decide whether a unit-less number is a claim.
  const bare = !unit && kind === 'count';
  if (bare) {
    if (!acceptBare(text, numStart, n, scale, end, prefix, vague || inner !== null || currency !== null)) return { end, claim: null };
  } else if (unit && n.style === 'chinese' && !currency) {
    // 一年 is a span of time when a half, a bound or the words around it say so (历时一年, 一年内).
    const span = kind === 'duration' && (half || outer !== null || oneSpanOfTime(text, numStart, end));
    if (!acceptChineseWithUnit(n, unit, vague || (prefix !== null && prefix.qualifier !== 'exact') || inner !== null || half || span)) return { end, claim: null };
  }
  if (unit && isAsciiLetter(text[unitEnd]) && /[A-Za-z]$/.test(unit.text)) return { end, claim: null };
  if (!unit && kind === 'count' && isAsciiLetter(text[end])) return { end, claim: null };
  // Years are dates, not amounts: a bare 2021 is no claim.
  if (bare && !n.scale && !n.hasDecimal && n.intDigits === 4 && value >= 1900 && value <= 2100) return { end, claim: null };

  const scaled = (v: number | null) => (v === null ? null : v * factor);
  return {
    end,
    claim: {
      start: spanStart, end, kind, value: scaled(value), upper: scaled(upper), unit: baseUnit, qualifier, date: null,
      numeral: n.numeral, scale, unitText, qualifierWords, step: step * factor, style, vague,
      bare: bare || (kind === 'count' && baseUnit === ''),
    },
  };
}

/** A fraction (三分之一, 1/3) with the qualifiers around it (约三分之一, 三分之一以上). */
function fraction(text: string, start: number, numStart: number, numEnd: number, value: number, unitText: string, style: NumeralStyle): Found {
  const words: string[] = [];
  let spanStart = start;
  let end = numEnd;
  const before = matchBefore(text, start, PREFIX_QUALIFIERS);
  const after = matchAt(text, end, OUTER_SUFFIXES);
  if (before && before.qualifier !== 'exact') {
    words.push(before.text);
    spanStart -= before.text.length;
  }
  if (after && after.text !== '多') {
    words.push(after.text);
    end += after.text.length;
  }
  const qualifier = combineQualifiers(before ? before.qualifier : null, null, after && after.text !== '多' ? after.qualifier : null);
  return {
    end,
    claim: {
      start: spanStart, end, kind: 'fraction', value, upper: null, unit: '', qualifier, date: null,
      numeral: text.slice(numStart, numEnd), scale: '', unitText, qualifierWords: words, step: 0, style, vague: false, bare: false,
    },
  };
}

function scaleValue(scale: string): number {
  let v = 1;
  for (const ch of scale) v *= SCALE_CHARS[ch] ?? 1;
  return v;
}

/** The unit at j, with the guards that keep words such as 方面, 对于, 成本 out. */
function unitAt(text: string, j: number, n: NumberRead): UnitDef | null {
  const u = matchUnit(text, j);
  if (!u) return null;
  const guard = NOT_UNIT_AFTER[u.text];
  if (guard && guard.test(text.slice(j, j + 3))) return null;
  if (u.text === '年') {
    // 3年 is a span of time; 80年代 and 3年级 are not; a 4-digit year is a date (read earlier).
    if (/^年[代级龄轻华薪终]/.test(text.slice(j, j + 2))) return null;
    if (n.value >= 1000 && !n.scale) return null;
  }
  if (u.text === '周' && /^周[边围期末转刊报]/.test(text.slice(j, j + 2))) return null;
  // 下午3点 is a time of day; index points (3000点) are larger.
  if (u.text === '点' && n.value <= 24 && !n.scale) return null;
  if (u.text === '天' && /^天[然下空气猫津]/.test(text.slice(j, j + 2))) return null;
  if (u.text === '米' && /^米[饭粉]/.test(text.slice(j, j + 2))) return null;
  if (u.text === '克' && /^克[服隆制]/.test(text.slice(j, j + 2))) return null;
  if (u.text === '秒' && /^秒[级杀懂]/.test(text.slice(j, j + 2))) return null;
  if (u.text === '升' && /^升[级值高]/.test(text.slice(j, j + 2))) return null;
  return u;
}

/** Words before a distance that make it a speed (时速350公里, 每小时约80公里). */
const SPEED_BEFORE = /(?:时速|每小时|最高时速|平均时速)(?:达到?|为|是|约|超过?|高达|可达|突破)?$/;

/** What may follow a half written after a unit: the clause goes on (两天半的时间, 一年半以来), no new word starts (半导体). */
const AFTER_HALF = /^(?:[^\u4e00-\u9fff]|$|以|之|左|的|来|后|内|时间|期间|前)/;

/** Words before one unit of time that make it a span (历时一年, 为期一个月). */
const SPAN_BEFORE = /(?:为期|历时|用时|耗时|仅用|只用|用了|花了|长达|持续|经过|满)$/;
/** And words after it: the clause ends, or 来, 后, 时间 (一年来, 一天后). */
const SPAN_AFTER = /^(?:[^\u4e00-\u9fff]|来|后|以来|以后|之后|时间|的时间|期间)/;

/**
 * 一 before a unit of time: a span (历时一年, 一年来, 一天后), not the article of 有一天, 同一天,
 * 这一年, nor an idiom that goes on (一年一度, 一年四季, 一天到晚).
 */
function oneSpanOfTime(text: string, numStart: number, end: number): boolean {
  if (/[有每这那同哪某]/.test(text[numStart - 1] ?? '')) return false;
  return SPAN_BEFORE.test(text.slice(Math.max(0, numStart - 2), numStart)) || end >= text.length || SPAN_AFTER.test(text.slice(end, end + 3));
}

/** Chinese numerals with a measure word: 一万家 yes; 一条思路, 十分, 三方 no. */
function acceptChineseWithUnit(n: NumberRead, unit: UnitDef, qualified: boolean): boolean {
  if (CHINESE_NOT_UNIT.has(unit.text)) return false;
  // 一 with a measure word is mostly an article (一条思路, 一套体系); with money or a physical unit it is a figure.
  const measured = unit.kind === 'multiple' || unit.kind === 'money' || unit.kind === 'quantity' || unit.kind === 'percent';
  if (n.value === 1 && !n.scale && !/[十百千万亿拾佰仟]/.test(n.numeral) && !measured && !qualified) return false;
  if (n.numeral.length === 1 && n.value === 2 && unit.kind === 'count' && unit.text === '会') return false;
  return true;
}

const BARE_BEFORE = /(?:达|为|是|至|到|超|超过|逾|约|近|共|有|计|增至|降至|突破|合计|总计|累计|达到|高达|多达|仅|只有|约为|分别为|：|:)$/;

/**
 * A number with no unit is a claim when it is clearly an amount: it has a scale word
 * (入驻量超58万) or a qualifier, or it follows 达/为/是 and ends the clause.
 */
function acceptBare(
  text: string,
  numStart: number,
  n: NumberRead,
  scale: string,
  end: number,
  prefix: QualifierWord | null,
  marked: boolean,
): boolean {
  if (n.style === 'chinese' && !marked) {
    // A numeral standing alone (一百二十三。) is a figure; inside a word (十分, 三农) it is not.
    const lead = text.slice(Math.max(0, numStart - 5), numStart).replace(/(?:负|零下)$/, '');
    const alone = (lead === '' || /[\s，。、；：！？,.;:!?（）()“”"]$/.test(lead) || BARE_BEFORE.test(lead)) && /^$|[\s，。、；：！？,.;:!?（）()“”"]/.test(text[end] ?? '');
    // Not in quotes (“十四五”), and not an approximate pair: those are names, not figures.
    const quoted = /[“"「『]/.test(text[numStart - 1] ?? '') || /[”"」』]/.test(text[end] ?? '');
    if (alone && !quoted && n.upper === null && n.numeral.length >= 2 && /[十百千万亿拾佰仟]/.test(n.numeral)) return true;
    // Chinese numerals need a unit unless a scale word makes them an amount (过万, 数十万).
    if (!/[万亿]$/.test(n.numeral) || (prefix === null && !marked)) return false;
  }
  const next = text[end] ?? '';
  if (isAsciiLetter(next) || isDigitCode(text.charCodeAt(end))) return false;
  if (scale && /[万亿]/.test(scale)) return true;
  // 上百万用户, 近千万人口: a marked 万 or 亿 in Chinese numerals is an amount before a noun too.
  if (marked || (prefix && prefix.qualifier !== 'exact')) return !/[\u4e00-\u9fff]/.test(next) || /^[的和与及或、]/.test(next) || n.style === 'chinese';
  const endsClause = next === '' || /[，。、；：！？,.;:!?\s）)」』”"']/.test(next) || next === '的';
  if (!endsClause) return false;
  if (n.intDigits >= 7 && !n.hasDecimal) return false; // long digit strings are codes
  const before = text.slice(Math.max(0, numStart - 4), numStart);
  return BARE_BEFORE.test(before) || (prefix !== null);
}

/** 链接近50万条: 接近 is not the qualifier when 链接 is the word. Ask the segmenter. */
function verifyPrefix(text: string, end: number, q: QualifierWord): QualifierWord | null {
  if (q.text.length === 2 && (q.text === '接近' || q.text === '将近' || q.text === '超过')) {
    const from = Math.max(0, end - 6);
    const words = cut(text.slice(from, end));
    const last = words[words.length - 1] ?? '';
    if (last !== q.text && last.endsWith(q.text[1])) {
      const single = PREFIX_QUALIFIERS.find((w) => w.text === q.text[1]);
      return single ?? null;
    }
  }
  return q;
}
