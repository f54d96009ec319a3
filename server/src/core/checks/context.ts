// Reading the words around a figure: sentences, clauses and the trigger words rules look for
// (增长, 占, 其中, 分别 …). Rules see the text only through these helpers, so "the same sentence"
// means the same thing in every rule.
import type { Claim, DocumentAnalysis } from '../types';
import { firstIndex } from '../bisect';

export interface Span {
  start: number;
  end: number;
}

// Three ways of cutting a text, by the marks that end each piece, a 　　 paragraph indent
// ending all three:
// - sentences: Chinese and Western stops, line breaks, ；;
// - long sentences: full stops only (a statistical bulletin lists the parts of one total
//   across ；);
// - clauses: breaks inside a sentence too (，,：:).
const SENTENCE = 1;
const LONG_SENTENCE = 2;
const CLAUSE = 4;

/** Which pieces a character ends (0 for none). */
function endsPieces(c: number): number {
  switch (c) {
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x21: // !
    case 0x3f: // ?
    case 0x0a:
    case 0x0d:
      return SENTENCE | LONG_SENTENCE | CLAUSE;
    case 0xff1b: // ；
    case 0x3b: // ;
      return SENTENCE | CLAUSE;
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0xff1a: // ：
    case 0x3a: // :
      return CLAUSE;
    default:
      return 0;
  }
}

interface Pieces {
  sentences: Span[];
  longSentences: Span[];
  clauses: Span[];
}

/** The text's sentences, long sentences and clauses, found in one pass (the marks are not kept). */
function piecesOf(text: string): Pieces {
  const out: Pieces = { sentences: [], longSentences: [], clauses: [] };
  const lists = [out.sentences, out.longSentences, out.clauses];
  const starts = [0, 0, 0];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const indent = c === 0x3000 && text.charCodeAt(i + 1) === 0x3000;
    const ends = indent ? SENTENCE | LONG_SENTENCE | CLAUSE : endsPieces(c);
    if (ends === 0) {
      i++;
      continue;
    }
    const next = i + (indent ? 2 : 1);
    for (let k = 0; k < 3; k++) {
      if ((ends & (1 << k)) === 0) continue;
      if (i > starts[k]) lists[k].push({ start: starts[k], end: i });
      starts[k] = next;
    }
    i = next;
  }
  for (let k = 0; k < 3; k++) if (starts[k] < text.length) lists[k].push({ start: starts[k], end: text.length });
  return out;
}

/** Figures that carry an amount (what arithmetic rules compare). */
export const AMOUNT_KINDS = new Set(['count', 'money', 'quantity', 'duration']);

function spans(text: string, re: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m.index > start) out.push({ start, end: m.index });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function findSpan(list: Span[], offset: number): Span {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: offset, end: offset };
}

/** One document as the rules read it: the text, its figures in order, and its sentences. */
export class DocContext {
  readonly text: string;
  readonly claims: Claim[];
  readonly paragraphs: Span[];
  // Sentences, clauses and long sentences are built on first use (one pass finds all three).
  private pieces?: Pieces;

  get sentences(): Span[] {
    return (this.pieces ??= piecesOf(this.text)).sentences;
  }

  get clauses(): Span[] {
    return (this.pieces ??= piecesOf(this.text)).clauses;
  }

  /** Sentences ended by full stops only (； does not end them). */
  get longSentences(): Span[] {
    return (this.pieces ??= piecesOf(this.text)).longSentences;
  }

  constructor(
    readonly path: string,
    readonly analysis: DocumentAnalysis,
    /**
     * For a paragraph's window: its claims as the paragraph's analysis holds them (paragraph
     * offsets, in text order) and how far the window's copies are moved from them, so that
     * what is kept of a claim need not hold the window's copy.
     */
    readonly originals?: { claims: readonly Claim[]; by: number }
  ) {
    this.text = analysis.text;
    this.claims = [...analysis.claims].sort((a, b) => a.start - b.start || a.end - b.end);
    this.paragraphs =
      analysis.paragraphs && analysis.paragraphs.length > 0
        ? [...analysis.paragraphs].sort((a, b) => a.start - b.start)
        : spans(this.text, /\n\s*\n|　　/g);
    this.figures = this.claims.filter((c) => c.kind !== 'date' && c.kind !== 'time' && c.kind !== 'ordinal');
  }

  /** Claims that are figures (not dates, times or ordinals), in text order. */
  readonly figures: Claim[];

