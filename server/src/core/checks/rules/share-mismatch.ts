// share-mismatch: 占…% that does not follow from the stated part and whole. The whole is
// either inside 占…的 (占全部120万件的25%) or the total a 其中 clause hangs from (共80亿元，其中
// 线上32亿元，占40%); a share of anything else (占全国市场的5%) is left alone.
import type { Claim } from '../../types';
import { DocContext, figureLabel, isAmount, isPercent, sameMeasure, type Span } from '../context';
import { DocumentParts, Draft, pct, SplitRule, text } from '../rule';
import { append, eachPart, keysOfParts, partDrafts, placeDrafts } from '../combine';
import { claimInterval, divide, overlaps, scale } from '../tolerance';
import { localPeriod, resolvePeriod, type PeriodSpec } from '../metric';
import { totalBefore } from '../breakdown';
import { atScaleOf, outlierShare, respectiveShares, type RespectiveShares } from '../respective-shares';

const TOTAL_WORDS = /^(?:比|总[数量额体和计]?|全部|全年|整体|合计|其中|总的|所有|全|当年|同期)*/;

/** The words between 占 and the share must name the same whole (or nothing but 总/全部). */
function namesTheTotal(words: string, total: Claim | null): boolean {
  let w = words.replace(/[\s]/g, '');
  if (total) {
    // 占员工总数的 for 公司员工: the words of the total's own subject name it too.
    const own = (total.subject + total.unitText).replace(/[^\u4e00-\u9fff]/g, '');
    if (own) w = w.replace(new RegExp(`[${own}]`, 'g'), '');
  }
  w = w.replace(TOTAL_WORDS, '');
  return /^(?:的)?(?:比重|比例|份额|比)?(?:为|达到?|约为?|是|近|超过?)?$/.test(w);
}

/** A figure that may be the whole a share names by its subject (占营业收入的 → 营业收入). */
interface SubjectAmount {
  claim: Claim;
  period: PeriodSpec;
}

/** 占营业收入的Z%: the whole is looked up by subject over the whole document (conclude). */
interface WholeQuery {
  name: string;
  part: Claim;
  share: Claim;
  sharePeriod: PeriodSpec;
  /** What the sentence says when no figure of the document names that whole. */
  otherwise: { part: Claim; whole: Claim } | null;
}

interface ShareFacts {
  drafts: Draft[];
  queries: WholeQuery[];
  amounts: SubjectAmount[];
}

