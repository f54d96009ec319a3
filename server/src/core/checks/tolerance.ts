// The interval of true values a written figure can stand for. A figure rounds at its last
// written digit (38.87亿 → [38.865亿, 38.875亿]) and its qualifier widens that: 超/逾 open it
// above, 近/不足 below, 约 by one more step each way. Rules compare intervals, never points, so
// a finding means the figures cannot all be true — the rounding and wording already allowed.
import type { Claim } from '../types';

export interface Interval {
  lo: number;
  hi: number;
}

/** Relative slack for floating-point noise only (never a judgement call). */
const EPS = 1e-9;

/** Precision of a figure: its own step, or one unit of the last digit of its numeral. */
export function stepOf(claim: Pick<Claim, 'step' | 'value' | 'numeral'>): number {
  if (claim.step > 0 && Number.isFinite(claim.step)) return claim.step;
  const m = /\.(\d+)/.exec(claim.numeral ?? '');
  if (m) return Math.pow(10, -m[1].length);
  return 1;
}

/**
 * The values a claim can stand for. Qualifiers:
 *  exact → rounding interval; about → ±1 step; over/at-least → open above;
 *  nearly/under/at-most → open below (down to 0 for magnitudes).
 */
export function claimInterval(claim: Pick<Claim, 'value' | 'upper' | 'qualifier' | 'step' | 'numeral' | 'vague'> & Partial<Pick<Claim, 'kind' | 'scale'>>): Interval | null {
  if (claim.value === null || !Number.isFinite(claim.value)) return null;
  const v = claim.value;
  const step = stepOf(claim);
  const half = step / 2;
  const top = claim.upper !== null && Number.isFinite(claim.upper) ? claim.upper : v;
  if (claim.vague) {
    // A vague amount already is an interval (数十万 → 100000..900000): take it as is.
    return { lo: Math.min(v, top), hi: Math.max(v, top) };
  }
  // A count written out to its units (1968名, 120起) is an exact integer, not a rounded one.
  const exactInteger = claim.kind === 'count' && !claim.scale && step <= 1 && Number.isInteger(v) && Number.isInteger(top);
  let lo = exactInteger ? v : v - half;
  let hi = exactInteger ? top : top + half;
  switch (claim.qualifier) {
    case 'about':
      lo = v - step;
      hi = top + step;
      break;
    case 'over':
    case 'at-least':
      lo = exactInteger ? v : v - half;
      hi = Infinity;
      break;
    case 'nearly':
      // 近50万 is close to 50万 from below: a fifth below is already "about 40万", not 近50万.
      lo = v >= 0 ? v * 0.8 : -Infinity;
      hi = top + half;
      break;
    case 'under':
    case 'at-most':
      lo = v >= 0 ? 0 : -Infinity;
      hi = top + half;
      break;
    default:
      break;
  }
  return { lo, hi };
}

/** The interval a stated number stands for when it is written out with `step` precision. */
export function roundingInterval(value: number, step: number): Interval {
  return { lo: value - step / 2, hi: value + step / 2 };
}

function larger(m: number, x: number): number {
  return Number.isFinite(x) && Math.abs(x) > m ? Math.abs(x) : m;
}

export function overlaps(a: Interval, b: Interval): boolean {
  // Slack relative to the largest finite bound (no arrays: pairs of statements ask this often).
  const slack = EPS * larger(larger(larger(larger(1, a.lo), a.hi), b.lo), b.hi);
  return a.lo <= b.hi + slack && b.lo <= a.hi + slack;
}

/** a / b for positive intervals (b.lo > 0). */
export function divide(a: Interval, b: Interval): Interval | null {
  if (!(b.lo > 0) || a.lo < 0) return null;
  return { lo: a.lo / b.hi, hi: a.hi / b.lo };
}

export function subtract(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function scale(a: Interval, k: number): Interval {
  return k >= 0 ? { lo: a.lo * k, hi: a.hi * k } : { lo: a.hi * k, hi: a.lo * k };
}

/** Relative change in percent, (after − before) / before × 100, for positive `before`. */
export function relativeChange(before: Interval, after: Interval): Interval | null {
  const r = divide(after, before);
  if (!r) return null;
  return { lo: (r.lo - 1) * 100, hi: (r.hi - 1) * 100 };
}

/** True when every value of a lies strictly above every value of b. */
export function entirelyAbove(a: Interval, b: Interval): boolean {
  return !overlaps(a, b) && a.lo > b.hi;
}

/** The number as an editor would restate it: up to `digits` decimals, trailing zeros kept to one. */
export function formatNumber(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  const s = n.toFixed(digits);
  return s;
}
