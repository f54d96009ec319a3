// The zh-figures language server. A thin adapter over the analysis core and the checks: it
// keeps one analysis per document version and answers every LSP feature from it.
// `node server/out/server.js --stdio` works with any LSP client; the extension uses stdio too.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  createConnection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import {
  AnnotationsRequest,
  FactCheckReportRequest,
  RemoveAnnotationRequest,
  SetAnnotationRequest,
  CheckWorkspaceRequest,
  ExportMetricsRequest,
  type ExportMetricsParams,
  FiguresRequest,
  StatusRequest,
  WorkspaceFilesRequest,
} from './protocol';
import type { Locale } from './core/format';
import { createAnalyzer } from './lsp/analyzer';
import { AnnotationService } from './lsp/annotations';
import { checkWorkspace } from './lsp/check-workspace';
import { provideCodeActions } from './lsp/code-actions';
import { DiagnosticsService } from './lsp/diagnostics';
import { documentSymbols } from './lsp/document-symbols';
import { installProcessGuards, optionalUris, requireObject, requireUri, throwIfCancelled } from './lsp/faults';
import { DocumentStore } from './lsp/documents';
import { provideHover } from './lsp/hover';
import { provideInlayHints } from './lsp/inlay-hints';
import { MESSAGES, localeFrom, say } from './lsp/locale';
import { ProjectConfigStore } from './lsp/project-config';
import { Reports } from './lsp/reports';
import { SettingsStore } from './lsp/settings';
import { exportRequest, figures, workspaceFiles } from './lsp/tree';
import { uriToPath } from './lsp/uris';
import { WorkspaceIndex } from './lsp/workspace-index';
import { workspaceSymbols } from './lsp/workspace-symbols';
import { adoptStdio, stdioTransport } from './lsp/transport';

// Over stdio (the extension and any LSP client) the transport encodes diagnostics from their
// remembered JSON; the other transports are stock.
const stdio = stdioTransport();
const connection = stdio ? createConnection(ProposedFeatures.all, stdio[0], stdio[1]) : createConnection(ProposedFeatures.all);
if (stdio) adoptStdio(connection);
installProcessGuards(connection);
const settings = new SettingsStore(connection);
const analyzer = createAnalyzer();
const store = new DocumentStore(connection, settings, analyzer);
const index = new WorkspaceIndex(store, settings, analyzer);
const reports = new Reports(store, index);
const config = new ProjectConfigStore(connection);
const diagnostics = new DiagnosticsService(connection, reports, settings, config);
store.project = config;
const annotations = new AnnotationService(connection, store, reports);

let locale: Locale = 'en';
let dynamicConfiguration = false;
let inlayRefresh = false;
let serverProgress = false;
let folderEvents = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown; ruleDocs?: string };
  locale = localeFrom(init.locale ?? params.locale);
  store.locale = locale;
  diagnostics.locale = locale;
  annotations.locale = locale;
  config.locale = locale;
  if (typeof init.ruleDocs === 'string') diagnostics.ruleDocs = init.ruleDocs;

  const caps = params.capabilities;
  const pull = !!caps.workspace?.configuration;
  dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  inlayRefresh = !!caps.workspace?.inlayHint?.refreshSupport;
  serverProgress = !!caps.window?.workDoneProgress;
  folderEvents = !!caps.workspace?.workspaceFolders;
  settings.init(pull, init.settings);

  const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (!folders.length && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) folders.push(root);
  }
  index.folders = folders;
  store.workspaceFolders = folders;
  config.folders = folders;

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
      inlayHintProvider: true,
      documentSymbolProvider: { label: 'zh-figures' },
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'zh-figures', version: require('../../package.json').version },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  config.load();
  void buildIndex();
  if (!folderEvents) return;
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
    const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    index.folders = [...index.folders.filter((f) => !removed.has(f)), ...added];
    store.workspaceFolders = index.folders;
    config.folders = index.folders;
    config.load();
    void buildIndex();
  });
});

