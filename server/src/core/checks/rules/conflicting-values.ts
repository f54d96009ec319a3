// conflicting-values: one metric (subject + unit family + period) stated twice with values
// that cannot both be true at their stated precision (超12万 vs 12.6万 and 约13万 vs 12.6万 can).
// Reported at both figures, each naming the other, also across files.
import { CrossFileRule, Draft, text } from '../rule';
import type { LocalizedText, RelatedLocation } from '../types';
import { pairedStatements, MetricStatement, type PairMemo, type StatementDoc } from '../statements';
import { overlaps } from '../tolerance';
import { isScaleSlip } from './scale-slip';

/** Restatements differ by little; figures a factor of 3 apart are different measures. */
const MAX_RATIO = 3;
/** Bounds on what one finding lists, so that a metric stated thousands of times stays cheap. */
const MAX_LISTED = 5;
const MAX_RELATED = 20;

/** Values that cannot both be true, and not a slipped scale (scale-slip says that). */
function conflicting(a: MetricStatement, b: MetricStatement): boolean {
  if (overlaps(a.local.interval, b.local.interval) || isScaleSlip(a, b)) return false;
  const va = a.claim.value as number;
  const vb = b.claim.value as number;
  return va > 0 && vb > 0 && Math.max(va, vb) / Math.min(va, vb) <= MAX_RATIO;
}

/**
 * The draft of one statement and the others it contradicts, remembered per statement: an edit
 * elsewhere keeps the draft (the same others at the same places), or at least its words (the
 * same others, moved). `order`: which of the others the draft relates, in its order.
 */
const drafted = new WeakMap<MetricStatement, { others: MetricStatement[]; order: readonly number[]; draft: Draft }>();

/**
 * The same figure at the same place, as far as a draft tells: an edit in a paragraph makes its
 * statements anew, and the drafts of every statement they contradict would otherwise be made
 * again with the very same words and places.
 */
const samePlace = (a: MetricStatement, b: MetricStatement) => a === b || (a.doc === b.doc && a.start === b.start && a.end === b.end && a.claim.text === b.claim.text);

/** Every one of the others at the same place as then (loops: this runs for every statement, every keystroke). */
function samePlaces(then: MetricStatement[], others: MetricStatement[]): boolean {
  if (then === others) return true;
  if (then.length !== others.length) return false;
  for (let i = 0; i < others.length; i++) if (!samePlace(then[i], others[i])) return false;
  return true;
}

/** Each related location still where its statement is. */
function unmoved(related: RelatedLocation[], others: MetricStatement[], order: readonly number[]): boolean {
  for (let i = 0; i < related.length; i++) if (related[i].start !== others[order[i]].start) return false;
  return true;
}

/** One value the others state: its words, the report it is in when another one, in how many places. */
interface Figure {
  text: string;
  path: string | undefined;
  places: number;
}

/**
 * The others by figure: each value once (a metric restated many times repeats its values),
 * with how many places state it; and which places to relate, each figure's first place before
 * the rest, so that an editor showing only the first few shows every figure.
 */
function byFigure(s: MetricStatement, others: MetricStatement[]): { figures: Figure[]; order: number[] } {
  const index = new Map<string, number>();
  const figures: Figure[] = [];
  const order: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < others.length; i++) {
    const o = others[i];
    const path = o.doc === s.doc ? undefined : o.doc.path;
    const key = path === undefined ? o.claim.text : `${o.claim.text}\u0000${path}`;
    const k = index.get(key);
    if (k === undefined) {
      index.set(key, figures.length);
      figures.push({ text: o.claim.text, path, places: 1 });
      order.push(i);
    } else {
      figures[k].places++;
      rest.push(i);
    }
  }
  for (let i = 0; i < rest.length && order.length < MAX_RELATED; i++) order.push(rest[i]);
  if (order.length > MAX_RELATED) order.length = MAX_RELATED;
  return { figures, order };
}

