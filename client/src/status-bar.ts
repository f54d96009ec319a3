// The status-bar item: figure and problem counts of the current file, from the server's
// statusChanged notifications (no polling).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, StatusRequest, type AnnotationCounts, type DocumentStatus } from '../../server/src/protocol';
import { skippedText } from './figures-tree';

export class FiguresStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zhFigures.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, DocumentStatus>();
  /** Fact-check counts per document, from the annotations controller. */
  private readonly verdicts = new Map<string, AnnotationCounts>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: () => Promise<void>,
    private readonly isServed: (doc: vscode.TextDocument) => boolean
  ) {
    this.item.name = vscode.l10n.t('zh-figures');
    this.item.command = 'zhFigures.figures.focus';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.workspace.onDidCloseTextDocument((d) => this.statuses.delete(d.uri.toString()))
    );
    this.disposables.push(
      client.onNotification(StatusNotification, (s) => {
        this.statuses.set(s.uri, s);
        if (vscode.window.activeTextEditor?.document.uri.toString() === s.uri) this.render(s);
      })
    );
    void this.update();
  }

  /** Fact-check counts of a document changed. */
  setAnnotations(uri: string, counts: AnnotationCounts): void {
    this.verdicts.set(uri, counts);
    const s = this.statuses.get(uri);
    if (s && vscode.window.activeTextEditor?.document.uri.toString() === uri) this.render(s);
  }

  /** The counts of a document as last reported by the server. */
  status(uri: string): DocumentStatus | undefined {
    return this.statuses.get(uri);
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.isServed(editor.document)) {
      this.item.hide();
      return;
    }
    const uri = editor.document.uri.toString();
    let s = this.statuses.get(uri);
    if (!s) {
      await this.ready();
      s = await this.client.sendRequest(StatusRequest, { uri });
    }
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri) this.render(s);
  }

  private render(s: DocumentStatus): void {
    if (s.skipped === 'little-chinese' || s.skipped === 'language') {
      this.item.hide();
      return;
    }
    if (s.skipped) {
      this.item.text = `$(circle-slash) ${vscode.l10n.t('figures: not checked')}`;
      this.item.tooltip = skippedText(s.skipped);
    } else {
      const problems = s.errors + s.warnings + s.infos + s.hints;
      this.item.text = `$(symbol-numeric) ${s.figures} $(${s.errors ? 'error' : s.warnings ? 'warning' : 'check'}) ${problems}`;
      this.item.tooltip = vscode.l10n.t(
        '{0} figures, {1} entities; {2} errors, {3} warnings, {4} other problems',
        s.figures,
        s.entities,
        s.errors,
        s.warnings,
        s.infos + s.hints
      );
      const v = this.verdicts.get(s.uri);
      if (v && v.claims + v.stale > 0 && v.unmarked < v.claims + v.stale) {
        this.item.text += ` $(checklist) ${v.verified}/${v.claims}${v.stale ? ` $(history) ${v.stale}` : ''}`;
        this.item.tooltip += '\n' + vscode.l10n.t('Fact-check: {0} verified, {1} disputed, {2} need a source, {3} unmarked, {4} stale', v.verified, v.disputed, v.needsSource, v.unmarked, v.stale);
      }
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
