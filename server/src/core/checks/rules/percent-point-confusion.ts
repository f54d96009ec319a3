// percent-point-confusion: the difference between two rates written as % (18.0% → 21.0%，
// 提高了3%) when only the point difference fits, or 个百分点 used on amounts, not rates.
import type { Claim } from '../../types';
import { DocContext, figureLabel, isAmount, isPercent } from '../context';
import { findChangeStatements } from '../changes';
import { ParagraphRule, Draft, draftAt, fix, pct, relatedTo, text } from '../rule';
import { claimInterval, overlaps, relativeChange, subtract } from '../tolerance';

function percentSignEdit(c: Claim): { start: number; end: number } | null {
  const i = Math.max(c.text.lastIndexOf('%'), c.text.lastIndexOf('％'));
  return i >= 0 ? { start: c.start + i, end: c.start + i + 1 } : null;
}

function pointsEdit(c: Claim): { start: number; end: number } | null {
  const i = c.text.lastIndexOf('个百分点');
  if (i >= 0) return { start: c.start + i, end: c.start + i + 4 };
  const j = c.text.lastIndexOf('百分点');
  return j >= 0 ? { start: c.start + j, end: c.start + j + 3 } : null;
}

/** 比上年, 较去年同期: what the change is measured against, not a word naming a rate (比重, 占比). */
const COMPARED_WITH = /(?:比|较)(?:上年|去年|上一年|前一年|上年同期|去年同期|上期|上月|上季度|年初)(?:同期)?/g;

export const percentPointConfusion: ParagraphRule = {
  code: 'percent-point-confusion',
  scope: 'document',
  locality: 'paragraph',
  check(doc: DocContext) {
    const out: Draft[] = [];
    const seen = new Set<Claim>();
    for (const s of findChangeStatements(doc)) {
      if (s.stated.kind === 'multiple') continue;
      seen.add(s.stated);
      const before = claimInterval(s.before);
      const after = claimInterval(s.after);
      const stated = claimInterval(s.stated);
      if (!before || !after || !stated || !(before.lo > 0)) continue;
      const down = s.direction === 'down';
      const signedStated = down ? { lo: -stated.hi, hi: -stated.lo } : stated;
      const related = [
        relatedTo(doc, s.before, text('rate before', '变化前的比率')),
        relatedTo(doc, s.after, text('rate after', '变化后的比率')),
      ];
      const bl = figureLabel(s.before);
      const al = figureLabel(s.after);
      const rates = isPercent(s.before) && isPercent(s.after);
      if (s.stated.kind === 'percent' && rates) {
        const rel = relativeChange(before, after);
        const points = subtract(after, before);
        if (rel && !overlaps(signedStated, rel) && overlaps(signedStated, points)) {
          const relPoint = ((s.after.value as number) / (s.before.value as number) - 1) * 100;
          const e = percentSignEdit(s.stated);
          out.push(draftAt(doc, 'percent-point-confusion', s.stated, text(
            `${bl} → ${al} is a change of ${s.stated.numeral} percentage points (${pct(Math.abs(relPoint))}% relative); write ${s.stated.numeral}个百分点`,
            `${bl} → ${al} 相差${s.stated.numeral}个百分点（相对变化${pct(Math.abs(relPoint))}%），应写作“${s.stated.numeral}个百分点”`
          ), related, e ? [fix(text('Replace % with 个百分点', '将 % 改为“个百分点”'), { ...e, newText: '个百分点' })] : []));
        }
      } else if (s.stated.kind === 'percent-point' && !isPercent(s.before) && !isPercent(s.after)) {
        const rel = relativeChange(before, after);
        const e = pointsEdit(s.stated);
        const fixes = rel && overlaps(signedStated, rel) && e ? [fix(text('Replace 个百分点 with %', '将“个百分点”改为 %'), { ...e, newText: '%' })] : [];
        out.push(draftAt(doc, 'percent-point-confusion', s.stated, text(
          `percentage points measure a difference between rates, but ${bl} → ${al} are amounts; use %`,
          `“个百分点”用于比率之差，而 ${bl} → ${al} 是数量，应使用 %`
        ), related, fixes));
      }
    }
    // 营收103.7亿元，同比增长5个百分点 (比上年增长了): points stated on an amount with no rate word in sight.
    for (const c of doc.claims) {
      if (c.kind !== 'percent-point' || seen.has(c)) continue;
      const clause = doc.sentenceOf(c.start);
      const figs = doc.claimsIn(clause, (x) => x.kind !== 'date' && x.kind !== 'time' && x.kind !== 'ordinal');
      const i = figs.indexOf(c);
      const prev = i > 0 ? figs[i - 1] : undefined;
      if (!prev || !isAmount(prev) || prev.kind === 'duration') continue;
      const gap = doc.slice(prev.end, c.start).replace(COMPARED_WITH, '');
      if (!/^[，,]?\s*(?:同比|环比)?(?:增长|增加|下降|减少)了?\s*$/.test(gap)) continue;
      const lead = doc.slice(clause.start, prev.start);
      if (/率|比|速|份额|比重|占|指数|水平/.test((lead + gap).replace(/同比|环比/g, ''))) continue;
      const e = pointsEdit(c);
      out.push(draftAt(doc, 'percent-point-confusion', c, text(
        `percentage points measure a difference between rates, but ${figureLabel(prev)} is an amount; use %`,
        `“个百分点”用于比率之差，而 ${figureLabel(prev)} 是数量，应使用 %`
      ), [relatedTo(doc, prev, text('the amount that changed', '发生变化的数量'))],
      e ? [fix(text('Replace 个百分点 with %', '将“个百分点”改为 %'), { ...e, newText: '%' })] : []));
    }
    return out;
  },
};
