// percent-sum-over-100: the shares of one breakdown (A占45%，B占35%，C占25%) whose lower bounds
// already pass 100%. Rounding is allowed for (33%、33%、35% is fine), a breakdown closes when
// its shares reach 100%, and multiple-choice surveys (可多选) are skipped.
import type { Claim } from '../../types';
import { DocContext, figureLabel, isPercent } from '../context';
import { DocumentParts, Draft, pct, SplitRule, text } from '../rule';
import { append, eachPart, partDrafts, placeDrafts } from '../combine';
import { claimInterval } from '../tolerance';

const SHARE_LEAD = /(占比?|比重|份额|比例)(?:[^，,。；;、\d]{0,10})?(?:为|达到?|约为?|是)?\s*$/;
const LIST_LEAD = /^[，,、和及与]?\s*$/;
const GROWTH = /(增长|增加|提升|提高|上升|下降|减少|降低|同比|环比|增速|增幅|降幅|率)/;
const MULTI_CHOICE = /可多选|多选|多项选择|可选多项|不定项/;

interface Share {
  claim: Claim;
  whole: string;
  /** What the share is of (线上, 男性用户), as written before 占. */
  category: string;
  /** Part of an explicit list (分别占…、…, or list items under a heading). */
  listed: boolean;
}

function categoryOf(lead: string): string {
  return lead.replace(/^[，,、和及与\s]*/, '').split(/占|比重|份额|比例/)[0].replace(/[：:\s]/g, '');
}

const REMAINDER = /其他|其余|其它|剩余|剩下|以下|以外|之外/;
const PAIRS: [RegExp, RegExp][] = [[/线上/, /线下/], [/境内|国内/, /境外|海外|国外/], [/城镇|城市/, /农村|乡村/], [/男/, /女/], [/一线/, /二线/]];

/** Common ending of every category (…渠道, …城市用户), at least two characters. */
function sharedSuffix(cats: string[]): boolean {
  if (cats.length < 2 || cats.some((c) => c.length < 2)) return false;
  const first = cats[0];
  for (let n = 2; n <= first.length; n++) {
    const tail = first.slice(-n);
    if (!cats.every((c) => c.endsWith(tail))) return n > 2;
  }
  return true;
}

/**
 * Shares separated by commas may measure different things (学历占65%，研发人员占28%，女性占42%):
 * a run is one breakdown only when it is a 分别 list, names a remainder (其他…), pairs
 * complementary categories (线上/线下), or its categories share a head (…渠道).
 */
function looksLikeOneBreakdown(run: Share[], listed: boolean): boolean {
  if (listed) return true;
  const cats = run.map((s) => s.category);
  if (cats.some((c) => REMAINDER.test(c))) return true;
  if (PAIRS.some(([a, b]) => cats.some((c) => a.test(c)) && cats.some((c) => b.test(c)))) return true;
  return sharedSuffix(cats);
}

/** 线上销售额占60%，线上用户占70%: one category measured twice is not a breakdown. */
function sameCategoryTwice(run: Share[]): boolean {
  const heads = run.map((s) => s.category).filter((c) => c.length >= 2).map((c) => c.slice(0, 2));
  return new Set(heads).size < heads.length;
}

function wholeOf(lead: string): string {
  const m = /占(?:比)?([^，,。；;、\d]*)$/.exec(lead);
  if (!m) return '';
  return m[1].replace(/(的|比重|比例|份额|为|达到?|约为?|是)/g, '');
}

