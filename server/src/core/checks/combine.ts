// Combining what paragraphs hold, for the split rules' conclude step: it runs on every edit over
// every paragraph's contribution, so each helper here remembers what the last version gave and
// does again only what the edit changed (see rule.ts for the rule kinds).
import type { PeriodEnv } from './metric';
import { shiftDraft, type DocumentParts, type Draft } from './rule';
import { OffsetList, ParagraphList, type PerParagraph } from './paragraph-list';

/** Each paragraph's contribution, in text order, with where its window starts. */
export function eachPart<T>(doc: DocumentParts<T>, visit: (value: T, at: number, env: PeriodEnv) => void): void {
  for (let i = 0; i < doc.values.length; i++) {
    const v = doc.values.get(i);
    if (v !== undefined) visit(v, doc.at.get(i), doc.envs.get(i));
  }
}

/**
 * For each wanted key, the first paragraph's entry for it (`of` lists a paragraph's entries by
 * key) with where that paragraph's window starts. Remembered per rule and document: the next
 * version compares its paragraphs' contributions with the last one's (the same objects where
 * nothing changed) and reads again only the changed paragraphs, and what follows them only for
 * a key whose first entry was among them.
 */
interface FirstMemo {
  values: PerParagraph<unknown>;
  /** Index of each key's first entry, or -1 for none. */
  first: Map<string, number>;
  found: Map<string, Elsewhere<unknown>>;
}

const firstMemos = new Map<string, FirstMemo>();

/** The paragraphs whose contribution changed, [head, values.length - tail), against `old`. */
const changedSpan = ParagraphList.keptBetween;

export function firstOfEach<T, V>(
  doc: DocumentParts<T>,
  wanted: Iterable<string>,
  of: (value: T) => ReadonlyMap<string, V>,
  rule: string
): { found: Map<string, Elsewhere<V>>; changed: ReadonlySet<string> | undefined } {
  const values = doc.values;
  const n = values.length;
  const memoKey = `${rule}\u0000${doc.path}`;
  const memo = firstMemos.get(memoKey);
  // The changed paragraphs, [head, n - tail), against the last version.
  const { head, tail } = memo ? changedSpan(memo.values, values) : { head: 0, tail: 0 };
  const scan = (key: string, from: number, to: number): number => {
    for (let i = from; i < to; i++) {
      const v = values.get(i);
      if (v !== undefined && of(v).has(key)) return i;
    }
    return -1;
  };
  const first = new Map<string, number>();
  for (const key of wanted) {
    const before = memo?.first.get(key);
    let i: number;
    if (before === undefined) i = scan(key, 0, n);
    else if (before >= 0 && before < head) i = before;
    else {
      i = scan(key, head, n - tail);
      if (i < 0) {
        const oldN = memo!.values.length;
        if (before < 0) i = -1; // nowhere before, and not in what changed
        else if (before >= oldN - tail) i = before + (n - oldN); // after the change, where it was
        else i = scan(key, n - tail, n); // it was in what changed: look on
      }
    }
    first.set(key, i);
  }
  const found = new Map<string, Elsewhere<V>>();
  for (const [key, i] of first) if (i >= 0) found.set(key, { claim: of(values.get(i)!).get(key)!, at: doc.at.get(i) });
  // The keys that do not find the very figure they found last time, at the same place
  // (unknown without a last time).
  let changed: Set<string> | undefined;
  if (memo) {
    changed = new Set();
    for (const [key, e] of found) {
      const then = memo.found.get(key);
      if (!then || then.claim !== e.claim || then.at !== e.at) changed.add(key);
    }
    for (const key of memo.found.keys()) if (!found.has(key)) changed.add(key);
  }
  if (firstMemos.size > 1000) firstMemos.clear();
  firstMemos.set(memoKey, { values, first, found });
  return { found, changed };
}

/**
 * The drafts each paragraph's contribution makes (`make`), in text order, remembered per rule
 * and document. The next version visits only the paragraphs whose contribution changed, and
 * those that moved with drafts to move: the others hand back their drafts unvisited. With
 * `reuse` false (what the contributions look up elsewhere changed, or may have), every
 * paragraph is visited; with a test, also the kept paragraphs it holds for (see reuseUnless).
 * `make` must depend only on the contribution, where its window starts, and what is looked up.
 */
interface PartsMemo {
  values: PerParagraph<unknown>;
  at: PerParagraph<number>;
  drafts: ParagraphList<readonly Draft[]>;
}

const partMemos = new Map<string, PartsMemo>();

export function partDrafts<T>(
  doc: DocumentParts<T>,
  rule: string,
  make: (value: T, at: number) => readonly Draft[],
  /** false: visit every paragraph; a test: visit also the kept paragraphs it holds for. */
  reuse: boolean | ((value: T) => boolean) = true
): Draft[] {
  const { values, at } = doc;
  const n = values.length;
  const memoKey = `${rule}\u0000${doc.path}`;
  const memo = reuse !== false ? partMemos.get(memoKey) : undefined;
  const stale = typeof reuse === 'function' ? reuse : undefined;
  const { head, tail } = memo ? changedSpan(memo.values, values) : { head: 0, tail: 0 };
  const make1 = (i: number): readonly Draft[] => {
    const v = values.get(i);
    return v === undefined ? NONE : make(v, at.get(i));
  };
  // Kept paragraphs hand back their drafts: as they were when there is nothing to move or they
  // did not move; moved drafts are made again from the contribution (its memo moves them from
  // window offsets). Those before the edit, where the offsets are the very chunks they were,
  // are not even visited (unless a stale test must see them).
  const lists = memo
    ? memo.drafts.edited(n, { head, tail }, make1, (then, i, j) => {
        if (stale) {
          const v = values.get(i);
          if (v !== undefined && stale(v)) return make1(i);
        }
        return then.length === 0 || memo.at.get(j) === at.get(i) ? then : make1(i);
      }, stale ? 0 : OffsetList.samePrefix(memo.at, at))
    : ParagraphList.build(n, make1);
  const out: Draft[] = [];
  for (let i = 0; i < n; i++) {
    const list = lists.get(i);
    if (list.length) append(out, list);
  }
  if (partMemos.size > 1000) partMemos.clear();
  partMemos.set(memoKey, { values, at, drafts: lists });
  return out;
}

