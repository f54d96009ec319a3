// Making and changing marks: the operations the editor and tests perform on one claim.
import { LineIndex } from '../position';
import { anchorOf, type AnchorClaim } from './anchor';
import { annotationId } from './id';
import type { Annotation, AnnotationStatus, AnnotationsDocument } from './types';

export interface MarkInput {
  /** Workspace-relative path with `/` separators. */
  file: string;
  /** The file's current text and the claim in it. */
  text: string;
  claim: AnchorClaim;
  status: AnnotationStatus;
  note?: string;
  source?: string;
  /** ISO 8601. */
  now: string;
  lines?: LineIndex;
}

/**
 * Mark a claim. `existing` is the mark already on that claim (anchored or stale there), which
 * keeps its id and creation time and is re-anchored to the claim as it reads now; omitted note
 * and source keep the existing ones.
 */
export function markClaim(doc: AnnotationsDocument, input: MarkInput, existing?: Annotation): Annotation {
  const anchor = anchorOf(input.text, input.claim, input.lines);
  const taken = new Set(doc.annotations.map((a) => a.id));
  return {
    id: existing?.id ?? annotationId(input.file, anchor.claim, anchor.before, anchor.after, (id) => taken.has(id)),
    file: input.file,
    claim: anchor.claim,
    before: anchor.before,
    after: anchor.after,
    line: anchor.line,
    status: input.status,
    note: (input.note ?? existing?.note ?? '').trim(),
    source: (input.source ?? existing?.source ?? '').trim(),
    created: existing?.created ?? input.now,
    updated: input.now,
  };
}

/** The marks of one file. */
export function marksOfFile(doc: AnnotationsDocument, file: string): Annotation[] {
  return doc.annotations.filter((a) => a.file === file);
}
