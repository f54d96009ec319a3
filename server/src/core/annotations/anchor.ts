// Anchoring a mark to its claim. A mark remembers the claim's text and a little of the text on
// either side of it (within its paragraph), never its offset: offsets change with every edit
// above. Resolving a set of marks against a new text finds, for each, the claim with the same
// text in the most similar surroundings (so it follows the claim when text is inserted above or
// the paragraph is moved); a place with the same surroundings but a different claim (or no claim
// any more) makes the mark stale, placed there for review; with neither it is stale and unplaced.
// Nothing here ever drops a mark.
import { LineIndex } from '../position';
import type { Annotation, ResolvedMark } from './types';

/** Characters of context kept on each side of a claim. */
export const CONTEXT_LENGTH = 16;

/** What anchors need of a claim. */
export interface AnchorClaim {
  text: string;
  start: number;
  end: number;
}

export interface Anchor {
  claim: string;
  before: string;
  after: string;
  /** 1-based. */
  line: number;
}

/** Context stops at a line break or at a paragraph indent (two ideographic spaces) pasted inline. */
const BOUNDARY = /\r|\n|\u3000\u3000/g;

function paragraphStart(text: string, at: number, limit: number): number {
  const from = Math.max(0, at - limit - 1);
  const window = text.slice(from, at);
  let start = from;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(window); m; m = BOUNDARY.exec(window)) start = from + m.index + m[0].length;
  return Math.max(start, at - limit);
}

function paragraphEnd(text: string, at: number, limit: number): number {
  const window = text.slice(at, at + limit + 1);
  BOUNDARY.lastIndex = 0;
  const m = BOUNDARY.exec(window);
  return Math.min(m ? at + m.index : text.length, at + limit);
}

/** Context of a span: the text before it and after it inside its paragraph. */
export function contextAt(text: string, start: number, end: number, length = CONTEXT_LENGTH): { before: string; after: string } {
  return {
    before: text.slice(paragraphStart(text, start, length), start),
    after: text.slice(end, paragraphEnd(text, end, length)),
  };
}

/** The anchor of a claim in a text, as stored when the claim is marked. */
export function anchorOf(text: string, claim: AnchorClaim, lines?: LineIndex): Anchor {
  const { before, after } = contextAt(text, claim.start, claim.end);
  const line = (lines ?? new LineIndex(text)).positionAt(claim.start).line + 1;
  return { claim: text.slice(claim.start, claim.end), before, after, line };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How many context characters agree between a mark and the context of a place in the text. */
function contextScore(a: Annotation, here: { before: string; after: string }): number {
  return commonSuffix(here.before, a.before) + commonPrefix(here.after, a.after);
}

/** A whole side of at least this many characters, unchanged, places a changed claim on its own. */
const WHOLE_SIDE = 8;

/** One side of the context is there in full (the other may have been edited too). */
function wholeSide(a: Annotation, here: { before: string; after: string }): boolean {
  return (
    (a.before.length >= WHOLE_SIDE && commonSuffix(here.before, a.before) === a.before.length) ||
    (a.after.length >= WHOLE_SIDE && commonPrefix(here.after, a.after) === a.after.length)
  );
}

/** Levenshtein distance of two short strings (contexts are at most CONTEXT_LENGTH long). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * Context agreement that tolerates small edits next to the claim ("达" → "高达"), for a claim
 * whose own text is unchanged: characters of the stored context that survive, by edit distance.
 */
function fuzzyContextScore(a: Annotation, here: { before: string; after: string }): number {
  const side = (stored: string, now: string) => Math.max(0, stored.length - editDistance(stored, now));
  return side(a.before, here.before) + side(a.after, here.after);
}

/** Agreement an unchanged claim needs when its text occurs more than once. */
const MIN_EXACT_CONTEXT = 3;
/** What agreeing on the claim's own text is worth next to agreeing on context. */
const EXACT_BONUS = CONTEXT_LENGTH / 4;

function strongContext(score: number, available: number): boolean {
  if (available < 6) return available >= 2 && score === available;
  return score >= Math.max(6, Math.ceil(available * 0.6));
}

interface Pair {
  mark: number;
  claim: number;
  exact: boolean;
  key: number;
  /** Tolerant agreement (edits next to the claim), to choose among equal keys. */
  fuzzy: number;
  distance: number;
}

/**
 * Resolve marks of one file against its current text and claims (sorted by offset). Returns one
 * ResolvedMark per annotation, in the order given. Each claim carries at most one mark.
 */
export function resolveMarks(annotations: Annotation[], text: string, claims: AnchorClaim[]): ResolvedMark[] {
  if (!annotations.length) return [];
  const lines = new LineIndex(text);
  const claimLines = claims.map((c) => lines.positionAt(c.start).line + 1);
  const contexts = claims.map((c) => contextAt(text, c.start, c.end));
  const occurrences = new Map<string, number>();
  for (const c of claims) occurrences.set(c.text, (occurrences.get(c.text) ?? 0) + 1);

  const pairs: Pair[] = [];
  annotations.forEach((a, mi) => {
    const available = a.before.length + a.after.length;
    claims.forEach((c, ci) => {
      const exact = c.text === a.claim;
      const score = contextScore(a, contexts[ci]);
      const distance = Math.abs(claimLines[ci] - a.line);
      if (exact) {
        const unique = occurrences.get(c.text) === 1;
        const tolerant = Math.max(score, fuzzyContextScore(a, contexts[ci]));
        if (unique || tolerant >= Math.min(MIN_EXACT_CONTEXT, available)) pairs.push({ mark: mi, claim: ci, exact, key: score + EXACT_BONUS, fuzzy: tolerant, distance });
      } else if (strongContext(score, available) || wholeSide(a, contexts[ci])) {
        pairs.push({ mark: mi, claim: ci, exact, key: score, fuzzy: score, distance });
      }
    });
  });
  // Exact agreement next to the claim ranks first: a sentence built like another one elsewhere
  // must not pull a mark away from the place it was made on.
  pairs.sort((x, y) => y.key - x.key || Number(y.exact) - Number(x.exact) || y.fuzzy - x.fuzzy || x.distance - y.distance || x.claim - y.claim || x.mark - y.mark);

  const result: Array<ResolvedMark | undefined> = new Array(annotations.length);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (result[p.mark] || taken.has(p.claim)) continue;
    taken.add(p.claim);
    const c = claims[p.claim];
    result[p.mark] = {
      annotation: annotations[p.mark],
      state: p.exact ? 'anchored' : 'stale',
      start: c.start,
      end: c.end,
      claimIndex: p.claim,
      currentText: c.text,
    };
  }
  return annotations.map((a, i) => result[i] ?? placeByContext(a, text, claims));
}

