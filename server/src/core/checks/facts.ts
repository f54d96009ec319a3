// What each paragraph contributes to its document's checks: the findings of the paragraph
// rules, what the split rules collect, its metric statements and the years it states. All of
// it is read from the paragraph's window alone, so it is computed once per paragraph version
// and remembered with the paragraph's analysis (analyze.ts keeps one object per paragraph
// text, base date and dictionary): an edit re-checks the paragraphs it touched, and the
// document step that follows only combines what the paragraphs hold.
import type { DocumentAnalysis } from '../types';
import { paragraphYears, periodEnvs, type ParagraphYears, type PeriodEnv } from './metric';
import { PARAGRAPH_RULES, SPLIT_RULES } from './registry';
import { shiftDraft, type Draft, type Part } from './rule';
import { documentStatements, localStatements, type LocalStatement, type StatementDoc } from './statements';
import type { RuleCode } from './types';
import { paragraphWindows, windowContext, type ParagraphWindow } from './windows';

export interface ParagraphFacts {
  /** Findings of the paragraph rules, at window offsets. */
  drafts: Draft[];
  /** What each split rule collected (SPLIT_RULES order); undefined where it was off or failed. */
  collected: unknown[];
  statements: LocalStatement[];
  years: ParagraphYears;
}

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

/** Per paragraph analysis, per window edges and selection: the facts. Freed with the analysis. */
const remembered = new WeakMap<object, Map<string, ParagraphFacts>>();
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
  return {
    drafts,
    collected,
    statements: selection.statements ? localStatements(doc) : [],
    years: paragraphYears(doc, doc.paragraphs[0] ?? { start: 0, end: doc.text.length }),
  };
}

function paragraphFacts(analysis: DocumentAnalysis, window: ParagraphWindow, selection: RuleSelection): ParagraphFacts {
  if (!window.identity) return collect(analysis, window, selection);
  let byWindow = remembered.get(window.identity);
  if (!byWindow) remembered.set(window.identity, (byWindow = new Map()));
  const key = `${selection.key}\u0002${window.edges}`;
  let facts = byWindow.get(key);
  if (facts) {
    stats.hits++;
  } else {
    stats.misses++;
    facts = collect(analysis, window, selection);
    byWindow.set(key, facts);
  }
  return facts;
}

/** One document's paragraphs with their facts and period environments. */
export interface DocumentFacts {
  path: string;
  analysis: DocumentAnalysis;
  windows: ParagraphWindow[];
  facts: ParagraphFacts[];
  envs: PeriodEnv[];
}

export function documentFacts(path: string, analysis: DocumentAnalysis, selection: RuleSelection): DocumentFacts {
  const windows = paragraphWindows(analysis);
  const facts = windows.map((w) => paragraphFacts(analysis, w, selection));
  return { path, analysis, windows, facts, envs: periodEnvs(facts.map((f) => f.years), analysis.baseDate) };
}

/** The drafts of every document rule of the selection: the paragraphs' own, then each split rule's. */
export function documentDrafts(doc: DocumentFacts, selection: RuleSelection): Draft[] {
  const out: Draft[] = [];
  doc.facts.forEach((f, i) => {
    for (const d of f.drafts) out.push(shiftDraft(d, doc.windows[i].from, doc.path));
  });
  SPLIT_RULES.forEach((rule, r) => {
    if (!selection.codes.has(rule.code)) return;
    const parts: Part<unknown>[] = [];
    doc.facts.forEach((f, i) => {
      if (f.collected[r] !== undefined) parts.push({ at: doc.windows[i].from, env: doc.envs[i], value: f.collected[r] });
    });
    try {
      for (const d of rule.conclude({ path: doc.path, text: doc.analysis.text, parts })) out.push(d);
    } catch (e) {
      rethrowWhenDebugging(e);
    }
  });
  return out;
}

/** The document's metric statements, periods resolved, for the cross-file rules. */
export function statementsOf(doc: DocumentFacts): StatementDoc {
  const paragraphs: { at: number; statements: LocalStatement[]; env: PeriodEnv }[] = doc.facts.map((f, i) => ({
    at: doc.windows[i].from,
    statements: f.statements,
    env: doc.envs[i],
  }));
  const entities = doc.analysis.entities;
  return documentStatements(doc.path, paragraphs, () => new Set(entities.filter((e) => e.type === 'org' || e.type === 'product').map((e) => e.text)));
}
