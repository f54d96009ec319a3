// sum-mismatch: the parts of a declared complete split (线上 + 线下, quarters of a half-year,
// A、B，合计 X) do not add up to the total, at the precision each figure is written.
import { DocContext, figureLabel } from '../context';
import { findBreakdowns } from '../breakdown';
import { ParagraphRule, Draft, draftAt, relatedTo, text } from '../rule';
import { add, claimInterval, Interval, overlaps } from '../tolerance';
import { formatSum } from './parts-exceed-total';

export const sumMismatch: ParagraphRule = {
  code: 'sum-mismatch',
  scope: 'document',
  locality: 'paragraph',
  check(doc: DocContext) {
    const out: Draft[] = [];
    for (const b of findBreakdowns(doc)) {
      if (!b.complete) continue;
      const total = claimInterval(b.total);
      const parts = b.parts.map((p) => claimInterval(p));
      if (!total || parts.some((p) => !p)) continue;
      const sum = parts.reduce((acc: Interval, p) => add(acc, p!), { lo: 0, hi: 0 });
      if (overlaps(sum, total)) continue;
      const sumPoint = b.parts.reduce((x, p) => x + (p.value as number), 0);
      const tl = figureLabel(b.total);
      const partsLabel = b.parts.map(figureLabel).join(' + ');
      out.push(draftAt(doc, 'sum-mismatch', b.total, text(
        `${partsLabel} = ${formatSum(sumPoint, b.total)}, not the stated total ${tl}`,
        `${partsLabel} 合计 ${formatSum(sumPoint, b.total)}，与总数 ${tl} 不符`
      ), b.parts.map((p) => relatedTo(doc, p, text('part', '分项')))));
    }
    return out;
  },
};
