// A settings change reaches the language server and takes effect without a restart:
// zhFigures.inlayHints.enabled (off by default) turns the normalized-value hints on.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ALIBABA, api, fullRange, inlayLabel, openReport, positionOf, waitFor } from './helpers';

async function hints(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, fullRange(doc))) ?? [];
}

describe('zh-figures in VS Code: settings', () => {
  const cfg = () => vscode.workspace.getConfiguration('zhFigures');

  after(async () => {
    await cfg().update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows no inlay hints by default, and normalized values once zhFigures.inlayHints.enabled is set', async () => {
    const editor = await openReport(ALIBABA);
    const doc = editor.document;
    await api();
    assert.strictEqual(cfg().get('inlayHints.enabled'), false, 'off by default');
    // Ask once the server has analysed the file (a hover answers only then).
    await waitFor('the server to have analysed the seed', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '超64万项', 2));
      return h && h.length > 0;
    });
    assert.deepStrictEqual((await hints(doc)).map(inlayLabel), [], 'no hints while the setting is off');

    await cfg().update('inlayHints.enabled', true, vscode.ConfigurationTarget.Global);
    const on = await waitFor('inlay hints after the setting changed', async () => {
      const h = await hints(doc);
      return h.length > 0 ? h : undefined;
    });
    const over = on.find((h) => inlayLabel(h) === '> 640,000 项');
    assert.ok(over, `a hint "> 640,000 项" among ${on.slice(0, 8).map(inlayLabel)}`);
    assert.ok(over.position.isEqual(positionOf(doc, '超64万项', '超64万项'.length)), 'the hint sits right after the figure');

    await cfg().update('inlayHints.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor('hints to go away when the setting is turned off again', async () => (await hints(doc)).length === 0);
  });
});
