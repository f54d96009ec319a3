// What each paragraph contributes to its document's checks: the findings of the paragraph
// rules, what the split rules collect, its metric statements and the years it states. All of
// it is read from the paragraph's window alone, so it is computed once per paragraph version
// and remembered with the paragraph's analysis (analyze.ts keeps one object per paragraph
// text, base date and dictionary): an edit re-checks the paragraphs it touched, and the
// document step that follows only combines what the paragraphs hold.
import { analysisId, originOf } from '../analyze';
import { changeBetween } from '../text-change';
import type { DocumentAnalysis } from '../types';
import { paragraphYears, periodEnvs, type ParagraphYears, type PeriodEnv } from './metric';
import { PARAGRAPH_RULES, SPLIT_RULES } from './registry';
import { type Draft } from './rule';
import { partDrafts, placeDrafts } from './combine';
import { localStatements, StatementDoc, type LocalStatement } from './statements';
import type { RuleCode } from './types';
import { documentWindows, windowContext, type ParagraphWindow } from './windows';
import { OffsetList, ParagraphList } from './paragraph-list';
import { firstIndex } from '../bisect';

export interface ParagraphFacts {
  /** Findings of the paragraph rules, at window offsets. */
  drafts: readonly Draft[];
  /** What each split rule collected (SPLIT_RULES order); undefined where it was off or failed. */
  collected: readonly unknown[];
  statements: readonly LocalStatement[];
  years: ParagraphYears;
}

const NOTHING: readonly never[] = Object.freeze([]);
const NOTHING_COLLECTED: readonly unknown[] = Object.freeze(SPLIT_RULES.map(() => undefined));

/** Which rules a check runs, with a key naming that choice for the paragraph memo. */
export class RuleSelection {
  readonly key: string;

  constructor(
    readonly codes: ReadonlySet<RuleCode>,
    /** Whether the cross-file rules need the paragraphs' metric statements. */
    readonly statements: boolean
  ) {
    this.key = `${[...codes].sort().join(',')}${statements ? '+s' : ''}`;
  }
}

/**
 * Per paragraph analysis, the facts of each window and selection it was checked in (almost
 * always one): freed with the analysis.
 */
const remembered = new WeakMap<object, { edges: string; selection: string; facts: ParagraphFacts }[]>();
const stats = { hits: 0, misses: 0 };

/** How often paragraph facts were reused and computed (for tests that prove edits are incremental). */
export function paragraphFactStats(): { hits: number; misses: number } {
  return { ...stats };
}

function rethrowWhenDebugging(e: unknown): void {
  // One broken rule must not take the others down; surface it where a developer looks.
  if (process.env.ZH_FIGURES_DEBUG) throw e;
}

function collect(analysis: DocumentAnalysis, window: ParagraphWindow, selection: RuleSelection): ParagraphFacts {
  const doc = windowContext(analysis, window);
  const drafts: Draft[] = [];
  for (const rule of PARAGRAPH_RULES) {
    if (!selection.codes.has(rule.code)) continue;
    try {
      for (const d of rule.check(doc)) drafts.push(d);
    } catch (e) {
      rethrowWhenDebugging(e);
    }
  }
  const collected = SPLIT_RULES.map((rule) => {
    if (!selection.codes.has(rule.code)) return undefined;
    try {
      return rule.collect(doc);
    } catch (e) {
      rethrowWhenDebugging(e);
      return undefined;
    }
  });
  // Most paragraphs have nothing for most rules: share the empty lists (a workspace of reports
  // keeps these for every paragraph it indexed).
  // Once per window: growth-mismatch reads them too (the year before of a rate).
  const statements = selection.statements ? doc.once(localStatements) : NOTHING;
  return {
    drafts: drafts.length ? drafts : NOTHING,
    collected: collected.every((c) => c === undefined) ? NOTHING_COLLECTED : collected,
    statements: statements.length ? statements : NOTHING,
    years: paragraphYears(doc, doc.paragraphs[0] ?? { start: 0, end: doc.text.length }),
  };
}

function paragraphFacts(analysis: DocumentAnalysis, window: ParagraphWindow, selection: RuleSelection): ParagraphFacts {
  if (!window.identity) return collect(analysis, window, selection);
  let seen = remembered.get(window.identity);
  if (!seen) remembered.set(window.identity, (seen = []));
  for (const entry of seen) {
    if (entry.edges === window.edges && entry.selection === selection.key) {
      stats.hits++;
      return entry.facts;
    }
  }
  stats.misses++;
  const facts = collect(analysis, window, selection);
  // A paragraph seen in many surroundings (a repeated line) keeps its last few.
  if (seen.length >= 4) seen.shift();
  seen.push({ edges: window.edges, selection: selection.key, facts });
  return facts;
}

/**
 * One document's paragraphs with their facts and period environments, and per paragraph the
 * parts of the facts the document step reads (where each window starts, what each split rule
 * collected, the statements, the years), as per-paragraph lists: an edit shares them with the
 * version before (paragraph-list.ts) instead of reading thousands of paragraphs' objects again.
 */
