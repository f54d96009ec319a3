// Figures that state a metric outright, keyed for comparison across a document and across
// files: subject + unit family + period (+ modifiers such as 累计/日均). A figure inside a
// sub-scope (其中…, 例如…, 单…, 该案…) is a different metric and is left out.
import type { Claim, Entity } from '../types';
import { DocContext } from './context';
import { metricKey } from './metric';
import { claimInterval, Interval } from './tolerance';

export interface MetricStatement {
  doc: DocContext;
  claim: Claim;
  key: string;
  interval: Interval;
  places: Set<string>;
  orgs: Set<string>;
  /** For rates: the words right before the figure (增长, 占, 提升 …) must match too. */
  relation: string;
  /** Words of the clause right before the subject (一线 in 一线城市用户): a narrower category. */
  modifier: string;
}

/** Words that do not narrow a metric: periods, 截至, 报告显示, list markers, punctuation. */
function normalizeLead(text: string): string {
  return text
    .replace(/(\d{4}|[〇一二三四五六七八九]{4})年(?:度)?(?:底|末|初)?|截至|截止|目前|年底|年末|全年|今年|去年|上年|本年|当年/g, '')
    .replace(/(?:报告|数据|统计|资料|公告|年报)?(?:还|也)?(?:显示|表明|指出|披露|称|介绍)/g, '')
    .replace(/^[-*+•·#>\s\d.、)）]+/, '')
    .replace(/[，,：:；;、\s“”"'‘’《》()（）【】\[\]|…—]/g, '')
    .replace(/该|本|公司|集团|企业|平台|年度|共计|共|累计|总|其|已|达到?|实现|完成|为|是|有/g, '');
}

/** The words before the subject in its sentence (一线 in 一线城市用户, 线上渠道 in a list item). */
function modifierOf(doc: DocContext, c: Claim): string {
  // Only the clause holding the subject narrows it (报告最后指出，涉案金额… is not narrower).
  const sentenceLead = doc.leadIn(c, doc.sentenceOf(c.start));
  const lead = sentenceLead.slice(Math.max(...[...'，,；;'].map((p) => sentenceLead.lastIndexOf(p))) + 1);
  const at = lead.lastIndexOf(c.subject.trim());
  if (at < 0) return '';
  return normalizeLead(lead.slice(0, at)).slice(-6);
}

const KINDS = new Set(['count', 'money', 'quantity', 'percent']);
const SUBSCOPE = /(其中|例如|比如|譬如|包括|包含|单个|单笔|单日|单月|单家|仅|某|一起|该案|此案|个案|案中|分别|之一|最高|最大|最多|最少|排名|前十|TOP|top|平均|均值|此前|曾|预计|计划|目标|有望|将(?!近)|力争|超过了?一半)/;

const CHANGE_FROM_BEFORE = /(?:从|由)\s*$/;
const CHANGE_FROM_AFTER = /^\s*(?:同比|环比)?(?:增长|增加|提升|提高|上升|上涨|下降|降低|减少|下滑|回落|扩大|缩小|升|降|增|减|跃升|猛增)了?(?:到|至)/;

const cache = new WeakMap<DocContext, MetricStatement[]>();
const sortedEntities = new WeakMap<DocContext, Entity[]>();

function entitiesIn(doc: DocContext, span: { start: number; end: number }): Entity[] {
  let list = sortedEntities.get(doc);
  if (!list) {
    list = [...(doc.analysis.entities ?? [])].sort((a, b) => a.start - b.start);
    sortedEntities.set(doc, list);
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Entity[] = [];
  for (let i = lo; i < list.length && list[i].start < span.end; i++) if (list[i].end <= span.end) out.push(list[i]);
  return out;
}

export function metricStatements(doc: DocContext): MetricStatement[] {
  let list = cache.get(doc);
  if (list) return list;
  list = [];
  for (const c of doc.claims) {
    if (!KINDS.has(c.kind) || c.vague || c.value === null) continue;
    const subject = c.subject.trim();
    if (subject.length < 2) continue;
    const sentence = doc.sentenceOf(c.start);
    // The sub-scope may be opened earlier in the full sentence (其中，城镇…；农村…).
    const lead = doc.slice(doc.longSentenceOf(c.start).start, c.start);
    if (SUBSCOPE.test(lead)) continue;
    // 从86.4亿元增长到103.7亿元: the figure a change starts from belongs to an earlier period.
    if (CHANGE_FROM_BEFORE.test(lead) || CHANGE_FROM_AFTER.test(doc.slice(c.end, c.end + 8))) continue;
    const interval = claimInterval(c);
    if (!interval) continue;
    const ents = entitiesIn(doc, sentence);
    // A rate is restated only in the same words (同比增长 … 同比增长), shares of different parts not.
    const relation = c.kind === 'percent' ? normalizeLead(doc.slice(sentence.start, c.start)).replace(/[的了约近超过逾]/g, '') : '';
    list.push({
      doc,
      claim: c,
      key: metricKey(doc, c),
      interval,
      places: new Set(ents.filter((e) => e.type === 'place').map((e) => e.text)),
      orgs: new Set(ents.filter((e) => e.type === 'org' || e.type === 'product').map((e) => e.text)),
      relation,
      modifier: modifierOf(doc, c),
    });
  }
  cache.set(doc, list);
  return list;
}


/** Both without a narrowing word, or agreeing on as many trailing characters as the shorter has. */
function sameModifier(a: string, b: string): boolean {
  if (!a || !b) return a === b;
  const n = Math.min(a.length, b.length);
  return a.slice(-n) === b.slice(-n);
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function disjointNonEmpty(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/** Two documents are about the same thing when they name a common organisation. */
function sameTopic(a: DocContext, b: DocContext): boolean {
  if (a === b) return true;
  const oa = orgsOf(a);
  for (const o of orgsOf(b)) if (oa.has(o)) return true;
  return false;
}

/** A document's organisations and products, computed once per document (pairs ask often). */
const topicOrgs = new WeakMap<DocContext, Set<string>>();
function orgsOf(d: DocContext): Set<string> {
  let orgs = topicOrgs.get(d);
  if (!orgs) {
    orgs = new Set((d.analysis.entities ?? []).filter((e) => e.type === 'org' || e.type === 'product').map((e) => e.text));
    topicOrgs.set(d, orgs);
  }
  return orgs;
}

/** Could two statements be the same metric restated? */
export function comparable(a: MetricStatement, b: MetricStatement): boolean {
  if (a.claim === b.claim || a.key !== b.key) return false;
  // One sentence naming a subject twice lists categories (一线城市用户占30%，二线城市用户占40%).
  if (a.doc === b.doc && a.doc.sentenceOf(a.claim.start).start === b.doc.sentenceOf(b.claim.start).start) return false;
  // 电商业务营收 vs 营收: a narrower category unless the words before the subject agree
  // (generic words such as 公司, 平台, 全年 aside).
  if (!sameModifier(a.modifier, b.modifier)) return false;
  if (a.relation !== b.relation) return false;
  if (!sameSet(a.places, b.places)) return false;
  if (disjointNonEmpty(a.orgs, b.orgs)) return false;
  if (a.doc !== b.doc) {
    // Across files only with an explicit period and a shared organisation.
    if (!a.key.split('|')[2]) return false;
    if (!sameTopic(a.doc, b.doc)) return false;
  }
  return true;
}

/**
 * Pairs of comparable statements over all documents, each pair once, in reading order. With a
 * focus, only pairs with a side in a focus document: a keystroke in one report compares that
 * report with the workspace, not the workspace with itself.
 */
export function comparablePairs(docs: DocContext[], focus?: ReadonlySet<DocContext>): [MetricStatement, MetricStatement][] {
  // Two rules ask for the pairs of the same run: compute them once.
  const memos = pairsMemo.get(docs);
  const memo = memos?.get(focus ?? ALL);
  if (memo) return memo;
  // With a focus, only the metrics the focus documents state can pair.
  let keys: Set<string> | undefined;
  if (focus) {
    keys = new Set();
    for (const d of focus) for (const s of metricStatements(d)) keys.add(s.key);
  }
  const byKey = new Map<string, MetricStatement[]>();
  for (const d of docs) for (const s of metricStatements(d)) {
    if (keys && !keys.has(s.key)) continue;
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  const inFocus = (s: MetricStatement) => !focus || focus.has(s.doc);
  // Guard against pathological input (one metric stated thousands of times, a table pasted
  // as prose): past a budget of comparisons, each statement is compared with its nearest
  // neighbours only, so that checking stays near-linear instead of quadratic.
  let all = 0;
  let statements = 0;
  for (const list of byKey.values()) {
    const focused = focus ? list.filter(inFocus).length : list.length;
    if (focused === 0) continue;
    statements += focused;
    all += focus ? focused * (list.length - 1) : (list.length * (list.length - 1)) / 2;
  }
  const window = all <= PAIR_BUDGET ? Infinity : Math.max(MIN_WINDOW, Math.floor(PAIR_BUDGET / Math.max(1, statements)));
  const out: [MetricStatement, MetricStatement][] = [];
  for (const list of byKey.values()) {
    if (!focus) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length && j - i <= window; j++) {
        if (comparable(list[i], list[j])) out.push([list[i], list[j]]);
      }
      continue;
    }
    // Each focus statement against its group: O(focus × group), each pair once, earlier first.
    for (let f = 0; f < list.length; f++) {
      if (!inFocus(list[f])) continue;
      const from = window === Infinity ? 0 : Math.max(0, f - window);
      const to = window === Infinity ? list.length : Math.min(list.length, f + window + 1);
      for (let j = from; j < to; j++) {
        if (j === f || (j < f && inFocus(list[j]))) continue; // a focus pair is taken from its earlier side
        const [a, b] = j < f ? [list[j], list[f]] : [list[f], list[j]];
        if (comparable(a, b)) out.push([a, b]);
      }
    }
  }
  (memos ?? pairsMemo.set(docs, new Map()).get(docs)!).set(focus ?? ALL, out);
  return out;
}

/** Comparisons allowed per check run before the window applies (≈0.1 s of work). */
const PAIR_BUDGET = 100_000;
const MIN_WINDOW = 8;
const ALL: ReadonlySet<DocContext> = new Set();
const pairsMemo = new WeakMap<DocContext[], Map<ReadonlySet<DocContext>, [MetricStatement, MetricStatement][]>>();
