// The extension's commands. Each returns a value so that tests (and other extensions) can
// drive them with vscode.commands.executeCommand and check the result.
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest,
  ExportMetricsRequest,
  type CheckWorkspaceResult,
  type ExportFormat,
  type ExportMetricsResult,
} from '../../server/src/protocol';
import type { FiguresTreeProvider } from './figures-tree';
import { RULE_CODES, type RuleDocs } from './rule-docs';

export const COMMANDS = {
  checkWorkspace: 'zhFigures.checkWorkspace',
  exportMetrics: 'zhFigures.exportMetrics',
  toggleInlayHints: 'zhFigures.toggleInlayHints',
  openRuleDocumentation: 'zhFigures.openRuleDocumentation',
  revealFigure: 'zhFigures.revealFigure',
  groupBySubject: 'zhFigures.tree.groupBySubject',
  groupByEntity: 'zhFigures.tree.groupByEntity',
  followEditor: 'zhFigures.tree.followEditor',
  showWorkspace: 'zhFigures.tree.showWorkspace',
  refreshTree: 'zhFigures.tree.refresh',
  restartServer: 'zhFigures.restartServer',
} as const;

export interface ExportArgs {
  scope?: 'file' | 'workspace';
  format?: ExportFormat;
  /** The file to export (scope "file"); default: the active editor's. */
  uri?: string;
  /** Where to write; omitted when called with arguments: nothing is written, the result is returned. */
  target?: vscode.Uri;
}

export interface CommandDeps {
  client: LanguageClient;
  ready: () => Promise<void>;
  tree: FiguresTreeProvider;
  docs: RuleDocs;
  restart: () => Promise<void>;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { client, ready, tree, docs } = deps;
  return [
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => checkWorkspace(client, ready, tree)),
    vscode.commands.registerCommand(COMMANDS.exportMetrics, (args?: ExportArgs) => exportMetrics(client, ready, args)),
    vscode.commands.registerCommand(COMMANDS.toggleInlayHints, toggleInlayHints),
    vscode.commands.registerCommand(COMMANDS.openRuleDocumentation, async (code?: unknown) => {
      // From a diagnostic's context the argument may be a diagnostic or a { value } code.
      let rule = typeof code === 'string' ? code : (code as { code?: unknown; value?: unknown } | undefined)?.value ?? (code as { code?: unknown })?.code;
      if (rule && typeof rule === 'object') rule = (rule as { value?: unknown }).value;
      if (typeof rule !== 'string') rule = await vscode.window.showQuickPick([...RULE_CODES], { placeHolder: vscode.l10n.t('Which rule?') });
      return typeof rule === 'string' ? docs.open(rule) : undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.revealFigure, revealFigure),
    vscode.commands.registerCommand(COMMANDS.groupBySubject, () => tree.setGroupBy('subject')),
    vscode.commands.registerCommand(COMMANDS.groupByEntity, () => tree.setGroupBy('entity')),
    vscode.commands.registerCommand(COMMANDS.followEditor, () => tree.setScope('activeEditor')),
    vscode.commands.registerCommand(COMMANDS.showWorkspace, () => tree.setScope('workspace')),
    vscode.commands.registerCommand(COMMANDS.refreshTree, () => tree.refresh()),
    vscode.commands.registerCommand(COMMANDS.restartServer, deps.restart),
  ];
}

/** Open the file and select the figure. Accepts the range as LSP JSON or a vscode.Range. */
export async function revealFigure(
  uri: string | vscode.Uri,
  range: vscode.Range | { start: { line: number; character: number }; end: { line: number; character: number } }
): Promise<vscode.TextEditor> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const r =
    range instanceof vscode.Range
      ? range
      : new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const doc = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false, preview: true });
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

async function checkWorkspace(client: LanguageClient, ready: () => Promise<void>, tree: FiguresTreeProvider): Promise<CheckWorkspaceResult | undefined> {
  await ready();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking reports in the workspace'), cancellable: true },
    async (progress, token) => {
      const workDoneToken = `zhFigures-check-${Date.now()}`;
      let last = 0;
      const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
        if (p.kind === 'end') return;
        const pct = p.percentage ?? last;
        progress.report({ increment: Math.max(0, pct - last), message: p.message });
        last = pct;
      });
      try {
        return await client.sendRequest(CheckWorkspaceRequest, { workDoneToken }, token);
      } catch (e) {
        if (token.isCancellationRequested) return { files: 0, problems: 0, cancelled: true };
        throw e;
      } finally {
        sub.dispose();
      }
    }
  );
  tree.refresh();
  if (result.cancelled) void vscode.window.showInformationMessage(vscode.l10n.t('Workspace check cancelled.'));
  else
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Checked {0} reports: {1} problems.', result.files, result.problems)
    );
  return result;
}

async function exportMetrics(client: LanguageClient, ready: () => Promise<void>, args?: ExportArgs): Promise<ExportMetricsResult | undefined> {
  const interactive = args === undefined;
  const a: ExportArgs = { ...args };
  const active = vscode.window.activeTextEditor?.document.uri;
  if (!a.scope) {
    const file = { label: vscode.l10n.t('Current file'), scope: 'file' as const };
    const ws = { label: vscode.l10n.t('Whole workspace'), scope: 'workspace' as const };
    const picked = await vscode.window.showQuickPick(active ? [file, ws] : [ws], { placeHolder: vscode.l10n.t('Export the figures of…') });
    if (!picked) return undefined;
    a.scope = picked.scope;
  }
  if (!a.format) {
    const picked = await vscode.window.showQuickPick(['csv', 'json'], { placeHolder: vscode.l10n.t('Format') });
    if (!picked) return undefined;
    a.format = picked as ExportFormat;
  }
  const uri = a.uri ?? active?.toString();
  if (a.scope === 'file' && !uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report to export its figures.'));
    return undefined;
  }
  await ready();
  const result = await client.sendRequest(ExportMetricsRequest, { uris: a.scope === 'file' ? [uri!] : [], format: a.format });
  let target = a.target;
  if (!target && interactive) {
    const base = a.scope === 'file' && uri ? vscode.Uri.parse(uri).path.split('/').pop()!.replace(/\.[^.]+$/, '') : 'workspace';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.figures.${a.format}`) : undefined,
      filters: a.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    });
    if (!target) return result;
  }
  if (target) {
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.content, 'utf8'));
    if (interactive) {
      const open = vscode.l10n.t('Open');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Exported {0} figures from {1} files.', result.figures, result.files),
        open
      );
      if (choice === open) await vscode.window.showTextDocument(target);
    }
  }
  return result;
}

/** Flip zhFigures.inlayHints.enabled where it is set (the workspace if set there, else the user settings). */
async function toggleInlayHints(): Promise<boolean> {
  const cfg = vscode.workspace.getConfiguration('zhFigures');
  const info = cfg.inspect<boolean>('inlayHints.enabled');
  const now = cfg.get<boolean>('inlayHints.enabled', false);
  const target = info?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await cfg.update('inlayHints.enabled', !now, target);
  return !now;
}