export interface DocumentFacts {
  path: string;
  analysis: DocumentAnalysis;
  /** The selection the facts were collected for. */
  selection: string;
  /** Per paragraph: where its window starts and ends in the document. */
  from: OffsetList;
  to: OffsetList;
  facts: ParagraphList<ParagraphFacts>;
  envs: ParagraphList<PeriodEnv>;
  /** Per split rule (SPLIT_RULES order), what each paragraph collected. */
  collected: ParagraphList<unknown>[];
  statements: ParagraphList<readonly LocalStatement[]>;
  years: ParagraphList<ParagraphYears>;
  /** The first paragraph that states a year (the document's year), or -1. */
  firstYear: number;
  /**
   * Against the version these facts were made from: how many paragraphs at the start and at
   * the end kept their facts and period environment, and that version's statements.
   */
  kept?: { head: number; tail: number; statements: ParagraphList<readonly LocalStatement[]> };
}

/**
 * Every paragraph's facts. With the facts of the version the analysis was made from (see
 * originOf in analyze.ts), the windows an edit did not reach are taken over (moved, after the
 * edit) instead of looked up: a keystroke touches a few of a long report's thousands of
 * paragraphs.
 */
export function documentFacts(path: string, analysis: DocumentAnalysis, selection: RuleSelection, previous?: DocumentFacts): DocumentFacts {
  const windows = documentWindows(analysis);
  const n = windows.paragraphs.length;
  const span = previous && previous.path === path && previous.selection === selection.key ? keptSpan(previous, analysis, n) : undefined;
  const head = span?.head ?? 0;
  const tail = span?.tail ?? 0;
  // The windows the edit reached (every window without a version before): read afresh.
  const reached: ParagraphWindow[] = [];
  const fresh: ParagraphFacts[] = [];
  for (let i = head; i < n - tail; i++) {
    const w = windows.at(i);
    reached.push(w);
    fresh.push(paragraphFacts(analysis, w, selection));
  }
  stats.hits += head + tail;
  const kept = { head, tail };
  const made = <T>(old: ParagraphList<T> | undefined, item: (f: ParagraphFacts) => T) =>
    old && span ? old.edited(n, kept, (i) => item(fresh[i - head])) : ParagraphList.build(n, (i) => item(fresh[i]));
  const offsets = (old: OffsetList | undefined, edge: (w: ParagraphWindow) => number) =>
    old && span ? old.edited(n, kept, span.delta, (i) => edge(reached[i - head])) : OffsetList.build(n, (i) => edge(reached[i]));
  const years = made(previous?.years, (f) => f.years);
  const statements = made(previous?.statements, (f) => f.statements);
  const shift = n - (previous?.facts.length ?? n);
  const firstYear = span ? firstYearAfterEdit(previous!, years, head, tail, shift) : firstStatedYear(years);
  const documentYear = firstYear >= 0 ? years.get(firstYear).first! : '';
  const { envs, same, before } = span
    ? followingEnvs(previous!, years, documentYear, analysis.baseDate, head, n - tail, shift)
    : { envs: ParagraphList.from(periodEnvs(years.toArray(), analysis.baseDate)), same: 0, before: 0 };
  return {
    path,
    analysis,
    selection: selection.key,
    from: offsets(previous?.from, (w) => w.from),
    to: offsets(previous?.to, (w) => w.to),
    facts: made(previous?.facts, (f) => f),
    envs,
    collected: SPLIT_RULES.map((_, r) => made(previous?.collected[r], (f) => f.collected[r])),
    statements,
    years,
    firstYear,
    kept: span && { head: before, tail: Math.min(tail, same), statements: previous!.statements },
  };
}

/** The first paragraph that states a year, or -1. */
function firstStatedYear(years: ParagraphList<ParagraphYears>): number {
  for (let i = 0; i < years.length; i++) if (years.get(i).first !== null) return i;
  return -1;
}

/** What a base date or dictionary change makes stale: paragraphs are cached under them too. */
function sameSetting(a: DocumentAnalysis, b: DocumentAnalysis): boolean {
  const ka = (a as { keyPrefix?: string }).keyPrefix;
  const kb = (b as { keyPrefix?: string }).keyPrefix;
  return ka !== undefined && ka === kb;
}

/**
 * The windows of `previous` the edit to `analysis` did not touch: the first `head` as they
 * were, the last `tail` moved by `delta`. Known only for an analysis made from that version
 * (reanalyze keeps its paragraphs before and after the edit); a window reaching the changed
 * span, or next to it, is read again (its paragraph or its edges may differ).
 */
