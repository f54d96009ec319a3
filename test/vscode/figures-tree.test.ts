// The Figures tree (through the exported provider, as the tree view itself calls it) and the
// reveal command its items run.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FigureNode } from '../../client/src/figures-tree';
import { ALIBABA, PLANTED, api, openReport, ourDiagnostics, waitFor } from './helpers';

type FigureLeaf = Extract<FigureNode, { type: 'figure' }>;

async function leaves(provider: vscode.TreeDataProvider<FigureNode>): Promise<{ root: FigureNode[]; groups: FigureNode[]; figures: FigureLeaf[] }> {
  const root = (await provider.getChildren()) ?? [];
  const groups = (await Promise.all(root.map(async (n) => (await provider.getChildren(n)) ?? []))).flat();
  const figures = (await Promise.all(groups.map(async (g) => (await provider.getChildren(g)) ?? []))).flat() as FigureLeaf[];
  return { root, groups, figures };
}

describe('zh-figures in VS Code: Figures tree and reveal', () => {
  it('shows the active report\'s figures grouped by subject, with normalized labels', async () => {
    const editor = await openReport(ALIBABA);
    const exports = await api();
    const uri = editor.document.uri.toString();
    // The tree follows the active editor: wait until its root is this file.
    const tree = await waitFor('the tree to show the seed report', async () => {
      const t = await leaves(exports.treeProvider);
      return t.root.length === 1 && t.root[0].type === 'file' && t.root[0].uri === uri ? t : undefined;
    });
    const file = tree.root[0] as Extract<FigureNode, { type: 'file' }>;
    const fileItem = exports.treeProvider.getTreeItem(file) as vscode.TreeItem;
    assert.strictEqual(fileItem.label, ALIBABA);
    assert.ok(tree.groups.every((g) => g.type === 'group'), 'files hold subject groups');
    assert.strictEqual(tree.figures.length, file.figures, 'every figure of the file is in some group');

    const over = tree.figures.find((f) => f.item.text === '超64万项');
    assert.ok(over, 'the tree lists 超64万项');
    assert.match(over.item.label, /超64万项 > 640,000 项/);
    assert.strictEqual(over.item.qualifier, 'over');
    assert.strictEqual(over.item.value, 640000);
    const item = exports.treeProvider.getTreeItem(over) as vscode.TreeItem;
    assert.strictEqual(item.command?.command, exports.commands.revealFigure, 'clicking a figure reveals it');

    // The API gives the same figures for any file, grouped either way.
    const byEntity = await exports.getFigures(editor.document.uri, 'entity');
    assert.strictEqual(byEntity.groupBy, 'entity');
    assert.strictEqual(byEntity.total, file.figures);
    assert.ok(byEntity.groups.some((g) => g.key === '阿里巴巴'), `an entity group for 阿里巴巴 in ${byEntity.groups.map((g) => g.key)}`);
  });

  it('marks figures that a diagnostic touches', async () => {
    const editor = await openReport(PLANTED);
    const exports = await api();
    const marked = await waitFor('a figure with problems in the planted report', async () => {
      const t = await leaves(exports.treeProvider);
      return t.figures.find((f) => f.item.text === '25.6%' && f.item.problems > 0);
    });
    assert.strictEqual(marked.item.severity, 'error');
    assert.strictEqual(marked.item.uri, editor.document.uri.toString());
    const item = exports.treeProvider.getTreeItem(marked) as vscode.TreeItem;
    assert.strictEqual(item.contextValue, 'zhFigures.figure.problem');
  });

  it('counts the file\'s problems as the Problems panel does', async () => {
    const editor = await openReport(PLANTED);
    const exports = await api();
    const uri = editor.document.uri.toString();
    const diagnostics = await waitFor('diagnostics on the planted report', () => {
      const d = ourDiagnostics(editor.document.uri);
      return d.length > 0 ? d : undefined;
    });
    const file = await waitFor('the tree row of the planted report', async () => {
      const root = (await exports.treeProvider.getChildren()) ?? [];
      const row = root.find((n) => n.type === 'file' && n.uri === uri) as Extract<FigureNode, { type: 'file' }> | undefined;
      return row && row.problems === diagnostics.length ? row : undefined;
    });
    assert.strictEqual(file.problems, diagnostics.length);
  });

  it('reveal command opens the file and selects the figure', async () => {
    const exports = await api();
    const seed = await openReport(ALIBABA);
    const figures = (await exports.getFigures(seed.document.uri)).groups.flatMap((g) => g.items);
    const target = figures.find((f) => f.text.startsWith('38.87亿'));
    assert.ok(target, 'the seed states 38.87亿');
    // Start from another file with the cursor elsewhere, as a user clicking in the tree would.
    const other = await openReport(PLANTED);
    other.selection = new vscode.Selection(0, 0, 0, 0);
    // The tree item's own command and arguments, exactly as a click runs them.
    const command = (exports.treeProvider.getTreeItem({ type: 'figure', item: target }) as vscode.TreeItem).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is active');
    assert.strictEqual(editor.document.uri.toString(), seed.document.uri.toString());
    assert.strictEqual(editor.document.getText(editor.selection), target.text);
    assert.strictEqual(editor.selection.start.line, target.range.start.line);
    assert.strictEqual(editor.selection.start.character, target.range.start.character);
  });
});
