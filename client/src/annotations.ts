// Fact-check annotations in the editor: the commands that mark a claim verified, disputed or
// needing a source (from the hover's links, the code actions and the Figures view's context
// menu), with an optional note and source asked in input boxes; a decoration after each marked
// claim; the counts handed to the status bar; the tree's "only unverified" filter. The marks
// themselves live in `.zh-figures/annotations.json`, written by the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ANNOTATION_COMMAND_IDS,
  AnnotationsChangedNotification,
  AnnotationsRequest,
  FactCheckReportRequest,
  RemoveAnnotationRequest,
  SetAnnotationRequest,
  type AnnotationsResult,
  type AnnotationStatus,
  type FactCheckReportFormat,
  type FactCheckReportResult,
  type FigureAnnotation,
  type SetAnnotationResult,
} from '../../server/src/protocol';
import type { FigureNode, FiguresTreeProvider } from './figures-tree';
import type { FiguresStatusBar } from './status-bar';

export const ANNOTATION_COMMANDS = {
  markVerified: ANNOTATION_COMMAND_IDS.verified,
  markDisputed: ANNOTATION_COMMAND_IDS.disputed,
  markNeedsSource: ANNOTATION_COMMAND_IDS['needs-source'],
  markClaim: 'zhFigures.markClaim',
  removeMark: ANNOTATION_COMMAND_IDS.remove,
  showUnverified: 'zhFigures.tree.showUnverified',
  showAllClaims: 'zhFigures.tree.showAllClaims',
  exportReport: 'zhFigures.exportFactCheckReport',
} as const;

export interface ReportArgs {
  scope?: 'file' | 'workspace';
  format?: FactCheckReportFormat;
  /** The file (scope "file"); default: the active editor's. */
  uri?: string;
  /** Where to write; omitted when called with arguments: nothing is written, the result is returned. */
  target?: vscode.Uri;
}

/** Where to mark: a position in a file (hover links, code actions, tests) or a tree node. */
export interface MarkArgs {
  uri?: string;
  position?: { line: number; character: number };
  /** For removal: the mark's id. */
  id?: string;
  status?: AnnotationStatus;
  /** Given (even ""): not asked. */
  note?: string;
  source?: string;
}

type Target = MarkArgs | FigureNode | vscode.Uri | undefined;

const STATUS_STYLE: Record<AnnotationStatus | 'stale', { symbol: string; color: string }> = {
  verified: { symbol: '✓', color: 'testing.iconPassed' },
  disputed: { symbol: '✗', color: 'testing.iconFailed' },
  'needs-source': { symbol: '?', color: 'editorWarning.foreground' },
  stale: { symbol: '⟳', color: 'editorInfo.foreground' },
};

export function statusText(status: AnnotationStatus): string {
  switch (status) {
    case 'verified':
      return vscode.l10n.t('verified');
    case 'disputed':
      return vscode.l10n.t('disputed');
    default:
      return vscode.l10n.t('needs source');
  }
}

