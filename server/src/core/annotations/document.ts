// Reading and writing the store document. The text is meant for people and for git: two-space
// JSON, one field order, marks sorted by file, line hint and id, a final newline, so that one
// changed verdict is a few changed lines in a diff. Parsing is strict: a file that is not what
// we wrote (a git conflict, a hand edit gone wrong) is reported as corrupt, never half-read.
import { ANNOTATION_STATUSES, type Annotation, type AnnotationsDocument } from './types';

export function emptyDocument(): AnnotationsDocument {
  return { version: 1, annotations: [] };
}

export type ParseResult = { ok: true; document: AnnotationsDocument } | { ok: false; error: string };

const STRING_FIELDS = ['id', 'file', 'claim', 'before', 'after', 'note', 'source', 'created', 'updated'] as const;

/** Parse the store's text; an empty or blank file is an empty store. */
export function parseAnnotations(text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: true, document: emptyDocument() };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'expected a JSON object' };
  const obj = raw as Record<string, unknown>;
  if (obj.version !== 1) return { ok: false, error: `unsupported version ${JSON.stringify(obj.version)} (expected 1)` };
  if (!Array.isArray(obj.annotations)) return { ok: false, error: '"annotations" must be an array' };
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < obj.annotations.length; i++) {
    const a = obj.annotations[i] as Record<string, unknown>;
    const where = `annotations[${i}]`;
    if (!a || typeof a !== 'object' || Array.isArray(a)) return { ok: false, error: `${where} must be an object` };
    for (const f of STRING_FIELDS) {
      // note and source may be left out by hand; everything else is required.
      if (a[f] === undefined && (f === 'note' || f === 'source')) continue;
      if (typeof a[f] !== 'string') return { ok: false, error: `${where}.${f} must be a string` };
    }
    if (!a.id || !a.file || !a.claim) return { ok: false, error: `${where}: id, file and claim must not be empty` };
    if (!ANNOTATION_STATUSES.includes(a.status as never)) {
      return { ok: false, error: `${where}.status must be one of ${ANNOTATION_STATUSES.join(', ')}` };
    }
    const line = a.line === undefined ? 0 : a.line;
    if (typeof line !== 'number' || !Number.isInteger(line) || line < 0) return { ok: false, error: `${where}.line must be a whole number` };
    if (ids.has(a.id as string)) return { ok: false, error: `${where}: duplicate id ${a.id}` };
    ids.add(a.id as string);
    annotations.push(normalize(a as unknown as Annotation, line));
  }
  return { ok: true, document: { version: 1, annotations: sortAnnotations(annotations) } };
}

function normalize(a: Annotation, line: number): Annotation {
  return {
    id: a.id,
    file: a.file.replace(/\\/g, '/'),
    claim: a.claim,
    before: a.before,
    after: a.after,
    line,
    status: a.status,
    note: a.note ?? '',
    source: a.source ?? '',
    created: a.created,
    updated: a.updated,
  };
}

/** File, then line hint, then id: stable as long as the marks themselves do not change. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortAnnotations(list: Annotation[]): Annotation[] {
  return [...list].sort(compareAnnotations);
}

/** The store's text: fixed field order, sorted, two-space indent, final newline. */
export function serializeAnnotations(doc: AnnotationsDocument): string {
  const annotations = sortAnnotations(doc.annotations).map((a) => normalize(a, a.line));
  return JSON.stringify({ version: 1, annotations }, null, 2) + '\n';
}
