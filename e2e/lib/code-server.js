// Start and stop code-server 4.99.4 (VS Code 1.99.3 with a Node extension host) on loopback,
// with settings that remove every dialog and every network lookup. Each instance runs in its
// own process group so that stopping it also stops its extension host and language servers.
'use strict';
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

const HARNESS = path.resolve(__dirname, '..');
const ENTRY = path.join(HARNESS, 'node_modules/code-server/out/node/entry.js');

const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on', // report paragraphs are single long lines
  'workbench.colorTheme': 'Default Light Modern',
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  'chat.commandCenter.enabled': false,
};

const running = new Set();
function killAll() {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  running.clear();
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => process.exit(130));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Install a VSIX into an extensions dir with code-server's own CLI. */
function installVsix(vsix, { dataDir, extensionsDir, tmpDir }) {
  const { spawnSync } = require('child_process');
  const r = spawnSync(
    process.execPath,
    [ENTRY, '--user-data-dir', dataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsix],
    { encoding: 'utf8', env: { ...process.env, TMPDIR: tmpDir, EXTENSIONS_GALLERY: '{"serviceUrl":""}' } }
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Start code-server. `dir` holds data/, ext/, tmp/ and code-server.log; keep it short (a unix
 * socket path in tmp/ must stay under 107 bytes). `env` reaches the extension host. `vsix`, if
 * given, is installed first with code-server's own CLI, as a user would install it.
 */
async function startCodeServer({ dir, env = {}, settings = {}, vsix }) {
  const dataDir = path.join(dir, 'data');
  const extensionsDir = path.join(dir, 'ext');
  const tmpDir = path.join(dir, 'tmp');
  for (const d of [path.join(dataDir, 'User'), extensionsDir, tmpDir]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
  const installed = vsix ? installVsix(vsix, { dataDir, extensionsDir, tmpDir }) : undefined;
  const port = await freePort();
  const logFile = path.join(dir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      ENTRY,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir', dataDir,
      '--extensions-dir', extensionsDir,
    ],
    {
      detached: true,
      stdio: ['ignore', log, log],
      // An empty gallery URL turns the marketplace off: no lookups on start.
      env: { ...process.env, ...env, TMPDIR: tmpDir, EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
    }
  );
  fs.closeSync(log);
  running.add(child.pid);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 30000;
  while (!(await healthy(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      running.delete(child.pid);
      throw new Error(`code-server did not start; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    installed,
    dataDir,
    extensionsDir,
    tmpDir,
    logFile,
    /** Workbench URL opening `folder`, optionally with a `payload` (list of [key, value]). */
    url(folder, payload) {
      let u = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    /** A local path as the remote URI the workbench maps back to that file. */
    remoteUri(p) {
      return `vscode-remote://127.0.0.1:${port}${p}`;
    },
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5000);
      await exited;
      clearTimeout(t);
      running.delete(child.pid);
    },
  };
}

module.exports = { startCodeServer, installVsix, ENTRY };
