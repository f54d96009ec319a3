// Totals and their parts: 共/累计/合计 X，其中 A、B (parts under a total), A、B，合计 X (a
// declared sum), and whether the split is complete (线上 + 线下, quarters of a half-year).
// parts-exceed-total and sum-mismatch read the breakdowns found here.
import type { Claim } from '../types';
import { DocContext, isAmount, sameMeasure } from './context';

export interface Breakdown {
  total: Claim;
  parts: Claim[];
  /** The parts are declared to make up the whole total (合计 after them, or a complete split). */
  complete: boolean;
}

const TOTAL_BEFORE = /(共|累计|合计|总计|共计|总共|一共|总数|总量|总额|总规模|总和|全年|全部|总)[^，,。；;、]{0,12}?(?:达到?|为|是|有)?\s*$/;
const SUM_AFTER_LEAD = /(?:合计|总计|共计|总共|一共|共|加起来|总和为?|合共)(?:达到?|为|是|有)?\s*$/;
/** A part that names an attribute of other parts, not a share of the total (涉跨境的…). */
const ATTRIBUTE_PART = /涉|涉及|包括|包含|含|同比|环比|占|比上年|较上年|增长|下降|新增|平均|均/;

/** 比上年增加12万人, 同比增长5亿元, 新增3000家: a change, not a level. */
function isChange(doc: DocContext, c: Claim): boolean {
  const lead = leadWords(doc, c);
  return /(增加|减少|增长|下降|提高|降低|上升|比上年|较上年|同比|环比|新增|净增|净减)[了为达到约近超过逾]*\s*$/.test(lead);
}

/** Complementary words that declare a complete split between them. */
const COMPLEMENTS: [RegExp, RegExp][] = [
  [/线上/, /线下/],
  [/境内/, /境外/],
  [/国内/, /(国外|海外|境外)/],
  [/城镇/, /(农村|乡村)/],
  [/男/, /女/],
  [/出口/, /进口/],
  [/(一季度|第一季度|1季度|Q1)/, /(二季度|第二季度|2季度|Q2)/],
  [/上半年/, /下半年/],
];

function leadWords(doc: DocContext, c: Claim): string {
  return doc.leadIn(c, doc.longSentenceOf(c.start));
}

const NOT_FIGURE = (c: Claim) => c.kind !== 'date' && c.kind !== 'time' && c.kind !== 'ordinal';

/** The total a sentence opening with 其中 hangs from: the one same-measure amount of the sentence before. */
export function totalBefore(doc: DocContext, sentenceStart: number, first: Claim): Claim | null {
  const prev = doc.longSentenceBefore(sentenceStart);
  if (!prev) return null;
  const amounts = doc.claimsIn(prev, NOT_FIGURE).filter((c) => isAmount(c) && sameMeasure(c, first) && !isChange(doc, c));
  return amounts.length === 1 ? amounts[0] : null;
}

function isCompleteSplit(total: Claim, parts: Claim[], doc: DocContext): boolean {
  const leads = parts.map((p) => leadWords(doc, p));
  if (parts.length === 3) return ['一', '二', '三'].every((n, i) => new RegExp(`第${n}产业`).test(leads[i]));
  if (parts.length !== 2 && parts.length !== 4) return false;
  if (parts.length === 4) {
    const qs = ['一', '二', '三', '四'];
    return leads.every((l, i) => new RegExp(`(第?${qs[i]}|${i + 1})季度`).test(l)) && /全年|年度|\d{4}年/.test(leadWords(doc, total) + doc.slice(doc.sentenceOf(total.start).start, total.start));
  }
  for (const [a, b] of COMPLEMENTS) {
    if (a.test(leads[0]) && b.test(leads[1]) && !b.test(leads[0])) {
      if (/季度/.test(leads[0])) return /上半年/.test(doc.slice(doc.sentenceOf(total.start).start, total.start));
      if (/半年/.test(leads[0])) return /全年|年度/.test(doc.slice(doc.sentenceOf(total.start).start, total.start));
      return true;
    }
  }
  return false;
}

/** Breakdowns of one document, each within one sentence (computed once per document). */
export function findBreakdowns(doc: DocContext): Breakdown[] {
  return doc.once(scanBreakdowns);
}

function scanBreakdowns(doc: DocContext): Breakdown[] {
  const out: Breakdown[] = [];
  for (const sentence of doc.longSentences) {
    let figs = doc.claimsIn(sentence, NOT_FIGURE);
    // 其中，A、B opening a sentence: parts of the one matching total of the sentence before.
    const firstAmount = figs.find(isAmount);
    if (firstAmount && /^\s*其中/.test(doc.slice(sentence.start, sentence.end))) {
      const t = totalBefore(doc, sentence.start, firstAmount);
      if (t) figs = [t, ...figs];
    }
    for (let i = 0; i < figs.length; i++) {
      const t = figs[i];
      if (!isAmount(t)) continue;
      const lead = leadWords(doc, t);

      // A、B，合计 X: the parts come first and the sum is declared.
      if (SUM_AFTER_LEAD.test(lead) && i >= 2) {
        const parts: Claim[] = [];
        for (let j = i - 1; j >= 0; j--) {
          const p = figs[j];
          if (!isAmount(p) || !sameMeasure(p, t)) break;
          const between = doc.slice(p.end, j === i - 1 ? t.start : figs[j + 1].start);
          if (j < i - 1 && !/^[^，,。；;]{0,8}[、和与及，,][^，,。；;]{0,10}$/.test(between)) break;
          parts.unshift(p);
          const pl = leadWords(doc, p);
          if (/(其中|分别|包括)/.test(pl) || /[：:]/.test(pl)) break;
        }
        if (parts.length >= 2) out.push({ total: t, parts, complete: true });
        continue;
      }

      // 共 X，其中 A、B / X，分别为 A、B. Change figures (比上年增加12万人, 增长5%) between
      // the total and 其中 are skipped; a change figure is never a total.
      if (isChange(doc, t)) continue;
      let j = i + 1;
      while (j < figs.length && (!isAmount(figs[j]) || isChange(doc, figs[j])) && !/(其中|分别|包括)/.test(leadWords(doc, figs[j]))) j++;
      if (j >= figs.length) continue;
      if (!TOTAL_BEFORE.test(lead) && !/其中|分别|包括/.test(doc.slice(t.end, figs[j].start))) continue;
      const parts: Claim[] = [];
      let opened = false;
      for (; j < figs.length; j++) {
        const p = figs[j];
        const pl = leadWords(doc, p);
        if (!opened) {
          if (!/(其中|分别|包括)/.test(doc.slice(t.end, p.start))) break;
          opened = true;
        } else if (/其中|另有|此外|另外/.test(pl)) break; // a nested subset of the previous part
        if (p.kind === 'percent' || p.kind === 'percent-point' || p.kind === 'multiple') continue; // 增长8.1% after a part
        if (!isAmount(p) || !sameMeasure(p, t)) break;
        if (isChange(doc, p)) continue;
        if (ATTRIBUTE_PART.test(pl.replace(/^(?:[，,；;\s])*(?:其中|分别)/, ''))) {
          if (parts.length === 0) break;
          continue;
        }
        parts.push(p);
      }
      if (parts.length === 0) continue;
      out.push({ total: t, parts, complete: isCompleteSplit(t, parts, doc) });
    }
  }
  return out;
}