export class AnnotationsController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly decorations = new Map<AnnotationStatus | 'stale', vscode.TextEditorDecorationType>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: () => Promise<void>,
    private readonly isServed: (doc: vscode.TextDocument) => boolean,
    private readonly tree: FiguresTreeProvider,
    private readonly status: FiguresStatusBar
  ) {
    for (const [key, style] of Object.entries(STATUS_STYLE) as Array<[AnnotationStatus | 'stale', { symbol: string; color: string }]>) {
      const color = new vscode.ThemeColor(style.color);
      this.decorations.set(
        key,
        vscode.window.createTextEditorDecorationType({
          borderWidth: '0 0 1px 0',
          borderStyle: key === 'stale' ? 'dashed' : 'solid',
          borderColor: color,
          overviewRulerColor: color,
          overviewRulerLane: vscode.OverviewRulerLane.Left,
          after: { contentText: style.symbol, color, margin: '0 0 0 0.15em', fontWeight: 'bold' },
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        })
      );
    }
    this.disposables.push(
      ...this.decorations.values(),
      client.onNotification(AnnotationsChangedNotification, (e) => this.changed(e.uris)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.schedule(e.document.uri.toString(), 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document.uri.toString(), 400);
      })
    );
    // Other windows, the CLI or a git pull change the store: repaint everything.
    const watcher = vscode.workspace.createFileSystemWatcher('**/.zh-figures/annotations.json');
    const external = () => this.changed();
    this.disposables.push(watcher, watcher.onDidChange(external), watcher.onDidCreate(external), watcher.onDidDelete(external));
    this.refreshVisible();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  commands(): vscode.Disposable[] {
    const mark = (status: AnnotationStatus) => (target?: Target) => this.mark(status, target);
    return [
      vscode.commands.registerCommand(ANNOTATION_COMMANDS.markVerified, mark('verified')),
      vscode.commands.registerCommand(ANNOTATION_COMMANDS.markDisputed, mark('disputed')),
      vscode.commands.registerCommand(ANNOTATION_COMMANDS.markNeedsSource, mark('needs-source')),
      vscode.commands.registerCommand(ANNOTATION_COMMANDS.markClaim, (target?: Target) => this.mark(undefined, target)),
      vscode.commands.registerCommand(ANNOTATION_COMMANDS.removeMark, (target?: Target) => this.remove(target)),
      vscode.commands.registerCommand(ANNOTATION_COMMANDS.showUnverified, () => this.tree.setOnlyUnverified(true)),
      vscode.commands.registerCommand(ANNOTATION_COMMANDS.showAllClaims, () => this.tree.setOnlyUnverified(false)),
      vscode.commands.registerCommand(ANNOTATION_COMMANDS.exportReport, (args?: ReportArgs) => this.exportReport(args)),
    ];
  }

  /** The fact-check report (as `zh-figures report`) of the current file or the workspace, saved where the user says. */
  async exportReport(args?: ReportArgs): Promise<FactCheckReportResult | undefined> {
    const interactive = args === undefined || args instanceof vscode.Uri;
    const a: ReportArgs = interactive ? {} : { ...args };
    const active = vscode.window.activeTextEditor?.document.uri;
    if (!a.scope) {
      const file = { label: vscode.l10n.t('Current file'), scope: 'file' as const };
      const ws = { label: vscode.l10n.t('Whole workspace'), scope: 'workspace' as const };
      const picked = await vscode.window.showQuickPick(active ? [file, ws] : [ws], { placeHolder: vscode.l10n.t('Report on…') });
      if (!picked) return undefined;
      a.scope = picked.scope;
    }
    if (!a.format) {
      const formats: Array<vscode.QuickPickItem & { format: FactCheckReportFormat }> = [
        { label: 'Markdown', format: 'md' },
        { label: 'CSV', format: 'csv' },
        { label: 'JSON', format: 'json' },
      ];
      const picked = await vscode.window.showQuickPick(formats, { placeHolder: vscode.l10n.t('Format') });
      if (!picked) return undefined;
      a.format = picked.format;
    }
    const uri = a.uri ?? active?.toString();
    if (a.scope === 'file' && !uri) return undefined;
    await this.ready();
    const result = await this.client.sendRequest(FactCheckReportRequest, { uris: a.scope === 'file' ? [uri!] : [], format: a.format });
    let target = a.target;
    if (!target && interactive) {
      const base = a.scope === 'file' && uri ? vscode.Uri.parse(uri).path.split('/').pop()!.replace(/\.[^.]+$/, '') : 'workspace';
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.fact-check.${a.format}`) : undefined,
        filters: a.format === 'md' ? { Markdown: ['md'] } : a.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      });
      if (!target) return result;
    }
    if (target) {
      await vscode.workspace.fs.writeFile(target, Buffer.from(result.content, 'utf8'));
      if (interactive) await vscode.window.showTextDocument(target, { preview: false });
    }
    return result;
  }

  /** The marks of a document as the server places them now. */
  async marks(uri: vscode.Uri | string): Promise<AnnotationsResult> {
    await this.ready();
    const key = typeof uri === 'string' ? uri : uri.toString();
    return this.client.sendRequest(AnnotationsRequest, { uri: key });
  }

  /** Mark the claim at the target; asks what is not given (status, note, source). */
  async mark(status: AnnotationStatus | undefined, target?: Target): Promise<SetAnnotationResult | undefined> {
    const t = this.resolveTarget(target);
    if (!t?.uri || !t.position) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Put the cursor on a figure to mark it.'));
      return undefined;
    }
    const args = target && !(target instanceof vscode.Uri) && !('type' in target) ? target : {};
    status ??= args.status ?? (await this.pickStatus());
    if (!status) return undefined;
    const existing = await this.markAt(t.uri, t.position);
    let note = args.note;
    if (note === undefined) {
      note = await vscode.window.showInputBox({
        title: vscode.l10n.t('Mark as {0}', statusText(status)),
        prompt: vscode.l10n.t('Note (optional): what was checked, what is wrong'),
        value: existing?.note ?? '',
        ignoreFocusOut: true,
      });
      if (note === undefined) return undefined;
    }
    let source = args.source;
    if (source === undefined) {
      source = await vscode.window.showInputBox({
        title: vscode.l10n.t('Mark as {0}', statusText(status)),
        prompt: vscode.l10n.t('Source (optional): the URL or document the figure was checked against'),
        placeHolder: 'https://',
        value: existing?.source ?? '',
        ignoreFocusOut: true,
      });
      if (source === undefined) return undefined;
    }
    await this.ready();
    const result = await this.client.sendRequest(SetAnnotationRequest, { uri: t.uri, position: t.position, status, note, source });
    if (result.error) void vscode.window.showWarningMessage(result.error);
    await this.changed([t.uri]);
    return result;
  }

  async remove(target?: Target): Promise<boolean> {
    const t = this.resolveTarget(target);
    if (!t?.uri) return false;
    await this.ready();
    const r = await this.client.sendRequest(RemoveAnnotationRequest, { uri: t.uri, id: t.id, position: t.id ? undefined : t.position });
    if (r.error) void vscode.window.showWarningMessage(r.error);
    await this.changed([t.uri]);
    return r.removed;
  }

  private async pickStatus(): Promise<AnnotationStatus | undefined> {
    const items: Array<vscode.QuickPickItem & { status: AnnotationStatus }> = [
      { label: `$(pass) ${statusText('verified')}`, status: 'verified' },
      { label: `$(error) ${statusText('disputed')}`, status: 'disputed' },
      { label: `$(question) ${statusText('needs-source')}`, status: 'needs-source' },
    ];
    return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Mark the figure as…') }))?.status;
  }

  private async markAt(uri: string, position: { line: number; character: number }): Promise<FigureAnnotation | undefined> {
    const r = await this.marks(uri).catch(() => undefined);
    const p = new vscode.Position(position.line, position.character);
    return r?.marks.find((m) => m.range && new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character).contains(p));
  }

  /** A command's target: explicit args, a tree node, or the active editor's cursor. */
  private resolveTarget(target: Target): { uri?: string; position?: { line: number; character: number }; id?: string } | undefined {
    if (target && !(target instanceof vscode.Uri) && 'type' in target) {
      if (target.type === 'figure') return { uri: target.item.uri, position: target.item.range.start, id: target.item.annotation?.id };
      if (target.type === 'staleMark') return { uri: target.uri, id: target.mark.id };
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (target instanceof vscode.Uri || !target || (!target.uri && !target.position)) {
      if (!editor) return undefined;
      return { uri: editor.document.uri.toString(), position: editor.selection.active };
    }
    return { uri: target.uri ?? editor?.document.uri.toString(), position: target.position, id: target.id };
  }

  private schedule(uri: string, delay: number): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.paint(uri).catch(() => undefined);
      }, delay)
    );
  }

  private refreshVisible(): void {
    for (const e of vscode.window.visibleTextEditors) if (this.isServed(e.document)) this.schedule(e.document.uri.toString(), 0);
  }

  /** Marks changed (here, in another window or on disk): repaint, recount, refresh the tree. */
  private async changed(uris?: string[]): Promise<void> {
    this.tree.refresh(uris);
    const visible = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString());
    await Promise.all([...new Set(uris ? visible.filter((u) => uris.includes(u)) : visible)].map((u) => this.paint(u).catch(() => undefined)));
  }

  private async paint(uri: string): Promise<void> {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri && this.isServed(e.document));
    if (!editors.length) return;
    const r = await this.marks(uri);
    const doc = editors[0].document;
    // Placed on an older version: a newer paint is scheduled by the change that made it old.
    if (r.version !== null && r.version !== doc.version) return;
    const ranges = new Map<AnnotationStatus | 'stale', vscode.DecorationOptions[]>();
    for (const key of this.decorations.keys()) ranges.set(key, []);
    for (const m of r.marks) {
      if (!m.range) continue;
      const range = new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character);
      // The server's hover tells the verdict of a claim; a stale mark may sit on words that are no claim.
      const hoverMessage = m.stale ? new vscode.MarkdownString().appendText(vscode.l10n.t('Marked {0} when it read “{1}”: review it.', statusText(m.status), m.markedText)) : undefined;
      ranges.get(m.stale ? 'stale' : m.status)!.push({ range, hoverMessage });
    }
    for (const e of editors) for (const [key, type] of this.decorations) e.setDecorations(type, ranges.get(key)!);
    this.status.setAnnotations(uri, r.counts);
  }
}