/** Index the workspace in the background, with progress when the client shows it. */
async function buildIndex(): Promise<void> {
  if (!settings.defaults.workspaceIndex.enabled && !(await anyFolderWantsIndex())) return;
  const progress = serverProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  progress?.begin(say(MESSAGES.indexing, locale), 0);
  try {
    const done = await index.build(progress ? { report: (n, total) => progress.report(total ? Math.round((n / total) * 100) : 100, `${n}/${total}`) } : undefined);
    if (done) await diagnostics.checkOpen();
  } catch (e) {
    connection.console.error(`zh-figures: indexing failed: ${e instanceof Error ? e.stack : e}`);
  } finally {
    progress?.done();
  }
}

async function anyFolderWantsIndex(): Promise<boolean> {
  for (const f of index.folders) if ((await settings.forUri(require('url').pathToFileURL(f).href)).workspaceIndex.enabled) return true;
  return false;
}

// Documents: analyse lazily once per version; check after the debounce (at once when opened).
const justOpened = new Set<string>();
store.documents.onDidOpen((e) => justOpened.add(e.document.uri));
store.documents.onDidChangeContent((e) => {
  const opened = justOpened.delete(e.document.uri);
  diagnostics.schedule(e.document.uri, opened ? 0 : undefined);
});
store.documents.onDidClose((e) => {
  annotations.forget(e.document.uri);
  diagnostics.closed(e.document.uri);
  // Cross-file findings of the other documents may have depended on it.
  diagnostics.schedule(e.document.uri);
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change?.settings);
  store.invalidateAll();
  index.clear();
  void buildIndex();
  void diagnostics.checkOpen();
  if (inlayRefresh) void connection.languages.inlayHint.refresh();
});

connection.onDidChangeWatchedFiles(async (e) => {
  let touched = false;
  for (const c of Array.isArray(e?.changes) ? e.changes : []) {
    const file = uriToPath(c?.uri);
    if (!file) continue;
    if (file.endsWith('.zh-figures.json')) {
      // Base date and dictionary may have changed: analyses are redone (paragraph cache helps).
      config.load();
      store.invalidateAll();
      index.clear();
      void buildIndex();
      touched = true;
      continue;
    }
    const deleted = c.type === FileChangeType.Deleted;
    const before = index.size;
    await index.update(c.uri, deleted);
    if (deleted) diagnostics.removed(c.uri);
    touched ||= deleted || before !== index.size || !!index.get(c.uri);
  }
  if (touched) await diagnostics.checkOpen();
});

connection.onHover(async (params, token) => {
  const hover = await provideHover(store, params, locale, (doc, claim) => annotations.hover({ uri: params.textDocument.uri, doc }, claim));
  // The analysis of a huge file may have taken a while: a client that gave up gets no stale answer.
  throwIfCancelled(token);
  return hover;
});
connection.languages.inlayHint.on((params) => provideInlayHints(store, settings, params));
connection.onCodeAction(async (params) => [...(await provideCodeActions(store, diagnostics, params, locale)), ...(await annotations.codeActions(params))]);
connection.onDocumentSymbol(async (params, token) => {
  const doc = await store.get(requireUri(params?.textDocument));
  throwIfCancelled(token);
  return doc ? documentSymbols(doc, locale) : [];
});
connection.onWorkspaceSymbol((params) => workspaceSymbols(reports, typeof params?.query === 'string' ? params.query : ''));

connection.onRequest(FiguresRequest, async (params, token) => {
  requireUri(params);
  const result = await figures(reports, diagnostics, params, locale, annotations);
  throwIfCancelled(token);
  return result;
});
connection.onRequest(AnnotationsRequest, (params) => annotations.list(params.uri));
connection.onRequest(SetAnnotationRequest, (params) => annotations.set(params));
connection.onRequest(RemoveAnnotationRequest, (params) => annotations.remove(params));
connection.onRequest(FactCheckReportRequest, (params) => annotations.report(params, (list) => diagnostics.check(list)));
connection.onRequest(WorkspaceFilesRequest, () => workspaceFiles(reports, diagnostics, index));
connection.onRequest(ExportMetricsRequest, (params) => exportRequest(reports, { ...requireObject<ExportMetricsParams>(params, 'exportMetrics'), uris: optionalUris(params) }));
connection.onRequest(StatusRequest, async (params) => diagnostics.status(requireUri(params), (await reports.get(params.uri))?.doc));
connection.onRequest(CheckWorkspaceRequest, (params, token) =>
  checkWorkspace(connection, index, reports, diagnostics, params, token, locale)
);

store.documents.listen(connection);
connection.listen();
