// Quick fixes, asked for and applied the way the light bulb does: vscode.executeCodeActionProvider
// then workspace.applyEdit; then the diagnostic they answer must go away.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { PLANTED, diagnosticCode, openReport, ourDiagnostics, waitFor, workspaceFile, writeWorkspaceFile } from './helpers';

async function diagnostic(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`${code} on ${uri.path}`, () => ourDiagnostics(uri).find((d) => diagnosticCode(d) === code));
}

async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    d.range,
    vscode.CodeActionKind.QuickFix.value
  );
  // The API hands actions back without their `diagnostics`: those asked for at this range are
  // the ones VS Code would show in the light bulb for it.
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'edit' in a && !!a.edit);
}

/** A private copy of the planted report, so edits here do not disturb other tests. */
async function copyOfPlanted(name: string): Promise<vscode.TextEditor> {
  const text = Buffer.from(await vscode.workspace.fs.readFile(workspaceFile(PLANTED))).toString('utf8');
  await writeWorkspaceFile(name, text);
  return openReport(name);
}

describe('zh-figures in VS Code: quick fixes', () => {
  it('rewrites 3% as 3个百分点 and the percent-point warning goes away', async () => {
    const editor = await copyOfPlanted('quickfix-percent-point.txt');
    const doc = editor.document;
    const d = await diagnostic(doc.uri, 'percent-point-confusion');
    const fixes = await quickFixes(doc.uri, d);
    const preferred = fixes.find((a) => a.isPreferred);
    assert.ok(preferred, `a preferred fix among ${fixes.map((a) => a.title)}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!), 'the edit applies');
    assert.strictEqual(doc.lineAt(3).text, '净利润率由12%提高到15%，提高了3个百分点。');
    await waitFor('percent-point-confusion to disappear', () => !ourDiagnostics(doc.uri).some((x) => diagnosticCode(x) === 'percent-point-confusion'));
    // Only that problem was answered: the growth error on the line above stays.
    assert.ok(ourDiagnostics(doc.uri).some((x) => diagnosticCode(x) === 'growth-mismatch'));
    await doc.save();
  });

  it('silences growth-mismatch on its line with an inline marker', async () => {
    const editor = await copyOfPlanted('quickfix-silence.txt');
    const doc = editor.document;
    const d = await diagnostic(doc.uri, 'growth-mismatch');
    const fixes = await quickFixes(doc.uri, d);
    const silence = fixes.find((a) => /line|本行/.test(a.title) && /growth-mismatch/.test(a.title));
    assert.ok(silence, `a "silence on this line" action among ${fixes.map((a) => a.title)}`);
    const before = doc.lineAt(d.range.start.line).text;
    assert.ok(await vscode.workspace.applyEdit(silence.edit!), 'the edit applies');
    assert.strictEqual(doc.lineAt(d.range.start.line).text, `${before} zh-figures-disable-line growth-mismatch`);
    await waitFor('growth-mismatch to disappear', () => !ourDiagnostics(doc.uri).some((x) => diagnosticCode(x) === 'growth-mismatch'));
    // The other findings of the file are untouched.
    assert.ok(ourDiagnostics(doc.uri).some((x) => diagnosticCode(x) === 'percent-point-confusion'));
    await doc.save();
  });
});
