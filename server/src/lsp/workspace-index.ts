// The workspace index: every report file (*.txt, *.md, *.zhr) under the workspace folders,
// read from disk and analysed in the background, so that cross-file checks, workspace
// symbols and the workspace tree see reports that are not open. Updated from file events;
// bounded in file count and total characters.
import * as fs from 'fs';
import * as path from 'path';
import { decodeReport } from '../cli/read-report';
import { AnalyzedDocument } from './analyzed';
import type { Analyzer } from './analyzer';
import type { DocumentStore } from './documents';
import type { SettingsStore } from './settings';
import { skipReason } from './skip';
import { describeError, injectedFault } from './faults';
import type { DocumentAnalysis } from '../core/types';
import { canonicalUri, pathToUri, uriToPath } from './uris';

export const REPORT_EXTENSIONS: Record<string, string> = {
  '.txt': 'plaintext',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.zhr': 'zh-report',
  '.zh-report': 'zh-report',
};

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'build', 'coverage', 'bower_components']);
/**
 * Total characters of reports the index keeps analysed. Measured: text plus analysis take
 * about 13 bytes per character of the heap (7.5M characters of reports → 94 MB), on top of
 * the segmenter's ~250 MB, so 16M characters (≈2,000 reports of 8 KB) stay near 500 MB.
 */
const MAX_TOTAL_CHARS = 16_000_000;
/** Time slice for background work before yielding to requests, in ms. */
const SLICE_MS = 15;

export interface IndexEntry {
  /** Canonical file: URI. */
  uri: string;
  path: string;
  /** Path relative to its workspace folder. */
  name: string;
  mtimeMs: number;
  doc: AnalyzedDocument;
}

export interface Progress {
  report(done: number, total: number): void;
}

export interface Cancel {
  readonly isCancellationRequested: boolean;
}

export function isReportFile(file: string): boolean {
  return path.extname(file).toLowerCase() in REPORT_EXTENSIONS;
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private generation = 0;
  private totalChars = 0;
  building = false;
  folders: string[] = [];

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SettingsStore,
    private readonly analyzer: Analyzer
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(canonicalUri(uri));
  }

  all(): IterableIterator<IndexEntry> {
    return this.entries.values();
  }

  /** Every report file below the folders, sorted, at most `max`. */
  async listFiles(max: number, cancel?: Cancel): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      if (out.length >= max || cancel?.isCancellationRequested) return;
      let items: fs.Dirent[];
      try {
        items = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const it of items) {
        if (out.length >= max) return;
        const full = path.join(dir, it.name);
        if (it.isDirectory()) {
          if (!it.name.startsWith('.') && !SKIP_DIRS.has(it.name)) await walk(full);
        } else if (it.isFile() && isReportFile(it.name)) {
          out.push(full);
        }
      }
    };
    for (const f of this.folders) await walk(f);
    return out;
  }

  /** (Re)build the index; a newer build stops an older one. Returns false if superseded or cancelled. */
  async build(progress?: Progress, cancel?: Cancel): Promise<boolean> {
    const gen = ++this.generation;
    this.building = true;
    try {
      const settings = this.settings.defaults;
      const files = await this.listFiles(settings.workspaceIndex.maxFiles, cancel);
      const keep = new Set(files.map((f) => pathToUri(f)));
      for (const uri of [...this.entries.keys()]) if (!keep.has(uri)) this.remove(uri);
      let sliceStart = Date.now();
      for (let i = 0; i < files.length; i++) {
        if (gen !== this.generation || cancel?.isCancellationRequested) return false;
        await this.readFile(files[i]);
        if (Date.now() - sliceStart > SLICE_MS) {
          progress?.report(i + 1, files.length);
          await yieldToEvents();
          sliceStart = Date.now();
        }
      }
      progress?.report(files.length, files.length);
      return true;
    } finally {
      if (gen === this.generation) this.building = false;
    }
  }

  /** Read and analyse one file if it is new or changed on disk; returns its entry. */
  async readFile(file: string): Promise<IndexEntry | undefined> {
    const uri = pathToUri(file);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      this.remove(uri);
      return undefined;
    }
    const old = this.entries.get(uri);
    if (old && old.mtimeMs === stat.mtimeMs) return old;
    const settings = await this.settings.forUri(uri);
    let text = '';
    let skipped: AnalyzedDocument['skipped'] = null;
    if (stat.size > settings.maxFileSize * 4) {
      skipped = 'too-large';
    } else if (!stat.isFile()) {
      // A FIFO or device named like a report would block the read forever.
      skipped = 'unreadable';
    } else {
      try {
        const decoded = decodeReport(await fs.promises.readFile(file));
        if (decoded.ok) text = decoded.text;
        else skipped = 'unreadable';
      } catch {
        skipped = 'unreadable';
      }
    }
    const language = REPORT_EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
    skipped ??= skipReason(text, language, settings);
    if (!skipped && this.totalChars - (old?.doc.text.length ?? 0) + text.length > MAX_TOTAL_CHARS) skipped = 'too-large';
    if (skipped) text = '';
    let analysis: DocumentAnalysis | null = null;
    if (!skipped) {
      try {
        injectedFault(text);
        analysis = this.analyzer.analyze(uri, text, this.store.options(uri, settings), 'file');
      } catch (e) {
        // One file that breaks the analysis is left out; the rest of the index goes on.
        console.error(`zh-figures: analysis of ${file} failed: ${describeError(e)}`);
        skipped = 'unreadable';
        text = '';
      }
    }
    const doc = new AnalyzedDocument(uri, null, text, analysis, skipped);
    const entry: IndexEntry = { uri, path: file, name: this.relativeName(file), mtimeMs: stat.mtimeMs, doc };
    this.totalChars += text.length - (old?.doc.text.length ?? 0);
    this.entries.set(uri, entry);
    return entry;
  }

  /** A file event: re-read a created or changed report, drop a deleted one. */
  async update(uri: string, deleted: boolean): Promise<void> {
    const key = canonicalUri(uri);
    const file = uriToPath(key);
    if (!file || !isReportFile(file)) return;
    if (deleted) this.remove(key);
    else if (this.folders.some((f) => file.startsWith(f + path.sep))) await this.readFile(file);
  }

  remove(uri: string): void {
    const key = canonicalUri(uri);
    const old = this.entries.get(key);
    if (!old) return;
    this.totalChars -= old.doc.text.length;
    this.entries.delete(key);
    this.analyzer.forget(key);
  }

  /** Drop all analyses (settings changed); the next build re-reads everything. */
  clear(): void {
    for (const uri of [...this.entries.keys()]) this.remove(uri);
  }

  relativeName(file: string): string {
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    return folder ? path.relative(folder, file) : path.basename(file);
  }
}
