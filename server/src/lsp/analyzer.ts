// The one place the server calls the analysis core. Every feature reads the result cached per
// document version (documents.ts); this module is where incremental analysis plugs in.
//
// An open document keeps the paragraph results of its latest version (by paragraph text, base
// date and dictionary, as the core keys them): an edit re-analyses only the paragraphs it
// touched, and results of paragraphs that disappeared live on briefly so that undo is free.
// Files read from disk by the workspace index share one small bounded cache instead, so that
// memory does not grow with the size of the workspace.
import { analyzeText, ParagraphCache } from '../core/analyze';
import { segmenterError } from '../core/segmenter';
import type { AnalysisOptions, DocumentAnalysis } from '../core/types';

type ParagraphResult = NonNullable<ReturnType<ParagraphCache['get']>>;

/** Paragraph results of an open document: those of its latest version, plus a few recent ones. */
export class DocumentParagraphs extends ParagraphCache {
  private current = new Map<string, ParagraphResult>();
  private previous = new Map<string, ParagraphResult>();
  /** Paragraphs dropped by recent edits, oldest first (undo, redo, cut and paste back). */
  private readonly recent: ParagraphCache;

  constructor(recentCapacity = 256) {
    super(0);
    this.recent = new ParagraphCache(recentCapacity);
  }

  override get(key: string): ParagraphResult | undefined {
    let v = this.current.get(key);
    if (!v) {
      v = this.previous.get(key);
      if (v) this.previous.delete(key);
      else v = this.recent.get(key);
      if (v) this.current.set(key, v);
    }
    if (v) this.hits++;
    else this.misses++;
    return v;
  }

  override set(key: string, value: ParagraphResult): void {
    this.current.set(key, value);
  }

  /** A version was analysed: keep its paragraphs, move the ones it no longer has aside. */
  endVersion(): void {
    for (const [k, v] of this.previous) this.recent.set(k, v);
    this.previous = this.current;
    this.current = new Map();
  }

  override clear(): void {
    this.current.clear();
    this.previous.clear();
    this.recent.clear();
  }

  override get size(): number {
    return this.current.size + this.previous.size;
  }
}

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
  analyze(key: string, text: string, options: AnalysisOptions, kind?: 'open' | 'file'): DocumentAnalysis;
  /** Drop whatever is kept for `key`. */
  forget(key: string): void;
  /** Counters of the last analyze() call (for tests and the bench). */
  readonly last: AnalyzeStats;
}

export function createAnalyzer(options: { preloadSegmenter?: boolean } = { preloadSegmenter: true }): Analyzer {
  const documents = new Map<string, DocumentParagraphs>();
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
      let cache: ParagraphCache;
      if (kind === 'open') {
        let own = documents.get(key);
        if (!own) documents.set(key, (own = new DocumentParagraphs()));
        cache = own;
      } else {
        cache = files;
      }
      const hits = cache.hits;
      const misses = cache.misses;
      const analysis = analyzeText(text, opts, cache);
      last.reused = cache.hits - hits;
      last.analysed = cache.misses - misses;
      if (cache instanceof DocumentParagraphs) cache.endVersion();
      return analysis;
    },
    forget(key) {
      documents.delete(key);
    },
    last,
  };
}