function keptSpan(previous: DocumentFacts, analysis: DocumentAnalysis, n: number): { head: number; tail: number; delta: number } | undefined {
  const origin = originOf(analysis);
  if (!origin || origin.previous !== analysisId(previous.analysis) || !sameSetting(previous.analysis, analysis)) return undefined;
  const oldN = previous.facts.length;
  if (oldN !== previous.analysis.paragraphs.length || n !== analysis.paragraphs.length) return undefined;
  const change = changeBetween(previous.analysis.text, analysis.text);
  // Windows are in text order: the kept ones found by bisection over their edges.
  const head = firstIndex(0, Math.min(origin.before, n), (i) => previous.to.get(i) >= change.start);
  const tail = oldN - firstIndex(oldN - Math.min(origin.after, n - head), oldN, (j) => previous.from.get(j) > change.oldEnd);
  return { head, tail, delta: origin.delta };
}

/**
 * The first paragraph that states a year, after an edit that kept the first `head` and the last
 * `tail` paragraphs' facts: only what the edit changed is read (a report that states no year
 * would otherwise be read through on every keystroke).
 */
function firstYearAfterEdit(previous: DocumentFacts, years: ParagraphList<ParagraphYears>, head: number, tail: number, shift: number): number {
  const before = previous.firstYear;
  if (before >= 0 && before < head) return before;
  const n = years.length;
  for (let i = head; i < n - tail; i++) if (years.get(i).first !== null) return i;
  if (before < 0) return -1;
  if (before >= previous.years.length - tail) return before + shift;
  for (let i = n - tail; i < n; i++) if (years.get(i).first !== null) return i;
  return -1;
}

/**
 * The period environments after an edit: the first `head` paragraphs' as they were; then made
 * afresh until they agree again with the previous version's (a paragraph's environment depends
 * only on the years before it), and from there on the previous ones. `before` and `same` count
 * the first and the last paragraphs whose environment was taken over.
 */
function followingEnvs(
  previous: DocumentFacts,
  years: ParagraphList<ParagraphYears>,
  /** The first year any paragraph states now. */
  documentYear: string,
  baseDate: string | null,
  head: number,
  /** Where the paragraphs taken over after the edit begin. */
  tailStart: number,
  shift: number
): { envs: ParagraphList<PeriodEnv>; same: number; before: number } {
  const n = years.length;
  const old = previous.envs;
  const baseYear = baseDate ? Number(baseDate.slice(0, 4)) : null;
  // The document's year is the first one any paragraph states: when the edit changed it, or the
  // base date changed, every environment is new.
  if (!old.length || old.get(0).documentYear !== documentYear || old.get(0).baseYear !== baseYear) {
    return { envs: ParagraphList.from(periodEnvs(years.toArray(), baseDate)), same: 0, before: 0 };
  }
  const made: PeriodEnv[] = [];
  let env: PeriodEnv = head > 0 ? next(old.get(head - 1), years.get(head - 1)) : { documentYear, yearBefore: null, baseYear };
  let same = 0;
  for (let i = head; i < n; i++) {
    const j = i - shift;
    if (i >= tailStart && j < old.length && old.get(j).yearBefore === env.yearBefore) {
      // From here the years are the previous version's: so are the environments.
      same = n - i;
      break;
    }
    made.push(env);
    env = next(env, years.get(i));
  }
  return { envs: old.edited(n, { head, tail: same }, (i) => made[i - head]), same, before: head };
}

/** The environment of the paragraph after one with `years` and environment `env`. */
function next(env: PeriodEnv, years: ParagraphYears): PeriodEnv {
  return years.last !== null && years.last !== env.yearBefore ? { documentYear: env.documentYear, yearBefore: years.last, baseYear: env.baseYear } : env;
}

/** The drafts of every document rule of the selection: the paragraphs' own, then each split rule's. */
export function documentDrafts(doc: DocumentFacts, selection: RuleSelection): Draft[] {
  const at = doc.from;
  const out = partDrafts({ path: doc.path, text: doc.analysis.text, at, envs: doc.envs, values: doc.facts }, 'paragraph-rules', (f, from) => placeDrafts(f.drafts, from, doc.path));
  SPLIT_RULES.forEach((rule, r) => {
    if (!selection.codes.has(rule.code)) return;
    try {
      for (const d of rule.conclude({ path: doc.path, text: doc.analysis.text, at, envs: doc.envs, values: doc.collected[r] })) out.push(d);
    } catch (e) {
      rethrowWhenDebugging(e);
    }
  });
  return out;
}

/**
 * The document's metric statements, periods resolved, for the cross-file rules: `into` (the
 * previous version's) is brought up to date, else a new one is made.
 */
export function statementsOf(doc: DocumentFacts, into: StatementDoc = new StatementDoc(doc.path)): StatementDoc {
  into.update(doc.statements, doc.from, doc.envs, () => namedOrganisations(doc.analysis), doc.kept);
  return into;
}

/** The organisations and products a text names (read per paragraph: no figure is placed). */
function namedOrganisations(analysis: DocumentAnalysis): Set<string> {
  const out = new Set<string>();
  for (const figures of analysis.paragraphResults ?? [analysis]) {
    for (const e of figures.entities) if (e.type === 'org' || e.type === 'product') out.add(e.text);
  }
  return out;
}