/** The part and whole of a share, as far as its sentence tells (see the shapes above). */
function partAndWhole(doc: DocContext, sentence: Span, figs: Claim[], k: number, queries: WholeQuery[] | null): { part: Claim; whole: Claim } | null {
  const share = figs[k];
  const prev = figs[k - 1];
  const gapPrev = doc.slice(prev.end, share.start);
  // 占全部 W 的 Z%: prev is the whole when 占 comes before it.
  if (isAmount(prev) && /^(?:的)?(?:比重|比例)?(?:为|达到?|约为?|是)?$/.test(gapPrev.trim()) && k >= 2) {
    const p = figs[k - 2];
    const gap = doc.slice(p.end, prev.start);
    if (isAmount(p) && sameMeasure(p, prev) && /^[，,]?\s*(?:约)?占[^，,。；;\d]{0,10}$/.test(gap)) return { part: p, whole: prev };
  }
  // X，同比增长5%，占…: the part is the amount before the growth rate.
  let pi = k - 1;
  while (pi > 0 && (figs[pi].kind === 'percent' || figs[pi].kind === 'percent-point') && /(增长|增加|下降|减少|提高|降低|上升)(?:了)?\s*$/.test(doc.leadIn(figs[pi], sentence))) pi--;
  const partCandidate = figs[pi];
  const gapPart = doc.slice(partCandidate.end, share.start).replace(/^[，,]\s*(?:同比|环比)?[^，,。；;]{0,6}?\d+(?:\.\d+)?%/, '');
  // X，占营业收入的Z%: the whole is the one figure of the document with that subject.
  if (queries && isAmount(partCandidate)) {
    const m = /^[，,]?\s*(?:约)?占([^，,。；;\d]{2,12}?)的(?:比重|比例)?(?:为|达到?|约为?|是)?$/.exec(pi === k - 1 ? gapPrev : gapPart);
    const name = m ? m[1].replace(/^(?:公司|全年|年度|当年|同期|全部|总)/, '') : '';
    if (name.length >= 2) {
      queries.push({ name, part: partCandidate, share, sharePeriod: localPeriod(doc, share), otherwise: partAndWhole(doc, sentence, figs, k, null) });
      return null;
    }
  }
  // 共500亿元，其中广告收入占比为40%，广告收入为260亿元: the share first, then its part.
  if (k + 1 < figs.length && share.subject.length >= 2) {
    const next = figs[k + 1];
    const gapNext = doc.slice(share.end, next.start);
    const shareLead = doc.leadIn(share, sentence);
    if (
      isAmount(next) &&
      next.subject === share.subject &&
      /占比?(?:为|达到?|约为?|是)?$/.test(shareLead.replace(/[约近超逾过]+$/, '')) &&
      /^[，,]\s*[\u4e00-\u9fff]{0,10}?(?:为|达到?|约为?|是|共|计)?$/.test(gapNext)
    ) {
      const lead = doc.slice(doc.longSentenceOf(share.start).start, share.start);
      const at = lead.lastIndexOf('其中');
      const total = at < 0 ? undefined : figs.slice(0, k).reverse().find((c) => isAmount(c) && c.end <= doc.longSentenceOf(share.start).start + at);
      if (total && sameMeasure(total, next) && /^[，,]?\s*其中/.test(doc.slice(total.end, doc.longSentenceOf(share.start).start + at + 2).trim())) {
        return { part: next, whole: total };
      }
    }
  }
  // X，占(总数的)Z%: the whole is the total a 其中 clause hangs from.
  if (!isAmount(partCandidate)) return null;
  const m = /^[，,]?\s*(?:约)?占(比)?([^，,。；;\d]{0,12})$/.exec(pi === k - 1 ? gapPrev : gapPart);
  if (!m) return null;
  const long = doc.longSentenceOf(partCandidate.start);
  const lead = doc.slice(long.start, partCandidate.start);
  if (!/其中/.test(lead)) return null;
  // The total: the amount right before 其中, of the same measure; for a sentence that opens
  // with 其中 (…3.2万件。其中，…2.1万件，占…), the one such amount of the sentence before.
  const before = figs.slice(0, pi).reverse().find((c) => isAmount(c)) ?? (/^\s*其中/.test(lead) ? totalBefore(doc, long.start, partCandidate) : undefined);
  if (!before || !sameMeasure(before, partCandidate)) return null;
  const gapTotal = before.end <= long.start ? lead : doc.slice(before.end, partCandidate.start);
  if (!/^[，,]?\s*其中/.test(gapTotal)) return null;
  if (!m[1] && !namesTheTotal(m[2], before)) return null;
  if (m[1] && m[2].replace(/(为|达到?|约为?|是|近|超过?)$/, '') !== '') return null;
  return { part: partCandidate, whole: before };
}

/** The finding when part / whole does not give the share, at the precision of all three. */
function judge(part: Claim, whole: Claim, share: Claim, path: string): Draft | null {
  const p = claimInterval(part);
  const w = claimInterval(whole);
  const s = claimInterval(share);
  if (!p || !w || !s || !(w.lo > 0)) return null;
  const ratio = divide(p, w);
  if (!ratio) return null;
  const expected = scale(ratio, 100);
  if (overlaps(expected, s)) return null;
  const point = ((part.value as number) / (whole.value as number)) * 100;
  return shareDraft(path, share, part, text(
    `${figureLabel(part)} / ${figureLabel(whole)} is ${pct(point)}%, not ${share.numeral}%`,
    `${figureLabel(part)} / ${figureLabel(whole)} 实为 ${pct(point)}%，而非${share.numeral}%`
  ), [{ path, start: whole.start, end: whole.end, message: text('the whole', '总体') }]);
}

/** A finding at the share, its part the first related place. */
function shareDraft(path: string, share: Claim, part: Claim, message: Draft['message'], more: Draft['related']): Draft {
  const related = [{ path, start: part.start, end: part.end, message: text('the part', '部分') }, ...more];
  return { code: 'share-mismatch', path, start: share.start, end: share.end, message, related, fixes: [] };
}