  /**
   * What several rules read of one context (its dates, breakdowns, change statements …),
   * computed once by `make` and kept with the context: a window lives only while its paragraph
   * is checked, and a weak map per kind would hold an entry per paragraph for the collector.
   */
  once<T>(make: (doc: DocContext) => T): T {
    // A handful of kinds per context: pairs in a short list, not a map per paragraph.
    const shared = (this.shared ??= []);
    for (let i = 0; i < shared.length; i += 2) if (shared[i] === make) return shared[i + 1] as T;
    const value = make(this);
    shared.push(make, value);
    return value;
  }

  private shared?: unknown[];

  /** Index of the first claim of `list` starting at or after `offset`. */
  private static lowerBound(list: Claim[], offset: number): number {
    return firstIndex(0, list.length, (i) => list[i].start >= offset);
  }

  sentenceOf(offset: number): Span {
    return findSpan(this.sentences, offset);
  }

  longSentenceOf(offset: number): Span {
    return findSpan(this.longSentences, offset);
  }

  /** The full sentence ending at or before `offset`, if any. */
  longSentenceBefore(offset: number): Span | null {
    let lo = 0;
    let hi = this.longSentences.length - 1;
    let found: Span | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.longSentences[mid].end <= offset) {
        found = this.longSentences[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  clauseOf(offset: number): Span {
    return findSpan(this.clauses, offset);
  }

  paragraphOf(offset: number): Span {
    const p = findSpan(this.paragraphs, offset);
    return p.end > p.start ? p : this.sentenceOf(offset);
  }

  slice(start: number, end: number): string {
    return this.text.slice(Math.max(0, start), Math.max(0, Math.min(end, this.text.length)));
  }

  /** Figures whose start lies in the span, in text order. */
  claimsIn(span: Span, filter?: (c: Claim) => boolean): Claim[] {
    const out: Claim[] = [];
    for (let i = DocContext.lowerBound(this.claims, span.start); i < this.claims.length && this.claims[i].start < span.end; i++) {
      const c = this.claims[i];
      if (c.end <= span.end && (!filter || filter(c))) out.push(c);
    }
    return out;
  }

  /**
   * The text between the end of the previous figure (or the sentence start) and this figure.
   * Dates, times and ordinals are read as words (从2021年的…), not as figures.
   */
  leadIn(claim: Claim, within: Span = this.sentenceOf(claim.start)): string {
    let from = within.start;
    // Figures are sorted by start; the previous one ends before this one starts (look back a few
    // in case of nested claims).
    const i = DocContext.lowerBound(this.figures, claim.start);
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const c = this.figures[j];
      if (c !== claim && c.end <= claim.start && c.end > from) from = c.end;
    }
    return this.slice(from, claim.start);
  }

  /** Up to n characters of text right after the figure, not crossing the sentence end. */
  after(claim: Claim, n: number): string {
    const s = this.sentenceOf(claim.start);
    return this.slice(claim.end, Math.min(claim.end + n, s.end));
  }

  /** Up to n characters of text right before the figure, not crossing the sentence start. */
  before(claim: Claim, n: number): string {
    const s = this.sentenceOf(claim.start);
    return this.slice(Math.max(s.start, claim.start - n), claim.start);
  }
}

/** Amount-like figures: a number with a value that is not a date, time or ordinal. */
export function isAmount(c: Claim): boolean {
  return AMOUNT_KINDS.has(c.kind) && c.value !== null && Number.isFinite(c.value);
}

export function isPercent(c: Claim): boolean {
  return c.kind === 'percent' && c.unit === '%' && c.value !== null;
}

/** The figure as an editor restates it: numeral and scale, with the unit as written. */
export function figureLabel(c: Claim): string {
  const core = `${c.numeral}${c.scale}`;
  if (!core) return c.text;
  if (c.kind === 'percent' || c.kind === 'percent-point') return `${c.numeral}${c.unitText === '个百分点' ? '个百分点' : '%'}`;
  return core + (c.unitText ?? '');
}

/** Same measure for arithmetic: money with money of one currency, counts with one measure word. */
export function sameMeasure(a: Claim, b: Claim): boolean {
  if (a.kind !== b.kind) {
    // A bare amount next to a money amount is often the same measure with 元 dropped.
    const kinds = new Set([a.kind, b.kind]);
    if (!(kinds.has('money') && kinds.has('count') && (a.unit === '' || b.unit === ''))) return false;
    return true;
  }
  if (a.kind === 'count') return a.unit === b.unit || a.unit === '' || b.unit === '';
  return a.unit === b.unit;
}
