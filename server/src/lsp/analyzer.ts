// The one place the server calls the analysis core. Every feature reads the result cached per
// document version (documents.ts); this module is where incremental analysis plugs in.
//
// An open document's new version is analysed from its previous one (core reanalyze): the
// paragraphs before and after the edit are kept, only those it touched are split and read
// again, and the paragraphs an edit replaced stay in a small cache so that undo is free.
// Files read from disk by the workspace index share one small bounded cache instead, so that
// memory does not grow with the size of the workspace.
import { analyzeText, ParagraphCache, reanalyze, type TextAnalysis } from '../core/analyze';
import { segmenterError } from '../core/segmenter';
import type { AnalysisOptions } from '../core/types';

/** Paragraphs kept per open document besides its latest version (undo, redo, cut and paste back). */
const RECENT_PARAGRAPHS = 256;

export interface AnalyzeStats {
  /** Paragraphs analysed afresh by the last call, and paragraphs taken from the cache. */
  analysed: number;
  reused: number;
}

export interface Analyzer {
  /**
   * Analyse the text of `key` (a document URI). An open document (`open`) reuses the work done
   * for its previous version; a file from disk (`file`) only shares a bounded cache.
   */
  analyze(key: string, text: string, options: AnalysisOptions, kind?: 'open' | 'file'): TextAnalysis;
  /** Drop whatever is kept for `key`. */
  forget(key: string): void;
  /** Counters of the last analyze() call (for tests and the bench). */
  readonly last: AnalyzeStats;
}

export function createAnalyzer(options: { preloadSegmenter?: boolean } = { preloadSegmenter: true }): Analyzer {
  const documents = new Map<string, { analysis: TextAnalysis; recent: ParagraphCache }>();
  // Reports read from disk: identical boilerplate paragraphs (headers, footers) hit; bounded.
  const files = new ParagraphCache(4000);
  const last: AnalyzeStats = { analysed: 0, reused: 0 };
  if (options.preloadSegmenter) {
    // Loading the segmenter's dictionary takes about a second: do it while the client starts
    // up rather than on the first open document.
    setImmediate(() => segmenterError());
  }
  return {
    analyze(key, text, opts, kind = 'open') {
      if (kind === 'file') {
        const misses = files.misses;
        const analysis = analyzeText(text, opts, files);
        last.analysed = files.misses - misses;
        last.reused = analysis.paragraphs.length - last.analysed;
        return analysis;
      }
      const own = documents.get(key);
      const recent = own?.recent ?? new ParagraphCache(RECENT_PARAGRAPHS);
      const misses = recent.misses;
      const analysis = own ? reanalyze(own.analysis, text, opts, recent) : analyzeText(text, opts, recent);
      documents.set(key, { analysis, recent });
      last.analysed = recent.misses - misses;
      last.reused = analysis.paragraphs.length - last.analysed;
      return analysis;
    },
    forget(key) {
      documents.delete(key);
    },
    last,
  };
}
