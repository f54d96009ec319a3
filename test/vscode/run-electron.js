#!/usr/bin/env node
// `npm run test:vscode`: the in-host suite (test/vscode, compiled to out/test/vscode) in a
// desktop VS Code downloaded by @vscode/test-electron, for machines that can reach
// update.code.visualstudio.com. Where only npm and apt are reachable, `npm run test:e2e` runs
// the same suite inside code-server instead. On a Linux server without a display run it under
// xvfb-run. VS Code version: the engine's minimum (1.99.3) unless VSCODE_TEST_VERSION is set.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { prepareWorkspace, REPO } = require('./workspace');

async function main() {
  const suite = path.join(REPO, 'out/test/vscode/suite/index');
  if (!fs.existsSync(`${suite}.js`)) throw new Error(`${suite}.js is missing: run \`npm run compile\` first`);
  const ws = prepareWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'zh-ws-')));
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION || '1.99.3',
      extensionDevelopmentPath: REPO,
      extensionTestsPath: suite,
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
