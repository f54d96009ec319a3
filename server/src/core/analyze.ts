// Document analysis: split into paragraphs, analyse each (claims, subjects, entities) and
// cache the result by the paragraph's text, so that an edit re-analyses only what it touched.
import type { AnalysisOptions, Claim, DocumentAnalysis, Entity, Paragraph, UserWord } from './types';
import { scanClaims } from './scanner';
import { findSubject, wordsBefore } from './subjects';
import { findEntities } from './entities';
import { findPublicationDate, baseDateFromOption, type BaseDate } from './dates';
import { MONEY_WORDS, MONEY_VERBS } from './units';
import { addUserWords } from './segmenter';
import { BoundedCache } from './bounded-cache';

interface ParagraphResult {
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
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
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
  if (start < text.length) out.push({ start, end: text.length });
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
 * Analyse a whole document. Paragraphs whose text (and base date and dictionary) were seen
 * before come from the cache; only new or changed ones are scanned.
 */
export function analyzeText(text: string, options: AnalysisOptions = {}, cache: ParagraphCache = sharedCache): DocumentAnalysis {
  const base = resolveBaseDate(text, options);
  const userWords = options.userWords ?? [];
  if (userWords.length) addUserWords(userWords);
  const keyPrefix = `${base.iso ?? ''}\u0001${dictionaryKey(userWords)}\u0001`;
  const paragraphs = splitParagraphs(text);
  const claims: Claim[] = [];
  const entities: Entity[] = [];
  for (const p of paragraphs) {
    const ptext = text.slice(p.start, p.end);
    const key = keyPrefix + ptext;
    let result = cache.get(key);
    if (!result) {
      result = analyzeParagraph(detached(ptext), base, userWords);
      cache.set(key, result);
    }
    let placed = result.placed;
    if (!placed || placed.at !== p.start) {
      placed = {
        at: p.start,
        claims: result.claims.map((c) => shiftClaim(c, p.start)),
        entities: result.entities.map((e) => ({ ...e, start: e.start + p.start, end: e.end + p.start })),
      };
      result.placed = placed;
    }
    for (const c of placed.claims) claims.push(c);
    for (const e of placed.entities) entities.push(e);
  }
  return {
    text,
    claims,
    entities,
    paragraphs,
    baseDate: base.iso,
    baseDateSource: base.source,
  };
}

/**
 * A copy of a paragraph that does not keep its document alive. V8 slices of 13+ characters
 * point into their parent string, so a cached result whose claim texts are slices of the
 * paragraph would pin the whole text of the version it came from: an open 1 MB document
 * leaked about 1 MB of old versions per edit. Slicing a concatenation forces a flat copy.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (s + '\u0000').slice(0, -1);
}

function shiftClaim(c: Claim, by: number): Claim {
  return by === 0 ? { ...c } : { ...c, start: c.start + by, end: c.end + by };
}
