#!/usr/bin/env node
// `npm run test:e2e`: zh-figures proven in a real VS Code (1.99.3, as code-server) on this
// machine, with nothing but the npm registry and Debian's apt:
//   1. set up what is missing (Debian packages, the harness's node_modules in e2e/, the
//      extension's own node_modules), compile;
//   2. package the VSIX and check its contents (`npm run package`);
//   3. run the in-host mocha suite (test/vscode) inside code-server's extension host;
//   4. run the UI test in Chromium against code-server with that VSIX installed.
// Ends with one line "e2e: N passed, N failed"; exit code 1 if anything failed.
// Screenshots: e2e/.run/screenshots; code-server logs: e2e/.run/logs.
// `--update-docs` also copies the README's screenshots to docs/images.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { setup, log } = require('./lib/setup');

const HARNESS = __dirname;
const REPO = path.resolve(HARNESS, '..');
const OUT = path.join(HARNESS, '.run');
const SCREENSHOTS = path.join(OUT, 'screenshots');
const LOGS = path.join(OUT, 'logs');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const VSIX = path.join(REPO, `${manifest.name}-${manifest.version}.vsix`);

/** Screenshots shown in README.md: [taken as, committed as]. */
const DOC_IMAGES = [
  ['02-hover-closeup.png', 'hover.png'],
  ['03-figures-tree.png', 'figures-tree.png'],
  ['01-problems.png', 'problems-panel.png'],
];

const started = Date.now();
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const totals = { passed: 0, failed: 0, failures: [] };

function npm(args, cwd) {
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
  });
  return r.status === 0;
}

/** The extension's dev dependencies (mocha, esbuild, vsce) and nodejieba's native addon. */
function ensureExtensionModules() {
  const needed = ['node_modules/mocha/package.json', 'node_modules/@vscode/vsce/package.json', 'node_modules/esbuild/package.json', 'node_modules/nodejieba/build/Release/nodejieba.node'];
  if (needed.every((f) => fs.existsSync(path.join(REPO, f)))) return;
  log('npm ci in the repository (extension dependencies)');
  if (!npm(['ci', '--no-audit', '--no-fund'], REPO)) throw new Error('npm ci in the repository failed');
}

function record(title, ok, error) {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    totals.failures.push({ title, error });
  }
}

function copyLogs(from, name) {
  fs.mkdirSync(LOGS, { recursive: true });
  for (const f of ['code-server.log', 'workbench.log']) {
    const src = path.join(from, f);
    if (fs.existsSync(src)) fs.copyFileSync(src, path.join(LOGS, `${name}-${f}`));
  }
}

async function main() {
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.rmSync(LOGS, { recursive: true, force: true });

  let t0 = Date.now();
  log('setup');
  setup(HARNESS);
  ensureExtensionModules();
  log(`setup done (${seconds(t0)})`);

  t0 = Date.now();
  log('compile (tsc + bundles)');
  if (!npm(['run', '--silent', 'compile'], REPO)) throw new Error('npm run compile failed');
  log(`compiled (${seconds(t0)})`);

  t0 = Date.now();
  log('package the VSIX');
  const packaged = npm(['run', '--silent', 'package'], REPO) && fs.existsSync(VSIX);
  record('npm run package: VSIX built, bundles and nodejieba inside, no tests or sources', packaged, 'npm run package failed');
  log(`package ${packaged ? 'passed' : 'FAILED'} (${seconds(t0)})`);

  // Short temp dirs: code-server puts unix sockets in them (path limit 107 bytes).
  const { runInHost } = require('./in-host');
  t0 = Date.now();
  log('in-host suite (test/vscode) inside VS Code 1.99.3 (code-server)');
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhe2e-'));
  try {
    const r = await runInHost({ dir: hostDir });
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.failures.push(...r.failures);
    log(`in-host: ${r.passed} passed, ${r.failed} failed (${seconds(t0)})`);
  } catch (e) {
    record('in-host suite', false, String(e && e.stack ? e.stack : e));
    log(`in-host suite could not run: ${e && e.message}`);
  } finally {
    copyLogs(hostDir, 'in-host');
    fs.rmSync(hostDir, { recursive: true, force: true });
  }

  const { runUi } = require('./ui');
  t0 = Date.now();
  log('UI test in Chromium, VSIX installed');
  const uiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhe2e-'));
  try {
    if (!packaged) throw new Error('no VSIX to install');
    const r = await runUi({ dir: uiDir, vsix: VSIX, screenshots: SCREENSHOTS });
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.failures.push(...r.failures);
    log(`ui: ${r.passed} passed, ${r.failed} failed (${seconds(t0)}); screenshots in ${path.relative(REPO, SCREENSHOTS)}`);
  } catch (e) {
    record('UI test', false, String(e && e.stack ? e.stack : e));
    log(`UI test could not run: ${e && e.message}`);
  } finally {
    copyLogs(uiDir, 'ui');
    fs.rmSync(uiDir, { recursive: true, force: true });
  }

  if (process.argv.includes('--update-docs')) {
    const images = path.join(REPO, 'docs', 'images');
    fs.mkdirSync(images, { recursive: true });
    for (const [from, to] of DOC_IMAGES) {
      const src = path.join(SCREENSHOTS, from);
      if (fs.existsSync(src)) fs.copyFileSync(src, path.join(images, to));
      log(`${fs.existsSync(src) ? 'updated' : 'MISSING, not updated:'} docs/images/${to}`);
    }
  }
}

main()
  .catch((e) => record('e2e harness', false, String(e && e.stack ? e.stack : e)))
  .finally(() => {
    for (const f of totals.failures) console.log(`\nFAILED: ${f.title}\n${f.error}`);
    console.log(`\ne2e: ${totals.passed} passed, ${totals.failed} failed (${seconds(started)})`);
    process.exitCode = totals.failed ? 1 : 0;
  });
