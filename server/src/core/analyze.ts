// Document analysis: split into paragraphs, analyse each (claims, subjects, entities) and
// cache the result by the paragraph's text, so that an edit re-analyses only what it touched.
// A new version of a text analysed before (reanalyze) keeps the paragraphs before and after
// the edit as they were, and the figures are placed at document offsets only when asked for.
import type { AnalysisOptions, Claim, DocumentAnalysis, Entity, Paragraph, ParagraphFigures, UserWord } from './types';
import { scanClaims } from './scanner';
import { findSubject, wordsBefore } from './subjects';
import { findEntities } from './entities';
import { findPublicationDate, baseDateFromOption, type BaseDate } from './dates';
import { MONEY_WORDS, MONEY_VERBS } from './units';
import { addUserWords } from './segmenter';
import { BoundedCache } from './bounded-cache';
import { changeBetween } from './text-change';
import { detached } from './detached';
import { firstIndex } from './bisect';

/** One paragraph's analysis, at paragraph offsets. Never mutated once made, but for `placed`. */
interface ParagraphResult extends ParagraphFigures {
  claims: Claim[];
  entities: Entity[];
  /**
   * The figures as last placed in a document (offsets shifted by `at`). A paragraph an edit did
   * not move (everything before the edit) reuses them instead of copying every claim again.
   * Claims are never mutated once analysed, so sharing them between versions is safe.
   */
  placed?: { at: number; claims: Claim[]; entities: Entity[] };
}

/** Paragraph results by text + base date + dictionary; bounded so memory stays flat. */
export class ParagraphCache extends BoundedCache<ParagraphResult> {
  constructor(capacity = 20000, maxChars?: number) {
    super(capacity, maxChars);
  }
}

const sharedCache = new ParagraphCache();

/** Split text into paragraphs at line breaks (a report's paragraph is a line). */
export function splitParagraphs(text: string, from = 0, to = text.length): Paragraph[] {
  const out: Paragraph[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > start) out.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    } else if (c === 0x3000 && text.charCodeAt(i + 1) === 0x3000) {
      // Pages pasted as one line keep their paragraphs as a 　　 indent: split there too, so
      // that an edit re-analyses one paragraph, not the whole line.
      if (i > start) out.push({ start, end: i });
      while (text.charCodeAt(i + 1) === 0x3000) i++;
      start = i + 1;
    }
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

/** The date relative dates are resolved against: the option, else the text's own. */
export function resolveBaseDate(text: string, options: AnalysisOptions = {}): BaseDate {
  return options.baseDate ? baseDateFromOption(options.baseDate) : findPublicationDate(text);
}

/** Analyse one paragraph in isolation (offsets relative to it). */
export function analyzeParagraph(text: string, base: BaseDate, userWords: UserWord[] = []): ParagraphResult {
  const scanned = scanClaims(text, { base });
  const claims: Claim[] = [];
  let usedUntil = 0;
  for (const { claim, bare } of scanned) {
    // A run of hundreds of digits overflows a double: not a figure anyone can check.
    if (!isFiniteOrNull(claim.value) || !isFiniteOrNull(claim.upper)) continue;
    const found = findSubject(text, claim, usedUntil);
    claim.subject = found.subject || subjectCarriedOver(text, claims[claims.length - 1], claim);
    usedUntil = found.usedUntil;
    if (bare && claim.kind === 'count' && (MONEY_WORDS.test(claim.subject) || MONEY_VERBS.test(wordsBefore(text, claim)))) {
      // 涉案金额达38.87亿: an amount of money even without 元.
      claim.kind = 'money';
      claim.unit = 'CNY';
    }
    claims.push(claim);
  }
  return { claims, entities: findEntities(text, userWords) };
}

/** 营业收入从86.4亿元增长到103.7亿元: the figure after 增长到 is the same metric as the one before. */
const CHANGED_TO = /^\s*(?:同比|环比)?(?:增长|增加|提升|提高|上升|上涨|下降|降低|减少|下滑|回落|扩大|缩小|升|降|增|减|跃升|猛增)?了?(?:到|至)\s*$|^\s*(?:变为|变成)\s*$/;

function subjectCarriedOver(text: string, previous: Claim | undefined, claim: Claim): string {
  if (!previous || !previous.subject || previous.kind !== claim.kind || previous.unit !== claim.unit) return '';
  return CHANGED_TO.test(text.slice(previous.end, claim.start)) ? previous.subject : '';
}