/** 分别占 a、b、c: the one share whose implied whole the other shares of the list rule out. */
function judgeRespective(list: RespectiveShares, path: string): Draft | null {
  const odd = outlierShare(list);
  if (!odd) return null;
  const part = list.parts[odd.index];
  const share = list.shares[odd.index];
  const implied = atScaleOf(part, ((part.value as number) / (share.value as number)) * 100);
  const others = atScaleOf(part, (odd.others.lo + odd.others.hi) / 2);
  const listedWith = list.shares.filter((s) => s !== share).map((s) => ({ path, start: s.start, end: s.end, message: text('a share listed with it', '同列的占比') }));
  return shareDraft(path, share, part, text(
    `${figureLabel(part)} at ${share.numeral}% implies a whole of ${implied}, but the other shares listed with it imply ${others}`,
    `${figureLabel(part)} 占 ${share.numeral}% 意味着总体为 ${implied}，而同列的其他占比意味着总体约为 ${others}`
  ), listedWith);
}

const shifted = (c: Claim, at: number): Claim => (at === 0 ? c : { ...c, start: c.start + at, end: c.end + at });

export const shareMismatch: SplitRule<ShareFacts> = {
  code: 'share-mismatch',
  scope: 'document',
  locality: 'split',
  collect(doc: DocContext) {
    const drafts: Draft[] = [];
    const queries: WholeQuery[] = [];
    for (const sentence of doc.sentences) {
      const figs = doc.claimsIn(sentence, (c) => c.kind !== 'date' && c.kind !== 'time' && c.kind !== 'ordinal');
      for (let k = 1; k < figs.length; k++) {
        const share = figs[k];
        if (!isPercent(share) || share.unit !== '%') continue;
        const found = partAndWhole(doc, sentence, figs, k, queries);
        const d = found && judge(found.part, found.whole, share, doc.path);
        if (d) drafts.push(d);
      }
    }
    for (const list of respectiveShares(doc)) {
      const d = judgeRespective(list, doc.path);
      if (d) drafts.push(d);
    }
    // The figures a share may name by subject: amounts of their own subject, outside a sub-scope.
    const amounts: SubjectAmount[] = doc.figures
      .filter((c) => isAmount(c) && !c.vague && c.subject.length >= 2 && !/其中|例如|比如|包括/.test(doc.slice(doc.longSentenceOf(c.start).start, c.start)))
      .map((claim) => ({ claim, period: localPeriod(doc, claim) }));
    return drafts.length || queries.length || amounts.length ? { drafts, queries, amounts } : undefined;
  },
  // 占营业收入的Z%: every figure of that subject in the document, of the part's measure and the
  // share's period, must state one value for it to be the whole.
  conclude(doc: DocumentParts<ShareFacts>) {
    const path = doc.path;
    const out = partDrafts(doc, 'share-mismatch', (value, at) => placeDrafts(value.drafts, at, path));
    // Whether any paragraph names a whole by subject (rare): counted across versions.
    const queries = keysOfParts(doc, (value, visit) => {
      for (let k = 0; k < value.queries.length; k++) visit('');
    }, 'share-mismatch');
    if (!queries.size) return out;
    const amounts: { claim: Claim; period: string }[] = [];
    eachPart(doc, (value, at, env) => {
      for (const a of value.amounts) amounts.push({ claim: shifted(a.claim, at), period: resolvePeriod(a.period, env) });
    });
    eachPart(doc, (value, at, env) => {
      for (const q of value.queries) {
        const part = shifted(q.part, at);
        const share = shifted(q.share, at);
        const whole = wholeBySubject(amounts, q.name, part, resolvePeriod(q.sharePeriod, env));
        const found = whole ? { part, whole } : q.otherwise && { part: shifted(q.otherwise.part, at), whole: shifted(q.otherwise.whole, at) };
        const d = found && judge(found.part, found.whole, share, path);
        if (d) out.push(d);
      }
    });
    return out;
  },
};

/** The whole a share names (占营业收入的 → 营业收入 156.32亿元), if the document states it one way. */
function wholeBySubject(amounts: { claim: Claim; period: string }[], name: string, part: Claim, period: string): Claim | null {
  const candidates = amounts.filter(
    ({ claim: c }) => c.start !== part.start && (c.subject === name || (name.endsWith(c.subject) && c.subject.length >= 3)) && sameMeasure(c, part)
  );
  // Every figure of that subject in the document must agree (one period, one value).
  if (candidates.some((c) => c.period !== period)) return null;
  if (candidates.length === 0) return null;
  const v = candidates[0].claim.value;
  if (!candidates.every((c) => c.claim.value === v)) return null;
  if (!(v !== null && part.value !== null && v > part.value)) return null;
  return candidates[0].claim;
}
