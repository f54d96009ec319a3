// growth-mismatch: a growth or decline rate that does not follow from the before and after
// figures the text states (86.4亿 → 103.7亿, 增长25.6%), or a change in the wrong direction.
import type { Claim } from '../../types';
import { figureLabel, isPercent } from '../context';
import { findChangePairs, findChangeStatements, findOpenRates, ChangeStatement, type OpenRate } from '../changes';
import { DocumentParts, Draft, pct, SplitRule, text } from '../rule';
import type { RelatedLocation } from '../types';
import { claimInterval, Interval, overlaps, relativeChange, subtract } from '../tolerance';
import type { DocContext } from '../context';
import { firstOfEach, keysOfParts, NO_DRAFTS, partDrafts, placeDrafts, reuseUnless } from '../combine';
import { localStatements, type LocalStatement } from '../statements';
import { metricKey } from '../metric';
import { originalClaim } from '../windows';

function signed(i: Interval, down: boolean): Interval {
  return down ? { lo: -i.hi, hi: -i.lo } : i;
}

/** The point change the two figures imply, in percent (or points for rates when `points`). */
export function pointChange(s: ChangeStatement, points: boolean): number {
  const b = s.before.value as number;
  const a = s.after.value as number;
  return points ? a - b : (a / b - 1) * 100;
}

function words(n: number): { en: string; zh: string } {
  return n >= 0 ? { en: 'a rise of', zh: '增长' } : { en: 'a fall of', zh: '下降' };
}

/** A related location in `path` (the figures are placed where the finding is). */
function relatedIn(path: string, c: Claim, message: Draft['message']): RelatedLocation {
  return { path, start: c.start, end: c.end, message };
}

function draftIn(path: string, at: Claim, message: Draft['message'], related: RelatedLocation[]): Draft {
  return { code: 'growth-mismatch', path, start: at.start, end: at.end, message, related, fixes: [] };
}

/** The finding on a change statement, if its figures do not give the stated change (offsets as the claims'). */
export function checkStatement(path: string, s: ChangeStatement): Draft | null {
  const before = claimInterval(s.before);
  const after = claimInterval(s.after);
  const stated = claimInterval(s.stated);
  if (!before || !after || !stated || !(before.lo > 0)) return null;
  const bl = figureLabel(s.before);
  const al = figureLabel(s.after);
  const related = [
    relatedIn(path, s.before, text('value before the change', '变化前的数值')),
    relatedIn(path, s.after, text('value after the change', '变化后的数值')),
  ];
  const down = s.direction === 'down';
  const rates = isPercent(s.before) && isPercent(s.after);

  // 从 X 增长到 Y with Y below X (or 下降 with Y above X): the verb contradicts the figures.
  if ((s.pairDirection === 'up' && after.hi < before.lo) || (s.pairDirection === 'down' && after.lo > before.hi)) {
    const w = s.pairDirection === 'up' ? { en: 'a rise', zh: '增长' } : { en: 'a fall', zh: '下降' };
    return draftIn(path, s.after, text(
      `${bl} → ${al} is not ${w.en}: the figures move the other way`,
      `${bl} → ${al} 并非${w.zh}：数值变化方向相反`
    ), [related[0]]);
  }

  const statedSigned = signed(stated, down);
  const statedPoint = (down ? -1 : 1) * (s.stated.value as number);
  const statedLabel = `${statedPoint >= 0 ? '+' : '-'}${s.stated.numeral}${s.stated.kind === 'percent-point' ? ' pp' : '%'}`;
  const statedZh = `${statedPoint >= 0 ? '增长' : '下降'}${s.stated.numeral}${s.stated.kind === 'percent-point' ? '个百分点' : '%'}`;

  if (s.stated.kind === 'percent-point') {
    if (!rates) return null; // 个百分点 on amounts: percent-point-confusion's case.
    const points = subtract(after, before);
    if (overlaps(statedSigned, points)) return null;
    const exp = pointChange(s, true);
    return draftIn(path, s.stated, text(
      `${bl} → ${al} is ${exp >= 0 ? '+' : ''}${pct(exp)} percentage points, not ${statedLabel}`,
      `${bl} → ${al} 实际${words(exp).zh} ${pct(Math.abs(exp))}个百分点，而非${statedZh}`
    ), related);
  }

  const relative = relativeChange(before, after);
  if (!relative || overlaps(statedSigned, relative)) return null;
  // 18.0% → 21.0%, 提高了3%: the point difference written as %; percent-point-confusion says so.
  if (rates && overlaps(statedSigned, subtract(after, before))) return null;
  const exp = pointChange(s, false);
  const wrongWay = (exp > 0 && relative.lo > 0 && statedPoint < 0) || (exp < 0 && relative.hi < 0 && statedPoint > 0);
  return draftIn(path, s.stated, text(
    wrongWay
      ? `${bl} → ${al} is ${words(exp).en} ${pct(Math.abs(exp))}%, not ${statedLabel}: wrong direction`
      : `${bl} → ${al} is ${exp >= 0 ? '+' : ''}${pct(exp)}%, not ${statedLabel}`,
    `${bl} → ${al} 实际${words(exp).zh} ${pct(Math.abs(exp))}%，而非${statedZh}${wrongWay ? '（方向相反）' : ''}`
  ), related);
}

