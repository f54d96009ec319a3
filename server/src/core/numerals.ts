// Reading numerals as written in Chinese prose: Arabic (with thousands separators, decimals,
// signs, full-width digits), Chinese (零 〇 两 廿 卅, 大写 壹贰叁…拾佰仟, elliptic 两万五) and the
// mix of both with scale words (64万, 38.87亿, 1.2万亿, 3千万).
import type { NumeralStyle } from './types';

export interface NumberRead {
  /** Offset just past the numeral, scale words included. */
  end: number;
  /** The value of the numeral times its scale. */
  value: number;
  /** Upper value for approximate adjacent numerals (三四千 → 3000..4000), else null. */
  upper: number | null;
  /** Value of one step in the last written digit (38.87亿 → 1e6). */
  step: number;
  style: NumeralStyle;
  /** The digits as written, scale excluded. */
  numeral: string;
  /** Scale words as written ("万", "亿", "千万"), "" if none. */
  scale: string;
  /** Arabic digits only: how many digits before the decimal point, and whether there is one. */
  intDigits: number;
  hasDecimal: boolean;
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const CN_TENS: Record<string, number> = { 廿: 20, 卅: 30 };

/** Scale words allowed after Arabic digits, and what they multiply by. */
export const SCALE_CHARS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8, 萬: 1e4, 億: 1e8 };

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isFullWidthDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}
export function isDigitCode(c: number): boolean {
  return isAsciiDigit(c) || isFullWidthDigit(c);
}
export function digitOf(c: number): number {
  return isAsciiDigit(c) ? c - 48 : c - 0xff10;
}

/**
 * The numeral characters by character code: their kind and value. Read for every character
 * of every numeral; a lookup by code needs no one-character string and no property search.
 */
const NOT_NUMERAL = 0;
const DIGIT = 1;
const SMALL_UNIT = 2;
const BIG_UNIT = 3;
const TENS = 4;
const CN_KIND = new Uint8Array(0x10000);
const CN_VALUE = new Float64Array(0x10000);
const SCALE_VALUE = new Float64Array(0x10000);
for (const [table, kind] of [[CN_DIGIT, DIGIT], [CN_SMALL_UNIT, SMALL_UNIT], [CN_BIG_UNIT, BIG_UNIT], [CN_TENS, TENS]] as const) {
  for (const [ch, value] of Object.entries(table)) {
    CN_KIND[ch.charCodeAt(0)] = kind;
    CN_VALUE[ch.charCodeAt(0)] = value;
  }
}
for (const [ch, value] of Object.entries(SCALE_CHARS)) SCALE_VALUE[ch.charCodeAt(0)] = value;

/** What a scale character multiplies by (SCALE_CHARS), or 0 for any other character code. */
// c < 0x10000 also refuses NaN (a code read past a text's end).
export function scaleValueOf(c: number): number {
  return c < 0x10000 ? SCALE_VALUE[c] : 0;
}
export function isChineseNumeralCode(c: number): boolean {
  return c < 0x10000 && CN_KIND[c] !== NOT_NUMERAL;
}
export function isChineseDigitCode(c: number): boolean {
  return c < 0x10000 && CN_KIND[c] === DIGIT;
}
export function isChineseNumeralChar(ch: string): boolean {
  return ch.length === 1 && isChineseNumeralCode(ch.charCodeAt(0));
}
/** The value of a Chinese digit's character code (一 → 1, 〇 → 0), or -1 for any other code. */
export function chineseDigitOf(c: number): number {
  return isChineseDigitCode(c) ? CN_VALUE[c] : -1;
}

/** The digits (ASCII or full-width) of text[from, to) as ASCII, separators left out. */
function asciiDigits(text: string, from: number, to: number): string {
  let digits = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) digits += String(digitOf(c));
  }
  return digits;
}

