// multiple-mismatch: 倍 / 翻番 / 翻n番 (×2ⁿ) claims that contradict the stated figures.
// 增长了两倍 is read both ways (×2 or ×3) since usage varies; 是…的N倍 and 增至N倍 mean ×N.
import { DocContext, figureLabel } from '../context';
import { findChangeStatements } from '../changes';
import { ParagraphRule, Draft, draftAt, relatedTo, text, times } from '../rule';
import { claimInterval, divide, Interval, overlaps } from '../tolerance';

export const multipleMismatch: ParagraphRule = {
  code: 'multiple-mismatch',
  scope: 'document',
  locality: 'paragraph',
  check(doc: DocContext) {
    const out: Draft[] = [];
    for (const s of findChangeStatements(doc)) {
      if (s.stated.kind !== 'multiple') continue;
      const before = claimInterval(s.before);
      const after = claimInterval(s.after);
      const n = s.stated.value;
      if (!before || !after || n === null || !(before.lo > 0) || !(n > 0)) continue;
      const ratio = divide(after, before);
      if (!ratio) continue;
      const fan = /翻/.test(s.stated.text) || s.verb === '翻';
      let accepted: Interval[];
      if (fan) {
        // 翻番 is used loosely for "about double": allow 10% either way.
        const q = s.stated.qualifier;
        const lo = q === 'nearly' || q === 'under' || q === 'at-most' ? 0 : n * 0.9;
        const hi = q === 'over' || q === 'at-least' ? Infinity : n * 1.1;
        accepted = [{ lo, hi }];
      } else {
        const stated = claimInterval(s.stated);
        if (!stated) continue;
        // 增长了两倍 is ×2 to some writers and ×3 to others; 增长了一倍 is ×2 to everyone.
        const by = { lo: stated.lo + 1, hi: stated.hi + 1 };
        accepted = s.sense === 'by' && s.direction !== 'down' ? (n >= 2 ? [stated, by] : [by]) : [stated];
      }
      if (s.direction === 'down') continue; // 下降N倍 is a figure of speech, not arithmetic.
      if (accepted.some((a) => overlaps(a, ratio))) continue;
      const r = (s.after.value as number) / (s.before.value as number);
      const bl = figureLabel(s.before);
      const al = figureLabel(s.after);
      const sl = s.stated.text;
      out.push(draftAt(doc, 'multiple-mismatch', s.stated, text(
        `${bl} → ${al} is ×${times(r)}, not ${sl}${fan ? ` (×${times(n)})` : s.sense === 'by' ? ` (×${times(n)} or ×${times(n + 1)})` : ''}`,
        `${bl} → ${al} 实为 ${times(r)} 倍，与“${sl}”不符`
      ), [
        relatedTo(doc, s.before, text('base figure', '基数')),
        relatedTo(doc, s.after, text('compared figure', '比较的数值')),
      ]));
    }
    return out;
  },
};
