// Entry point of the in-host suite, in the @vscode/test-electron shape: VS Code's extension host
// requires this file and calls run(). The same file runs under test-electron
// (`npm run test:vscode`) and inside code-server (`npm run test:e2e`, through the workbench's
// `payload` URL). Not part of `npm test`: .mocharc.json never looks in out/test/vscode.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

/** Printed before mocha starts, so a harness can tell the suite's output from the workbench's log. */
export const SUITE_START = '── zh-figures in-host suite ──';

export function run(): Promise<void> {
  // In code-server the extension host's console reaches the harness without printf formatting:
  // format here so that the spec reporter's lines arrive whole.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  const grep = process.env.ZH_FIGURES_TEST_GREP;
  if (grep) mocha.grep(grep);
  const testsRoot = path.resolve(__dirname, '..');
  for (const f of fs.readdirSync(testsRoot).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(testsRoot, f));

  console.log(SUITE_START);
  return new Promise((resolve, reject) => {
    const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [] };
    const runner = mocha.run((failures) => {
      // The harness counts from this file (console output can be lost when the window closes).
      const out = process.env.ZH_FIGURES_TEST_RESULT;
      if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
      console.log(`extension-host: ${result.passed} passed, ${result.failed} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', () => result.passed++);
    runner.on('pending', () => result.pending++);
    runner.on('fail', (test, err: Error) => {
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
    });
  });
}
