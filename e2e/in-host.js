// Runs the in-host mocha suite (test/vscode, compiled to out/test/vscode) inside code-server.
// code-server has no --extensionTestsPath; the browser workbench does: its `payload` URL
// parameter loads the repository as a development extension and runs the suite in the remote
// (Node) extension host, then calls window.codeAutomationExit(code) when run() settles.
'use strict';
const fs = require('fs');
const path = require('path');
const { startCodeServer } = require('./lib/code-server');
const { openBrowser } = require('./lib/browser');
const { prepareWorkspace } = require('../test/vscode/workspace');

const REPO = path.resolve(__dirname, '..');
const SUITE = path.join(REPO, 'out/test/vscode/suite');
const TIMEOUT_MS = 180000;
// Kept in step with SUITE_START in test/vscode/suite/index.ts (not required from there: that
// module imports mocha from the repository's node_modules).
const SUITE_START = '── zh-figures in-host suite ──';
// Workbench chatter that can interleave with the suite's output (the gallery is off on purpose).
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache)/;

/** @returns {Promise<{passed: number, failed: number, failures: {title: string, error: string}[]}>} */
async function runInHost({ dir, log = console.log }) {
  if (!fs.existsSync(path.join(SUITE, 'index.js'))) throw new Error(`${SUITE}/index.js is missing: run \`npm run compile\` first`);
  const ws = prepareWorkspace(path.join(dir, 'ws'));
  const resultFile = path.join(dir, 'in-host-result.json');
  fs.rmSync(resultFile, { force: true });
  const server = await startCodeServer({ dir, env: { ZH_FIGURES_TEST_RESULT: resultFile } });
  const { browser, page, blocked } = await openBrowser(server.tmpDir);
  let timer;
  try {
    const exit = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(code)).catch(() => {});
      timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
    });
    // Every workbench log line arrives here (unformatted: suite/index formats mocha's lines).
    // All go to the log file; from the suite's start marker on, they are shown too.
    const logFile = fs.openSync(path.join(dir, 'workbench.log'), 'w');
    let showing = false;
    await page.exposeFunction('codeAutomationLog', (_level, args) => {
      const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      fs.writeSync(logFile, line + '\n');
      if (line.includes(SUITE_START)) showing = true;
      else if (showing && !NOISE.test(line)) for (const l of line.split('\n')) if (l.trim()) log(`  ${l}`);
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(REPO)],
      ['extensionTestsPath', server.remoteUri(SUITE)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(server.url(ws, payload));
    const code = await exit;
    if (blocked.length) log(`  (blocked ${blocked.length} non-loopback requests: ${blocked.slice(0, 3).join(', ')})`);
    if (fs.existsSync(resultFile)) return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    const why = code === 'timeout' ? `no result after ${TIMEOUT_MS / 1000} s` : `the suite exited with ${code} before writing results`;
    return { passed: 0, failed: 1, failures: [{ title: 'in-host suite', error: `${why}; see ${server.logFile}` }] };
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => {});
    await server.stop();
  }
}

module.exports = { runInHost };

if (require.main === module) {
  const os = require('os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhe2e-'));
  runInHost({ dir }).then(
    (r) => {
      for (const f of r.failures) console.log(`FAILED ${f.title}\n${f.error}`);
      console.log(`extension-host: ${r.passed} passed, ${r.failed} failed`);
      process.exitCode = r.failed ? 1 : 0;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    }
  ).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
