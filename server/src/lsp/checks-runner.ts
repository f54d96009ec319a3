// The one place the server calls the checks. Per-document rules run once per analysed version
// (cached on the AnalyzedDocument); only the cross-file rules (conflicting-values, scale-slip)
// run over all reports on every change, so typing in one report does not re-check the whole
// workspace index. Each report is passed under its URI as path, so findings and related
// locations map back to URIs.
import { RULES, checkDocuments, type ChecksConfig, type RuleSettings } from '../core/checks';
import type { CheckInput, Finding, RuleCode } from '../core/checks/types';
import type { AnalyzedDocument } from './analyzed';
import type { Report } from './reports';

const CROSS_FILE = RULES.filter((r) => r.scope === 'cross-file').map((r) => r.code);
const DOCUMENT = RULES.filter((r) => r.scope === 'document').map((r) => r.code);

function without(rules: RuleSettings, codes: readonly RuleCode[]): RuleSettings {
  const out: RuleSettings = { ...rules };
  for (const c of codes) out[c] = 'off';
  return out;
}

/** Per-document findings, keyed on the analysed version and the rule settings they used. */
const perDocument = new WeakMap<AnalyzedDocument, { key: string; findings: Finding[] }>();

export function runChecks(reports: Report[], rulesFor: (uri: string) => RuleSettings): Finding[] {
  const inputs: Array<CheckInput & { doc: AnalyzedDocument; rules: RuleSettings }> = [];
  for (const r of reports) {
    if (!r.doc.skipped) inputs.push({ path: r.uri, analysis: r.doc.analysis, doc: r.doc, rules: rulesFor(r.uri) });
  }
  if (!inputs.length) return [];
  const out: Finding[] = [];
  for (const input of inputs) {
    const rules = without(input.rules, CROSS_FILE);
    const key = JSON.stringify(rules) + input.path;
    let hit = perDocument.get(input.doc);
    if (!hit || hit.key !== key) {
      hit = { key, findings: checkDocuments([{ path: input.path, analysis: input.analysis }], { rules }) };
      perDocument.set(input.doc, hit);
    }
    out.push(...hit.findings);
  }
  const byPath = new Map(inputs.map((i) => [i.path, without(i.rules, DOCUMENT)]));
  const config: ChecksConfig = { rulesFor: (p) => byPath.get(p) };
  out.push(...checkDocuments(inputs.map(({ path, analysis }) => ({ path, analysis })), config));
  return out;
}
