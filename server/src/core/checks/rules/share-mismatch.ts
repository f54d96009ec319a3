// share-mismatch: 占…% that does not follow from the stated part and whole. The whole is
// either inside 占…的 (占全部120万件的25%) or the total a 其中 clause hangs from (共80亿元，其中
// 线上32亿元，占40%); a share of anything else (占全国市场的5%) is left alone.
import type { Claim } from '../../types';
import { DocContext, figureLabel, isAmount, isPercent, sameMeasure } from '../context';
import { DocumentRule, Draft, draftAt, pct, relatedTo, text } from '../rule';
import { claimInterval, divide, overlaps, scale } from '../tolerance';

const TOTAL_WORDS = /^(?:比|总[数量额体和计]?|全部|全年|整体|合计|其中|总的|所有|全|当年|同期)*/;

/** The words between 占 and the share must name the same whole (or nothing but 总/全部). */
function namesTheTotal(words: string, total: Claim | null): boolean {
  let w = words.replace(/[\s]/g, '');
  if (total) {
    if (total.subject) w = w.split(total.subject).join('');
    if (total.unitText) w = w.split(total.unitText).join('');
  }
  w = w.replace(TOTAL_WORDS, '');
  return /^(?:的)?(?:比重|比例|份额|比)?(?:为|达到?|约为?|是|近|超过?)?$/.test(w);
}

export const shareMismatch: DocumentRule = {
  code: 'share-mismatch',
  scope: 'document',
  check(doc: DocContext) {
    const out: Draft[] = [];
    for (const sentence of doc.sentences) {
      const figs = doc.claimsIn(sentence, (c) => c.kind !== 'date' && c.kind !== 'time' && c.kind !== 'ordinal');
      for (let k = 1; k < figs.length; k++) {
        const share = figs[k];
        if (!isPercent(share) || share.unit !== '%') continue;
        let part: Claim | undefined;
        let whole: Claim | null = null;
        const prev = figs[k - 1];
        const gapPrev = doc.slice(prev.end, share.start);
        // 占全部 W 的 Z%: prev is the whole when 占 comes before it.
        if (isAmount(prev) && /^(?:的)?(?:比重|比例)?(?:为|达到?|约为?|是)?$/.test(gapPrev.trim()) && k >= 2) {
          const p = figs[k - 2];
          const gap = doc.slice(p.end, prev.start);
          if (isAmount(p) && sameMeasure(p, prev) && /^[，,]?\s*(?:约)?占[^，,。；;\d]{0,10}$/.test(gap)) {
            part = p;
            whole = prev;
          }
        }
        // X，占(总数的)Z%: the whole is the total a 其中 clause hangs from.
        if (!part && isAmount(prev)) {
          const m = /^[，,]?\s*(?:约)?占(比)?([^，,。；;\d]{0,12})$/.exec(gapPrev);
          if (!m) continue;
          const lead = doc.leadIn(prev, sentence);
          if (!/其中/.test(lead)) continue;
          // The total: the amount right before 其中, of the same measure.
          const before = figs.slice(0, k - 1).reverse().find((c) => isAmount(c));
          if (!before || !sameMeasure(before, prev)) continue;
          const gapTotal = doc.slice(before.end, prev.start);
          if (!/^[，,]?\s*其中/.test(gapTotal.replace(/^[^，,]{0,0}/, ''))) continue;
          if (!m[1] && !namesTheTotal(m[2], before)) continue;
          if (m[1] && m[2].replace(/(为|达到?|约为?|是|近|超过?)$/, '') !== '') continue;
          part = prev;
          whole = before;
        }
        if (!part || !whole) continue;
        const p = claimInterval(part);
        const w = claimInterval(whole);
        const s = claimInterval(share);
        if (!p || !w || !s || !(w.lo > 0)) continue;
        const ratio = divide(p, w);
        if (!ratio) continue;
        const expected = scale(ratio, 100);
        if (overlaps(expected, s)) continue;
        const point = ((part.value as number) / (whole.value as number)) * 100;
        out.push(draftAt(doc, 'share-mismatch', share, text(
          `${figureLabel(part)} / ${figureLabel(whole)} is ${pct(point)}%, not ${share.numeral}%`,
          `${figureLabel(part)} / ${figureLabel(whole)} 实为 ${pct(point)}%，而非${share.numeral}%`
        ), [
          relatedTo(doc, part, text('the part', '部分')),
          relatedTo(doc, whole, text('the whole', '总体')),
        ]));
      }
    }
    return out;
  },
};