/** Shares of each sentence, in text order. */
function sentenceRuns(doc: DocContext): Share[][] {
  const runs: Share[][] = [];
  for (const sentence of doc.sentences) {
    const figs = doc.claimsIn(sentence, (c) => c.kind !== 'date' && c.kind !== 'time' && c.kind !== 'ordinal');
    let run: Share[] = [];
    let listMode = false;
    for (const c of figs) {
      const lead = doc.leadIn(c, sentence);
      if (!isPercent(c) || c.unit !== '%') {
        if (run.length) runs.push(run);
        run = [];
        listMode = false;
        continue;
      }
      if (GROWTH.test(lead.slice(-8))) {
        if (run.length) runs.push(run);
        run = [];
        continue;
      }
      if (/其中/.test(lead)) {
        if (run.length) runs.push(run);
        run = [];
      }
      if (/分别(?:占比?|为|是)?[^，,。；;\d]*$/.test(lead)) listMode = true;
      if (SHARE_LEAD.test(lead) || (listMode && LIST_LEAD.test(lead.replace(/分别[^，,。；;\d]*$/, '')))) {
        run.push({ claim: c, whole: wholeOf(lead), category: categoryOf(lead), listed: listMode });
      } else {
        if (run.length) runs.push(run);
        run = [];
        listMode = false;
      }
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

/**
 * The drafts of one run of shares: split by stated whole (占全国的 vs 占全省的), a group closes
 * once it reaches 100%, and one past 100% is reported at its last share. `lead` is the text
 * from the sentence of the first share to the last share; `multiChoice` whether the paragraph
 * of the first share says the question allowed several answers.
 */
function judgeRun(run: Share[], lead: string, multiChoice: boolean, path: string, seen: Set<Claim>): Draft[] {
  const out: Draft[] = [];
  if (multiChoice) return out;
  // 分别占各自市场的30%和80%: each share has its own whole.
  if (/各自|各占|各为|其各自|分别占其/.test(lead)) return out;
  const wholes = new Set(run.map((s) => s.whole).filter((w) => w));
  if (wholes.size > 1 || sameCategoryTwice(run) || !looksLikeOneBreakdown(run, run.every((x) => x.listed))) return out;
  let group: Claim[] = [];
  let sumLo = 0;
  let sumPoint = 0;
  for (const s of run) {
    if (seen.has(s.claim)) continue;
    const iv = claimInterval(s.claim);
    if (!iv) break;
    group.push(s.claim);
    sumLo += Math.max(0, iv.lo);
    sumPoint += s.claim.value as number;
    if (sumLo > 100 + 1e-9 && group.length >= 2) {
      group.forEach((c) => seen.add(c));
      const last = group[group.length - 1];
      out.push({
        code: 'percent-sum-over-100',
        path,
        start: last.start,
        end: last.end,
        message: text(
          `shares ${group.map(figureLabel).join(' + ')} add up to ${pct(sumPoint)}%, more than 100%`,
          `各部分占比 ${group.map(figureLabel).join(' + ')} 合计 ${pct(sumPoint)}%，超过 100%`
        ),
        related: group.slice(0, -1).map((c) => ({ path, start: c.start, end: c.end, message: text('share of the same breakdown', '同一构成中的占比') })),
        fixes: [],
      });
      group = [];
      sumLo = 0;
      sumPoint = 0;
      continue;
    }
    // 60% + 40% closes one breakdown; what follows is another.
    if (Math.abs(sumPoint - 100) < 1e-9) {
      group = [];
      sumLo = 0;
      sumPoint = 0;
    }
  }
  return out;
}

const LIST_ITEM = /^\s*(?:[-*+•·]|\d+[.、)]|[（(][一二三四五六七八九十\d]+[）)])\s*/;
const LIST_HEADING = /(构成|分布|占比|比例|结构|份额)/;

/** A paragraph as a line of a list under a heading ("用户构成：" then "- 线上：45%", "- 线下：35%"). */
interface ListLine {
  blank: boolean;
  heading: boolean;
  /** The share of an item line with one figure, a percentage; null for other lines. */
  item: (Share & { sentence: number }) | null;
  multiChoice: boolean;
  /** Blank lines between this paragraph and the one before it. */
  blankBefore: number;
}

function listLine(doc: DocContext): ListLine {
  const p = doc.paragraphs[0] ?? { start: 0, end: doc.text.length };
  const line = doc.slice(p.start, p.end);
  const item = LIST_ITEM.exec(line);
  const figs = doc.claimsIn(p, (c) => c.kind !== 'date' && c.kind !== 'time' && c.kind !== 'ordinal');
  const share = item && figs.length === 1 && isPercent(figs[0]) ? figs[0] : null;
  const breaks = (doc.slice(0, p.start).match(/\r\n|\n|\r/g) ?? []).length;
  return {
    blank: line.trim() === '',
    heading: !item && LIST_HEADING.test(line) && figs.length === 0,
    item: share
      ? { claim: share, whole: '', category: line.slice(item![0].length, share.start - p.start).replace(/[：:\s]/g, ''), listed: true, sentence: doc.sentenceOf(share.start).start }
      : null,
    multiChoice: MULTI_CHOICE.test(line),
    blankBefore: Math.max(0, breaks - 1),
  };
}

interface PercentFacts {
  drafts: Draft[];
  line: ListLine;
}

/** A paragraph that only closes a list (blank lines before it close it as well). */
const PLAIN: PercentFacts = {
  drafts: [],
  line: { blank: false, heading: false, item: null, multiChoice: false, blankBefore: 0 },
};

export const percentSumOver100: SplitRule<PercentFacts> = {
  code: 'percent-sum-over-100',
  scope: 'document',
  locality: 'split',
  collect(doc: DocContext) {
    const drafts: Draft[] = [];
    const seen = new Set<Claim>();
    const para = doc.paragraphs[0] ?? { start: 0, end: doc.text.length };
    const multiChoice = MULTI_CHOICE.test(doc.slice(para.start, para.end));
    for (const run of sentenceRuns(doc)) {
      const lead = doc.slice(doc.sentenceOf(run[0].claim.start).start, run[run.length - 1].claim.start);
      drafts.push(...judgeRun(run, lead, multiChoice, doc.path, seen));
    }
    const line = listLine(doc);
    // Most paragraphs are neither list nor heading, and have no shares that pass 100%.
    if (!drafts.length && !line.blank && !line.heading && !line.item) return PLAIN;
    return { drafts, line };
  },
  // The shares of a list under a heading line span paragraphs: one line each.
  conclude(doc: DocumentParts<PercentFacts>) {
    const { path, text } = doc;
    const out = partDrafts(doc, 'percent-sum-over-100', (value, at) => placeDrafts(value.drafts, at, path));
    const seen = new Set<Claim>();
    let list: { share: Share; sentence: number; multiChoice: boolean }[] | null = null;
    const close = () => {
      if (list && list.length >= 2) {
        const first = list[0];
        const lead = text.slice(first.sentence, list[list.length - 1].share.claim.start);
        out.push(...judgeRun(list.map((x) => x.share), lead, first.multiChoice, path, seen));
      }
      list = null;
    };
    eachPart(doc, (value, at) => {
      const l = value.line;
      for (let b = 0; b < l.blankBefore; b++) {
        if (list && list.length === 0) continue; // a blank line after the heading
        close();
      }
      if (l.blank && list && list.length === 0) return;
      if (l.item && list) {
        const c = l.item.claim;
        list.push({ share: { ...l.item, claim: { ...c, start: c.start + at, end: c.end + at } }, sentence: l.item.sentence + at, multiChoice: l.multiChoice });
        return;
      }
      close();
      if (l.heading) list = [];
    });
    close();
    return out;
  },
};
