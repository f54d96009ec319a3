// parts-exceed-total: parts listed under a total (共/累计 X，其中 A、B) whose sum is more than the
// total can be. Parts that merely qualify another part (其中涉跨境的…) are not added.
import { DocContext, figureLabel } from '../context';
import { findBreakdowns } from '../breakdown';
import { ParagraphRule, Draft, draftAt, relatedTo, text } from '../rule';
import { claimInterval } from '../tolerance';

export const partsExceedTotal: ParagraphRule = {
  code: 'parts-exceed-total',
  scope: 'document',
  locality: 'paragraph',
  check(doc: DocContext) {
    const out: Draft[] = [];
    for (const b of findBreakdowns(doc)) {
      if (b.complete) continue; // sum-mismatch judges declared complete splits.
      const total = claimInterval(b.total);
      const parts = b.parts.map((p) => claimInterval(p));
      if (!total || parts.some((p) => !p)) continue;
      const lows = parts.map((p) => p!.lo);
      const sumLo = lows.reduce((x, y) => x + y, 0);
      const slack = 1e-9 * Math.max(1, Math.abs(total.hi));
      if (!(sumLo > total.hi + slack)) continue;
      const single = b.parts.find((p, i) => lows[i] > total.hi + slack);
      const sumPoint = b.parts.reduce((x, p) => x + (p.value as number), 0);
      const tl = figureLabel(b.total);
      const partsLabel = (single ? [single] : b.parts).map(figureLabel).join(' + ');
      out.push(draftAt(doc, 'parts-exceed-total', b.total, text(
        single
          ? `part ${figureLabel(single)} is more than the total ${tl}`
          : `parts ${partsLabel} = ${formatSum(sumPoint, b.total)}, more than the total ${tl}`,
        single
          ? `分项 ${figureLabel(single)} 超过总数 ${tl}`
          : `分项 ${partsLabel} 合计 ${formatSum(sumPoint, b.total)}，超过总数 ${tl}`
      ), b.parts.map((p) => relatedTo(doc, p, text('part', '分项')))));
    }
    return out;
  },
};

/** A sum in the scale the total is written in (96万, 1.2亿) so the editor can compare at a glance. */
export function formatSum(sum: number, like: { value: number | null; scale: string; unitText: string }): string {
  const scales: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2, 万亿: 1e12, 千万: 1e7, 百万: 1e6 };
  const k = scales[like.scale] ?? 1;
  const n = Math.round((sum / k) * 1e4) / 1e4;
  return `${n}${like.scale}${like.unitText ?? ''}`;
}
