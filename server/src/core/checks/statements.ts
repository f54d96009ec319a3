// Figures that state a metric outright, keyed for comparison across a document and across
// files: subject + unit family + period (+ modifiers such as 累计/日均). A figure inside a
// sub-scope (其中…, 例如…, 单…, 该案…) is a different metric and is left out.
//
// Statements are found paragraph by paragraph (localStatements, cached with the paragraph);
// only their periods are resolved per document, and the metric groups they form are compared
// once per group, remembered for as long as the group's members stay the same.
import type { Claim, Entity } from '../types';
import type { RelatedLocation } from './types';
import { DocContext } from './context';
import { originalClaim } from './windows';
import { localPeriod, metricKey, modifiersOf, resolvePeriod, unitFamily, type PeriodEnv, type PeriodSpec } from './metric';
import { claimInterval, Interval } from './tolerance';
import { ParagraphList, type PerParagraph } from './paragraph-list';

/** A statement as its paragraph's window reads it (window offsets). */
export interface LocalStatement {
  /** The figure as its paragraph's analysis holds it: `offset` places it in the window. */
  claim: Claim;
  offset: number;
  /** The key's parts: subject, unit family, period (as far as the paragraph tells), modifiers. */
  subject: string;
  family: string;
  period: PeriodSpec;
  modifiers: string;
  /** The whole key when the paragraph alone resolves the period. */
  fixedKey: string | null;
  interval: Interval;
  /** The places its sentence names, sorted and joined ("" for none: most name none). */
  places: string;
  /** The organisations and products its sentence names (shared empty list for none). */
  orgs: readonly string[];
  /** For rates: the words right before the figure (增长, 占, 提升 …) must match too. */
  relation: string;
  /** Words of the clause right before the subject (一线 in 一线城市用户): a narrower category. */
  modifier: string;
  /** Where its sentence starts (window offset). */
  sentence: number;
}

/** A paragraph of a document as its statements see it; kept while the paragraph stays. */
interface Slot {
  /** Where the paragraph's window starts now. */
  at: number;
  statements: readonly LocalStatement[];
  env: PeriodEnv;
  placed: MetricStatement[];
}

/** A statement of one document, placed where its paragraph is now. */
export class MetricStatement {
  constructor(
    readonly doc: StatementDoc,
    readonly local: LocalStatement,
    readonly key: string,
    /** The period of the key ("" when neither the text nor the document states one). */
    readonly period: string,
    /** Its paragraph: two statements share one exactly when they share the slot. */
    readonly slot: Slot
  ) {}

  /**
   * Where a cross-file rule last named this statement in a finding (a related location), with
   * the subject it was worded for: every finding that names it at that place shares the one
   * object, instead of each making its own on every keystroke that moves it.
   */
  named: { subject: string; text: string; location: RelatedLocation } | undefined = undefined;

  /** The figure (at window offsets: `start` and `end` place it in the document). */
  get claim(): Claim {
    return this.local.claim;
  }

  get start(): number {
    return this.local.claim.start + this.local.offset + this.slot.at;
  }

  get end(): number {
    return this.local.claim.end + this.local.offset + this.slot.at;
  }
}

const sameEnv = (a: PeriodEnv, b: PeriodEnv) => a === b || (a.documentYear === b.documentYear && a.yearBefore === b.yearBefore && a.baseYear === b.baseYear);

/**
 * One document's statements, grouped by metric key in document order, brought from one version
 * of the document to the next (update): the paragraphs an edit did not touch keep their
 * statements and groups, and a group the edit did not change keeps its list (and with it the
 * comparisons remembered for it).
 */
export class StatementDoc {
  private slots = ParagraphList.from<Slot>([]);
  /** The paragraphs' statements of the last update. */
  private last?: PerParagraph<readonly LocalStatement[]>;
  /** Counts the updates that changed a group; with the keys each of the last few changed. */
  revision = 0;
  private changes: { revision: number; keys: readonly string[] }[] = [];
  private readonly byKey = new Map<string, MetricStatement[]>();
  private named?: Set<string>;
  private names: () => Set<string> = () => new Set();

  constructor(readonly path: string) {}

