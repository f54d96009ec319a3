// Concurrent writers (two editor windows, the CLI, a git pull) are reconciled by id. A writer
// records what it changed as operations and replays them on whatever is on disk when it writes,
// so nobody's marks are lost: marks only the other side touched are kept as they are, and when
// both sides changed the same mark the later change (by its `updated` time) wins.
import { sortAnnotations } from './document';
import type { Annotation, AnnotationsDocument } from './types';

export type AnnotationOp =
  | { op: 'set'; annotation: Annotation }
  /** `at`: when the mark was removed (ISO 8601); a change made elsewhere after it survives. */
  | { op: 'remove'; id: string; at: string };

/** Replay operations on a document (not modified); returns the merged document. */
export function applyOps(doc: AnnotationsDocument, ops: AnnotationOp[]): AnnotationsDocument {
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  for (const o of ops) {
    const current = byId.get(o.op === 'set' ? o.annotation.id : o.id);
    if (o.op === 'set') {
      if (current && current.updated > o.annotation.updated) continue;
      byId.set(o.annotation.id, o.annotation);
    } else if (current && !(current.updated > o.at)) {
      byId.delete(o.id);
    }
  }
  return { version: 1, annotations: sortAnnotations([...byId.values()]) };
}

function same(a: Annotation, b: Annotation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The operations that turn `base` into `mine`; `now` dates the removals. */
export function diffDocuments(base: AnnotationsDocument, mine: AnnotationsDocument, now: string): AnnotationOp[] {
  const baseById = new Map(base.annotations.map((a) => [a.id, a]));
  const mineIds = new Set(mine.annotations.map((a) => a.id));
  const ops: AnnotationOp[] = [];
  for (const a of mine.annotations) {
    const b = baseById.get(a.id);
    if (!b || !same(a, b)) ops.push({ op: 'set', annotation: a });
  }
  for (const b of base.annotations) if (!mineIds.has(b.id)) ops.push({ op: 'remove', id: b.id, at: now });
  return ops;
}

/** Three-way merge by id: my changes since `base`, replayed on `theirs`. */
export function mergeDocuments(base: AnnotationsDocument, mine: AnnotationsDocument, theirs: AnnotationsDocument, now: string): AnnotationsDocument {
  return applyOps(theirs, diffDocuments(base, mine, now));
}