/** What one paragraph holds: its own findings, its open rates, and its dated figures. */
interface GrowthFacts {
  drafts: readonly Draft[];
  /** Year-on-year rates whose base the paragraph does not state, with their figure's statement. */
  open: { rate: OpenRate; statement: LocalStatement }[];
  /** The first figure of each metric whose period the paragraph states (2022年营业收入138.9亿元). */
  dated: Map<string, Claim>;
}

/**
 * Measures whose growth is reported at constant prices while their levels are at current
 * prices: 地区生产总值 126.1万亿元 → 134.9万亿元 grew 7.0% in money and 5.0% in volume, and
 * 5.0% is what a statistical bulletin states. The levels cannot check such a rate.
 */
const REAL_GROWTH_MEASURE = /(?:生产总值|增加值|GDP|GNP|国民总收入)$/;
/** Words saying the rate is measured against a restated base or in real terms. */
const RESTATED_RATE = /可比价|不变价|扣除价格因素|实际(?:增长|下降|增速|增幅|降幅)|可比口径|同口径/;

/** Whether the stated rate of a figure is not the change of its levels as written. */
function realTermsRate(doc: DocContext, level: Claim, stated: Claim): boolean {
  if (REAL_GROWTH_MEASURE.test(level.subject)) return true;
  const from = Math.max(0, Math.min(level.start, stated.start) - 24);
  const words = doc.slice(from, stated.start);
  return RESTATED_RATE.test(words.slice(words.lastIndexOf('。') + 1));
}

/** The findings a paragraph makes alone (window offsets). */
function paragraphDrafts(doc: DocContext): Draft[] {
  const out: Draft[] = [];
  const statements = findChangeStatements(doc);
  for (const s of statements) {
    if (s.stated.kind === 'multiple') continue;
    if (s.stated.kind === 'percent' && realTermsRate(doc, s.after, s.stated)) continue;
    const d = checkStatement(doc.path, s);
    if (d) out.push(d);
  }
  // 从 X 增长到 Y with no stated rate: only the direction can be wrong.
  for (const p of findChangePairs(doc)) {
    if (statements.some((s) => s.after === p.after && s.before === p.before)) continue;
    const before = claimInterval(p.before);
    const after = claimInterval(p.after);
    if (!before || !after) continue;
    if ((p.pairDirection === 'up' && after.hi < before.lo) || (p.pairDirection === 'down' && after.lo > before.hi)) {
      const w = p.pairDirection === 'up' ? { en: 'a rise', zh: '增长' } : { en: 'a fall', zh: '下降' };
      const bl = figureLabel(p.before);
      const al = figureLabel(p.after);
      out.push(draftIn(doc.path, p.after, text(
        `${bl} → ${al} is not ${w.en}: the figures move the other way`,
        `${bl} → ${al} 并非${w.zh}：数值变化方向相反`
      ), [relatedIn(doc.path, p.before, text('value before the change', '变化前的数值'))]));
    }
  }
  return out;
}