  /**
   * The document's paragraphs now, in order: their statements (the same array for a paragraph
   * that did not change), where their windows start and their period environments.
   */
  update(
    statements: PerParagraph<readonly LocalStatement[]>,
    at: PerParagraph<number>,
    envs: PerParagraph<PeriodEnv>,
    names: () => Set<string>,
    /**
     * What the caller knows: against the paragraphs `kept.statements` (if they are the ones
     * this was last updated with), the first `head` and last `tail` kept their statements and
     * environment, and only the last may have moved. Saves reading every slot.
     */
    kept?: { head: number; tail: number; statements: PerParagraph<readonly LocalStatement[]> }
  ): void {
    this.names = names;
    this.named = undefined;
    const old = this.slots;
    const n = statements.length;
    const known = kept !== undefined && kept.statements === this.last && kept.head + kept.tail <= Math.min(n, old.length);
    this.last = statements;
    let head = 0;
    let tail = 0;
    if (known) {
      head = kept.head;
      tail = kept.tail;
    } else {
      while (head < old.length && head < n && old.get(head).statements === statements.get(head) && sameEnv(old.get(head).env, envs.get(head))) head++;
      while (
        tail < old.length - head &&
        tail < n - head &&
        old.get(old.length - 1 - tail).statements === statements.get(n - 1 - tail) &&
        sameEnv(old.get(old.length - 1 - tail).env, envs.get(n - 1 - tail))
      ) tail++;
    }
    if (head === old.length && head === n) {
      // The same statements: at most moved.
      for (let i = known ? n - tail : 0; i < n; i++) old.get(i).at = at.get(i);
      return;
    }
    const removed = new Map<string, Set<MetricStatement>>();
    for (let i = head; i < old.length - tail; i++) {
      for (const s of old.get(i).placed) {
        const set = removed.get(s.key);
        if (set) set.add(s);
        else removed.set(s.key, new Set([s]));
      }
    }
    const slots = old.edited(n, { head, tail }, (i) => ({ at: at.get(i), statements: statements.get(i), env: envs.get(i), placed: [] }));
    // Positions first (kept paragraphs may have moved: the edit was before them, or in a
    // paragraph with no statements), then the new statements in order.
    for (let i = known ? n - tail : 0; i < n; i++) slots.get(i).at = at.get(i);
    const added = new Map<string, MetricStatement[]>();
    for (let i = head; i < n - tail; i++) {
      const slot = slots.get(i);
      for (const local of slot.statements) {
        const period = resolvePeriod(local.period, slot.env);
        const key = local.fixedKey ?? metricKey(local.subject, local.family, period, local.modifiers);
        const s = new MetricStatement(this, local, key, period, slot);
        slot.placed.push(s);
        const list = added.get(key);
        if (list) list.push(s);
        else added.set(key, [s]);
      }
    }
    // A changed group gets a new list: an unchanged one stays the same array.
    for (const [key, gone] of removed) {
      const rest = (this.byKey.get(key) ?? []).filter((x) => !gone.has(x));
      if (rest.length) this.byKey.set(key, rest);
      else this.byKey.delete(key);
    }
    for (const [key, fresh] of added) {
      const list = this.byKey.get(key);
      this.byKey.set(key, list ? mergeByStart(list, fresh) : fresh);
    }
    this.slots = slots;
    if (removed.size || added.size) {
      this.revision++;
      this.changes.push({ revision: this.revision, keys: [...new Set([...removed.keys(), ...added.keys()])] });
      if (this.changes.length > 8) this.changes.shift();
    }
  }

  /** The keys whose groups changed after revision `since`, or undefined when no longer known. */
  changedSince(since: number): Set<string> | undefined {
    if (since === this.revision) return new Set();
    const first = this.changes.findIndex((c) => c.revision === since + 1);
    if (first < 0) return undefined;
    const out = new Set<string>();
    for (let i = first; i < this.changes.length; i++) for (const k of this.changes[i].keys) out.add(k);
    return out;
  }

  /** The statements of each metric, in document order. */
  get groups(): ReadonlyMap<string, MetricStatement[]> {
    return this.byKey;
  }

  /** Organisations and products it names: two reports are about one thing through a shared one. */
  get orgs(): Set<string> {
    return (this.named ??= this.names());
  }
}

