// Where two versions of a text differ: what a re-analysis and a re-check may keep.

/** What an edit replaced: old text [start, oldEnd) became new text [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The last pair asked about: on a keystroke the re-analysis, the re-check and the diagnostics
 * each ask for the change between the same two versions.
 */
let last: { before: string; after: string; change: TextChange } | undefined;

/** The one span two versions of a text differ in (common prefix and suffix compared natively). */
export function changeBetween(before: string, after: string): TextChange {
  if (last && last.before === before && last.after === after) return last.change;
  const change = compare(before, after);
  last = { before, after, change };
  return change;
}

function compare(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let lo = 0;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (lo + step <= max && before.slice(lo, lo + step) === after.slice(lo, lo + step)) lo += step;
  }
  let tail = 0;
  const room = max - lo;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (tail + step <= room && before.slice(before.length - tail - step, before.length - tail) === after.slice(after.length - tail - step, after.length - tail)) tail += step;
  }
  return { start: lo, oldEnd: before.length - tail, newEnd: after.length - tail };
}
