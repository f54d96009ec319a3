// Diagnostics: the checks over every report the server knows (open documents plus the
// workspace index, so cross-file rules see reports that are not open), debounced per edit,
// with stale runs dropped when a newer version arrives. Findings are kept per published
// version for code actions and the tree's problem marks.
import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver/node';
import type { RuleSettings } from '../core/checks';
import type { Finding, Severity } from '../core/checks/types';
import { pick, type Locale } from '../core/format';
import { DocumentStatus, FiguresChangedNotification, StatusNotification } from '../protocol';
import type { AnalyzedDocument } from './analyzed';
import { runChecks } from './checks-runner';
import { reusableDiagnostics } from './diagnostic-reuse';
import type { ProjectConfigStore } from './project-config';
import type { Report, Reports } from './reports';
import type { SettingsStore } from './settings';

export const SOURCE = 'zh-figures';

/**
 * Related locations shown per problem: as many as a message names ("749家, 990家, 331家, 325家,
 * 404家 and 2 more"). A longer list only buries the Problems panel, and each edit re-sends it.
 */
const MAX_RELATED = 5;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What was published for one document, kept for code actions, marks and counts. */
export interface Published {
  uri: string;
  version: number | null;
  doc: AnalyzedDocument;
  /** Findings after settings (severity overrides, rules turned off); diagnostics[i] ↔ findings[i]. */
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** What the messages and links were made with. */
  locale: Locale;
  ruleDocs: string | undefined;
  /**
   * Fingerprint to avoid re-sending identical diagnostics for one version. Computed only when
   * a version is published a second time: serialising thousands of diagnostics on every
   * keystroke (a new version is always sent) cost more than the checks of a paragraph.
   */
  key?: string;
  /** Diagnostics per severity, counted when first asked. */
  counts?: Pick<DocumentStatus, 'errors' | 'warnings' | 'infos' | 'hints'>;
}

