// The "Figures" tree: by file, then by subject or by entity (switchable), then each figure
// ("涉案金额 · 38.87亿 = 3,887,000,000 元") with an icon per kind and a mark when a diagnostic
// touches it. Follows the active editor, or shows every report of the workspace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  FiguresRequest,
  WorkspaceFilesRequest,
  type FigureGroup,
  type FigureItem,
  type FiguresResult,
  type GroupBy,
} from '../../server/src/protocol';
import type { ClaimKind } from '../../server/src/core/types';

export type TreeScope = 'activeEditor' | 'workspace';

export type FigureNode =
  | { type: 'file'; uri: string; name: string; figures: number; problems: number }
  | { type: 'group'; uri: string; group: FigureGroup }
  | { type: 'figure'; item: FigureItem }
  | { type: 'message'; text: string };

const KIND_ICONS: Record<ClaimKind, string> = {
  count: 'symbol-numeric',
  money: 'credit-card',
  percent: 'pie-chart',
  'percent-point': 'diff',
  multiple: 'graph-line',
  fraction: 'symbol-operator',
  date: 'calendar',
  time: 'watch',
  duration: 'history',
  quantity: 'symbol-ruler',
  ordinal: 'list-ordered',
};

const SEVERITY_COLORS: Record<string, string> = {
  error: 'list.errorForeground',
  warning: 'list.warningForeground',
  information: 'problemsInfoIcon.foreground',
  hint: 'problemsInfoIcon.foreground',
};

export const REVEAL_COMMAND = 'zhFigures.revealFigure';

export class FiguresTreeProvider implements vscode.TreeDataProvider<FigureNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FigureNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly cache = new Map<string, Promise<FiguresResult>>();
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  groupBy: GroupBy;
  scope: TreeScope;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: () => Promise<void>,
    private readonly isServed: (doc: vscode.TextDocument) => boolean
  ) {
    const cfg = vscode.workspace.getConfiguration('zhFigures.tree');
    this.groupBy = cfg.get<GroupBy>('groupBy', 'subject');
    this.scope = cfg.get<TreeScope>('scope', 'activeEditor');
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => {
        if (this.scope === 'activeEditor') this.refresh();
      })
    );
    void this.updateContext();
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** Refresh everything, or only what shows these files. */
  refresh(uris?: string[]): void {
    if (uris) for (const u of uris) this.cache.delete(u);
    else this.cache.clear();
    // Changes arrive in bursts while typing: repaint once.
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.changed.fire(), 50);
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.cache.clear();
    void this.updateContext();
    this.changed.fire();
  }

  setScope(scope: TreeScope): void {
    this.scope = scope;
    void this.updateContext();
    this.changed.fire();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'zhFigures.groupBy', this.groupBy);
    await vscode.commands.executeCommand('setContext', 'zhFigures.scope', this.scope);
  }

  /** The figures of one file as the server groups them (cached until the server says they changed). */
  figures(uri: string, groupBy: GroupBy = this.groupBy): Promise<FiguresResult> {
    const key = uri;
    if (groupBy !== this.groupBy) return this.ready().then(() => this.client.sendRequest(FiguresRequest, { uri, groupBy }));
    let p = this.cache.get(key);
    if (!p) {
      p = this.ready().then(() => this.client.sendRequest(FiguresRequest, { uri, groupBy }));
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }

  getTreeItem(node: FigureNode): vscode.TreeItem {
    switch (node.type) {
      case 'file': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `file:${node.uri}`;
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.description = node.problems
          ? vscode.l10n.t('{0} figures · {1} problems', node.figures, node.problems)
          : vscode.l10n.t('{0} figures', node.figures);
        item.contextValue = 'zhFigures.file';
        return item;
      }
      case 'group': {
        const g = node.group;
        const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.uri}:${this.groupBy}:${g.key}`;
        const problems = g.items.reduce((n, i) => n + (i.problems ? 1 : 0), 0);
        item.description = problems ? `${g.items.length} · ⚠ ${problems}` : String(g.items.length);
        item.iconPath = new vscode.ThemeIcon(this.groupBy === 'entity' ? 'organization' : 'symbol-field');
        item.contextValue = 'zhFigures.group';
        return item;
      }
      case 'figure': {
        const f = node.item;
        const item = new vscode.TreeItem(f.label, vscode.TreeItemCollapsibleState.None);
        item.id = `figure:${f.uri}:${this.groupBy}:${f.id}`;
        const color = f.severity ? new vscode.ThemeColor(SEVERITY_COLORS[f.severity]) : undefined;
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[f.kind] ?? 'symbol-numeric', color);
        item.description = f.problems ? `⚠ ${f.problems}` : undefined;
        const tip = new vscode.MarkdownString();
        tip.appendText(`${f.text}\n`);
        tip.appendText(`${f.kind} · ${f.qualifier}${f.unit ? ` · ${f.unit}` : ''}${f.entity ? ` · ${f.entity}` : ''}\n`);
        if (f.problems) tip.appendText(vscode.l10n.t('{0} problems touch this figure', f.problems));
        item.tooltip = tip;
        item.contextValue = f.problems ? 'zhFigures.figure.problem' : 'zhFigures.figure';
        item.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Reveal Figure'), arguments: [f.uri, f.range] };
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  async getChildren(node?: FigureNode): Promise<FigureNode[]> {
    if (!node) return this.roots();
    if (node.type === 'file') {
      const r = await this.figures(node.uri);
      if (r.skipped) return [{ type: 'message', text: skippedText(r.skipped) }];
      return r.groups.map((group) => ({ type: 'group', uri: node.uri, group }));
    }
    if (node.type === 'group') return node.group.items.map((item) => ({ type: 'figure', item }));
    return [];
  }

  getParent(): undefined {
    return undefined;
  }

  private async roots(): Promise<FigureNode[]> {
    await this.ready();
    if (this.scope === 'workspace') {
      const r = await this.client.sendRequest(WorkspaceFilesRequest, {});
      const files: FigureNode[] = r.files.map((f) => ({ type: 'file', uri: f.uri, name: f.name, figures: f.figures, problems: f.problems }));
      if (r.indexing) files.push({ type: 'message', text: vscode.l10n.t('Indexing reports…') });
      return files.length ? files : [{ type: 'message', text: vscode.l10n.t('No reports in this workspace.') }];
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.isServed(editor.document)) return [{ type: 'message', text: vscode.l10n.t('Open a report to see its figures.') }];
    const uri = editor.document.uri.toString();
    const r = await this.figures(uri);
    const problems = r.groups.reduce((n, g) => n + g.items.filter((i) => i.problems).length, 0);
    const name = vscode.workspace.asRelativePath(editor.document.uri, false);
    return [{ type: 'file', uri, name, figures: r.total, problems }];
  }
}

export function skippedText(reason: string): string {
  switch (reason) {
    case 'too-large':
      return vscode.l10n.t('Not checked: the file is larger than zhFigures.maxFileSize.');
    case 'little-chinese':
      return vscode.l10n.t('Not checked: the file has too little Chinese text.');
    case 'language':
      return vscode.l10n.t('Not checked: the language is not in zhFigures.languages.');
    default:
      return vscode.l10n.t('Not checked: the file could not be read.');
  }
}
