// Run the real extractor and the checks on short texts, the way `zh-figures check` does.
// Rules that throw fail the tests instead of being skipped quietly.
process.env.ZH_FIGURES_DEBUG = '1';
import { analyzeText } from '../../server/src/core/analyze';
import { checkDocuments, ChecksConfig } from '../../server/src/core/checks';
import type { Finding, RuleCode } from '../../server/src/core/checks/types';
import { LineIndex } from '../../server/src/core/position';

export const BASE_DATE = '2023-06-01';

export interface Seen {
  code: RuleCode;
  severity: Finding['severity'];
  /** The text the finding covers. */
  at: string;
  /** 0-based line of the finding. */
  line: number;
  finding: Finding;
}

export function checkText(text: string, config?: ChecksConfig, baseDate: string = BASE_DATE): Seen[] {
  return checkTexts([{ path: 'doc.txt', text }], config, baseDate);
}

export function checkTexts(docs: { path: string; text: string }[], config?: ChecksConfig, baseDate: string = BASE_DATE): Seen[] {
  const inputs = docs.map((d) => ({ path: d.path, analysis: analyzeText(d.text, { baseDate }) }));
  const byPath = new Map(docs.map((d) => [d.path, d.text]));
  return checkDocuments(inputs, config).map((f) => {
    const text = byPath.get(f.path) ?? '';
    return { code: f.code, severity: f.severity, at: text.slice(f.start, f.end), line: new LineIndex(text).positionAt(f.start).line, finding: f };
  });
}

/** Findings of one rule. */
export function findingsOf(code: RuleCode, text: string, config?: ChecksConfig): Seen[] {
  return checkText(text, config).filter((s) => s.code === code);
}