const YEAR_PERIOD = /^(\d{4})(-.+)?$/;

/** The key of the same metric a year before (2023 → 2022, 2023-Q1 → 2022-Q1), or null. */
function yearBeforeKey(st: LocalStatement, documentYear: string): string | null {
  const period = 'resolved' in st.period ? st.period.resolved : st.period.unresolved === 'document-year' ? documentYear : '';
  const m = YEAR_PERIOD.exec(period);
  return m ? metricKey(st.subject, st.family, `${Number(m[1]) - 1}${m[2] ?? ''}`, st.modifiers) : null;
}

const moved = (c: Claim, by: number): Claim => (by === 0 ? c : { ...c, start: c.start + by, end: c.end + by });

export const growthMismatch: SplitRule<GrowthFacts> = {
  code: 'growth-mismatch',
  scope: 'document',
  locality: 'split',
  collect(doc) {
    const drafts = paragraphDrafts(doc);
    const rates = findOpenRates(doc);
    const open: GrowthFacts['open'] = [];
    const dated = new Map<string, Claim>();
    // Statements are what conflicting-values compares too: figures outside a sub-scope.
    const statements = rates.length || /\d{4}年|上年|去年/.test(doc.text) ? doc.once(localStatements) : [];
    for (const st of statements) {
      // At window offsets, as the rates are (the statement holds its paragraph's own claim).
      if (st.fixedKey !== null && 'resolved' in st.period && YEAR_PERIOD.test(st.period.resolved) && !dated.has(st.fixedKey)) dated.set(st.fixedKey, moved(st.claim, st.offset));
    }
    for (const rate of rates) {
      if (realTermsRate(doc, rate.after, rate.stated)) continue;
      const original = originalClaim(doc, rate.after);
      const statement = statements.find((st) => st.claim === original);
      if (statement) open.push({ rate, statement });
    }
    return drafts.length || open.length || dated.size ? { drafts, open, dated } : undefined;
  },
  // A rate whose paragraph does not state its base: the document's figure of the same metric a
  // year before (the first paragraph stating it), if any.
  conclude(doc: DocumentParts<GrowthFacts>) {
    const path = doc.path;
    const out = partDrafts(doc, 'growth-mismatch', (value, at) => placeDrafts(value.drafts, at, path));
    const documentYear = doc.envs.length ? doc.envs.get(0).documentYear : '';
    // Keys depend on the document's year too: a memo per year keeps keysOfParts' counts right.
    const rule = `growth-mismatch@${documentYear}`;
    const baseKey = (o: GrowthFacts['open'][number]) => yearBeforeKey(o.statement, documentYear);
    const wanted = keysOfParts(doc, (value, visit) => {
      for (let k = 0; k < value.open.length; k++) {
        const key = baseKey(value.open[k]);
        if (key !== null) visit(key);
      }
    }, rule);
    if (!wanted.size) return out;
    const { found, changed } = firstOfEach(doc, wanted.keys(), (value) => value.dated, rule);
    const made = partDrafts(doc, rule, (value, at) => {
      if (!value.open.length) return NO_DRAFTS;
      const drafts: Draft[] = [];
      for (const o of value.open) {
        const key = baseKey(o);
        const base = key !== null ? found.get(key) : undefined;
        if (!base) continue;
        const rate = o.rate;
        const s: ChangeStatement = {
          before: moved(base.claim, base.at),
          after: moved(rate.after, at),
          stated: moved(rate.stated, at),
          direction: rate.direction,
          pairDirection: 'none',
          basis: rate.basis,
          sense: 'to',
          verb: rate.verb,
        };
        const d = checkStatement(path, s);
        if (d) drafts.push(d);
      }
      return drafts.length ? drafts : NO_DRAFTS;
    }, reuseUnless(changed, (value, changedKey) => value.open.some((o) => {
      const key = baseKey(o);
      return key !== null && changedKey(key);
    })));
    for (const d of made) out.push(d);
    return out;
  },
};

export type { Claim };
