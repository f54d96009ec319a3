// What the harness needs on a fresh Debian machine, installed only when missing: Debian
// packages (Chromium, a CJK font so screenshots show Chinese, the headers code-server's native
// modules build against, ripgrep), ripgrep's download cache pre-seeded (its postinstall would
// otherwise fetch rg from GitHub, which CI cannot reach), and the harness's own node_modules.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const APT_PACKAGES = [
  'chromium', // the browser playwright-core drives (playwright's own download is not reachable)
  'fonts-wqy-zenhei', // CJK glyphs: without it the screenshots show boxes
  'libkrb5-dev', // code-server's `kerberos` module builds against it
  'pkg-config',
  'build-essential',
  'python3', // node-gyp
  'ripgrep', // its binary seeds @vscode/ripgrep's cache below
];

function log(msg) {
  console.log(`[e2e] ${msg}`);
}

function missingDebianPackages(names) {
  return names.filter((n) => spawnSync('dpkg-query', ['-W', '-f=${Status}', n], { encoding: 'utf8' }).stdout.trim() !== 'install ok installed');
}

function ensureDebianPackages() {
  const missing = missingDebianPackages(APT_PACKAGES);
  if (!missing.length) return;
  const asRoot = process.getuid && process.getuid() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    const cmd = [...prefix, 'apt-get', ...args];
    const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed; install these packages yourself: ${missing.join(' ')}`);
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

/** @vscode/ripgrep (a code-server dependency) downloads rg in postinstall unless its cache holds the archive. */
function seedRipgrepCache(tmpdir) {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (!target) throw new Error(`no ripgrep cache seed for ${process.arch}`);
  const cache = path.join(tmpdir, 'vscode-ripgrep-cache-1.15.11');
  const archive = path.join(cache, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (fs.existsSync(archive)) return;
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  fs.mkdirSync(cache, { recursive: true });
  const staging = fs.mkdtempSync(path.join(tmpdir, 'rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  execFileSync('tar', ['-C', staging, '-czf', archive, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
  log(`seeded ${archive} with ${rg}`);
}

/** `npm ci` in the harness folder, skipped when node_modules was installed from the same lock file. */
function ensureHarnessModules(dir, tmpdir) {
  const lock = path.join(dir, 'package-lock.json');
  const stampFile = path.join(dir, 'node_modules', '.zh-figures-e2e-stamp');
  const manifest = fs.readFileSync(path.join(dir, 'package.json'));
  const stamp = crypto.createHash('sha256').update(manifest).update(fs.existsSync(lock) ? fs.readFileSync(lock) : '').digest('hex');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && fs.existsSync(path.join(dir, 'node_modules/code-server/out/node/entry.js'))) return;
  const args = fs.existsSync(lock) ? ['ci'] : ['install'];
  log(`npm ${args[0]} in ${path.relative(process.cwd(), dir) || dir} (code-server, playwright-core; about a minute)`);
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
    // unsafe_perm: code-server's postinstall must run as root too; yes: its nested npx calls.
    env: { ...process.env, TMPDIR: tmpdir, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (r.status !== 0) throw new Error(`npm ${args[0]} in ${dir} failed`);
  // Write the stamp from the lock npm ends with (npm install creates it).
  const after = crypto.createHash('sha256').update(manifest).update(fs.existsSync(lock) ? fs.readFileSync(lock) : '').digest('hex');
  fs.writeFileSync(stampFile, after);
  log(`npm ${args[0]} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function setup(harnessDir) {
  ensureDebianPackages();
  const tmpdir = os.tmpdir();
  seedRipgrepCache(tmpdir);
  ensureHarnessModules(harnessDir, tmpdir);
}

module.exports = { setup, log, missingDebianPackages, APT_PACKAGES };