/** Most occurrences of a context string looked at (a guard against pathological texts). */
const MAX_OCCURRENCES = 200;
/** Longest text accepted between the two contexts as "what the claim became". */
function maxGap(a: Annotation): number {
  return Math.max(24, a.claim.length * 3);
}

/** A stale mark whose claim is no longer a claim: the text between its two contexts, if found. */
function placeByContext(a: Annotation, text: string, claims: AnchorClaim[]): ResolvedMark {
  const unplaced: ResolvedMark = { annotation: a, state: 'stale', start: null, end: null, claimIndex: null, currentText: '' };
  const span = findBetween(a, text, claims);
  if (!span) return unplaced;
  return { annotation: a, state: 'stale', start: span.start, end: span.end, claimIndex: null, currentText: text.slice(span.start, span.end) };
}

/** Where a clause ends: the claim's old place runs to it when only one side of it is left. */
const CLAUSE_BREAK = /[，。；：、！？,.;:!?\s]/;

function findBetween(a: Annotation, text: string, claims: AnchorClaim[]): { start: number; end: number } | null {
  const { before, after } = a;
  if (before.length + after.length < 4) return null;
  const limit = maxGap(a);
  const ok = (s: number, e: number) => e >= s && e - s <= limit && !/[\r\n]/.test(text.slice(s, e));
  if (before) {
    let seen = 0;
    for (let i = text.indexOf(before); i >= 0 && seen < MAX_OCCURRENCES; i = text.indexOf(before, i + 1), seen++) {
      const s = i + before.length;
      if (after) {
        const e = text.indexOf(after, s);
        if (e >= 0 && ok(s, e)) return { start: s, end: e };
      } else {
        // The claim ended its paragraph: it runs to the paragraph's end.
        const e = paragraphEnd(text, s, limit + 1);
        if (ok(s, e) && before.length >= 4) return { start: s, end: e };
      }
    }
  }
  if (after && !before) {
    // The claim began its paragraph: it runs from the paragraph's start.
    let seen = 0;
    for (let e = text.indexOf(after); e >= 0 && seen < MAX_OCCURRENCES; e = text.indexOf(after, e + 1), seen++) {
      const s = paragraphStart(text, e, limit + 1);
      if (ok(s, e) && after.length >= 4) return { start: s, end: e };
    }
  }
  return oneSided(a, text, limit, claims);
}

/**
 * Both the claim and the text on one side of it were rewritten: a long side found once in the
 * text still tells where the claim stood; it runs from there to the clause's end (or start).
 */
function oneSided(a: Annotation, text: string, limit: number, claims: AnchorClaim[]): { start: number; end: number } | null {
  const once = (s: string) => s.length >= WHOLE_SIDE && text.indexOf(s) >= 0 && text.indexOf(s) === text.lastIndexOf(s);
  // Another claim inside the span is not what this one became: then only the point where it stood.
  const clear = (s: number, e: number) => !claims.some((c) => c.start < e && s < c.end);
  if (once(a.before)) {
    const s = text.indexOf(a.before) + a.before.length;
    let e = s;
    while (e < text.length && e - s < limit && !CLAUSE_BREAK.test(text[e])) e++;
    return clear(s, e) ? { start: s, end: e } : { start: s, end: s };
  }
  if (once(a.after)) {
    const e = text.indexOf(a.after);
    let s = e;
    while (s > 0 && e - s < limit && !CLAUSE_BREAK.test(text[s - 1])) s--;
    return clear(s, e) ? { start: s, end: e } : { start: e, end: e };
  }
  return null;
}
