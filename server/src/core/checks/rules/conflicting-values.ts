// conflicting-values: one metric (subject + unit family + period) stated twice with values
// that cannot both be true at their stated precision (超12万 vs 12.6万 and 约13万 vs 12.6万 can).
// Reported at both figures, each naming the other, also across files.
import { DocContext, figureLabel } from '../context';
import { CrossFileRule, Draft, text } from '../rule';
import { comparablePairs, MetricStatement } from '../statements';
import { overlaps } from '../tolerance';
import { isScaleSlip } from './scale-slip';

/** Restatements differ by little; figures a factor of 3 apart are different measures. */
const MAX_RATIO = 3;

export const conflictingValues: CrossFileRule = {
  code: 'conflicting-values',
  scope: 'cross-file',
  check(docs: DocContext[]) {
    const byClaim = new Map<MetricStatement, MetricStatement[]>();
    for (const [a, b] of comparablePairs(docs)) {
      if (overlaps(a.interval, b.interval) || isScaleSlip(a, b)) continue;
      const va = a.claim.value as number;
      const vb = b.claim.value as number;
      if (!(va > 0 && vb > 0) || Math.max(va, vb) / Math.min(va, vb) > MAX_RATIO) continue;
      byClaim.set(a, [...(byClaim.get(a) ?? []), b]);
      byClaim.set(b, [...(byClaim.get(b) ?? []), a]);
    }
    const out: Draft[] = [];
    for (const [s, others] of byClaim) {
      const subject = s.claim.subject;
      const list = others.map((o) => figureLabel(o.claim) + (o.doc !== s.doc ? ` (${o.doc.path})` : '')).join(', ');
      out.push({
        code: 'conflicting-values',
        path: s.doc.path,
        start: s.claim.start,
        end: s.claim.end,
        message: text(
          `${subject} is ${figureLabel(s.claim)} here but ${list} elsewhere; both cannot be true`,
          `${subject}此处为 ${figureLabel(s.claim)}，另处为 ${list}，二者不能同时成立`
        ),
        related: others.map((o) => ({ path: o.doc.path, start: o.claim.start, end: o.claim.end, message: text(`${subject}: ${figureLabel(o.claim)}`, `${subject}：${figureLabel(o.claim)}`) })),
        fixes: [],
      });
    }
    return out.sort((x, y) => (x.path === y.path ? x.start - y.start : x.path < y.path ? -1 : 1));
  },
};
