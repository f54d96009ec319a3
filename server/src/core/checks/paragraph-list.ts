// Per-paragraph lists that one version of a document hands to the next. A keystroke changes
// one paragraph of thousands, yet each version needs a list per fact (where each window
// starts, what each rule collected, the statements …): as plain arrays, a long report made a
// dozen arrays of 5,000 entries per keystroke, all alive until the next one, and their copying
// was most of what the garbage collector did while typing. Kept in chunks of 64 instead, a new
// version shares every chunk the edit did not reach and makes only the few it did.
//
// Offsets are the other kind of per-paragraph list: after an edit the paragraphs behind it
// moved by the same amount, so a chunk of them is shared with a shift.

const BITS = 6;
const SIZE = 1 << BITS;
const MASK = SIZE - 1;

/** What the readers of a per-paragraph list need: its length and its i-th item. */
export interface PerParagraph<T> {
  readonly length: number;
  get(i: number): T;
}

/**
 * How the next version relates to the one before: its first `head` items are the old first
 * `head`, its last `tail` the old last `tail`, and only the items between are new.
 */
export interface Kept {
  head: number;
  tail: number;
}

/** Chunk `c` of a list of `n` items covers [c·SIZE, min(n, (c+1)·SIZE)). */
const chunkCount = (n: number) => (n + MASK) >> BITS;
const chunkEnd = (c: number, n: number) => Math.min(n, (c + 1) << BITS);

/** `kept` within both lengths, the head first (what both claim is the head's). */
function clamp(kept: Kept, n: number, oldN: number): Kept {
  const head = Math.min(kept.head, n, oldN);
  return { head, tail: Math.min(kept.tail, n - head, oldN - head) };
}

/**
 * Where chunk `c` of the next version (`n` items) finds the very same items in the old one
 * (`oldN` items): its old chunk index, or -1 when the chunk holds new items or the old items
 * sit across two old chunks (paragraphs were added or removed by a multiple other than 64).
 */
function sharedChunk(c: number, n: number, oldN: number, kept: Kept): number {
  const start = c << BITS;
  const end = chunkEnd(c, n);
  if (end <= kept.head && end <= oldN && (end - start === SIZE || end === oldN)) return c;
  const shift = n - oldN;
  // Behind the edit, moved by whole chunks: the old chunk holds the same items, as many (the
  // last chunks of both are as long, the lengths differing by a multiple of 64).
  if (start >= n - kept.tail && (shift & MASK) === 0) return c - (shift >> BITS);
  return -1;
}

export class ParagraphList<T> implements PerParagraph<T> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    readonly length: number
  ) {}

  static from<T>(items: readonly T[]): ParagraphList<T> {
    return ParagraphList.build(items.length, (i) => items[i]);
  }

  static build<T>(n: number, item: (i: number) => T): ParagraphList<T> {
    const chunks: T[][] = new Array(chunkCount(n));
    for (let c = 0; c < chunks.length; c++) {
      const end = chunkEnd(c, n);
      const chunk: T[] = new Array(end - (c << BITS));
      for (let i = c << BITS; i < end; i++) chunk[i & MASK] = item(i);
      chunks[c] = chunk;
    }
    return new ParagraphList(chunks, n);
  }

  get(i: number): T {
    return this.chunks[i >> BITS][i & MASK];
  }

  /**
   * The next version's list of `n` items: this list's first `kept.head` and last `kept.tail`
   * items, and `item(i)` for the others. With `moved`, a kept item is what it returns for it
   * (`then`, at `j` in this list): the item itself, or one made anew; the first `asIs` (of the
   * head) are kept without asking. Chunks whose items all stay are shared.
   */
  edited(n: number, keep: Kept, item: (i: number) => T, moved?: (then: T, i: number, j: number) => T, asIs = 0): ParagraphList<T> {
    const oldN = this.length;
    const kept = clamp(keep, n, oldN);
    const still = Math.min(asIs, kept.head);
    const shift = n - oldN;
    const chunks: (readonly T[])[] = new Array(chunkCount(n));
    for (let c = 0; c < chunks.length; c++) {
      const old = sharedChunk(c, n, oldN, kept);
      const start = c << BITS;
      const end = chunkEnd(c, n);
      let chunk: T[] | undefined;
      if (old >= 0 && (!moved || end <= still)) {
        chunks[c] = this.chunks[old];
        continue;
      }
      for (let i = start; i < end; i++) {
        let value: T;
        if (i < kept.head || i >= n - kept.tail) {
          const j = i < kept.head ? i : i - shift;
          const then = this.get(j);
          value = moved && i >= still ? moved(then, i, j) : then;
        } else value = item(i);
        // A chunk of kept items is shared until one of them changes.
        if (chunk === undefined && old >= 0 && value === this.chunks[old][i & MASK]) continue;
        if (chunk === undefined) {
          chunk = new Array(end - start);
          for (let k = start; k < i; k++) chunk[k & MASK] = this.chunks[old][k & MASK];
        }
        chunk[i & MASK] = value;
      }
      chunks[c] = chunk ?? this.chunks[old];
    }
    return new ParagraphList(chunks, n);
  }

  /**
   * How many items at the start, and then at the end, are the same (===) in both lists:
   * what changed between two versions. Shared chunks are skipped whole.
   */
  static keptBetween<T>(old: PerParagraph<T>, now: PerParagraph<T>): Kept {
    const n = now.length;
    const oldN = old.length;
    // Chunks are never changed once made: the same chunk in both holds the same items.
    const a = old instanceof ParagraphList ? (old as ParagraphList<T>).chunks : undefined;
    const b = now instanceof ParagraphList ? (now as ParagraphList<T>).chunks : undefined;
    const chunked = a !== undefined && b !== undefined;
    let head = 0;
    while (head < n && head < oldN) {
      if (chunked && (head & MASK) === 0 && head + SIZE <= n && head + SIZE <= oldN && a[head >> BITS] === b[head >> BITS]) {
        head += SIZE;
        continue;
      }
      if (old.get(head) !== now.get(head)) break;
      head++;
    }
    let tail = 0;
    const shift = n - oldN;
    while (tail < n - head && tail < oldN - head) {
      const i = n - 1 - tail;
      const j = i - shift;
      // A whole chunk ending here in both lists, and the same array.
      if (chunked && ((i + 1) & MASK) === 0 && ((j + 1) & MASK) === 0 && i + 1 - SIZE >= head && j + 1 - SIZE >= head && a[j >> BITS] === b[i >> BITS]) {
        tail += SIZE;
        continue;
      }
      if (old.get(j) !== now.get(i)) break;
      tail++;
    }
    return { head, tail };
  }

  toArray(): T[] {
    const out: T[] = [];
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++) out.push(chunk[i]);
    return out;
  }
}

