// The zh-figures extension: starts the language server (over IPC) and adds what LSP has no
// standard for: the Figures tree, the status-bar counts and the commands. `activate` returns
// an API object that tests and other extensions use.
import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  FiguresChangedNotification,
  StatusRequest,
  type DocumentStatus,
  type FiguresResult,
  type GroupBy,
} from '../../server/src/protocol';
import { ANNOTATION_COMMANDS, AnnotationsController } from './annotations';
import { COMMANDS, registerCommands } from './commands';
import { FiguresTreeProvider, type FigureNode } from './figures-tree';
import { RuleDocs } from './rule-docs';
import { FiguresStatusBar } from './status-bar';

/** Document schemes served: files, unsaved files and virtual workspaces (not output panes, git views). */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'];
const DEFAULT_LANGUAGES = ['plaintext', 'markdown', 'zh-report'];

export interface ZhFiguresApi {
  client: LanguageClient;
  /** Resolves once the server has started and answered `initialize`. */
  ready: Promise<void>;
  /** The figures of a file (open or not), grouped by subject (default) or entity. */
  getFigures(uri: vscode.Uri | string, groupBy?: GroupBy): Promise<FiguresResult>;
  /** Figure and problem counts of a file. */
  getStatus(uri: vscode.Uri | string): Promise<DocumentStatus>;
  treeProvider: FiguresTreeProvider;
  treeView: vscode.TreeView<FigureNode>;
  commands: typeof COMMANDS;
  /** Fact-check marks: `annotations.marks(uri)` and the mark/remove commands' implementation. */
  annotations: AnnotationsController;
}

function languages(): string[] {
  return vscode.workspace.getConfiguration('zhFigures').get<string[]>('languages', DEFAULT_LANGUAGES);
}

function selector(langs: string[]): DocumentSelector {
  return langs.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme })));
}

export async function activate(context: vscode.ExtensionContext): Promise<ZhFiguresApi> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    // stdio: the server's transport encodes a long report's diagnostics from the JSON of the
    // unchanged ones (server/src/lsp/transport.ts), which IPC cannot.
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const docs = new RuleDocs(context.extensionPath);
  let served = languages();
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(served),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.txt,*.md,*.markdown,*.zhr,*.zh-report,.zh-figures.json}'),
    },
    initializationOptions: { locale: vscode.env.language },
    // The hover's fact-check links run these commands (and nothing else).
    markdown: { isTrusted: { enabledCommands: Object.values(ANNOTATION_COMMANDS) } },
    outputChannelName: 'zh-figures',
    middleware: {
      // Make each rule code a link to its documentation.
      handleDiagnostics(uri, diagnostics, next) {
        for (const d of diagnostics) {
          const code = typeof d.code === 'object' ? d.code.value : d.code;
          const target = typeof code === 'string' ? docs.target(code) : undefined;
          if (target && typeof code === 'string') d.code = { value: code, target };
        }
        next(uri, diagnostics);
      },
    },
  };
  const client = new LanguageClient('zhFigures', vscode.l10n.t('zh-figures'), serverOptions, clientOptions);
  const isServed = (doc: vscode.TextDocument): boolean => served.includes(doc.languageId) && SCHEMES.includes(doc.uri.scheme);

  // Handlers registered before start survive restarts (the client re-attaches them).
  context.subscriptions.push(client.onNotification(FiguresChangedNotification, (e) => tree.refresh(e.uris)));
  let ready = client.start();
  const whenReady = (): Promise<void> => ready;
  const tree = new FiguresTreeProvider(client, whenReady, isServed);
  const treeView = vscode.window.createTreeView('zhFigures.figures', { treeDataProvider: tree, showCollapseAll: true });
  const status = new FiguresStatusBar(client, whenReady, isServed);
  const annotations = new AnnotationsController(client, whenReady, isServed, tree, status);

  void ready.catch((e) => void vscode.window.showErrorMessage(vscode.l10n.t('zh-figures: the language server did not start: {0}', String(e))));

  const restart = async (): Promise<void> => {
    served = languages();
    // The client copied its options when constructed: change the selector it reads on start.
    client.clientOptions.documentSelector = selector(served);
    ready = client.restart();
    await ready;
    tree.refresh();
  };

  context.subscriptions.push(
    client,
    tree,
    treeView,
    status,
    ...registerCommands({ client, ready: whenReady, tree, docs, restart }),
    annotations,
    ...annotations.commands(),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when the client starts: a new language list needs a restart.
      if (e.affectsConfiguration('zhFigures.languages')) void restart();
      else if (e.affectsConfiguration('zhFigures')) tree.refresh();
    })
  );

  const toUri = (u: vscode.Uri | string): string => (typeof u === 'string' ? u : u.toString());
  return {
    client,
    get ready() {
      return whenReady();
    },
    getFigures: (uri, groupBy) => tree.figures(toUri(uri), groupBy ?? tree.groupBy),
    getStatus: async (uri) => {
      await whenReady();
      return client.sendRequest(StatusRequest, { uri: toUri(uri) });
    },
    treeProvider: tree,
    treeView,
    commands: COMMANDS,
    annotations,
  };
}

export function deactivate(): Thenable<void> | undefined {
  return undefined;
}
