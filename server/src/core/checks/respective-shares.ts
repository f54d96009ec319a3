// 分别占: parts listed one by one, then their shares in the same order (专利案件4.1万件，商标案件
// 13.2万件，著作权案件24.5万件，分别占新收案件的9.2%、29.6%和54.9%). Each part and its share imply
// the whole (4.1万件 / 9.2% ≈ 44.6万件), so the shares can be checked against each other even when
// the text never states the whole, or states it out of reach.
import type { Claim } from '../types';
import { DocContext, isAmount, isPercent, sameMeasure } from './context';
import { claimInterval, divide, scale, type Interval } from './tolerance';
import { SCALE_CHARS } from '../numerals';

export interface RespectiveShares {
  /** The parts, in the order they are listed. */
  parts: Claim[];
  /** Their shares, in the same order. */
  shares: Claim[];
}

/** Right before the first share: 分别占(…的)(比重)(为), 占比分别为, 所占比重分别为. */
const RESPECTIVE_LEAD = /(?:分别占([^，,。；;\d%]{0,14}?)(?:的)?(?:比重|比例)?|(?:占比|比重|比例)分别)(?:为|是|达到?|约为?)?\s*$/;
/** Between two shares of the list. */
const LIST_GLUE = /^\s*(?:[、，,]\s*)?(?:和|及|与|以及)?\s*$/;
/** Words between 分别占 and 的 that name more than one whole (全省和全国, 各自所在行业). */
const SEVERAL_WHOLES = /[和与及、]|各自|各|分别/;

/** Every 分别占 list of a window whose parts can be told: as many amounts of one measure as shares. */
export function respectiveShares(doc: DocContext): RespectiveShares[] {
  const out: RespectiveShares[] = [];
  for (const sentence of doc.sentences) {
    const figs = doc.claimsIn(sentence, (c) => c.kind !== 'date' && c.kind !== 'time' && c.kind !== 'ordinal');
    for (let k = 1; k < figs.length; k++) {
      if (!isPercent(figs[k])) continue;
      const lead = RESPECTIVE_LEAD.exec(doc.slice(figs[k - 1].end, figs[k].start));
      if (!lead || (lead[1] && SEVERAL_WHOLES.test(lead[1]))) continue;
      const shares = [figs[k]];
      let j = k + 1;
      while (j < figs.length && isPercent(figs[j]) && LIST_GLUE.test(doc.slice(figs[j - 1].end, figs[j].start))) shares.push(figs[j++]);
      const parts = partsBefore(doc, figs[k], shares.length);
      if (shares.length >= 2 && parts) out.push({ parts, shares });
      k = j - 1;
    }
  }
  return out;
}

/** The last `n` amounts before the list in its sentence (after its 其中), all of one measure. */
function partsBefore(doc: DocContext, first: Claim, n: number): Claim[] | null {
  const long = doc.longSentenceOf(first.start);
  const lead = doc.slice(long.start, first.start);
  const from = long.start + Math.max(0, lead.lastIndexOf('其中'));
  const amounts = doc.claimsIn({ start: from, end: first.start }, (c) => isAmount(c) && !c.vague);
  if (amounts.length < n) return null;
  const parts = amounts.slice(amounts.length - n);
  return parts.every((p) => sameMeasure(p, parts[0])) ? parts : null;
}

/** The whole a part and its share imply (part / share × 100), as an interval. */
export function impliedWhole(part: Claim, share: Claim): Interval | null {
  const p = claimInterval(part);
  const s = claimInterval(share);
  if (!p || !s || !(s.lo > 0) || !Number.isFinite(s.hi) || !Number.isFinite(p.hi)) return null;
  const ratio = divide(p, s);
  return ratio && scale(ratio, 100);
}

function intersection(list: Interval[]): Interval | null {
  let lo = -Infinity;
  let hi = Infinity;
  for (const i of list) {
    lo = Math.max(lo, i.lo);
    hi = Math.min(hi, i.hi);
  }
  return lo <= hi * (1 + 1e-9) ? { lo, hi } : null;
}

/**
 * The one share of a list whose implied whole the others, agreeing among themselves, rule out:
 * its index and the whole the others imply. Null when all agree, or when it is not one share
 * (two shares that disagree may be of two wholes: 分别占全球的 for patents and for trademarks).
 */
export function outlierShare(list: RespectiveShares): { index: number; whole: Interval; others: Interval } | null {
  const n = list.shares.length;
  if (n < 3) return null;
  const wholes: Interval[] = [];
  for (let i = 0; i < n; i++) {
    const w = impliedWhole(list.parts[i], list.shares[i]);
    if (!w) return null;
    wholes.push(w);
  }
  if (intersection(wholes)) return null;
  let found: { index: number; whole: Interval; others: Interval } | null = null;
  for (let i = 0; i < n; i++) {
    const others = intersection(wholes.filter((_, k) => k !== i));
    if (!others) continue;
    if (found) return null; // more than one share could be the odd one out
    found = { index: i, whole: wholes[i], others };
  }
  return found;
}

/** A value written at a figure's scale and unit (4.46e5 at 4.1万件 → 44.6万件). */
export function atScaleOf(figure: Claim, value: number): string {
  let factor = 1;
  for (const ch of figure.scale) factor *= SCALE_CHARS[ch] ?? 1;
  const digits = figure.scale ? 1 : 0;
  return `${(value / factor).toFixed(digits)}${figure.scale}${figure.unitText}`;
}