/** Two lists in document order, as one. */
function mergeByStart(a: MetricStatement[], b: MetricStatement[]): MetricStatement[] {
  const out: MetricStatement[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].start <= b[j].start ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
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

const CLAUSE_BREAKS = ['，', ',', '；', ';'];

/** The words before the subject in its sentence (一线 in 一线城市用户, 线上渠道 in a list item). */
function modifierOf(doc: DocContext, c: Claim): string {
  // Only the clause holding the subject narrows it (报告最后指出，涉案金额… is not narrower).
  const sentenceLead = doc.leadIn(c, doc.sentenceOf(c.start));
  let clauseStart = -1;
  for (const p of CLAUSE_BREAKS) clauseStart = Math.max(clauseStart, sentenceLead.lastIndexOf(p));
  const lead = sentenceLead.slice(clauseStart + 1);
  const at = lead.lastIndexOf(c.subject.trim());
  if (at <= 0) return ''; // no subject in the clause, or nothing before it
  return normalizeLead(lead.slice(0, at)).slice(-6);
}

const KINDS = new Set(['count', 'money', 'quantity', 'percent']);
const SUBSCOPE = /(其中|例如|比如|譬如|包括|包含|单个|单笔|单日|单月|单家|仅|某|一起|该案|此案|个案|案中|分别|之一|最高|最大|最多|最少|排名|前十|TOP|top|平均|均值|此前|曾|预计|计划|目标|有望|将(?!近)|力争|超过了?一半)/;

const CHANGE_FROM_BEFORE = /(?:从|由)\s*$/;
const CHANGE_FROM_AFTER = /^\s*(?:同比|环比)?(?:增长|增加|提升|提高|上升|上涨|下降|降低|减少|下滑|回落|扩大|缩小|升|降|增|减|跃升|猛增)了?(?:到|至)/;

/** The statements of one paragraph's window. */
export function localStatements(doc: DocContext): LocalStatement[] {
  const out: LocalStatement[] = [];
  let entities: readonly Entity[] | undefined;
  doc.claims.forEach((c) => {
    if (!KINDS.has(c.kind) || c.vague || c.value === null) return;
    const subject = c.subject.trim();
    if (subject.length < 2) return;
    const sentence = doc.sentenceOf(c.start);
    // The sub-scope may be opened earlier in the full sentence (其中，城镇…；农村…).
    const lead = doc.slice(doc.longSentenceOf(c.start).start, c.start);
    if (SUBSCOPE.test(lead)) return;
    // 从86.4亿元增长到103.7亿元: the figure a change starts from belongs to an earlier period.
    if (CHANGE_FROM_BEFORE.test(lead) || CHANGE_FROM_AFTER.test(doc.slice(c.end, c.end + 8))) return;
    const interval = claimInterval(c);
    if (!interval) return;
    // A rate is restated only in the same words (同比增长 … 同比增长), shares of different parts not.
    const relation = c.kind === 'percent' ? normalizeLead(doc.slice(sentence.start, c.start)).replace(/[的了约近超过逾]/g, '') : '';
    const family = unitFamily(c);
    const period = localPeriod(doc, c);
    const modifiers = modifiersOf(doc, c);
    const original = originalClaim(doc, c);
    out.push({
      claim: original,
      offset: c.start - original.start,
      subject,
      family: interned(family),
      period,
      modifiers,
      fixedKey: 'resolved' in period ? interned(metricKey(subject, family, period.resolved, modifiers)) : null,
      interval,
      places: placesOf((entities ??= doc.analysis.entities ?? []), sentence),
      orgs: orgsOf(entities, sentence),
      relation: interned(relation),
      modifier: interned(modifierOf(doc, c)),
      sentence: sentence.start,
    });
  });
  return out;
}

// sameModifier and disjointNonEmpty run for every pair a changed metric group compares:
// nothing is allocated (no slices, no iterators).

/** Both without a narrowing word, or agreeing on as many trailing characters as the shorter has. */
function sameModifier(a: string, b: string): boolean {
  if (!a || !b) return a === b;
  // The shorter is the end of the longer.
  return a.length >= b.length ? a.endsWith(b) : b.endsWith(a);
}

function disjointNonEmpty(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (let i = 0; i < a.length; i++) if (b.includes(a[i])) return false;
  return true;
}

const NO_NAMES: readonly string[] = Object.freeze([]);

/**
 * One copy of each short string statements repeat (unit families, keys: a metric restated
 * across a workspace of reports), bounded: cleared when full.
 */
const strings = new Map<string, string>();

function interned(s: string): string {
  if (s.length === 0) return '';
  const hit = strings.get(s);
  if (hit !== undefined) return hit;
  if (strings.size >= 50_000) strings.clear();
  strings.set(s, s);
  return s;
}

/** The names of the entities of `types` inside the span, each once, in text order. */
function namesIn(entities: readonly Entity[], span: { start: number; end: number }, wanted: (type: Entity['type']) => boolean): string[] | undefined {
  let names: string[] | undefined;
  for (const e of entities) {
    if (e.start < span.start || e.end > span.end || !wanted(e.type)) continue;
    if (!names) names = [e.text];
    else if (!names.includes(e.text)) names.push(e.text);
  }
  return names;
}

const isPlace = (t: Entity['type']) => t === 'place';
const isOrg = (t: Entity['type']) => t === 'org' || t === 'product';

function placesOf(entities: readonly Entity[], sentence: { start: number; end: number }): string {
  const names = namesIn(entities, sentence, isPlace);
  return names === undefined ? '' : names.sort().join('\u0000');
}

function orgsOf(entities: readonly Entity[], sentence: { start: number; end: number }): readonly string[] {
  return namesIn(entities, sentence, isOrg) ?? NO_NAMES;
}

/**
 * Answers of sameTopic, per pair of organisation sets: a keystroke compares one report's
 * statements with thousands of others, a few reports apart. A report's set is made anew when
 * its statements are updated, which is when the answers may change.
 */
const topicAnswers = new WeakMap<Set<string>, WeakMap<Set<string>, boolean>>();

/** Two documents are about the same thing when they name a common organisation. */
function sameTopic(a: StatementDoc, b: StatementDoc): boolean {
  if (a === b) return true;
  const [x, y] = a.orgs.size <= b.orgs.size ? [a.orgs, b.orgs] : [b.orgs, a.orgs];
  let answers = topicAnswers.get(x);
  if (!answers) topicAnswers.set(x, (answers = new WeakMap()));
  let same = answers.get(y);
  if (same === undefined) {
    same = false;
    for (const o of x) if (y.has(o)) {
      same = true;
      break;
    }
    answers.set(y, same);
  }
  return same;
}

/** Could two statements be the same metric restated? */
export function comparable(a: MetricStatement, b: MetricStatement): boolean {
  if (a === b || a.key !== b.key) return false;
  const la = a.local;
  const lb = b.local;
  // One sentence naming a subject twice lists categories (一线城市用户占30%，二线城市用户占40%).
  if (a.doc === b.doc && a.slot === b.slot && la.sentence === lb.sentence) return false;
  // 电商业务营收 vs 营收: a narrower category unless the words before the subject agree
  // (generic words such as 公司, 平台, 全年 aside).
  if (!sameModifier(la.modifier, lb.modifier)) return false;
  if (la.relation !== lb.relation) return false;
  if (la.places !== lb.places) return false;
  if (disjointNonEmpty(la.orgs, lb.orgs)) return false;
  if (a.doc !== b.doc) {
    // Across files only with an explicit period and a shared organisation.
    if (!a.period) return false;
    if (!sameTopic(a.doc, b.doc)) return false;
  }
  return true;
}

/**
 * The comparable pairs of one metric group, remembered between runs while the group is made
 * of the same paragraphs' statements of one document: an edit changes a few groups, and the
 * others need no comparison at all.
 */
interface GroupMemo {
  /** The group's list: a list that did not change is the same array (StatementDoc). */
  list: MetricStatement[];
  window: number;
  /** Comparable pairs as flat index pairs: i0, j0, i1, j1, … */
  pairs: number[];
  /** What each rule kept of the pairs, by rule (flat, likewise). */
  kept: Map<string, number[]>;
  /** When the list came from the one before by an edit: what the rules kept can come from it too. */
  from?: ListEdit;
}

/**
 * A group's list made from the one before: the same statements in its first `head` and last
 * `tail` places (those at the end moved by `shift`), new ones between; `fresh`, the comparable
 * pairs that involve a new statement (flat, in order).
 */
interface ListEdit {
  before: GroupMemo;
  head: number;
  tail: number;
  shift: number;
  fresh: number[];
}

/** The pairs of `old` (flat, in order) between kept statements, at their new places, still within `window`. */
function keptPairs(old: number[], oldLength: number, edit: ListEdit, window: number): number[] {
  const out: number[] = [];
  const tailFrom = oldLength - edit.tail;
  for (let k = 0; k < old.length; k += 2) {
    const i = old[k];
    const j = old[k + 1];
    if ((i < edit.head || i >= tailFrom) && (j < edit.head || j >= tailFrom)) {
      const ni = i < edit.head ? i : i + edit.shift;
      const nj = j < edit.head ? j : j + edit.shift;
      if (nj - ni <= window) out.push(ni, nj);
    }
  }
  return out;
}

/** Two flat lists of distinct index pairs, each in order, merged in order. */
function mergePairs(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (x < a.length && y < b.length) {
    if (a[x] < b[y] || (a[x] === b[y] && a[x + 1] < b[y + 1])) out.push(a[x], a[x + 1]), (x += 2);
    else out.push(b[y], b[y + 1]), (y += 2);
  }
  for (; x < a.length; x += 2) out.push(a[x], a[x + 1]);
  for (; y < b.length; y += 2) out.push(b[y], b[y + 1]);
  return out;
}

/** New statements between those a list kept from the one before, at most: more, and it is compared afresh. */
const MAX_NEW_IN_EDIT = 16;

/** Remembered comparisons of the groups of one document, by path and metric key. */
export type PairMemo = Map<string, GroupMemo>;

const memoKey = (path: string, key: string) => `${path}\u0000${key}`;

/** Statements of one metric, in document order, and the pairs among them that can be compared. */
export class MetricGroup {
  private memo: GroupMemo | undefined;
  private computed: number[] | undefined;
  /** Kept pairs per rule, for a group with no memo (a group that is kept across runs). */
  private keptHere: Map<string, number[]> | undefined;

  constructor(
    readonly key: string,
    readonly list: MetricStatement[],
    private readonly window: number,
    private readonly inFocus: ((s: MetricStatement) => boolean) | undefined,
    memo: PairMemo | undefined
  ) {
    if (!memo || !list.every((s) => s.doc === list[0].doc)) return;
    const at = memoKey(list[0].doc.path, key);
    const hit = memo.get(at);
    if (hit && hit.list === list && hit.window === window) this.memo = hit;
    else memo.set(at, (this.memo = (hit && this.edited(hit)) || { list, window, pairs: this.compare(), kept: new Map() }));
  }

  /**
   * The comparisons of this list from those of the list before it, when an edit replaced a few
   * statements of it (the others are the very objects, in order): only pairs with a new
   * statement are compared. A metric restated fifty times no longer compares 1,225 pairs
   * because one of its paragraphs was typed in. With a window (pairs at most `window` apart in
   * the list), the kept statements on either side of the new ones come closer or move apart:
   * pairs that left the window are dropped, those that came into it compared.
   */
  private edited(before: GroupMemo): GroupMemo | undefined {
    const list = this.list;
    const old = before.list;
    const window = this.window;
    if (this.inFocus || window !== before.window) return undefined;
    let head = 0;
    const most = Math.min(list.length, old.length);
    while (head < most && list[head] === old[head]) head++;
    let tail = 0;
    while (tail < most - head && list[list.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
    const added = list.length - head - tail;
    if (added > MAX_NEW_IN_EDIT || head + tail === 0) return undefined;
    const fresh: number[] = [];
    const addedEnd = head + added;
    const shift = list.length - old.length;
    // A kept statement farther than the window before the new ones pairs with none of them.
    for (let i = window === Infinity ? 0 : Math.max(0, head - window); i < addedEnd; i++) {
      const reach = Math.min(list.length, i + window + 1);
      // With a new statement: those after it, or the new ones after a kept one.
      for (let j = Math.max(i + 1, head); j < Math.min(reach, i < head ? addedEnd : list.length); j++) if (comparable(list[i], list[j])) fresh.push(i, j);
      // Kept on both sides, farther apart before the edit than the window: compared now.
      if (i < head && shift < 0) for (let j = Math.max(i + 1, addedEnd); j < reach; j++) if (j - shift - i > window && comparable(list[i], list[j])) fresh.push(i, j);
    }
    // One version back at most: the list before need not remember its own.
    before.from = undefined;
    const edit: ListEdit = { before, head, tail, shift, fresh };
    return { list, window, pairs: mergePairs(keptPairs(before.pairs, old.length, edit, window), fresh), kept: new Map(), from: edit };
  }

  /** Index pairs (earlier, later) of comparable statements, flat: i0, j0, i1, j1, … */
  get pairs(): number[] {
    if (this.memo) return this.memo.pairs;
    return (this.computed ??= this.compare());
  }

  /** The pairs a rule keeps (`keep` depends on the two statements only), flat, remembered with the group. */
  kept(rule: string, keep: (a: MetricStatement, b: MetricStatement) => boolean): number[] {
    const kept = this.memo?.kept ?? (this.keptHere ??= new Map());
    const hit = kept.get(rule);
    if (hit) return hit;
    const list = this.list;
    // What the rule kept of the list before still holds between the statements kept from it.
    const edit = this.memo?.from;
    const then = edit?.before.kept.get(rule);
    if (edit && then) {
      const fresh: number[] = [];
      for (let k = 0; k < edit.fresh.length; k += 2) if (keep(list[edit.fresh[k]], list[edit.fresh[k + 1]])) fresh.push(edit.fresh[k], edit.fresh[k + 1]);
      const out = mergePairs(keptPairs(then, edit.before.list.length, edit, this.window), fresh);
      kept.set(rule, out);
      // Every rule taken over: the list before (its statements) can go.
      if (kept.size >= edit.before.kept.size) this.memo!.from = undefined;
      return out;
    }
    const pairs = this.pairs;
    const out: number[] = [];
    for (let k = 0; k < pairs.length; k += 2) if (keep(list[pairs[k]], list[pairs[k + 1]])) out.push(pairs[k], pairs[k + 1]);
    kept.set(rule, out);
    return out;
  }

  private compare(): number[] {
    const list = this.list;
    const window = this.window;
    const out: number[] = [];
    if (!this.inFocus) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length && j - i <= window; j++) {
        if (comparable(list[i], list[j])) out.push(i, j);
      }
      return out;
    }
    // Each focus statement against its group: O(focus × group), each pair once, earlier first.
    const focused = list.map(this.inFocus);
    for (let f = 0; f < list.length; f++) {
      if (!focused[f]) continue;
      const from = window === Infinity ? 0 : Math.max(0, f - window);
      const to = window === Infinity ? list.length : Math.min(list.length, f + window + 1);
      for (let j = from; j < to; j++) {
        if (j === f || (j < f && focused[j])) continue; // a focus pair is taken from its earlier side
        const a = j < f ? j : f;
        const b = j < f ? f : j;
        if (comparable(list[a], list[b])) out.push(a, b);
      }
    }
    return out;
  }
}


/**
 * The metric groups over all documents in reading order, with a side in the focus documents
 * when there is a focus: a keystroke in one report compares that report with the workspace,
 * not the workspace with itself. Memoized per run (both rules ask).
 */
export function metricGroups(docs: StatementDoc[], focus?: ReadonlySet<string>, memo?: PairMemo): MetricGroup[] {
  const memos = groupsMemo.get(docs);
  const hit = memos?.get(focus ?? ALL);
  if (hit) return hit;
  if (memo && (docs.length === 1 || focus)) {
    const groups = docs.length === 1 ? oneDocumentGroups(docs[0], focus, memo) : focusedGroups(docs, focus!, memo);
    (memos ?? groupsMemo.set(docs, new Map()).get(docs)!).set(focus ?? ALL, groups);
    return groups;
  }
  // With a focus, only the metrics the focus documents state can pair.
  let wanted: Set<string> | undefined;
  if (focus) {
    wanted = new Set();
    for (const d of docs) if (focus.has(d.path)) for (const key of d.groups.keys()) wanted.add(key);
  }
  const lists = new Map<string, MetricStatement[][]>();
  for (const d of docs) {
    for (const [key, list] of d.groups) {
      if (wanted && !wanted.has(key)) continue;
      const seen = lists.get(key);
      if (seen) seen.push(list);
      else lists.set(key, [list]);
    }
  }
  // A metric one document alone states keeps that document's own list (and the comparisons
  // remembered for it).
  const byKey = new Map<string, MetricStatement[]>();
  for (const [key, parts] of lists) byKey.set(key, parts.length === 1 ? parts[0] : parts.flat());
  const inFocus = focus ? (s: MetricStatement) => focus.has(s.doc.path) : undefined;
  const budget = new PairBudget();
  for (const [key, list] of byKey) budget.set(key, list, inFocus ? list.filter(inFocus).length : undefined);
  const window = budget.window;
  const groups: MetricGroup[] = [];
  for (const [key, list] of byKey) {
    if (inFocus && !list.some(inFocus)) continue;
    if (list.length > 1) groups.push(new MetricGroup(key, list, window, inFocus, memo));
  }
  if (memo) {
    // Forget groups this run no longer has (the memo holds what the next keystroke can reuse).
    const used = new Set<string>();
    for (const g of groups) used.add(memoKey(g.list[0].doc.path, g.key));
    for (const k of memo.keys()) if (!used.has(k)) memo.delete(k);
  }
  (memos ?? groupsMemo.set(docs, new Map()).get(docs)!).set(focus ?? ALL, groups);
  return groups;
}

/**
 * Guard against pathological input (one metric stated thousands of times, a table pasted as
 * prose): past a budget of comparisons, each statement is compared with its nearest neighbours
 * only, so that checking stays near-linear instead of quadratic. Counted per key, so that a run
 * that changes a few keys updates the count instead of making it again.
 */
class PairBudget {
  private readonly cost = new Map<string, { statements: number; pairs: number }>();
  private statements = 0;
  private pairs = 0;

  /** A group of `list.length` statements, `focused` of them in the focus (all without one). */
  set(key: string, list: readonly MetricStatement[], focused: number | undefined): void {
    this.delete(key);
    const n = focused ?? list.length;
    const c = { statements: n, pairs: focused === undefined ? (n * (n - 1)) / 2 : n * (list.length - 1) };
    this.cost.set(key, c);
    this.statements += c.statements;
    this.pairs += c.pairs;
  }

  delete(key: string): void {
    const c = this.cost.get(key);
    if (!c) return;
    this.statements -= c.statements;
    this.pairs -= c.pairs;
    this.cost.delete(key);
  }

  /** How far apart two statements of a group may be to be compared. */
  get window(): number {
    return this.pairs <= PAIR_BUDGET ? Infinity : Math.max(MIN_WINDOW, Math.floor(PAIR_BUDGET / Math.max(1, this.statements)));
  }
}

/**
 * The groups of one document, kept from one run to the next: an edit changes the groups of a
 * few keys (StatementDoc.changedSince), and only those are made again; the others are the same
 * MetricGroup objects, comparisons and all. Equal to the general case of metricGroups().
 */
interface OneDocumentGroups {
  revision: number;
  focused: boolean;
  memo: PairMemo;
  window: number;
  groups: Map<string, MetricGroup>;
  budget: PairBudget;
}

const oneDocument = new WeakMap<StatementDoc, OneDocumentGroups>();

function oneDocumentGroups(doc: StatementDoc, focus: ReadonlySet<string> | undefined, memo: PairMemo): MetricGroup[] {
  // With a focus that leaves the document out, nothing of it is wanted.
  if (focus && !focus.has(doc.path)) return [];
  const focused = focus !== undefined;
  const inFocus = focused ? (s: MetricStatement) => focus!.has(s.doc.path) : undefined;
  let state = oneDocument.get(doc);
  const changed = state && state.focused === focused && state.memo === memo ? doc.changedSince(state.revision) : undefined;
  // Every statement of the document is in the focus when there is one.
  const count = (key: string, list: MetricStatement[] | undefined) => (list ? state!.budget.set(key, list, focused ? list.length : undefined) : state!.budget.delete(key));
  if (!state || !changed) {
    state = { revision: doc.revision, focused, memo, window: Number.NaN, groups: new Map(), budget: new PairBudget() };
    for (const [key, list] of doc.groups) count(key, list);
  } else {
    for (const key of changed) count(key, doc.groups.get(key));
  }
  state.revision = doc.revision;
  const window = state.budget.window;
  const make = (key: string, list: MetricStatement[] | undefined) => {
    if (list && list.length > 1) state!.groups.set(key, new MetricGroup(key, list, window, inFocus, memo));
    else {
      state!.groups.delete(key);
      memo.delete(memoKey(doc.path, key));
    }
  };
  if (window !== state.window || !changed) {
    state.groups.clear();
    for (const [key, list] of doc.groups) make(key, list);
    // Forget the comparisons of groups the document no longer has.
    for (const k of memo.keys()) if (k.startsWith(`${doc.path}\u0000`) && !state.groups.has(k.slice(doc.path.length + 1))) memo.delete(k);
  } else {
    for (const key of changed) make(key, doc.groups.get(key));
  }
  state.window = window;
  oneDocument.set(doc, state);
  return [...state.groups.values()];
}

/**
 * The groups of the focus documents' metrics over several documents (a keystroke in one report
 * of an indexed workspace), kept from one run to the next while the same documents are asked
 * about: only the keys whose statements changed in a focus document are gathered and compared
 * again. Equal to the general case of metricGroups(). A change in the organisations a focus
 * document names (which decide whether two reports are comparable) remakes every group.
 */
interface FocusedGroups {
  docs: StatementDoc[];
  revisions: number[];
  /** Per document: the organisations it names, for focus documents ('' for the others). */
  topics: string[];
  memo: PairMemo;
  window: number;
  lists: Map<string, MetricStatement[]>;
  groups: Map<string, MetricGroup>;
  budget: PairBudget;
}

const focusedState = new Map<string, FocusedGroups>();

function focusedGroups(docs: StatementDoc[], focus: ReadonlySet<string>, memo: PairMemo): MetricGroup[] {
  const focusKey = [...focus].sort().join('\u0000');
  const inFocus = (s: MetricStatement) => focus.has(s.doc.path);
  const topics = docs.map((d) => (focus.has(d.path) ? [...d.orgs].sort().join('\u0000') : ''));
  let state = focusedState.get(focusKey);
  let changed: Set<string> | undefined;
  if (state && state.memo === memo && state.docs.length === docs.length && docs.every((d, i) => d === state!.docs[i]) && topics.every((t, i) => t === state!.topics[i])) {
    changed = new Set();
    for (let i = 0; i < docs.length && changed; i++) {
      if (docs[i].revision === state.revisions[i]) continue;
      const keys = focus.has(docs[i].path) ? docs[i].changedSince(state.revisions[i]) : undefined;
      if (keys) for (const k of keys) changed.add(k);
      else changed = undefined;
    }
  }
  const wanted = (key: string) => docs.some((d) => focus.has(d.path) && d.groups.has(key));
  const gather = (key: string) => {
    const parts: MetricStatement[][] = [];
    for (const d of docs) {
      const list = d.groups.get(key);
      if (list) parts.push(list);
    }
    return parts.length === 1 ? parts[0] : parts.flat();
  };
  const count = (key: string, list: MetricStatement[]) => state!.budget.set(key, list, list.filter(inFocus).length);
  if (!state || !changed) {
    if (focusedState.size > 8) focusedState.clear();
    state = { docs, revisions: [], topics, memo, window: Number.NaN, lists: new Map(), groups: new Map(), budget: new PairBudget() };
    focusedState.set(focusKey, state);
    for (const d of docs) {
      if (!focus.has(d.path)) continue;
      for (const key of d.groups.keys()) {
        if (state.lists.has(key)) continue;
        const list = gather(key);
        state.lists.set(key, list);
        count(key, list);
      }
    }
  } else {
    for (const key of changed) {
      state.budget.delete(key);
      state.lists.delete(key);
      if (!wanted(key)) continue;
      const list = gather(key);
      state.lists.set(key, list);
      count(key, list);
    }
  }
  state.revisions = docs.map((d) => d.revision);
  const window = state.budget.window;
  const make = (key: string) => {
    const list = state!.lists.get(key);
    if (list && list.length > 1) state!.groups.set(key, new MetricGroup(key, list, window, inFocus, memo));
    else state!.groups.delete(key);
  };
  if (!changed || window !== state.window) {
    state.groups.clear();
    for (const key of state.lists.keys()) make(key);
    // The comparisons remembered are for the groups made now.
    const used = new Set<string>();
    for (const g of state.groups.values()) used.add(memoKey(g.list[0].doc.path, g.key));
    for (const k of memo.keys()) if (!used.has(k)) memo.delete(k);
  } else {
    for (const key of changed) {
      make(key);
      // Comparisons are remembered only for a focus document's own group (a metric no other
      // report states): forget the ones this key's group no longer is.
      const group = state.groups.get(key);
      for (const d of docs) if (focus.has(d.path) && group?.list !== d.groups.get(key)) memo.delete(memoKey(d.path, key));
    }
  }
  state.window = window;
  return [...state.groups.values()];
}

/**
 * For each statement, the statements of its metric a rule pairs it with (`keep`, a function of
 * the two statements only), in the order the pairs come.
 */
export function pairedStatements(
  docs: StatementDoc[],
  focus: ReadonlySet<string> | undefined,
  memo: PairMemo | undefined,
  rule: string,
  keep: (a: MetricStatement, b: MetricStatement) => boolean
): Map<MetricStatement, MetricStatement[]> {
  const byStatement = new Map<MetricStatement, MetricStatement[]>();
  const focusKey = focus ? [...focus].sort().join('\u0000') : undefined;
  for (const group of metricGroups(docs, focus, memo)) {
    const kept = group.kept(rule, keep);
    if (kept.length === 0) continue;
    // A statement belongs to one group: its partners are the group's to give, and a group
    // whose kept pairs are remembered gives the very same lists again.
    let partners = partnersOf.get(kept);
    if (!partners || partners.list !== group.list) {
      partners = { list: group.list, of: partnerLists(group.list, kept) };
      partnersOf.set(kept, partners);
    }
    // With a focus, the other reports' statements are background: the rules want no drafts for
    // them (and a metric the whole workspace states has thousands).
    let entries: Iterable<[MetricStatement, MetricStatement[]]> = partners.of;
    if (focus) {
      if (partners.focus !== focusKey) partners.focused = [...partners.of].filter(([s]) => focus.has(s.doc.path));
      partners.focus = focusKey;
      entries = partners.focused!;
    }
    for (const [s, others] of entries) byStatement.set(s, others);
  }
  return byStatement;
}

/** Per remembered list of kept pairs, each statement's partners (and those in a focus). */
const partnersOf = new WeakMap<
  number[],
  { list: MetricStatement[]; of: Map<MetricStatement, MetricStatement[]>; focus?: string; focused?: [MetricStatement, MetricStatement[]][] }
>();

function partnerLists(list: MetricStatement[], kept: number[]): Map<MetricStatement, MetricStatement[]> {
  const out = new Map<MetricStatement, MetricStatement[]>();
  for (let k = 0; k < kept.length; k += 2) {
    const a = list[kept[k]];
    const b = list[kept[k + 1]];
    // Push, not spread: a metric restated n times must stay O(n²), not O(n³).
    (out.get(a) ?? out.set(a, []).get(a)!).push(b);
    (out.get(b) ?? out.set(b, []).get(b)!).push(a);
  }
  return out;
}

/** Comparisons allowed per check run before the window applies (≈0.1 s of work). */
const PAIR_BUDGET = 100_000;
const MIN_WINDOW = 8;
const ALL: ReadonlySet<string> = new Set();
const groupsMemo = new WeakMap<StatementDoc[], Map<ReadonlySet<string>, MetricGroup[]>>();
