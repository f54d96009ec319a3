// Open documents and their analyses: exactly one analysis per document version, shared by
// hover, diagnostics, code actions, inlay hints, symbols and the tree.
import * as path from 'path';
import { uriToPath as URI_TO_PATH } from './uris';
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions, DocumentAnalysis, UserWord } from '../core/types';
import type { SkipReason } from '../protocol';
import { injectedFault, reportAnalysisFailure } from './faults';
import type { Locale } from '../core/format';
import { AnalyzedDocument } from './analyzed';
import type { Analyzer } from './analyzer';
import { MESSAGES, say } from './locale';
import type { ProjectConfigStore } from './project-config';
import type { ServerSettings, SettingsStore } from './settings';
import { skipReason } from './skip';
import { UserDictionaries } from './user-dictionary';

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, AnalyzedDocument>();
  private readonly pending = new Map<string, Promise<AnalyzedDocument | undefined>>();
  private readonly dictionaries = new UserDictionaries();
  /** Things already told to the user, so that each is said once. */
  private readonly told = new Set<string>();
  workspaceFolders: string[] = [];
  locale: Locale = 'en';
  /** Fallbacks for base date and user dictionary when the editor settings leave them empty. */
  project: ProjectConfigStore | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsStore,
    private readonly analyzer: Analyzer
  ) {
    this.documents.onDidClose((e) => {
      this.cache.delete(e.document.uri);
      this.analyzer.forget(e.document.uri);
      this.told.delete(`size:${e.document.uri}`);
      this.told.delete(`fail:${e.document.uri}`);
    });
  }

  /** The analysis of the current version of an open document (computed at most once). */
  async get(uri: string): Promise<AnalyzedDocument | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const hit = this.cache.get(uri);
    if (hit && hit.version === doc.version) return hit;
    const key = `${uri}@${doc.version}`;
    let p = this.pending.get(key);
    if (!p) {
      p = this.compute(doc).finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  /** The cached analysis if it is of the current version, without computing anything. */
  peek(uri: string): AnalyzedDocument | undefined {
    const doc = this.documents.get(uri);
    const hit = this.cache.get(uri);
    return doc && hit && hit.version === doc.version ? hit : undefined;
  }

  /** Forget every analysis (settings or dictionaries changed). */
  invalidateAll(): void {
    this.cache.clear();
    this.dictionaries.invalidate();
  }

  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  private async compute(doc: TextDocument): Promise<AnalyzedDocument | undefined> {
    const settings = await this.settings.forUri(doc.uri);
    // The document may have changed while settings were fetched: analyse what is current.
    const current = this.documents.get(doc.uri);
    if (!current) return undefined;
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === current.version) return cached;
    // A client may send a document without text: treat it as empty rather than fail later.
    const raw: unknown = current.getText();
    const text = typeof raw === 'string' ? raw : '';
    let skipped: SkipReason | null;
    let analysis: DocumentAnalysis | null;
    try {
      injectedFault(text);
      skipped = skipReason(text, current.languageId, settings);
      if (skipped === 'too-large') this.tellTooLarge(current.uri, text.length, settings.maxFileSize);
      analysis = skipped ? null : this.analyzer.analyze(current.uri, text, this.options(current.uri, settings));
    } catch (e) {
      // One document that breaks the analysis is reported for itself; the others go on.
      reportAnalysisFailure(this.connection, this.told, current.uri, path.basename(URI_TO_PATH(current.uri) ?? current.uri), e, this.locale);
      skipped = 'unreadable';
      analysis = null;
    }
    const result = new AnalyzedDocument(current.uri, current.version, text, analysis, skipped);
    this.cache.set(current.uri, result);
    return result;
  }

  /** Analysis options for a resource: base date and user dictionary from its settings, else the project config. */
  options(uri: string, settings: ServerSettings): AnalysisOptions {
    const options: AnalysisOptions = {};
    const baseDate = settings.baseDate || this.project?.current().baseDate;
    if (baseDate) options.baseDate = baseDate;
    const words = this.userWords(uri, settings);
    if (words.length) options.userWords = words;
    return options;
  }

  private userWords(uri: string, settings: ServerSettings): UserWord[] {
    const fromProject = this.project?.current().userDictionary;
    if (!settings.userDictionary && !fromProject) return [];
    const file = settings.userDictionary ? this.resolvePath(uri, settings.userDictionary) : this.project!.resolve(fromProject!);
    try {
      // A path from the editor settings is the user's choice; one from .zh-figures.json
      // (workspace content) must stay inside the workspace folders.
      return this.dictionaries.load(file, settings.userDictionary ? undefined : this.workspaceFolders);
    } catch (e) {
      const key = `dict:${file}`;
      if (!this.told.has(key)) {
        this.told.add(key);
        void this.connection.window.showWarningMessage(
          say(MESSAGES.userDictionary, this.locale, file, e instanceof Error ? e.message : String(e))
        );
      }
      return [];
    }
  }

  /** A settings path: absolute, ~-relative, or relative to the folder holding the document. */
  resolvePath(uri: string, p: string): string {
    if (p.startsWith('~/')) return path.join(process.env.HOME ?? '', p.slice(2));
    if (path.isAbsolute(p)) return p;
    const file = URI_TO_PATH(uri);
    const folder =
      this.workspaceFolders.find((f) => file !== undefined && file.startsWith(f + path.sep)) ??
      this.workspaceFolders[0] ??
      (file ? path.dirname(file) : process.cwd());
    return path.join(folder, p);
  }

  private tellTooLarge(uri: string, length: number, max: number): void {
    const key = `size:${uri}`;
    if (this.told.has(key)) return;
    this.told.add(key);
    const name = path.basename(URI_TO_PATH(uri) ?? uri);
    void this.connection.window.showWarningMessage(
      say(MESSAGES.tooLarge, this.locale, name, length.toLocaleString('en-US'), max.toLocaleString('en-US'))
    );
  }
}
