// Where each rule is documented: docs/rules.md shipped with the extension (or README.md),
// at the heading that names the rule. Used by the "open rule documentation" command and as
// the link target of each diagnostic's code.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

// The codes are the core's; the client only opens their documentation.
export { RULE_CODES } from '../../server/src/core/checks/types';

export class RuleDocs {
  private lines: string[] | undefined;
  readonly file: string | undefined;

  constructor(extensionPath: string) {
    this.file = ['docs/rules.md', 'README.md'].map((f) => path.join(extensionPath, f)).find((f) => fs.existsSync(f));
  }

  /** 0-based line of the heading for a rule code (or of its first mention), 0 if none. */
  lineOf(code: string): number {
    if (!this.file) return 0;
    this.lines ??= fs.readFileSync(this.file, 'utf8').split(/\r?\n/);
    const heading = this.lines.findIndex((l) => /^#{1,6}\s/.test(l) && l.includes(code));
    if (heading >= 0) return heading;
    const mention = this.lines.findIndex((l) => l.includes(code));
    return Math.max(0, mention);
  }

  /** A file URI with a #L fragment that VS Code opens at the rule's line. */
  target(code: string): vscode.Uri | undefined {
    if (!this.file) return undefined;
    return vscode.Uri.file(this.file).with({ fragment: `L${this.lineOf(code) + 1}` });
  }

  async open(code: string): Promise<vscode.TextEditor | undefined> {
    if (!this.file) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The rule documentation is not installed.'));
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(this.file));
    const line = this.lineOf(code);
    const pos = new vscode.Position(line, 0);
    return vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: true });
  }
}