/**
 * partDrafts' `reuse` for drafts made from what firstOfEach found: every paragraph when what
 * changed is unknown, else the paragraphs that look up a key (`looksUp`) whose first figure
 * changed. A keystroke that moves the first figure of one key re-makes its few paragraphs'
 * drafts, not every paragraph's.
 */
export function reuseUnless<T>(changed: ReadonlySet<string> | undefined, looksUp: (value: T, key: (k: string) => boolean) => boolean): boolean | ((value: T) => boolean) {
  if (changed === undefined) return false;
  if (changed.size === 0) return true;
  const has = (k: string) => changed.has(k);
  return (value) => looksUp(value, has);
}

/**
 * Every key the paragraphs' contributions name (`keysOf`), as a count per key. Remembered per
 * rule and document: the next version subtracts what its changed paragraphs named and adds
 * what they name now, instead of reading every paragraph again.
 */
interface KeysMemo {
  values: PerParagraph<unknown>;
  counts: Map<string, number>;
}

const keyMemos = new Map<string, KeysMemo>();

export function keysOfParts<T>(doc: DocumentParts<T>, keysOf: (value: T, visit: (key: string) => void) => void, rule: string): ReadonlyMap<string, number> {
  const values = doc.values;
  const memoKey = `${rule}\u0000${doc.path}`;
  const memo = keyMemos.get(memoKey);
  const counts = memo?.counts ?? new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const remove = (key: string) => {
    const c = counts.get(key)! - 1;
    if (c > 0) counts.set(key, c);
    else counts.delete(key);
  };
  const { head, tail } = memo ? changedSpan(memo.values, values) : { head: 0, tail: 0 };
  if (memo) {
    const old = memo.values as PerParagraph<T | undefined>;
    for (let i = head; i < old.length - tail; i++) {
      const v = old.get(i);
      if (v !== undefined) keysOf(v, remove);
    }
  }
  for (let i = head; i < values.length - tail; i++) {
    const v = values.get(i);
    if (v !== undefined) keysOf(v, add);
  }
  if (keyMemos.size > 1000) keyMemos.clear();
  keyMemos.set(memoKey, { values, counts });
  return counts;
}

/** Push every item of `from` onto `out` (an index loop: this runs for every paragraph, every edit). */
export function append<T>(out: T[], from: readonly T[]): void {
  for (let i = 0; i < from.length; i++) out.push(from[i]);
}

/** No drafts: one shared empty list. */
export const NO_DRAFTS: readonly Draft[] = Object.freeze([]);
const NONE = NO_DRAFTS;

/**
 * Drafts made at window offsets and placed at `at`, remembered per list: a paragraph an edit
 * did not move hands back the very drafts it did before, and what was derived from them
 * downstream (findings, diagnostics) can be reused by identity.
 */
const placedLists = new WeakMap<readonly Draft[], { at: number; path: string; drafts: Draft[] }>();

export function placeDrafts(drafts: readonly Draft[], at: number, path: string): readonly Draft[] {
  if (drafts.length === 0) return NONE;
  const hit = placedLists.get(drafts);
  if (hit && hit.at === at && hit.path === path) return hit.drafts;
  const placed = drafts.map((d) => shiftDraft(d, at, path));
  placedLists.set(drafts, { at, path, drafts: placed });
  return placed;
}

/** A figure another paragraph holds, and where that paragraph's window starts. */
export interface Elsewhere<V> {
  claim: V;
  at: number;
}

/**
 * Drafts a split rule makes for one paragraph's contribution (`owner`), one per key, from what
 * other paragraphs hold for those keys (`lookup`): remembered while the paragraph stays where
 * it is and each key still finds the same figure at the same place.
 */
const derivedLists = new WeakMap<object, { at: number; path: string; found: (Elsewhere<unknown> | undefined)[]; drafts: Draft[] }>();

export function derivedDrafts<K, V>(
  owner: object,
  at: number,
  path: string,
  keys: readonly K[],
  lookup: (key: K) => Elsewhere<V> | undefined,
  make: (found: (Elsewhere<V> | undefined)[]) => Draft[]
): Draft[] {
  const hit = derivedLists.get(owner);
  if (hit && hit.path === path && hit.found.length === keys.length) {
    let same = true;
    for (let k = 0; k < keys.length && same; k++) {
      const now = lookup(keys[k]);
      const then = hit.found[k];
      same = now === undefined ? then === undefined : then !== undefined && then.claim === now.claim && then.at === now.at;
    }
    if (same && hit.at === at) return hit.drafts;
    if (same) {
      // Only this paragraph moved: the same drafts, moved. What they name elsewhere stays:
      // placed drafts' related locations carry their path, which shiftDraft leaves alone.
      const by = at - hit.at;
      const drafts = hit.drafts.map((d) => shiftDraft(d, by, path));
      derivedLists.set(owner, { at, path, found: hit.found, drafts });
      return drafts;
    }
  }
  const found = keys.map(lookup);
  const drafts = make(found);
  derivedLists.set(owner, { at, path, found, drafts });
  return drafts;
}
