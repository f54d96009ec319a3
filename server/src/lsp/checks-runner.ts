// The one place the server calls the checks. Each report is passed under its URI as path, so
// findings and related locations map back to URIs.
//
// Typing must not re-check the workspace, nor the rest of a long report. So:
// - what each paragraph contributes (its paragraph rules' findings, what the split rules
//   collect, its metric statements) is computed once per paragraph version and remembered with
//   the paragraph's analysis (core/checks/facts.ts): an edit re-reads the paragraphs it touched;
// - per analysed version and rule settings, the document's drafts and statements are kept;
// - the cross-file rules compare metric groups, and a group of one report's statements keeps
//   its comparisons while its members stay the same (the pair memo), so an edit compares only
//   the groups it changed;
// - when only some reports' findings are wanted (the open documents), the cross-file rules
//   compare only the metrics those reports state (both rules only ever pair statements of one
//   metric key), and keep their groups from one keystroke to the next while the same reports
//   are checked (core/checks/statements.ts): a keystroke gathers and compares again only the
//   metrics it changed.
import { crossFileDrafts, DEFAULT_SEVERITIES, finishFindings, selectionFor, type RuleSettings } from '../core/checks';
import { documentDrafts, documentFacts, RuleSelection, statementsOf, type DocumentFacts } from '../core/checks/facts';
import { CROSS_FILE_RULES } from '../core/checks/registry';
import type { Draft } from '../core/checks/rule';
import { StatementDoc, type PairMemo } from '../core/checks/statements';
import type { Finding, RuleCode } from '../core/checks/types';
import type { AnalyzedDocument } from './analyzed';
import type { Report } from './reports';

export { paragraphFactStats as paragraphCheckStats } from '../core/checks/facts';

interface Input {
  path: string;
  doc: AnalyzedDocument;
  rules: RuleSettings;
}

const setting = (input: Input, code: RuleCode) => input.rules[code] ?? DEFAULT_SEVERITIES[code];

/** Document drafts per analysed version, keyed on the settings and path they were made for. */
const perDocument = new WeakMap<AnalyzedDocument, { key: string; drafts: Draft[] }>();
/** Statements per analysed version and path, with the metric keys they state. */
const statementDocs = new WeakMap<AnalyzedDocument, Statements>();
/** Comparisons of single-report metric groups, kept from one run to the next. */
const pairMemo: PairMemo = new Map();
/** The statements of each open document, brought from one version to the next. */
const openStatements = new Map<string, StatementDoc>();
/** The last paragraph facts of each open document: the next version takes over what it can. */
const openFacts = new Map<string, DocumentFacts>();
/** Statements only: what a report that is background to the cross-file rules is read for. */
const STATEMENTS_ONLY = new RuleSelection(new Set(), true);

function draftsOf(input: Input, statements: boolean): Draft[] {
  const key = `${JSON.stringify(input.rules)}\u0000${input.path}\u0000${statements}`;
  let hit = perDocument.get(input.doc);
  if (!hit || hit.key !== key) {
    const selection = selectionFor((code) => setting(input, code) !== 'off', statements);
    const open = input.doc.version !== null;
    const facts = documentFacts(input.path, input.doc.analysis, selection, open ? openFacts.get(input.path) : undefined);
    if (open) openFacts.set(input.path, facts);
    hit = { key, drafts: documentDrafts(facts, selection) };
    perDocument.set(input.doc, hit);
    if (statements) remember(input, statementsOf(facts, reusable(input)));
  }
  return hit.drafts;
}

/** An open document's statements are updated in place; a file's are made once. */
function reusable(input: Input): StatementDoc | undefined {
  if (input.doc.version === null) return undefined;
  let doc = openStatements.get(input.path);
  if (!doc) openStatements.set(input.path, (doc = new StatementDoc(input.path)));
  return doc;
}

/** A report's statements, with the path they were placed under. */
interface Statements {
  path: string;
  doc: StatementDoc;
}

function remember(input: Input, doc: StatementDoc): Statements {
  const entry: Statements = { path: input.path, doc };
  statementDocs.set(input.doc, entry);
  return entry;
}

function statementsOfInput(input: Input): Statements {
  const hit = statementDocs.get(input.doc);
  if (hit && hit.path === input.path) return hit;
  return remember(input, statementsOf(documentFacts(input.path, input.doc.analysis, STATEMENTS_ONLY), reusable(input)));
}

/**
 * Findings of every enabled rule for the reports; with `focus` (URIs), only the findings of
 * those reports are computed and returned, the other reports serving as the cross-file
 * background. Equal to checkDocuments() over all reports, restricted to the focus.
 */
export function runChecks(reports: Report[], rulesFor: (uri: string) => RuleSettings, focus?: ReadonlySet<string>): Finding[] {
  const inputs: Input[] = [];
  for (const r of reports) {
    if (!r.doc.skipped) inputs.push({ path: r.uri, doc: r.doc, rules: rulesFor(r.uri) });
  }
  const wanted = focus ? inputs.filter((i) => focus.has(i.path)) : inputs;
  // Closed documents' statements go; a reopened one starts afresh.
  for (const kept of [openStatements, openFacts]) {
    for (const uri of kept.keys()) if (!inputs.some((i) => i.path === uri && i.doc.version !== null)) kept.delete(uri);
  }
  if (!wanted.length) return [];
  const onSomewhere = (code: RuleCode) => inputs.some((i) => setting(i, code) !== 'off');
  const statements = CROSS_FILE_RULES.some((r) => onSomewhere(r.code));
  const drafts: Draft[] = [];
  const wantedPaths = new Set(wanted.map((w) => w.path));
  if (statements) {
    for (const w of wanted) draftsOf(w, true); // the wanted reports' statements come with their drafts
    const docs = inputs.map((i) => statementsOfInput(i).doc);
    const all = wanted.length === inputs.length;
    for (const d of crossFileDrafts(docs, onSomewhere, all ? undefined : wantedPaths, pairMemo)) if (wantedPaths.has(d.path)) drafts.push(d);
  }
  for (const w of wanted) for (const d of draftsOf(w, statements)) drafts.push(d);
  const byPath = new Map(inputs.map((i) => [i.path, i]));
  return finishFindings(
    drafts,
    wanted.map((w) => ({ path: w.path, text: w.doc.analysis.text })),
    (code, path) => setting(byPath.get(path)!, code)
  );
}
