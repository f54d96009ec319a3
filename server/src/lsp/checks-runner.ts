// The one place the server calls the checks. Each report is passed under its URI as path, so
// findings and related locations map back to URIs.
//
// Typing must not re-check the workspace. So:
// - per-document rules run once per analysed version (cached on the AnalyzedDocument);
// - the cross-file rules (conflicting-values, scale-slip) run over rule contexts cached per
//   analysed version too, so their metric statements are built once per version, not once per
//   keystroke for every indexed report;
// - when only some reports' findings are wanted (the open documents), the cross-file rules see
//   those reports plus the reports that state one of their metrics: both cross-file rules only
//   ever pair statements of one metric key, so the others cannot change the wanted findings.
import { DEFAULT_SEVERITIES, RULES, applySuppressions, checkDocuments, type RuleSettings } from '../core/checks';
import { DocContext } from '../core/checks/context';
import type { Draft } from '../core/checks/rule';
import { metricStatements } from '../core/checks/statements';
import type { Finding, RuleCode } from '../core/checks/types';
import type { AnalyzedDocument } from './analyzed';
import type { Report } from './reports';

const CROSS_FILE_RULES = RULES.filter((r) => r.scope === 'cross-file');
const CROSS_FILE = CROSS_FILE_RULES.map((r) => r.code);
/** Cross-file rules known to compare only statements of one metric key (comparablePairs). */
const KEYED_RULES = new Set<RuleCode>(['conflicting-values', 'scale-slip']);
const ALL_KEYED = CROSS_FILE.every((c) => KEYED_RULES.has(c));

function without(rules: RuleSettings, codes: readonly RuleCode[]): RuleSettings {
  const out: RuleSettings = { ...rules };
  for (const c of codes) out[c] = 'off';
  return out;
}

/** Per-document findings, keyed on the analysed version and the rule settings they used. */
const perDocument = new WeakMap<AnalyzedDocument, { key: string; findings: Finding[] }>();
/** Rule contexts (and the metric keys they state) per analysed version and path. */
const contexts = new WeakMap<AnalyzedDocument, { path: string; context: DocContext; keys?: Set<string> }>();

function contextOf(doc: AnalyzedDocument, path: string): DocContext {
  let hit = contexts.get(doc);
  if (!hit || hit.path !== path) {
    hit = { path, context: new DocContext(path, doc.analysis) };
    contexts.set(doc, hit);
  }
  return hit.context;
}

function metricKeysOf(doc: AnalyzedDocument, path: string): Set<string> {
  contextOf(doc, path);
  const hit = contexts.get(doc)!;
  return (hit.keys ??= new Set(metricStatements(hit.context).map((s) => s.key)));
}

interface Input {
  path: string;
  doc: AnalyzedDocument;
  rules: RuleSettings;
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
  if (!inputs.length) return [];
  const wanted = focus ? inputs.filter((i) => focus.has(i.path)) : inputs;
  if (!wanted.length) return [];
  if (inputs.length === 1) {
    // One report: the cross-file rules only see its own pairs, so one run of every rule gives
    // the same findings as the two runs below, and builds the document's context once.
    const [input] = inputs;
    const key = JSON.stringify(input.rules) + input.path + '\u0000all';
    let hit = perDocument.get(input.doc);
    if (!hit || hit.key !== key) {
      hit = { key, findings: checkDocuments([{ path: input.path, analysis: input.doc.analysis }], { rules: input.rules }) };
      perDocument.set(input.doc, hit);
    }
    return [...hit.findings];
  }
  const out: Finding[] = [];
  for (const input of wanted) {
    const rules = without(input.rules, CROSS_FILE);
    const key = JSON.stringify(rules) + input.path;
    let hit = perDocument.get(input.doc);
    if (!hit || hit.key !== key) {
      hit = { key, findings: checkDocuments([{ path: input.path, analysis: input.doc.analysis }], { rules }) };
      perDocument.set(input.doc, hit);
    }
    out.push(...hit.findings);
  }
  out.push(...crossFile(background(inputs, wanted), new Set(wanted.map((w) => w.path))));
  return out;
}

/** The reports the cross-file rules must see for the findings of `wanted` to be exact. */
function background(inputs: Input[], wanted: Input[]): Input[] {
  if (wanted.length === inputs.length || !ALL_KEYED) return inputs;
  const keys = new Set<string>();
  for (const w of wanted) for (const k of metricKeysOf(w.doc, w.path)) keys.add(k);
  const want = new Set(wanted);
  return inputs.filter((i) => {
    if (want.has(i)) return true;
    for (const k of metricKeysOf(i.doc, i.path)) if (keys.has(k)) return true;
    return false;
  });
}

/**
 * The cross-file rules over cached contexts, with what checkDocuments() does after the rules:
 * per-file severity, duplicates dropped, silencing markers, order by offset.
 */
function crossFile(inputs: Input[], wanted: Set<string>): Finding[] {
  const docs = inputs.map((i) => contextOf(i.doc, i.path));
  const focus = wanted.size === inputs.length ? undefined : new Set(docs.filter((d) => wanted.has(d.path)));
  const byPath = new Map(inputs.map((i) => [i.path, i]));
  const settingFor = (code: RuleCode, path: string) => byPath.get(path)?.rules[code] ?? DEFAULT_SEVERITIES[code];
  const drafts: Draft[] = [];
  for (const rule of CROSS_FILE_RULES) {
    if (rule.scope !== 'cross-file' || inputs.every((i) => settingFor(rule.code, i.path) === 'off')) continue;
    try {
      drafts.push(...rule.check(docs, focus));
    } catch (e) {
      // One broken rule must not take the others down (as in checkDocuments).
      if (process.env.ZH_FIGURES_DEBUG) throw e;
    }
  }
  const lists = new Map<string, Finding[]>();
  const seen = new Set<string>();
  for (const d of drafts) {
    if (!wanted.has(d.path)) continue;
    const severity = settingFor(d.code, d.path);
    if (severity === 'off') continue;
    const key = `${d.path}\u0000${d.code}\u0000${d.start}\u0000${d.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let list = lists.get(d.path);
    if (!list) lists.set(d.path, (list = []));
    list.push({ ...d, severity });
  }
  const out: Finding[] = [];
  for (const input of inputs) {
    const list = lists.get(input.path);
    if (!list) continue;
    lists.delete(input.path);
    out.push(...applySuppressions(list, input.doc.analysis.text).sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code)));
  }
  return out;
}
