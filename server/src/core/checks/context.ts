// Reading the words around a figure: sentences, clauses and the trigger words rules look for
// (增长, 占, 其中, 分别 …). Rules see the text only through these helpers, so "the same sentence"
// means the same thing in every rule.
import type { Claim, DocumentAnalysis } from '../types';
import { firstIndex } from '../bisect';

export interface Span {
  start: number;
  end: number;
}

/** Sentence ends: Chinese and Western stops, line breaks, and the 　　 paragraph indent. */
const SENTENCE_END = /[。！？!?；;\n\r]|　　/g;
/** Full stops only: a statistical bulletin lists the parts of one total across ；. */
const FULL_STOP = /[。！？!?\n\r]|　　/g;
/** Clause breaks inside a sentence. */
const CLAUSE_END = /[，,：:。！？!?；;\n\r]|　　/g;

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
  // Sentences, clauses and long sentences are built on first use: several rules read only one
  // kind, and a scan of a 1 MB text costs tens of milliseconds.
  private sentenceSpans?: Span[];
  private clauseSpans?: Span[];
  private longSentenceSpans?: Span[];

  get sentences(): Span[] {
    return (this.sentenceSpans ??= spans(this.text, SENTENCE_END));
  }

  get clauses(): Span[] {
    return (this.clauseSpans ??= spans(this.text, CLAUSE_END));
  }

  /** Sentences ended by full stops only (； does not end them). */
  get longSentences(): Span[] {
    return (this.longSentenceSpans ??= spans(this.text, FULL_STOP));
  }

  constructor(readonly path: string, readonly analysis: DocumentAnalysis) {
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