/** A chunk of offsets: each item is `values[k] + shift`. */
interface OffsetChunk {
  values: readonly number[];
  shift: number;
}

/** Offsets per paragraph (where each window starts or ends); those after an edit shifted. */
export class OffsetList implements PerParagraph<number> {
  private constructor(
    private readonly chunks: readonly OffsetChunk[],
    readonly length: number
  ) {}

  static from(items: readonly number[]): OffsetList {
    return OffsetList.build(items.length, (i) => items[i]);
  }

  static build(n: number, item: (i: number) => number): OffsetList {
    const chunks: OffsetChunk[] = new Array(chunkCount(n));
    for (let c = 0; c < chunks.length; c++) {
      const end = chunkEnd(c, n);
      const values: number[] = new Array(end - (c << BITS));
      for (let i = c << BITS; i < end; i++) values[i & MASK] = item(i);
      chunks[c] = { values, shift: 0 };
    }
    return new OffsetList(chunks, n);
  }

  get(i: number): number {
    const chunk = this.chunks[i >> BITS];
    return chunk.values[i & MASK] + chunk.shift;
  }

  /**
   * The next version's offsets: the first `kept.head` as they were, the last `kept.tail` moved
   * by `delta`, `item(i)` for the others.
   */
  edited(n: number, keep: Kept, delta: number, item: (i: number) => number): OffsetList {
    const oldN = this.length;
    const kept = clamp(keep, n, oldN);
    const shift = n - oldN;
    const chunks: OffsetChunk[] = new Array(chunkCount(n));
    for (let c = 0; c < chunks.length; c++) {
      const old = sharedChunk(c, n, oldN, kept);
      if (old >= 0) {
        const then = this.chunks[old];
        chunks[c] = c << BITS < kept.head || delta === 0 ? then : { values: then.values, shift: then.shift + delta };
        continue;
      }
      const end = chunkEnd(c, n);
      const values: number[] = new Array(end - (c << BITS));
      for (let i = c << BITS; i < end; i++) values[i & MASK] = i < kept.head ? this.get(i) : i >= n - kept.tail ? this.get(i - shift) + delta : item(i);
      chunks[c] = { values, shift: 0 };
    }
    return new OffsetList(chunks, n);
  }

  /**
   * How many items at the start `now` surely has as `old` has them: the chunks it shares with
   * it unchanged (an edit shares those before it; see edited).
   */
  static samePrefix(old: PerParagraph<number>, now: PerParagraph<number>): number {
    if (!(old instanceof OffsetList) || !(now instanceof OffsetList)) return 0;
    let c = 0;
    while (c < old.chunks.length && c < now.chunks.length && old.chunks[c] === now.chunks[c]) c++;
    return Math.min(c << BITS, old.length, now.length);
  }

  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.get(i));
    return out;
  }
}
