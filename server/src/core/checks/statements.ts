// Figures that state a metric outright, keyed for comparison across a document and across
// files: subject + unit family + period (+ modifiers such as 累计/日均). A figure inside a
// sub-scope (其中…, 例如…, 单…, 该案…) is a different metric and is left out.
import type { Claim } from '../types';
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

function modifierOf(doc: DocContext, c: Claim): string {
  const clause = doc.clauseOf(c.start);
  const lead = doc.slice(clause.start, c.start);
  const at = lead.lastIndexOf(c.subject.trim());
  if (at <= 0) return '';
  const before = lead.slice(0, at).replace(/(\d{4}|[〇一二三四五六七八九]{4})年(?:底|末|初)?|截至|截止|年底|年末|全年|今年|去年|上年|本年/g, '');
  return before.slice(-6).replace(/^.*(?:的|在|对|向|为|有|了|和|与|及|共|已|将|\d)/, '').trim();
}

const KINDS = new Set(['count', 'money', 'quantity', 'percent']);
const SUBSCOPE = /(其中|例如|比如|譬如|包括|包含|单个|单笔|单日|单月|单家|仅|某|一起|该案|此案|个案|案中|分别|之一|最高|最大|最多|最少|排名|前十|TOP|top|平均|均值|此前|曾|预计|计划|目标|有望|将(?!近)|力争|超过了?一半)/;

const cache = new WeakMap<DocContext, MetricStatement[]>();

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
    const interval = claimInterval(c);
    if (!interval) continue;
    const ents = (doc.analysis.entities ?? []).filter((e) => e.start >= sentence.start && e.end <= sentence.end);
    const relation = c.kind === 'percent' ? doc.leadIn(c, sentence).replace(/[，,\s的了为是达到约近超过逾]/g, '').slice(-3) : '';
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
  const orgs = (d: DocContext) => new Set((d.analysis.entities ?? []).filter((e) => e.type === 'org' || e.type === 'product').map((e) => e.text));
  const oa = orgs(a);
  for (const o of orgs(b)) if (oa.has(o)) return true;
  return false;
}

/** Could two statements be the same metric restated? */
export function comparable(a: MetricStatement, b: MetricStatement): boolean {
  if (a.claim === b.claim || a.key !== b.key) return false;
  // One sentence naming a subject twice lists categories (一线城市用户占30%，二线城市用户占40%).
  if (a.doc === b.doc && a.doc.sentenceOf(a.claim.start).start === b.doc.sentenceOf(b.claim.start).start) return false;
  if (a.modifier && b.modifier && !a.modifier.endsWith(b.modifier) && !b.modifier.endsWith(a.modifier)) return false;
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

/** Pairs of comparable statements over all documents, each pair once, in reading order. */
export function comparablePairs(docs: DocContext[]): [MetricStatement, MetricStatement][] {
  const byKey = new Map<string, MetricStatement[]>();
  for (const d of docs) for (const s of metricStatements(d)) {
    const list = byKey.get(s.key) ?? [];
    list.push(s);
    byKey.set(s.key, list);
  }
  const out: [MetricStatement, MetricStatement][] = [];
  for (const list of byKey.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      if (comparable(list[i], list[j])) out.push([list[i], list[j]]);
    }
  }
  return out;
}