/** Read an Arabic numeral (optionally followed by scale words) at `i`. */
export function readArabic(text: string, i: number, allowScale = true): NumberRead | null {
  const start = i;
  let sign = 1;
  const c0 = text[i];
  if (c0 === '-' || c0 === '−' || c0 === '－' || c0 === '﹣' || c0 === '+' || c0 === '＋') {
    if (!isDigitCode(text.charCodeAt(i + 1))) return null;
    if (c0 !== '+' && c0 !== '＋') sign = -1;
    i++;
  }
  const intStart = i;
  let intDigits = 0;
  let plain = true; // ASCII digits only, no separator: the digits are the text itself
  let sinceComma = -1; // digits since the last thousands separator, -1 before the first
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      if (!isAsciiDigit(c)) plain = false;
      intDigits++;
      if (sinceComma >= 0) sinceComma++;
      i++;
    } else if (
      c === 44 /* , */ &&
      (sinceComma < 0 ? intDigits >= 1 && intDigits <= 3 : sinceComma === 3) &&
      isDigitCode(text.charCodeAt(i + 1)) &&
      isDigitCode(text.charCodeAt(i + 2)) &&
      isDigitCode(text.charCodeAt(i + 3)) &&
      !isDigitCode(text.charCodeAt(i + 4))
    ) {
      sinceComma = 0;
      plain = false;
      i++; // thousands separator: exactly three digits follow
    } else {
      break;
    }
  }
  if (intDigits === 0) return null;
  const digits = plain ? text.slice(intStart, i) : asciiDigits(text, intStart, i);
  let hasDecimal = false;
  let frac = '';
  const d = text[i];
  if ((d === '.' || d === '．') && isDigitCode(text.charCodeAt(i + 1))) {
    hasDecimal = true;
    i++;
    const fracStart = i;
    while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
    frac = asciiDigits(text, fracStart, i);
  }
  const numeral = text.slice(start, i);
  let value = sign * Number(frac ? `${digits}.${frac}` : digits);
  let step = frac ? Math.pow(10, -frac.length) : 1;
  let scale = '';
  let scaleValue = 1;
  if (allowScale) {
    let j = i;
    while (j < text.length && scaleValueOf(text.charCodeAt(j)) !== 0) {
      scaleValue *= scaleValueOf(text.charCodeAt(j));
      j++;
    }
    // 十 after Arabic digits is rare and often a word start (3十分); accept only inside 十万/十亿.
    scale = text.slice(i, j);
    if (scale.startsWith('十') && scale.length === 1) {
      scale = '';
      scaleValue = 1;
      j = i;
    }
    i = j;
  }
  value *= scaleValue;
  step *= scaleValue;
  const style: NumeralStyle = scale !== '' && /[十百千]/.test(scale) ? 'mixed' : 'arabic';
  return { end: i, value: roundFloat(value), upper: null, step, style, numeral, scale, intDigits, hasDecimal };
}

/**
 * Read a Chinese numeral at `i`: 一百零八, 两万五, 三千万, 十四, 廿三, 壹仟贰佰, 三点五, and
 * approximate adjacent numerals (三四千 → 3000..4000, 十七八 → 17..18).
 */