function isFiniteOrNull(v: number | null): boolean {
  return v === null || Number.isFinite(v);
}

function dictionaryKey(userWords: UserWord[]): string {
  return userWords.length === 0 ? '' : userWords.map((w) => `${w.word}:${w.type}`).join('|');
}

/**
 * An analysed text: its paragraphs and what each holds. The figures at document offsets
 * (claims, entities) are placed on first use: the checks read paragraphs, and a keystroke
 * in a long report should not copy every figure after it.
 */
/**
 * How reanalyze() made an analysis from the one before: that one's first `before` paragraphs
 * are this one's first (the same objects), its last `after` this one's last (moved by `delta`).
 * The previous analysis is named by a number, so that no version keeps another alive; kept
 * beside the analysis, not in it, so that analyses made either way compare equal.
 */
export interface AnalysisOrigin {
  previous: number;
  before: number;
  after: number;
  delta: number;
}

const origins = new WeakMap<object, AnalysisOrigin>();
const ids = new WeakMap<object, number>();
let lastId = 0;

/** A number naming an analysis (given on first ask). */
export function analysisId(analysis: object): number {
  let id = ids.get(analysis);
  if (id === undefined) ids.set(analysis, (id = ++lastId));
  return id;
}

/** How `analysis` was made from the previous version, if reanalyze() made it. */
export function originOf(analysis: object): AnalysisOrigin | undefined {
  return origins.get(analysis);
}

export class TextAnalysis implements DocumentAnalysis {
  private placedClaims?: Claim[];
  private placedEntities?: Entity[];
  private counted?: { claims: number; entities: number };

  constructor(
    readonly text: string,
    readonly paragraphs: Paragraph[],
    readonly paragraphResults: readonly ParagraphResult[],
    readonly base: BaseDate,
    /** Base date and dictionary as the paragraph cache keys them. */
    readonly keyPrefix: string
  ) {}

  get baseDate(): string | null {
    return this.base.iso;
  }

  get baseDateSource(): DocumentAnalysis['baseDateSource'] {
    return this.base.source;
  }

  get claims(): Claim[] {
    if (!this.placedClaims) this.place();
    return this.placedClaims!;
  }

  get entities(): Entity[] {
    if (!this.placedEntities) this.place();
    return this.placedEntities!;
  }

  /** How many figures, without placing them (asked after every publish: counted once). */
  get claimCount(): number {
    return (this.counted ??= this.count()).claims;
  }

  get entityCount(): number {
    return (this.counted ??= this.count()).entities;
  }

  /**
   * The counts of `previous` (the version an edit was made from) with the paragraphs the edit
   * replaced taken out and those it made put in: a keystroke need not count every paragraph.
   */
  carryCounts(previous: TextAnalysis, replaced: readonly ParagraphResult[], made: readonly ParagraphResult[]): void {
    const then = previous.counted;
    if (!then) return;
    let { claims, entities } = then;
    for (const r of replaced) {
      claims -= r.claims.length;
      entities -= r.entities.length;
    }
    for (const r of made) {
      claims += r.claims.length;
      entities += r.entities.length;
    }
    this.counted = { claims, entities };
  }

  private count(): { claims: number; entities: number } {
    let claims = 0;
    let entities = 0;
    for (const r of this.paragraphResults) {
      claims += r.claims.length;
      entities += r.entities.length;
    }
    return { claims, entities };
  }

  private place(): void {
    const claims: Claim[] = [];
    const entities: Entity[] = [];
    this.paragraphResults.forEach((result, i) => {
      const at = this.paragraphs[i].start;
      let placed = result.placed;
      if (!placed || placed.at !== at) {
        placed = {
          at,
          claims: result.claims.map((c) => shiftClaim(c, at)),
          entities: result.entities.map((e) => ({ ...e, start: e.start + at, end: e.end + at })),
        };
        result.placed = placed;
      }
      for (const c of placed.claims) claims.push(c);
      for (const e of placed.entities) entities.push(e);
    });
    this.placedClaims = claims;
    this.placedEntities = entities;
  }
}

