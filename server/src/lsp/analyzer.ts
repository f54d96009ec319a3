// The one place the server calls the analysis core. Every feature reads the result cached per
// document version (documents.ts); this module is where incremental analysis plugs in.
import { analyzeText } from '../core/analyze';
import type { AnalysisOptions, DocumentAnalysis } from '../core/types';

export interface Analyzer {
  /** Analyse the text of `key` (a document URI); may reuse work from the previous text of `key`. */
  analyze(key: string, text: string, options: AnalysisOptions): DocumentAnalysis;
  /** Drop whatever is kept for `key`. */
  forget(key: string): void;
}

export function createAnalyzer(): Analyzer {
  return {
    analyze: (_key, text, options) => analyzeText(text, options),
    forget: () => undefined,
  };
}
