// Counting verdicts over a file's claims, for the status bar, the tree and the report.
import type { ResolvedMark } from './types';

export interface AnnotationCounts {
  /** Claims in the file. */
  claims: number;
  verified: number;
  disputed: number;
  needsSource: number;
  /** Marks whose claim changed or vanished (counted here, not under their status). */
  stale: number;
  /** Claims without a current (anchored) mark. */
  unmarked: number;
}

export function summarize(claims: number, marks: ResolvedMark[]): AnnotationCounts {
  const c: AnnotationCounts = { claims, verified: 0, disputed: 0, needsSource: 0, stale: 0, unmarked: claims };
  for (const m of marks) {
    if (m.state === 'stale') {
      c.stale++;
      continue;
    }
    c.unmarked--;
    if (m.annotation.status === 'verified') c.verified++;
    else if (m.annotation.status === 'disputed') c.disputed++;
    else c.needsSource++;
  }
  return c;
}