/** "14.15亿 (2 places)", "14.15亿 (b.txt, 2 places)"; "14.15亿（2 处）". */
function figureEn(f: Figure): string {
  const notes = f.path === undefined ? [] : [f.path];
  if (f.places > 1) notes.push(`${f.places} places`);
  return notes.length ? `${f.text} (${notes.join(', ')})` : f.text;
}

function figureZh(f: Figure): string {
  return `${f.text}${f.path === undefined ? '' : ` (${f.path})`}${f.places > 1 ? `（${f.places} 处）` : ''}`;
}

/** The first MAX_LISTED figures, the places of the rest counted. */
function messageOf(s: MetricStatement, others: MetricStatement[], figures: Figure[]): LocalizedText {
  const subject = s.claim.subject;
  const listed = figures.slice(0, MAX_LISTED);
  let covered = 0;
  for (const f of listed) covered += f.places;
  const more = others.length - covered;
  return text(
    `${subject} is ${s.claim.text} here but ${listed.map(figureEn).join(', ')}${more > 0 ? ` and ${more} more` : ''} elsewhere; both cannot be true`,
    `${subject}此处为 ${s.claim.text}，另处为 ${listed.map(figureZh).join('、')}${more > 0 ? ` 等 ${others.length} 处` : ''}，二者不能同时成立`
  );
}

function draftOf(s: MetricStatement, others: MetricStatement[]): Draft {
  const hit = drafted.get(s);
  const sameOthers = hit !== undefined && samePlaces(hit.others, others);
  if (sameOthers && hit.draft.start === s.start && hit.draft.path === s.doc.path && unmoved(hit.draft.related, others, hit.order)) {
    if (hit.others !== others) drafted.set(s, { others, order: hit.order, draft: hit.draft });
    return hit.draft;
  }
  const subject = s.claim.subject;
  let message: LocalizedText;
  let order: readonly number[];
  if (sameOthers) {
    message = hit.draft.message;
    order = hit.order;
  } else {
    const by = byFigure(s, others);
    message = messageOf(s, others, by.figures);
    order = by.order;
  }
  const draft: Draft = {
    code: 'conflicting-values',
    path: s.doc.path,
    start: s.start,
    end: s.end,
    message,
    // The same others: a place that did not move is the same object (an edit moves only what
    // follows it, and every keystroke re-drafts the statements of a restated metric), and a
    // place that moved is made once for all the drafts that name it.
    related: order.map((k, i) => {
      const o = others[k];
      const then = sameOthers ? hit.draft.related[i] : undefined;
      const start = o.start;
      if (then && then.start === start && then.path === o.doc.path) return then;
      return placeOf(o, subject, start, then?.message);
    }),
    fixes: [],
  };
  // The partner lists are never changed once made (statements.ts): kept as they are.
  drafted.set(s, { others, order, draft });
  return draft;
}

/**
 * Statement `o` as a related location of a finding worded for `subject`: the one object every
 * such finding shares while `o` stays where it is (its message reads the same for them all;
 * `worded`, the words a finding had for it before, if any).
 */
function placeOf(o: MetricStatement, subject: string, start: number, worded: LocalizedText | undefined): RelatedLocation {
  const named = o.named;
  const path = o.doc.path;
  const figure = o.claim.text;
  if (named && named.subject === subject && named.text === figure && named.location.start === start && named.location.end === o.end && named.location.path === path) return named.location;
  const message = worded ?? text(`${subject}: ${figure}`, `${subject}：${figure}`);
  const location: RelatedLocation = { path, start, end: o.end, message };
  o.named = { subject, text: figure, location };
  return location;
}

export const conflictingValues: CrossFileRule = {
  code: 'conflicting-values',
  scope: 'cross-file',
  check(docs: StatementDoc[], focus?: ReadonlySet<string>, memo?: PairMemo) {
    const byClaim = pairedStatements(docs, focus, memo, 'conflicting-values', conflicting);
    const out: Draft[] = [];
    for (const [s, others] of byClaim) {
      if (focus && !focus.has(s.doc.path)) continue; // background: its findings are not wanted
      out.push(draftOf(s, others));
    }
    return out.sort((x, y) => (x.path === y.path ? x.start - y.start : x.path < y.path ? -1 : 1));
  },
};
