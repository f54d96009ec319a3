// Bisection over anything kept in order (paragraphs, claims, phrases, line starts): what a
// keystroke in a long report must find without reading every item before it.

/**
 * The first index in [lo, hi) where `holds` is true, or `hi` when it is nowhere; `holds` must
 * be false up to some index and true from there on.
 */
export function firstIndex(lo: number, hi: number, holds: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
