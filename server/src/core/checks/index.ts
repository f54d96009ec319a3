// Running the consistency rules: per-document rules on each input, cross-file rules
// (conflicting-values, scale-slip) across all inputs, then the configured severities and the
// inline silencing markers. Used by `zh-figures check` and by the language server alike.
import type { CheckInput, Finding, RuleCode, Severity } from './types';
import type { RuleSetting } from '../config';
import { DocContext } from './context';
import { Draft, Rule } from './rule';
import { applySuppressions } from './suppressions';
import { conflictingValues } from './rules/conflicting-values';
import { scaleSlip } from './rules/scale-slip';
import { growthMismatch } from './rules/growth-mismatch';
import { shareMismatch } from './rules/share-mismatch';
import { partsExceedTotal } from './rules/parts-exceed-total';
import { sumMismatch } from './rules/sum-mismatch';
import { percentSumOver100 } from './rules/percent-sum-over-100';
import { multipleMismatch } from './rules/multiple-mismatch';
import { invalidDate } from './rules/invalid-date';
import { weekdayMismatch } from './rules/weekday-mismatch';
import { percentPointConfusion } from './rules/percent-point-confusion';
import { qualifierConflict } from './rules/qualifier-conflict';
import { mixedNumeralStyle } from './rules/mixed-numeral-style';
import { missingUnit } from './rules/missing-unit';
import { approxRedundant } from './rules/approx-redundant';

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

/** Every rule, in the order of docs/rules.md. */
export const RULES: readonly Rule[] = [
  conflictingValues,
  scaleSlip,
  growthMismatch,
  shareMismatch,
  partsExceedTotal,
  sumMismatch,
  percentSumOver100,
  multipleMismatch,
  invalidDate,
  weekdayMismatch,
  percentPointConfusion,
  qualifierConflict,
  mixedNumeralStyle,
  missingUnit,
  approxRedundant,
];

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

function isOffEverywhere(code: RuleCode, paths: string[], config: ChecksConfig | undefined): boolean {
  return paths.every((p) => settingFor(code, p, config) === 'off');
}

/** Run every enabled rule over the inputs; findings sorted by path order, then offset. */
export function checkDocuments(inputs: CheckInput[], config?: ChecksConfig): Finding[] {
  const docs = inputs.map((i) => new DocContext(i.path, i.analysis));
  const paths = inputs.map((i) => i.path);
  const drafts: Draft[] = [];
  for (const rule of RULES) {
    if (isOffEverywhere(rule.code, paths, config)) continue;
    try {
      if (rule.scope === 'document') for (const d of docs) drafts.push(...rule.check(d));
      else drafts.push(...rule.check(docs));
    } catch (e) {
      // One broken rule must not take the others down; surface it where a developer looks.
      if (process.env.ZH_FIGURES_DEBUG) throw e;
    }
  }
  const byPath = new Map<string, Finding[]>();
  const seen = new Set<string>();
  for (const d of drafts) {
    const setting = settingFor(d.code, d.path, config);
    if (setting === 'off') continue;
    const key = `${d.path}\u0000${d.code}\u0000${d.start}\u0000${d.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byPath.get(d.path) ?? [];
    list.push({ ...d, severity: setting });
    byPath.set(d.path, list);
  }
  const out: Finding[] = [];
  for (const input of inputs) {
    let list = byPath.get(input.path) ?? [];
    byPath.delete(input.path);
    if (!config?.ignoreSuppressions) list = applySuppressions(list, input.analysis.text);
    out.push(...list.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code)));
  }
  return out;
}
