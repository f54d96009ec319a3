// Running the consistency rules: per-document rules on each input, cross-file rules
// (conflicting-values, scale-slip) across all inputs, then the configured severities and the
// inline silencing markers. Used by `zh-figures check` and by the language server alike.
import type { CheckInput, Finding, RuleCode, Severity } from './types';
import type { RuleSetting } from '../config';
import { documentDrafts, documentFacts, RuleSelection, statementsOf } from './facts';
import { CROSS_FILE_RULES, RULES } from './registry';
import type { Draft } from './rule';
import type { PairMemo, StatementDoc } from './statements';
import { applySuppressions } from './suppressions';

export type { RuleSetting } from '../config';
export { Suppressions, applySuppressions, findMarkers } from './suppressions';
export type { SuppressionMarker, MarkerKind } from './suppressions';

/** Error for arithmetic and date contradictions, warning for likely slips, hint for style. */
export const DEFAULT_SEVERITIES: Readonly<Record<RuleCode, Severity>> = {
  'growth-mismatch': 'error',
  'share-mismatch': 'error',
  'parts-exceed-total': 'error',
  'sum-mismatch': 'error',
  'percent-sum-over-100': 'error',
  'multiple-mismatch': 'error',
  'invalid-date': 'error',
  'weekday-mismatch': 'error',
  'conflicting-values': 'warning',
  'scale-slip': 'warning',
  'qualifier-conflict': 'warning',
  'percent-point-confusion': 'warning',
  'mixed-numeral-style': 'hint',
  'missing-unit': 'hint',
  'approx-redundant': 'hint',
};

export { RULES } from './registry';

export type RuleSettings = Partial<Record<RuleCode, RuleSetting>>;

export interface ChecksConfig {
  /** Severity per rule, or 'off'; unnamed rules keep DEFAULT_SEVERITIES. */
  rules?: RuleSettings;
  /**
   * Settings for one file when files of one run have different project configs (the CLI reads
   * the nearest `.zh-figures.json` of each path). Overrides `rules` for that file.
   */
  rulesFor?: (path: string) => RuleSettings | undefined;
  /** Skip inline suppression markers (for tooling that lists silenced findings). */
  ignoreSuppressions?: boolean;
}

/** Where each rule's documentation lives; the server uses it as codeDescription. */
export function ruleDocUrl(code: RuleCode): string {
  return `https://github.com/zh-figures/zh-figures/blob/main/docs/rules.md#${code}`;
}

function settingFor(code: RuleCode, path: string, config: ChecksConfig | undefined): RuleSetting {
  const perFile = config?.rulesFor?.(path);
  return perFile?.[code] ?? config?.rules?.[code] ?? DEFAULT_SEVERITIES[code];
}

/** The document rules a file's settings leave on, and whether any input needs statements. */
export function selectionFor(enabled: (code: RuleCode) => boolean, statements: boolean): RuleSelection {
  return new RuleSelection(new Set(RULES.filter((r) => r.scope === 'document' && enabled(r.code)).map((r) => r.code)), statements);
}

/** The cross-file rules' drafts over the documents' statements (focus: only findings in those paths). */
export function crossFileDrafts(docs: StatementDoc[], enabled: (code: RuleCode) => boolean, focus?: ReadonlySet<string>, memo?: PairMemo): Draft[] {
  const out: Draft[] = [];
  for (const rule of CROSS_FILE_RULES) {
    if (!enabled(rule.code)) continue;
    try {
      for (const d of rule.check(docs, focus, memo)) out.push(d);
    } catch (e) {
      // One broken rule must not take the others down; surface it where a developer looks.
      if (process.env.ZH_FIGURES_DEBUG) throw e;
    }
  }
  return out;
}

/** The finding of a draft at a severity: the same object for a draft seen before (see placeDrafts). */
const findings = new WeakMap<Draft, Finding>();

function findingOf(d: Draft, severity: Severity): Finding {
  const hit = findings.get(d);
  if (hit && hit.severity === severity) return hit;
  // Spelled out, not spread: an object spread and then given one more property keeps that
  // property out of line (one more allocation per finding, on every keystroke).
  const f: Finding = { code: d.code, path: d.path, start: d.start, end: d.end, message: d.message, related: d.related, fixes: d.fixes, severity };
  findings.set(d, f);
  return f;
}

const byPlace = (a: Draft, b: Draft) => a.start - b.start || a.end - b.end || (a.code === b.code ? 0 : a.code.localeCompare(b.code));

/**
 * Drafts to findings: the configured severity, duplicates dropped (the first kept), the inline
 * silencing markers of each text, and each file's findings by offset; files in input order.
 * Duplicates are found after the (stable) sort, next to each other: no set of places is built
 * per keystroke in a long report.
 */
export function finishFindings(
  drafts: Draft[],
  inputs: { path: string; text: string }[],
  severityOf: (code: RuleCode, path: string) => RuleSetting,
  ignoreSuppressions = false
): Finding[] {
  const byPath = new Map<string, Draft[]>();
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    if (severityOf(d.code, d.path) === 'off') continue;
    const list = byPath.get(d.path);
    if (list) list.push(d);
    else byPath.set(d.path, [d]);
  }
  const out: Finding[] = [];
  // Index loops: iterating the inputs with for-of deoptimised this function on every call.
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k];
    const list = byPath.get(input.path);
    if (!list) continue;
    byPath.delete(input.path);
    list.sort(byPlace);
    let found: Finding[] = [];
    let last: Draft | undefined;
    for (let i = 0; i < list.length; i++) {
      const d = list[i];
      if (last !== undefined && d.start === last.start && d.end === last.end && d.code === last.code) continue;
      last = d;
      found.push(findingOf(d, severityOf(d.code, d.path) as Severity));
    }
    if (!ignoreSuppressions) found = applySuppressions(found, input.text);
    for (let i = 0; i < found.length; i++) out.push(found[i]);
  }
  return out;
}

/** Findings grouped by path (each list in the order given). */
export function findingsByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.path);
    if (list) list.push(f);
    else out.set(f.path, [f]);
  }
  return out;
}

/** Run every enabled rule over the inputs; findings sorted by path order, then offset. */
export function checkDocuments(inputs: CheckInput[], config?: ChecksConfig): Finding[] {
  const paths = inputs.map((i) => i.path);
  const onSomewhere = (code: RuleCode) => paths.some((p) => settingFor(code, p, config) !== 'off');
  const statements = CROSS_FILE_RULES.some((r) => onSomewhere(r.code));
  const perDocument: Draft[][] = [];
  const docs: StatementDoc[] = [];
  for (const input of inputs) {
    const selection = selectionFor((code) => settingFor(code, input.path, config) !== 'off', statements);
    const facts = documentFacts(input.path, input.analysis, selection);
    perDocument.push(documentDrafts(facts, selection));
    if (statements) docs.push(statementsOf(facts));
  }
  // Cross-file rules first, as in RULES: of two drafts of one rule at one place, the first counts.
  const drafts = statements ? crossFileDrafts(docs, onSomewhere) : [];
  for (const list of perDocument) for (const d of list) drafts.push(d);
  return finishFindings(
    drafts,
    inputs.map((i) => ({ path: i.path, text: i.analysis.text })),
    (code, path) => settingFor(code, path, config),
    config?.ignoreSuppressions
  );
}
