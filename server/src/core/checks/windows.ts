// A document as the rules read it: paragraph by paragraph, each in a window from the end of
// the paragraph before it to the start of the next one, so that the line breaks and 　　
// indents around it end its sentences exactly as in the whole text. Every rule reads a
// paragraph only through its window; what spans paragraphs is combined afterwards (combine.ts),
// which is what lets an edit re-check only the paragraphs it touched.
import type { Claim, DocumentAnalysis, Entity, Paragraph, ParagraphFigures } from '../types';
import { DocContext } from './context';
import { detached } from '../detached';
import { firstIndex } from '../bisect';

export interface ParagraphWindow {
  /** The window in the document: window offset + from = document offset. */
  from: number;
  to: number;
  paragraph: Paragraph;
  /** The paragraph's claims and entities, at paragraph offsets, in text order. */
  figures: ParagraphFigures;
  /** The paragraph's analysis (analyze.ts): one object per text, base date and dictionary. */
  identity: object | undefined;
  /** The text of the window around the paragraph (line breaks, indents), with a separator. */
  edges: string;
}

const byStart = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;

/** In text order, sorting only when needed (analyzeText already lists them in order). */
function ordered<T extends { start: number; end: number }>(list: readonly T[]): readonly T[] {
  for (let i = 1; i < list.length; i++) if (byStart(list[i - 1], list[i]) > 0) return [...list].sort(byStart);
  return list;
}

/** Figures of each paragraph at paragraph offsets, for an analysis that does not hold them. */
function figuresByParagraph(analysis: DocumentAnalysis, paras: Paragraph[]): ParagraphFigures[] {
  const claims = ordered(analysis.claims);
  const entities = ordered(analysis.entities);
  let ci = 0;
  let ei = 0;
  return paras.map((p) => {
    // Claims and entities lie inside one paragraph (they are found paragraph by paragraph).
    while (ci < claims.length && claims[ci].start < p.start) ci++;
    let cj = ci;
    while (cj < claims.length && claims[cj].start < p.end) cj++;
    while (ei < entities.length && entities[ei].start < p.start) ei++;
    let ej = ei;
    while (ej < entities.length && entities[ej].start < p.end) ej++;
    const figures = {
      claims: claims.slice(ci, cj).map((c) => ({ ...c, start: c.start - p.start, end: c.end - p.start })),
      entities: entities.slice(ei, ej).map((e) => ({ ...e, start: e.start - p.start, end: e.end - p.start })),
    };
    ci = cj;
    ei = ej;
    return figures;
  });
}

/** Every paragraph's window. */
export function paragraphWindows(analysis: DocumentAnalysis): ParagraphWindow[] {
  const windows = documentWindows(analysis);
  return windows.paragraphs.map((_, i) => windows.at(i));
}

/** The windows of one analysis, made one at a time (an edit needs only a few). */
export function documentWindows(analysis: DocumentAnalysis): { paragraphs: Paragraph[]; at(i: number): ParagraphWindow } {
  const text = analysis.text;
  const paras = paragraphsOf(analysis);
  const results = analysis.paragraphResults && analysis.paragraphResults.length === paras.length ? analysis.paragraphResults : undefined;
  let figures: readonly ParagraphFigures[] | undefined = results;
  return {
    paragraphs: paras,
    at(i) {
      figures ??= figuresByParagraph(analysis, paras);
      const p = paras[i];
      const from = i > 0 ? paras[i - 1].end : 0;
      const to = i + 1 < paras.length ? paras[i + 1].start : text.length;
      return { from, to, paragraph: p, figures: figures[i], identity: results?.[i], edges: edgesOf(text, from, p, to) };
    },
  };
}

/** The paragraphs the rules read (a text without any is read as one). */
export function paragraphsOf(analysis: DocumentAnalysis): Paragraph[] {
  return analysis.paragraphs.length ? analysis.paragraphs : analysis.text.length ? [{ start: 0, end: analysis.text.length }] : [];
}

/** The separators around a paragraph; most are one line break on each side. */
function edgesOf(text: string, from: number, p: Paragraph, to: number): string {
  if (p.start - from === 1 && to - p.end === 1) {
    const a = text.charCodeAt(from);
    const b = text.charCodeAt(p.end);
    if (a === 10 && b === 10) return '\n\u0001\n';
  }
  return `${text.slice(from, p.start)}\u0001${text.slice(p.end, to)}`;
}

/** The claim a window context's claim copies, or the claim itself. */
export function originalClaim(doc: DocContext, c: Claim): Claim {
  const from = doc.originals;
  if (!from) return c;
  // Claims never overlap: the one starting where the copy starts, moved back, is its original.
  const start = c.start - from.by;
  const i = firstIndex(0, from.claims.length, (k) => from.claims[k].start >= start);
  const original = from.claims[i];
  return original !== undefined && original.start === start && original.end === c.end - from.by ? original : c;
}

/** The rules' view of one window: its text, and its claims and entities at window offsets. */
export function windowContext(analysis: DocumentAnalysis, w: ParagraphWindow): DocContext {
  const by = w.paragraph.start - w.from;
  let entities: Entity[] | undefined;
  return new DocContext('', {
    // A copy, not a slice: whatever the rules keep of the window (a word, a category) must not
    // hold on to the whole text of this version of the document.
    text: detached(analysis.text.slice(w.from, w.to)),
    claims: w.figures.claims.map((c) => ({ ...c, start: c.start + by, end: c.end + by })),
    // Read by the statements of a few paragraphs only: moved to window offsets when asked.
    get entities() {
      return (entities ??= w.figures.entities.map((e) => ({ ...e, start: e.start + by, end: e.end + by })));
    },
    paragraphs: [{ start: by, end: by + w.paragraph.end - w.paragraph.start }],
    baseDate: analysis.baseDate,
    baseDateSource: analysis.baseDateSource,
  }, { claims: w.figures.claims, by });
}