export class DiagnosticsService {
  private readonly timers = new Map<string, { timeout?: NodeJS.Timeout; immediate?: NodeJS.Immediate }>();
  private readonly published = new Map<string, Published>();
  /** Files that are not open but whose problems were published by a workspace check. */
  private readonly publishedClosed = new Set<string>();
  private run = 0;
  locale: Locale = 'en';
  /** Optional link to each rule's documentation: base URL, the code is appended as a fragment. */
  ruleDocs: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly reports: Reports,
    private readonly settings: SettingsStore,
    private readonly config: ProjectConfigStore
  ) {}

  /** A document changed: check again after the debounce; newer changes push the run back. */
  schedule(uri: string, delay?: number): void {
    this.cancel(uri);
    const ms = delay ?? this.settings.defaults.diagnostics.debounce;
    const run = () => {
      this.timers.delete(uri);
      void this.checkOpen().catch((e) => this.connection.console.error(`zh-figures: checks failed: ${e?.stack ?? e}`));
    };
    // No debounce: right after the events already queued (a timer would wait at least 1 ms).
    this.timers.set(uri, ms > 0 ? { timeout: setTimeout(run, ms) } : { immediate: setImmediate(run) });
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t?.timeout) clearTimeout(t.timeout);
    if (t?.immediate) clearImmediate(t.immediate);
    this.timers.delete(uri);
  }

  /** Check every open document against everything known and publish what changed. */
  async checkOpen(): Promise<void> {
    const run = ++this.run;
    const reports = await this.reports.all();
    if (run !== this.run) return; // a newer run started while analyses were awaited
    const open = reports.filter((r) => r.open);
    // Let edits that arrived meanwhile in: checking or publishing a superseded version is
    // wasted work (a whole check of a long report, megabytes of JSON), and their run follows.
    if (await this.superseded(open)) return;
    const closedAlsoPublished = reports.filter((r) => !r.open && this.publishedClosed.has(r.uri));
    const shown = [...open, ...closedAlsoPublished];
    // Only the findings of what is shown are computed; the index is their cross-file background.
    const findings = await this.check(reports, new Set(shown.map((r) => r.uri)));
    if (run !== this.run || (await this.superseded(open))) return;
    await this.publishAll(shown, findings);
  }

  /**
   * After handling what is queued: has an open report changed (or closed) since it was
   * analysed? Every such change schedules a newer run, so this one may stop.
   */
  private async superseded(open: Report[]): Promise<boolean> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return open.some((r) => this.reports.peek(r.uri) !== r.doc);
  }

  /**
   * Run the checks over reports, with rule settings merged per file: the project config
   * (.zh-figures.json) first, the editor's zhFigures.rules over it. Ignored files are left out.
   * With `focus` (URIs), only the findings of those reports are computed.
   */
  async check(reports: Report[], focus?: ReadonlySet<string>): Promise<Finding[]> {
    const project = this.config.current().rules;
    const perUri = new Map<string, RuleSettings>();
    const included: Report[] = [];
    for (const r of reports) {
      if (this.config.ignores(r.uri)) continue;
      included.push(r);
      perUri.set(r.uri, { ...project, ...((await this.settings.forUri(r.uri)).rules as RuleSettings) });
    }
    return runChecks(included, (uri) => perUri.get(uri) ?? project, focus);
  }

  /** A workspace check: publish for every report, open or not. */
  async publishEverything(reports: Report[], findings: Finding[]): Promise<number> {
    for (const r of reports) if (!r.open) this.publishedClosed.add(r.uri);
    return this.publishAll(reports, findings);
  }

  /** Forget a closed document: its problems stay only if a workspace check published them. */
  closed(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    if (!this.publishedClosed.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A file disappeared from disk. */
  removed(uri: string): void {
    if (this.publishedClosed.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(uri);
  }

  get(uri: string): Published | undefined {
    return this.published.get(uri);
  }

  /** Error/warning/information/hint counts of what is published for a document. */
  counts(uri: string): Pick<DocumentStatus, 'errors' | 'warnings' | 'infos' | 'hints'> {
    const entry = this.published.get(uri);
    if (!entry) return { errors: 0, warnings: 0, infos: 0, hints: 0 };
    // Counted once per publish: the status bar asks for them after every keystroke.
    if (!entry.counts) {
      const c = (entry.counts = { errors: 0, warnings: 0, infos: 0, hints: 0 });
      for (const d of entry.diagnostics) {
        if (d.severity === DiagnosticSeverity.Error) c.errors++;
        else if (d.severity === DiagnosticSeverity.Warning) c.warnings++;
        else if (d.severity === DiagnosticSeverity.Information) c.infos++;
        else c.hints++;
      }
    }
    return { ...entry.counts };
  }

  status(uri: string, doc: AnalyzedDocument | undefined): DocumentStatus {
    return {
      uri,
      version: doc?.version ?? null,
      figures: doc?.counts.figures ?? 0,
      entities: doc?.counts.entities ?? 0,
      skipped: doc?.skipped ?? null,
      ...this.counts(uri),
    };
  }

  private async publishAll(reports: Report[], findings: Finding[]): Promise<number> {
    const byPath = new Map<string, Finding[]>();
    for (const f of findings) {
      let list = byPath.get(f.path);
      if (!list) byPath.set(f.path, (list = []));
      list.push(f);
    }
    const changed: string[] = [];
    let total = 0;
    for (const r of reports) {
      const own = (byPath.get(r.uri) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
      const old = this.published.get(r.uri);
      // The previous version's diagnostics that still read the same (see diagnostic-reuse.ts).
      const reuse =
        old && old.doc !== r.doc && old.locale === this.locale && old.ruleDocs === this.ruleDocs
          ? reusableDiagnostics({ text: old.doc.text, findings: old.findings, diagnostics: old.diagnostics }, r.doc.text, MAX_RELATED)
          : undefined;
      const diagnostics = own.map((f, i) => reuse?.(f, i) ?? this.toDiagnostic(r.doc, f));
      total += diagnostics.length;
      const entry: Published = { uri: r.uri, version: r.doc.version, doc: r.doc, findings: own, diagnostics, locale: this.locale, ruleDocs: this.ruleDocs };
      this.published.set(r.uri, entry);
      if (old && old.version === r.doc.version && old.diagnostics.length === diagnostics.length) {
        entry.key = JSON.stringify(diagnostics);
        if ((old.key ??= JSON.stringify(old.diagnostics)) === entry.key) continue;
      }
      const params = r.doc.version === null ? { uri: r.uri, diagnostics } : { uri: r.uri, version: r.doc.version, diagnostics };
      void this.connection.sendDiagnostics(params);
      changed.push(r.uri);
    }
    for (const uri of changed) {
      const p = this.published.get(uri)!;
      void this.connection.sendNotification(StatusNotification, this.status(uri, p.doc));
    }
    if (changed.length) void this.connection.sendNotification(FiguresChangedNotification, { uris: changed });
    return total;
  }

  private toDiagnostic(doc: AnalyzedDocument, f: Finding): Diagnostic {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of f.related.length > MAX_RELATED ? f.related.slice(0, MAX_RELATED) : f.related) {
      const target = r.path === f.path ? doc : this.reports.peek(r.path);
      if (!target) continue;
      related.push({ location: { uri: r.path, range: target.range(r.start, r.end) }, message: pick(r.message, this.locale) });
    }
    const d: Diagnostic = {
      range: doc.range(f.start, f.end),
      severity: SEVERITY[f.severity],
      code: f.code,
      source: SOURCE,
      message: pick(f.message, this.locale),
    };
    if (related.length) d.relatedInformation = related;
    if (this.ruleDocs) d.codeDescription = { href: `${this.ruleDocs}#${f.code}` };
    return d;
  }
}
