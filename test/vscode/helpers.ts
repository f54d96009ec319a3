// Shared by the in-host tests: the extension's API, the test workspace's files, and polling
// (the language server answers asynchronously: tests wait for a state, never for a fixed time).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ZhFiguresApi } from '../../client/src/extension';

export const EXTENSION_ID = 'zh-figures.zh-figures';
export const SOURCE = 'zh-figures';
export const ALIBABA = 'alibaba-ip-protection-2021.txt';
export const PLANTED = 'planted-report.txt';

export function extension(): vscode.Extension<ZhFiguresApi> {
  const ext = vscode.extensions.getExtension<ZhFiguresApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/** The activated extension's API, once its language server is up. */
export async function api(): Promise<ZhFiguresApi> {
  const exports = await extension().activate();
  await exports.ready;
  return exports;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (the runner opens one with the seed reports)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

export async function openReport(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Poll until probe returns something truthy; fail with what was awaited and the last value seen. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Position of `needle` in the document, `delta` code units into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not found in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

export function diagnosticCode(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Hover contents as plain text. The API hands markdown back escaped (`\-`, `\>`, `&nbsp;`):
 * undo that and collapse whitespace, so tests match what the user reads.
 */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/\s+/g, ' ');
}

export function inlayLabel(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), doc.positionAt(doc.getText().length));
}
