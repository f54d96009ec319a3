// The vocabulary of fact-check annotations: a verdict on one claim, kept next to the text in
// `.zh-figures/annotations.json` and shared by the extension and the CLI. Plain data.

/** The verdict a fact-checker gives a claim. */
export type AnnotationStatus = 'verified' | 'disputed' | 'needs-source';

export const ANNOTATION_STATUSES: readonly AnnotationStatus[] = ['verified', 'disputed', 'needs-source'];

/**
 * One mark. The anchor (file, claim, before, after) is what the claim looked like when it was
 * marked; it is how the mark finds its claim again after the text around it has changed.
 */
export interface Annotation {
  /** Stable id: derived once from the anchor at creation and never changed. */
  id: string;
  /** Path relative to the workspace root, with `/` separators. */
  file: string;
  /** The exact text of the claim when marked ("超64万项"). */
  claim: string;
  /** Up to CONTEXT_LENGTH characters before the claim, within its line. */
  before: string;
  /** Up to CONTEXT_LENGTH characters after the claim, within its line. */
  after: string;
  /** 1-based line when marked: a hint for people reading the file and a tie-breaker, never trusted. */
  line: number;
  status: AnnotationStatus;
  /** Free text, "" when none. */
  note: string;
  /** Where the fact was checked (URL or citation), "" when none. */
  source: string;
  /** ISO 8601 time of the first mark and of the last change. */
  created: string;
  updated: string;
}

/** The whole store file. */
export interface AnnotationsDocument {
  version: 1;
  annotations: Annotation[];
}

/** Where the store lives, relative to the workspace root. */
export const ANNOTATIONS_DIR = '.zh-figures';
export const ANNOTATIONS_FILE = 'annotations.json';

/** How a mark relates to the current text. */
export type MarkState =
  /** The claim is found with the text it was marked on. */
  | 'anchored'
  /** The claim's text changed (or the claim is gone): the verdict needs review. */
  | 'stale';

/** A mark resolved against the current text of its file. */
export interface ResolvedMark {
  annotation: Annotation;
  state: MarkState;
  /**
   * Where the mark sits now: the claim's offsets (anchored), the claim or the text now standing
   * where it was (stale), or null when it cannot be placed (stale only).
   */
  start: number | null;
  end: number | null;
  /** Index of the claim it sits on in the analysis' claims, or null. */
  claimIndex: number | null;
  /** The text at the mark's place now (differs from annotation.claim when stale), "" if unplaced. */
  currentText: string;
}