export function readChinese(text: string, i: number): NumberRead | null {
  const start = i;
  let total = 0; // completed 亿 sections
  let section = 0; // completed 万 section inside the current 亿 section
  let group = 0; // value below 万 so far
  let digit = -1; // pending digit
  let approxAt = -1; // offset of an adjacent pair such as 三四
  let lastUnit = 0; // last unit seen, for elliptic tails (两万五)
  let lastWasUnit = false;
  let sawZero = false;
  let mult = 1; // place value of the last digit written, for the rounding step

  while (i < text.length) {
    const c = text.charCodeAt(i);
    const kind = c < 0x10000 ? CN_KIND[c] : NOT_NUMERAL;
    if (kind === DIGIT) {
      const v = CN_VALUE[c];
      if (v === 0 && total + section + group > 0 && digit < 0) {
        sawZero = true; // 一百零八: 零 only marks a gap
        lastWasUnit = false;
        i++;
        continue;
      }
      if (digit >= 0) {
        // Two digits in a row: an approximate pair (三四, 七八), else the numeral ends here.
        if (approxAt < 0 && v === digit + 1 && digit > 0) {
          approxAt = i - 1;
          i++;
          continue;
        }
        break;
      }
      digit = v;
      mult = 1;
      lastWasUnit = false;
    } else if (kind === TENS) {
      if (digit >= 0) break;
      group += CN_VALUE[c];
      mult = 10;
      lastUnit = 10;
      lastWasUnit = true;
    } else if (kind === SMALL_UNIT) {
      const u = CN_VALUE[c];
      if (lastWasUnit && lastUnit > 0 && lastUnit < 1e4) break; // 十百: not a numeral
      if (digit < 0 && group % (u * 10) !== 0) break; // 三百千: not a numeral
      const d = digit >= 0 ? digit : group === 0 && section === 0 && total === 0 ? 1 : -1;
      if (d < 0) break;
      group += d * u;
      mult = u;
      digit = -1;
      lastUnit = u;
      lastWasUnit = true;
      sawZero = false;
    } else if (kind === BIG_UNIT) {
      const u = CN_VALUE[c];
      let g = group + (digit >= 0 ? digit : 0);
      if (g === 0 && section === 0 && total === 0) g = 1; // 万, 亿 alone
      if (u === 1e4) {
        if (lastUnit === 1e4 && lastWasUnit) break; // 万万
        section = (section + g) * 1e4;
      } else {
        total = (total + section + g) * 1e8;
        section = 0;
      }
      mult *= u;
      group = 0;
      digit = -1;
      lastUnit = u;
      lastWasUnit = true;
      sawZero = false;
    } else if (c === 0x70b9 /* 点 */ && digit >= 0 && approxAt < 0 && i + 1 < text.length && isChineseDigitCode(text.charCodeAt(i + 1))) {
      // 三点五: decimal digits follow, then optional scale (三点五亿)
      let frac = '';
      let j = i + 1;
      while (j < text.length && isChineseDigitCode(text.charCodeAt(j))) {
        frac += String(CN_VALUE[text.charCodeAt(j)]);
        j++;
      }
      let value = Number(`${total + section + group + digit}.${frac}`);
      let step = Math.pow(10, -frac.length);
      let k = j;
      let scaleValue = 1;
      while (k < text.length && scaleValueOf(text.charCodeAt(k)) !== 0 && text.charCodeAt(k) !== 0x5341 /* 十 */) {
        scaleValue *= scaleValueOf(text.charCodeAt(k));
        k++;
      }
      value *= scaleValue;
      step *= scaleValue;
      return {
        end: k, value: roundFloat(value), upper: null, step: roundFloat(step), style: 'chinese',
        numeral: text.slice(start, j), scale: text.slice(j, k), intDigits: 0, hasDecimal: true,
      };
    } else {
      break;
    }
    i++;
  }
  if (i === start) return null;
  let value: number;
  let step: number;
  if (digit >= 0) {
    const unit = lastUnit >= 10 && !sawZero ? lastUnit / 10 : 1; // 两万五 → 5 × 1000
    value = total + section + group + digit * unit;
    step = unit;
  } else {
    value = total + section + group;
    step = mult;
  }
  if (value === 0 && !/[零〇]/.test(text.slice(start, i))) return null;
  let upper: number | null = null;
  if (approxAt >= 0) {
    // 三四千万 → read 四千万 for the upper bound.
    const again = text.slice(start, approxAt) + text.slice(approxAt + 1, i);
    const r = readChinese(again, 0);
    if (r && r.end === again.length) upper = r.value;
  }
  return {
    end: i, value: roundFloat(value), upper, step, style: 'chinese',
    numeral: text.slice(start, i), scale: '', intDigits: 0, hasDecimal: false,
  };
}

/** Remove binary floating noise (38.87 * 1e8 = 3887000000.0000005). */
export function roundFloat(v: number): number {
  // Integers below 1e12 are exact already (and most values are such): skip the string round trip.
  if (Number.isInteger(v) && Math.abs(v) < 1e12) return v === 0 ? 0 : v;
  if (!Number.isFinite(v)) return v;
  const r = Number(v.toPrecision(12));
  return Object.is(r, -0) ? 0 : r;
}

/** Parse a whole string as a numeral (Arabic or Chinese, with scale); NaN if it is not one. */
export function parseNumeral(s: string): number {
  const r = isDigitCode(s.charCodeAt(0)) || /^[-+−]/.test(s) ? readArabic(s, 0) : readChinese(s, 0);
  return r && r.end === s.length ? r.value : NaN;
}
