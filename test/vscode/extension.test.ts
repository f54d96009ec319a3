// Activation, hover and diagnostics, as VS Code itself sees them (through its provider API,
// not by talking to the language server directly).
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  ALIBABA,
  PLANTED,
  SOURCE,
  api,
  diagnosticCode,
  extension,
  hoverText,
  openReport,
  ourDiagnostics,
  positionOf,
  waitFor,
} from './helpers';

describe('zh-figures in VS Code: activation, hover, diagnostics', () => {
  it('activates when a plain-text report is opened and exposes its API and commands', async () => {
    await openReport(ALIBABA);
    // Activation comes from onLanguage:plaintext, not from the test calling activate().
    await waitFor('the extension to activate on a .txt report', () => extension().isActive);
    const exports = await api();
    assert.strictEqual(typeof exports.getFigures, 'function');
    assert.strictEqual(typeof exports.getStatus, 'function');
    assert.ok(exports.treeProvider && exports.treeView, 'tree provider and view are exported');
    const all = await vscode.commands.getCommands(true);
    for (const id of Object.values(exports.commands)) assert.ok(all.includes(id), `command ${id} is registered`);
  });

  it('hovers 超64万项 with the full value 640,000 and the "over" interval', async () => {
    const editor = await openReport(ALIBABA);
    const doc = editor.document;
    const at = positionOf(doc, '超64万项', 2);
    const text = await waitFor('a zh-figures hover on 超64万项', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const t = hoverText(hovers ?? []);
      return /640,000/.test(t) ? t : undefined;
    });
    assert.match(text, /> 640,000 项/, `the interval "more than 640,000" is stated: ${text}`);
    assert.match(text, /\bover\b|超过/, text);
    assert.match(text, /64 ?万项/, `the 万 form is shown: ${text}`);
    // The hover covers the whole claim, qualifier and measure word included.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const ours = hovers.find((h) => /640,000/.test(hoverText([h])));
    assert.ok(ours?.range, 'the hover has the claim range');
    assert.strictEqual(doc.getText(ours.range), '超64万项');
  });

  it('publishes the seed report\'s diagnostics, and they agree with the server\'s own counts', async () => {
    const editor = await openReport(ALIBABA);
    const uri = editor.document.uri;
    const exports = await api();
    const agreed = await waitFor('Problems to match the server status', async () => {
      const status = await exports.getStatus(uri);
      const diags = ourDiagnostics(uri);
      const count = (s: vscode.DiagnosticSeverity) => diags.filter((d) => d.severity === s).length;
      const same =
        status.version === editor.document.version &&
        count(vscode.DiagnosticSeverity.Error) === status.errors &&
        count(vscode.DiagnosticSeverity.Warning) === status.warnings &&
        count(vscode.DiagnosticSeverity.Information) === status.infos &&
        count(vscode.DiagnosticSeverity.Hint) === status.hints;
      return same ? { status, diags } : undefined;
    });
    assert.ok(agreed.status.figures > 20, `the seed has many figures (${agreed.status.figures})`);
    assert.strictEqual(agreed.status.skipped, null);
    for (const d of agreed.diags) {
      assert.strictEqual(d.source, SOURCE);
      assert.match(String(diagnosticCode(d)), /^[a-z]+(-[a-z0-9]+)+$/, 'codes are the contract\'s rule codes');
      assert.ok(!d.range.isEmpty, 'a diagnostic points at text');
    }
  });

  it('reports the planted inconsistencies with severity, message, related figures and a rule link', async () => {
    const editor = await openReport(PLANTED);
    const doc = editor.document;
    const diags = await waitFor('growth-mismatch on the planted report', () => {
      const d = ourDiagnostics(doc.uri);
      return d.some((x) => diagnosticCode(x) === 'growth-mismatch') ? d : undefined;
    });
    const growth = diags.find((d) => diagnosticCode(d) === 'growth-mismatch')!;
    assert.strictEqual(growth.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(doc.getText(growth.range), '25.6%');
    assert.match(growth.message, /20\.0%/, 'the message gives the growth the figures imply');
    const related = (growth.relatedInformation ?? []).map((r) => doc.getText(r.location.range));
    assert.deepStrictEqual(related, ['86.4亿元', '103.7亿元']);
    // The client turns each code into a link to the rule's documentation.
    assert.ok(typeof growth.code === 'object' && growth.code.target instanceof vscode.Uri, 'the code links to its documentation');

    const pp = diags.find((d) => diagnosticCode(d) === 'percent-point-confusion');
    assert.ok(pp, `percent-point-confusion among ${diags.map(diagnosticCode)}`);
    assert.strictEqual(pp.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(pp.range.start.line, 3);
  });
});