/** Base date and dictionary of an analysis, and teach the segmenter the dictionary's words. */
function prepare(text: string, options: AnalysisOptions): { base: BaseDate; userWords: UserWord[]; keyPrefix: string } {
  const base = resolveBaseDate(text, options);
  const userWords = options.userWords ?? [];
  if (userWords.length) addUserWords(userWords);
  return { base, userWords, keyPrefix: `${base.iso ?? ''}\u0001${dictionaryKey(userWords)}\u0001` };
}

/** The analysis of one paragraph of `text`, from the cache when its text was seen before. */
function paragraphResult(text: string, p: Paragraph, cache: ParagraphCache, prepared: ReturnType<typeof prepare>): ParagraphResult {
  const ptext = text.slice(p.start, p.end);
  const key = prepared.keyPrefix + ptext;
  let result = cache.get(key);
  if (!result) {
    const own = detached(ptext);
    result = analyzeParagraph(own, prepared.base, prepared.userWords);
    // The key is kept: it must not be (or hold) a slice of this version's whole text.
    cache.set(prepared.keyPrefix + own, result);
  }
  return result;
}

/**
 * Analyse a whole document. Paragraphs whose text (and base date and dictionary) were seen
 * before come from the cache; only new or changed ones are scanned.
 */
export function analyzeText(text: string, options: AnalysisOptions = {}, cache: ParagraphCache = sharedCache): TextAnalysis {
  const prepared = prepare(text, options);
  const paragraphs = splitParagraphs(text);
  const results = paragraphs.map((p) => paragraphResult(text, p, cache, prepared));
  return new TextAnalysis(text, paragraphs, results, prepared.base, prepared.keyPrefix);
}

/**
 * The analysis of a new version of a text: paragraphs before and after the changed span are
 * kept as they were (shifted), only those around the change are split again and looked up in
 * (or added to) `cache`. Equal to analyzeText(text, options) whatever the change; a different
 * base date or dictionary re-reads every paragraph through the cache.
 */
export function reanalyze(previous: TextAnalysis, text: string, options: AnalysisOptions, cache: ParagraphCache): TextAnalysis {
  const prepared = prepare(text, options);
  if (prepared.keyPrefix !== previous.keyPrefix) return analyzeText(text, options, cache);
  const change = changeBetween(previous.text, text);
  const old = previous.paragraphs;
  // Whether a paragraph starts or ends at a place depends on the two characters on each side
  // of it (a line break, a 　　 indent): keep the paragraphs whose edges are two characters clear
  // of the change.
  // Paragraphs are in text order: found by bisection, not by reading each (a keystroke in a
  // long report would touch thousands of them).
  const keepBefore = firstIndex(0, old.length, (i) => old[i].end + 2 > change.start);
  const keepAfter = firstIndex(keepBefore, old.length, (i) => old[i].start - 2 >= change.oldEnd);
  const delta = change.newEnd - change.oldEnd;
  const from = keepBefore > 0 ? old[keepBefore - 1].end : 0;
  const to = keepAfter < old.length ? old[keepAfter].start + delta : text.length;
  const middle = splitParagraphs(text, from, to);
  const paragraphs: Paragraph[] = old.slice(0, keepBefore);
  const results: ParagraphResult[] = previous.paragraphResults.slice(0, keepBefore);
  const made: ParagraphResult[] = [];
  for (const p of middle) {
    paragraphs.push(p);
    const r = paragraphResult(text, p, cache, prepared);
    results.push(r);
    made.push(r);
  }
  // What the edit replaced stays at hand for a while (undo, cut and paste back).
  for (let i = keepBefore; i < keepAfter; i++) {
    cache.set(prepared.keyPrefix + detached(previous.text.slice(old[i].start, old[i].end)), previous.paragraphResults[i]);
  }
  for (let i = keepAfter; i < old.length; i++) {
    paragraphs.push(delta === 0 ? old[i] : { start: old[i].start + delta, end: old[i].end + delta });
    results.push(previous.paragraphResults[i]);
  }
  const analysis = new TextAnalysis(text, paragraphs, results, prepared.base, prepared.keyPrefix);
  analysis.carryCounts(previous, previous.paragraphResults.slice(keepBefore, keepAfter), made);
  origins.set(analysis, { previous: analysisId(previous), before: keepBefore, after: old.length - keepAfter, delta });
  return analysis;
}

function shiftClaim(c: Claim, by: number): Claim {
  return by === 0 ? { ...c } : { ...c, start: c.start + by, end: c.end + by };
}
