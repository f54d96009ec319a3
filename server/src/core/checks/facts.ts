// What each paragraph contributes to its document's checks: the findings of the paragraph
// rules, what the split rules collect, its metric statements and the years it states. All of
// it is read from the paragraph's window alone, so it is computed once per paragraph version
// and remembered with the paragraph's analysis (analyze.ts keeps one object per paragraph
// text, base date and dictionary): an edit re-checks the paragraphs it touched, and the
// document step that follows only combines what the paragraphs hold.
import { changeBetween } from '../text-change';
import type { DocumentAnalysis } from '../types';
import { paragraphYears, periodEnvs, type ParagraphYears, type PeriodEnv } from './metric';
import { PARAGRAPH_RULES, SPLIT_RULES } from './registry';
import { type Draft } from './rule';
import { append, placeDrafts } from './combine';
import { localStatements, StatementDoc, type LocalStatement } from './statements';
import type { RuleCode } from './types';
import { paragraphsOf, paragraphWindows, windowContext, type ParagraphWindow } from './windows';

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
  const statements = selection.statements ? localStatements(doc) : NOTHING;
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

/** One document's paragraphs with their facts and period environments. */
export interface DocumentFacts {
  path: string;
  analysis: DocumentAnalysis;
  /** The selection the facts were collected for. */
  selection: string;
  windows: ParagraphWindow[];
  facts: ParagraphFacts[];
  envs: PeriodEnv[];
}

/**
 * Every paragraph's facts. With the facts of an earlier version of the same document, the
 * windows an edit did not reach are taken over (moved, after the edit) instead of looked up:
 * a keystroke touches a few of a long report's thousands of paragraphs.
 */
export function documentFacts(path: string, analysis: DocumentAnalysis, selection: RuleSelection, previous?: DocumentFacts): DocumentFacts {
  const kept = previous && previous.path === path && previous.selection === selection.key ? keptWindows(previous, analysis) : undefined;
  const windows = paragraphWindows(analysis, kept && ((i) => !kept.windows[i]));
  const facts: ParagraphFacts[] = new Array(windows.length);
  for (let i = 0; i < windows.length; i++) {
    if (kept?.windows[i]) {
      stats.hits++;
      windows[i] = kept.windows[i]!;
      facts[i] = kept.facts[i]!;
    } else {
      facts[i] = paragraphFacts(analysis, windows[i], selection);
    }
  }
  return { path, analysis, selection: selection.key, windows, facts, envs: periodEnvs(facts.map((f) => f.years), analysis.baseDate) };
}

/** What a base date or dictionary change makes stale: paragraphs are cached under them too. */
function sameSetting(a: DocumentAnalysis, b: DocumentAnalysis): boolean {
  const ka = (a as { keyPrefix?: string }).keyPrefix;
  const kb = (b as { keyPrefix?: string }).keyPrefix;
  return ka !== undefined && ka === kb;
}

/**
 * The windows of `previous` whose text the edit from it to `analysis` did not touch, at their
 * index in the new version: before the edit as they were, after it moved. A window reaching
 * the changed span, or next to it, is read again (its paragraph or its edges may differ).
 */
function keptWindows(previous: DocumentFacts, analysis: DocumentAnalysis): { windows: (ParagraphWindow | undefined)[]; facts: (ParagraphFacts | undefined)[] } | undefined {
  if (!sameSetting(previous.analysis, analysis)) return undefined;
  const change = changeBetween(previous.analysis.text, analysis.text);
  const paragraphs = paragraphsOf(analysis);
  const n = paragraphs.length;
  const old = previous.windows;
  const windows: (ParagraphWindow | undefined)[] = new Array(n);
  const facts: (ParagraphFacts | undefined)[] = new Array(n);
  for (let i = 0; i < old.length && i < n && old[i].to < change.start; i++) {
    if (paragraphs[i].start !== old[i].paragraph.start || paragraphs[i].end !== old[i].paragraph.end) break;
    windows[i] = old[i];
    facts[i] = previous.facts[i];
  }
  const delta = change.newEnd - change.oldEnd;
  const shift = n - old.length;
  for (let j = old.length - 1; j >= 0 && old[j].from > change.oldEnd; j--) {
    const i = j + shift;
    if (i < 0 || windows[i]) break;
    const p = paragraphs[i];
    const w = old[j];
    if (p.start !== w.paragraph.start + delta || p.end !== w.paragraph.end + delta) break;
    windows[i] = delta === 0 ? w : { from: w.from + delta, to: w.to + delta, paragraph: p, figures: w.figures, identity: w.identity, edges: w.edges };
    facts[i] = previous.facts[j];
  }
  return { windows, facts };
}

/** The drafts of every document rule of the selection: the paragraphs' own, then each split rule's. */
export function documentDrafts(doc: DocumentFacts, selection: RuleSelection): Draft[] {
  const out: Draft[] = [];
  doc.facts.forEach((f, i) => {
    append(out, placeDrafts(f.drafts, doc.windows[i].from, doc.path));
  });
  const at = doc.windows.map((w) => w.from);
  SPLIT_RULES.forEach((rule, r) => {
    if (!selection.codes.has(rule.code)) return;
    try {
      const values = doc.facts.map((f) => f.collected[r]);
      for (const d of rule.conclude({ path: doc.path, text: doc.analysis.text, at, envs: doc.envs, values })) out.push(d);
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
  into.update(
    doc.facts.map((f) => f.statements),
    doc.windows.map((w) => w.from),
    doc.envs,
    () => namedOrganisations(doc.analysis)
  );
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
