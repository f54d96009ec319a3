// The "Figures" tree: by file, then by subject or by entity (switchable), then each figure
// ("涉案金额 · 38.87亿 = 3,887,000,000 元") with an icon per kind and a mark when a diagnostic
// touches it. Follows the active editor, or shows every report of the workspace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  FiguresRequest,
  WorkspaceFilesRequest,
  type FigureGroup,
  type FigureAnnotation,
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
  /** A fact-check mark whose claim is no longer found (stale), listed under its file for review. */
  | { type: 'staleMark'; uri: string; mark: FigureAnnotation }
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

/** Icon and colour of a figure's fact-check mark. */
const MARK_ICONS: Record<string, [string, string]> = {
  verified: ['pass', 'testing.iconPassed'],
  disputed: ['error', 'testing.iconFailed'],
  'needs-source': ['question', 'editorWarning.foreground'],
  stale: ['history', 'editorInfo.foreground'],
};

function markLabel(a: FigureAnnotation): string {
  const status = a.status === 'verified' ? vscode.l10n.t('verified') : a.status === 'disputed' ? vscode.l10n.t('disputed') : vscode.l10n.t('needs source');
  return a.stale ? vscode.l10n.t('{0} (stale)', status) : status;
}

/** Still to check: unmarked, disputed, waiting for a source, or verified on a text that has changed since. */
export function isUnverified(item: FigureItem): boolean {
  return !item.annotation || item.annotation.stale || item.annotation.status !== 'verified';
}

export class FiguresTreeProvider implements vscode.TreeDataProvider<FigureNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FigureNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly cache = new Map<string, Promise<FiguresResult>>();
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  groupBy: GroupBy;
  scope: TreeScope;
  /** Show only the claims still to check (see isUnverified). */
  onlyUnverified = false;

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
      }),
      // The file row shows the problem count: repaint it when the active file's problems change.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (this.scope === 'activeEditor' && active && e.uris.some((u) => u.toString() === active)) this.changed.fire();
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

  setOnlyUnverified(on: boolean): void {
    this.onlyUnverified = on;
    void this.updateContext();
    this.changed.fire();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'zhFigures.onlyUnverified', this.onlyUnverified);
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
        const a = f.annotation;
        if (a) {
          const [icon, markColor] = MARK_ICONS[a.stale ? 'stale' : a.status];
          item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(markColor));
          item.description = [markLabel(a), item.description].filter(Boolean).join(' · ');
        }
        const tip = new vscode.MarkdownString();
        tip.appendText(`${f.text}\n`);
        tip.appendText(`${f.kind} · ${f.qualifier}${f.unit ? ` · ${f.unit}` : ''}${f.entity ? ` · ${f.entity}` : ''}\n`);
        if (f.problems) tip.appendText(f.problems === 1 ? vscode.l10n.t('1 problem touches this figure') : vscode.l10n.t('{0} problems touch this figure', f.problems));
        if (a) tip.appendText(`\n${markLabel(a)}${a.stale ? ` (${a.markedText})` : ''}${a.note ? ` — ${a.note}` : ''}${a.source ? ` · ${a.source}` : ''}`);
        item.tooltip = tip;
        item.contextValue = (f.problems ? 'zhFigures.figure.problem' : 'zhFigures.figure') + (a ? '.marked' : '');
        item.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Reveal Figure'), arguments: [f.uri, f.range] };
        return item;
      }
      case 'staleMark': {
        const m = node.mark;
        const item = new vscode.TreeItem(m.markedText, vscode.TreeItemCollapsibleState.None);
        item.id = `staleMark:${node.uri}:${m.id}`;
        item.iconPath = new vscode.ThemeIcon(MARK_ICONS.stale[0], new vscode.ThemeColor(MARK_ICONS.stale[1]));
        item.description = `${markLabel(m)} · ${vscode.l10n.t('claim not found')}`;
        item.tooltip = [vscode.l10n.t('The claim this mark was made on is no longer in the text: review the verdict or remove the mark.'), m.note, m.source].filter(Boolean).join('\n');
        item.contextValue = 'zhFigures.staleMark';
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
      const groups = this.onlyUnverified
        ? r.groups.map((g) => ({ ...g, items: g.items.filter(isUnverified) })).filter((g) => g.items.length)
        : r.groups;
      const nodes: FigureNode[] = groups.map((group) => ({ type: 'group', uri: node.uri, group }));
      for (const mark of r.staleMarks ?? []) nodes.push({ type: 'staleMark', uri: node.uri, mark });
      return nodes;
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
    // The problems of the file, as the Problems panel counts them (not the figures they touch).
    const problems = countProblems(editor.document.uri);
    const name = vscode.workspace.asRelativePath(editor.document.uri, false);
    return [{ type: 'file', uri, name, figures: r.total, problems }];
  }
}

/** Problems the zh-figures server reported for a file. */
export function countProblems(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zh-figures').length;
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
