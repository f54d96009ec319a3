// growth-mismatch: a growth or decline rate that does not follow from the before and after
// figures the text states (86.4亿 → 103.7亿, 增长25.6%), or a change in the wrong direction.
import type { Claim } from '../../types';
import { figureLabel, isPercent } from '../context';
import { findChangePairs, findChangeStatements, ChangeStatement } from '../changes';
import { ParagraphRule, Draft, draftAt, pct, relatedTo, text } from '../rule';
import { claimInterval, Interval, overlaps, relativeChange, subtract } from '../tolerance';
import type { DocContext } from '../context';

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

export function checkStatement(doc: DocContext, s: ChangeStatement): Draft | null {
  const before = claimInterval(s.before);
  const after = claimInterval(s.after);
  const stated = claimInterval(s.stated);
  if (!before || !after || !stated || !(before.lo > 0)) return null;
  const bl = figureLabel(s.before);
  const al = figureLabel(s.after);
  const related = [
    relatedTo(doc, s.before, text('value before the change', '变化前的数值')),
    relatedTo(doc, s.after, text('value after the change', '变化后的数值')),
  ];
  const down = s.direction === 'down';
  const rates = isPercent(s.before) && isPercent(s.after);

  // 从 X 增长到 Y with Y below X (or 下降 with Y above X): the verb contradicts the figures.
  if ((s.pairDirection === 'up' && after.hi < before.lo) || (s.pairDirection === 'down' && after.lo > before.hi)) {
    const w = s.pairDirection === 'up' ? { en: 'a rise', zh: '增长' } : { en: 'a fall', zh: '下降' };
    return draftAt(doc, 'growth-mismatch', s.after, text(
      `${bl} → ${al} is not ${w.en}: the figures move the other way`,
      `${bl} → ${al} 并非${w.zh}：数值变化方向相反`
    ), [related[0]], []);
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
    return draftAt(doc, 'growth-mismatch', s.stated, text(
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
  return draftAt(doc, 'growth-mismatch', s.stated, text(
    wrongWay
      ? `${bl} → ${al} is ${words(exp).en} ${pct(Math.abs(exp))}%, not ${statedLabel}: wrong direction`
      : `${bl} → ${al} is ${exp >= 0 ? '+' : ''}${pct(exp)}%, not ${statedLabel}`,
    `${bl} → ${al} 实际${words(exp).zh} ${pct(Math.abs(exp))}%，而非${statedZh}${wrongWay ? '（方向相反）' : ''}`
  ), related);
}

export const growthMismatch: ParagraphRule = {
  code: 'growth-mismatch',
  scope: 'document',
  locality: 'paragraph',
  check(doc) {
    const out: Draft[] = [];
    const statements = findChangeStatements(doc);
    for (const s of statements) {
      if (s.stated.kind === 'multiple') continue;
      const d = checkStatement(doc, s);
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
        out.push(draftAt(doc, 'growth-mismatch', p.after, text(
          `${bl} → ${al} is not ${w.en}: the figures move the other way`,
          `${bl} → ${al} 并非${w.zh}：数值变化方向相反`
        ), [relatedTo(doc, p.before, text('value before the change', '变化前的数值'))]));
      }
    }
    return out;
  },
};

export type { Claim };
